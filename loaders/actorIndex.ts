// Every actor's page (loaders/actorPage.ts), computed in one pass over the corpus and
// filed, so that each actor page output (19 of them, in two loader processes) reads its
// own file instead of every article's parts, and no page files its actor's mentions again:
//
//   .cache/actors/<key>/<actor>.json   the page's data, as the page loader emits it
//
// The key (indexKey) covers everything a page depends on, so an edited article, rule,
// grouping or loader gives a new key and the index is never stale. The sentences come
// from the analysis index's outline file (loaders/analysisIndex.ts), which holds the
// outline parts' text and offsets without their vocabularies. The index is written into a
// temporary directory renamed into place when complete, so concurrent loaders never read
// half an index, and older indexes are removed when a new one is made.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ActorPage, type ActorPageData } from "./actorPage.ts";
import { indexedSentences } from "./analysisIndex.ts";
import { loadCorpus, readArticle } from "./corpus.ts";
import { articleParts, loadAllRules, mentionsAndTopics, type AllRules, type ArticleParts, type SentenceText } from "./digest.ts";
import { hashSources, whileHolding, writeIndexDir } from "./indexDir.ts";
import { InputError } from "./inputError.ts";
import { outlineSentences } from "./outline.ts";
import { currentPartFiles, PARTS, partsDir } from "./partCache.ts";
import type { Corpus } from "./types.ts";

/** One actor's page (loaders/actorPage.ts) as JSON text: from the index (made on first use) or, with caching off, from a pass of its own. */
export function actorPageJson(id: string, root = process.cwd()): string {
  const corpus = loadCorpus(root);
  const all = loadAllRules(root);
  if (!all.rules.actors.byId.has(id)) throw new InputError("data/rules/actors.yaml", null, `no actor with id "${id}"`, "check the link or the actor's id");
  const parts = partsDir(root);
  if (!parts) {
    const pages = emptyPages(corpus, all, [id]);
    fileEveryMention(corpus, root, all, pages);
    return JSON.stringify(pages.get(id)!.page());
  }
  const base = join(parts, "..", "actors");
  const dir = join(base, indexKey(corpus, root));
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
  return readFileSync(join(dir, `${encodeURIComponent(id)}.json`), "utf8").slice(0, -1);
}

/** One actor's page data. */
export const actorPage = (id: string, root = process.cwd()): ActorPageData => JSON.parse(actorPageJson(id, root)) as ActorPageData;

const emptyPages = (corpus: Corpus, all: AllRules, ids: readonly string[]) => new Map(ids.map((id) => [id, new ActorPage(all.rules.actors.byId.get(id)!, corpus, all.topicRules)]));

/**
 * What the pages depend on: the cache names of every article's outline, mentions and
 * topics parts (the parts' own keys, which stand for the article's text and the rules
 * and code each part depends on), the corpus description, the rule files (labels and
 * order) and the code under loaders/.
 */
function indexKey(corpus: Corpus, root: string): string {
  const h = createHash("sha256").update("actor-pages\0");
  for (const meta of corpus.articles)
    for (const f of currentPartFiles(meta, root, [PARTS.outline, PARTS.mentions, PARTS.topics])) h.update(basename(f)).update("\0");
  hashSources(h, root, { rules: true });
  return h.digest("hex").slice(0, 40);
}

/**
 * Streams every article's mentions and topics once, adding each mention of an actor in
 * `pages` to its page with its sentence and topics. The sentences come from `indexed`
 * (the analysis index's, in corpus order) when given, else from each article's outline part.
 */
function fileEveryMention(corpus: Corpus, root: string, all: AllRules, pages: ReadonlyMap<string, ActorPage>, indexed?: Iterator<SentenceText[]>): void {
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
    if (!mentions.length) continue;
    const topicsOf = new Map(topics.map((t) => [t.sentence, t.topics.map((x) => x.topic)]));
    for (const m of mentions) {
      const page = pages.get(m.actor);
      if (!page) continue;
      const s = sentences[m.sentence];
      page.add(meta, m, s.start, topicsOf.get(m.sentence) ?? [], s.text);
    }
  }
}

/** Every actor's page, from one pass over the corpus, one file each (written one at a time: each page's bootstraps are computed as it is written). */
function writeIndex(corpus: Corpus, root: string, all: AllRules, dir: string, sentences: Iterator<SentenceText[]>): void {
  const pages = emptyPages(corpus, all, all.rules.actors.actors.map((a) => a.id));
  fileEveryMention(corpus, root, all, pages, sentences);
  writeIndexDir(dir, [], (put) => {
    for (const [id, page] of pages) put(`${encodeURIComponent(id)}.json`, JSON.stringify(page.page()));
  });
}
