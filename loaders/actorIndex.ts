// The outputs made from every mention with its cues, computed in one pass over the corpus
// and filed: each actor's page (loaders/actorPage.ts), the overview's evidence
// (loaders/evidence.ts) and the Rules page's usage counts (loaders/ruleUsage.ts). Each
// output (19 actor pages, in two loader processes, and the two data files) reads its own
// file instead of every article's parts: one pass over the mentions parts where there
// were three, and no page files its actor's mentions again.
//
//   .cache/actors/<key>/<actor>.json       an actor page's data, as its loader emits it
//   .cache/actors/<key>/@evidence.json     the overview's evidence
//   .cache/actors/<key>/@rule-usage.json   the Rules page's data
//
// ("@" is never in an actor's file name: encodeURIComponent escapes it.) The key
// (indexKey) covers everything these depend on, so an edited article, rule, grouping or
// loader gives a new key and the index is never stale. The sentences come from the
// analysis index's outline file (loaders/analysisIndex.ts), which holds the outline parts'
// text and offsets without their vocabularies. The index is written into a temporary
// directory renamed into place when complete, so concurrent loaders never read half an
// index, and older indexes are removed when a new one is made.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ActorPage, type ActorPageData } from "./actorPage.ts";
import { indexedSentences } from "./analysisIndex.ts";
import { loadCorpus, readArticle } from "./corpus.ts";
import { articleParts, loadAllRules, mentionsAndTopics, sentencesOf, type AllRules, type ArticleParts, type SentenceText } from "./digest.ts";
import { EvidenceTally, mentionEvidence } from "./evidence.ts";
import { hashSources, whileHolding, writeIndexDir } from "./indexDir.ts";
import { InputError } from "./inputError.ts";
import { outlineSentences } from "./outline.ts";
import { currentPartFiles, PARTS, partsDir } from "./partCache.ts";
import type { ArticleMention } from "./pipeline.ts";
import { fileStanceLayer, layerFiledByTables, pruneStanceLayers, stanceLayerFile } from "./reader.ts";
import { ruleUsage, RuleUsageTally } from "./ruleUsage.ts";
import type { SentenceTopics } from "./topics.ts";
import type { ArticleMeta, Corpus, RawArticle } from "./types.ts";

const EVIDENCE_FILE = "@evidence.json";
const RULE_USAGE_FILE = "@rule-usage.json";

/** One actor's page as JSON text: from the index (made on first use) or, with caching off, from a pass of its own. */
export function actorPageJson(id: string, root = process.cwd()): string {
  const corpus = loadCorpus(root);
  const all = loadAllRules(root);
  if (!all.rules.actors.byId.has(id)) throw new InputError("data/rules/actors.yaml", null, `no actor with id "${id}"`, "check the link or the actor's id");
  return filed(`${encodeURIComponent(id)}.json`, corpus, all, root, () => {
    const pages = emptyPages(corpus, all, [id]);
    fileEveryMention(corpus, root, all, (meta, mentions, _topics, sentences, topicsOf) => addToPages(pages, meta, mentions, sentences, topicsOf));
    return pages.get(id)!.page();
  });
}

/** One actor's page data. */
export const actorPage = (id: string, root = process.cwd()): ActorPageData => JSON.parse(actorPageJson(id, root)) as ActorPageData;

/** The overview's evidence as JSON text (loaders/evidence.ts). */
export function evidenceJson(root = process.cwd()): string {
  return filed(EVIDENCE_FILE, loadCorpus(root), loadAllRules(root), root, () => mentionEvidence(root));
}

/** The Rules page's data as JSON text (loaders/ruleUsage.ts). */
export function ruleUsageJson(root = process.cwd()): string {
  return filed(RULE_USAGE_FILE, loadCorpus(root), loadAllRules(root), root, () => ruleUsage(root));
}

/** A file of the index (filed first when missing), or with caching off `compute`'s result. */
function filed(file: string, corpus: Corpus, all: AllRules, root: string, compute: () => unknown): string {
  const parts = partsDir(root);
  if (!parts) return JSON.stringify(compute());
  const dir = join(parts, "..", "actors", indexKey(corpus, root));
  // one process writes it; another needing it meanwhile waits (or, in the pre-runner, runs
  // other outputs first). The sentences come from the analysis index, filed first if
  // missing: outside this lock, so that waiting for it never holds this one.
  if (!existsSync(dir)) {
    const sentences = indexedSentences(root)!;
    try {
      whileHolding(`${dir}.lock`, () => existsSync(dir), () => writeIndex(corpus, root, all, dir, sentences));
    } finally {
      sentences.return(undefined); // closes the file
    }
  }
  // one line per file: the JSON and the newline the index writer ends it with
  return readFileSync(join(dir, file), "utf8").slice(0, -1);
}

const emptyPages = (corpus: Corpus, all: AllRules, ids: readonly string[]) => new Map(ids.map((id) => [id, new ActorPage(all.rules.actors.byId.get(id)!, corpus, all.topicRules)]));

function addToPages(pages: ReadonlyMap<string, ActorPage>, meta: ArticleMeta, mentions: readonly ArticleMention[], sentences: readonly SentenceText[], topicsOf: (sentence: number) => readonly string[]): void {
  for (const m of mentions) {
    const page = pages.get(m.actor);
    if (!page) continue;
    const s = sentences[m.sentence];
    page.add(meta, m, s.start, topicsOf(m.sentence), s.text);
  }
}

/**
 * What the index depends on: the cache names of every article's outline, mentions and
 * topics parts (the parts' own keys, which stand for the article's text and the rules
 * and code each part depends on), the corpus description, the rule files (labels and
 * order) and the code under loaders/.
 */
function indexKey(corpus: Corpus, root: string): string {
  const h = createHash("sha256").update("actor-index\0");
  for (const meta of corpus.articles)
    for (const f of currentPartFiles(meta, root, [PARTS.outline, PARTS.mentions, PARTS.topics])) h.update(basename(f)).update("\0");
  hashSources(h, root, { rules: true });
  return h.digest("hex").slice(0, 40);
}

/**
 * Streams every article's mentions and topics once, in corpus order, handing each article's
 * to `each` with its sentences and its sentences' topics. The sentences come from
 * `indexed` (the analysis index's, in corpus order) when given, else from each article's
 * outline part.
 */
function fileEveryMention(
  corpus: Corpus,
  root: string,
  all: AllRules,
  each: (meta: ArticleMeta, mentions: ArticleMention[], topics: SentenceTopics[], sentences: SentenceText[], topicsOf: (sentence: number) => readonly string[], article: RawArticle) => void,
  indexed?: Iterator<SentenceText[]>,
): void {
  for (const meta of corpus.articles) {
    const article = readArticle(meta, root);
    let sentences: SentenceText[];
    let parts: Pick<ArticleParts, "mentions" | "topics">;
    if (indexed) {
      const next = indexed.next();
      if (next.done) throw new Error(`the analysis index has no sentences for ${meta.id}: delete .cache/analysis and rebuild`);
      sentences = next.value;
      parts = mentionsAndTopics(article, root, all);
    } else {
      const all4 = articleParts(article, root, all);
      sentences = outlineSentences(all4.outline);
      parts = all4;
    }
    const { mentions, topics } = parts;
    let topicsOf: Map<number, string[]> | null = null;
    each(meta, mentions, topics, sentences, (sentence) => (topicsOf ??= new Map(topics.map((t) => [t.sentence, t.topics.map((x) => x.topic)]))).get(sentence) ?? [], article);
  }
}

/**
 * Every output of the index from one pass over the corpus, one file each (each actor's
 * page's bootstraps computed as it is written), and each article's stance layer
 * (loaders/reader.ts): this pass reads every article's mentions, which the thousand
 * stance layer loaders would otherwise each read again.
 */
function writeIndex(corpus: Corpus, root: string, all: AllRules, dir: string, sentences: Iterator<SentenceText[]>): void {
  const pages = emptyPages(corpus, all, all.rules.actors.actors.map((a) => a.id));
  const evidence = new EvidenceTally();
  const usage = new RuleUsageTally();
  // every article's layer is kept when older ones are removed, those the tables file too
  const layers = new Set<string>();
  let index = 0;
  fileEveryMention(
    corpus,
    root,
    all,
    (meta, mentions, topics, text, topicsOf, article) => {
      addToPages(pages, meta, mentions, text, topicsOf);
      evidence.add(meta, mentions);
      usage.add(meta, mentions, topics);
      const layer = layerFiledByTables(index++) ? stanceLayerFile(article, root) : fileStanceLayer(article, mentions, root);
      if (layer) layers.add(layer);
    },
    sentences,
  );
  pruneStanceLayers(layers, root);
  const quoted = sentencesOf(corpus, root);
  writeIndexDir(dir, [], (put) => {
    for (const [id, page] of pages) put(`${encodeURIComponent(id)}.json`, JSON.stringify(page.page()));
    put(EVIDENCE_FILE, JSON.stringify(evidence.result(corpus, all, quoted)));
    put(RULE_USAGE_FILE, JSON.stringify(usage.result(corpus, all, quoted)));
  });
}
