// Every actor's mentions, filed by actor in one pass over the corpus, so that each actor
// page (a process of its own in the build) reads one small file instead of every article's
// parts: with 19 actors that is one corpus pass instead of 19.
//
//   .cache/actors/<key>/<actor>.jsonl            one filed mention per line
//   .cache/actors/<key>/<actor>.evidence.jsonl   the sentences the page can quote
//
// The key hashes the cache names of every article's outline, mentions and topics parts,
// which already stand for the article's text and the rules and code each part depends on,
// and each article's groups (which decide the sentences quoted): an edited article, rule
// or grouping gives a new key, so the index is never stale. The sentences come from the
// analysis index's outline file (loaders/analysisIndex.ts), which holds the outline parts'
// text and offsets without their vocabularies. The index is written into a temporary
// directory renamed into place when complete, so concurrent loaders never read half an
// index, and older indexes are removed when a new one is made.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { whileHolding, writeIndexDir } from "./indexDir.ts";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GROUPINGS, loadCorpus, readArticle } from "./corpus.ts";
import { articleParts, loadAllRules, mentionsAndTopics, sentencesOf, type AllRules, type ArticleParts, type SentenceText } from "./digest.ts";
import { indexedSentences } from "./analysisIndex.ts";
import { outlineSentences } from "./outline.ts";
import { currentPartFiles, PARTS, partsDir } from "./partCache.ts";
import type { ArticleMention } from "./pipeline.ts";
import { Shortlist } from "./strongest.ts";
import type { ArticleMeta, Corpus } from "./types.ts";

/** Evidence sentences an actor page quotes per group: enough to read, bounded so a page stays small at scale. */
export const EVIDENCE_PER_GROUP = 25;

/** A mention with what its actor's page shows next to it: where its sentence starts, and the sentence's topics. */
export interface FiledMention {
  mention: ArticleMention;
  sentenceStart: number;
  topics: string[];
}

export interface ActorMentions extends AllRules {
  corpus: Corpus;
  mentions: FiledMention[];
  /** the text of a filed mention's sentence (the page shows a few dozen: read when asked) */
  sentenceText: (m: ArticleMention) => string;
}

/**
 * One line of an actor's file: the mention's fields in ArticleMention order, its actor
 * implied by the file, then the sentence start and topics. No sentence text: at 1,000
 * articles the texts made Iran's file 51 MB, and the page quotes about 100 sentences.
 */
type FiledLine = [
  article: string, sentence: number, text: string, start: number, end: number, rawStart: number, rawEnd: number,
  stance: ArticleMention["stance"], score: number, rules: string[], via: string, cues: ArticleMention["cues"],
  sentenceStart: number, topics: string[],
];

const toLine = ({ mention: m, sentenceStart, topics }: FiledMention): FiledLine =>
  [m.article, m.sentence, m.text, m.start, m.end, m.rawStart, m.rawEnd, m.stance, m.score, m.rules, m.via, m.cues, sentenceStart, topics];

function fromLine(actor: string, [article, sentence, text, start, end, rawStart, rawEnd, stance, score, rules, via, cues, sentenceStart, topics]: FiledLine): FiledMention {
  return { mention: { article, sentence, actor, text, start, end, rawStart, rawEnd, stance, score, rules, via, cues }, sentenceStart, topics };
}

/** One actor's filed mentions, from the index (made on first use) or, with caching off, from a pass of its own. */
export function actorMentions(id: string, root = process.cwd()): ActorMentions {
  const corpus = loadCorpus(root);
  const all = loadAllRules(root);
  const parts = partsDir(root);
  if (!parts) {
    const mentions: FiledMention[] = [];
    const texts = new Map<string, string>();
    fileEveryMention(corpus, root, all, (_meta, actor, filed, text) => {
      if (actor !== id) return;
      mentions.push(filed);
      texts.set(`${filed.mention.article}\u0000${filed.mention.sentence}`, text);
    });
    return { corpus, ...all, mentions, sentenceText: (m) => texts.get(`${m.article}\u0000${m.sentence}`)! };
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
  const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter((line) => line) : []);
  const mentions = lines(join(dir, `${encodeURIComponent(id)}.jsonl`)).map((line) => fromLine(id, JSON.parse(line) as FiledLine));
  // the sentences the page quotes were filed with the index; any other from the articles'
  // outline parts, which the index was made from (a whole part read for one sentence)
  const quotable = new Map<string, string>();
  for (const line of lines(join(dir, `${encodeURIComponent(id)}.evidence.jsonl`))) {
    const [article, sentence, text] = JSON.parse(line) as [string, number, string];
    quotable.set(`${article}\u0000${sentence}`, text);
  }
  const sentences = sentencesOf(corpus, root);
  const sentenceText = (m: ArticleMention) => quotable.get(`${m.article}\u0000${m.sentence}`) ?? sentences(m.article)[m.sentence].text;
  return { corpus, ...all, mentions, sentenceText };
}

let ownCode: string | null = null;
/** Hash of every article's part cache names (the parts' own keys) and groups, in corpus order, and of the code writing the lines. */
function indexKey(corpus: Corpus, root: string): string {
  ownCode ??= readFileSync(fileURLToPath(import.meta.url), "utf8");
  const h = createHash("sha256").update("actor-index\0").update(ownCode).update("\0");
  for (const meta of corpus.articles) {
    // the parts read here: outline, mentions and topics (not framing, nor the reader's view)
    for (const f of currentPartFiles(meta, root, [PARTS.outline, PARTS.mentions, PARTS.topics])) h.update(basename(f)).update("\0");
    h.update(JSON.stringify(GROUPINGS.map((g) => meta[g]))).update("\0");
  }
  return h.digest("hex").slice(0, 40);
}

/**
 * Streams every article's mentions and topics once, handing each mention to `file` with
 * its sentence and topics. The sentences come from `indexed` (the analysis index's, in
 * corpus order) when given, else from each article's outline part.
 */
function fileEveryMention(
  corpus: Corpus,
  root: string,
  all: AllRules,
  file: (meta: ArticleMeta, actor: string, filed: FiledMention, sentenceText: string) => unknown,
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
    if (!mentions.length) continue;
    const topicsOf = new Map(topics.map((t) => [t.sentence, t.topics.map((x) => x.topic)]));
    for (const m of mentions) {
      const s = sentences[m.sentence];
      file(meta, m.actor, { mention: m, sentenceStart: s.start, topics: topicsOf.get(m.sentence) ?? [] }, s.text);
    }
  }
}

/**
 * Files every mention under its actor and, per actor, the sentences of the strongest
 * mentions of each group (under either grouping): the ones its page quotes, so the page
 * need not read an outline part (~60 KB at 1,000 articles) per sentence it quotes.
 */
function writeIndex(corpus: Corpus, root: string, all: AllRules, dir: string, sentences: Iterator<SentenceText[]>): void {
  // the sentence kept as its JSON text: a copy, where the sentence itself is a slice that
  // would keep its whole article's text in memory (~25 MB over a thousand articles)
  // (and of the mention only what ranks it, not its cues)
  type Quotable = { score: number; article: string; start: number; sentence: number; json: string };
  // per actor, per grouping: the shortlist of each group (looked up by the article's own
  // group strings, so nothing is made per mention but the few shortlisted)
  const shortlists = new Map<string, Array<Map<string, Shortlist<Quotable>>>>();
  writeIndexDir(dir, [], (put) => {
    fileEveryMention(corpus, root, all, (meta, actor, filed, text) => {
      put(`${encodeURIComponent(actor)}.jsonl`, JSON.stringify(toLine(filed)));
      let lists = shortlists.get(actor);
      if (!lists) shortlists.set(actor, (lists = GROUPINGS.map(() => new Map())));
      let quotable: Quotable | null = null;
      for (let i = 0; i < GROUPINGS.length; i++) {
        const group = meta[GROUPINGS[i]];
        let list = lists[i].get(group);
        if (!list) lists[i].set(group, (list = new Shortlist<Quotable>(EVIDENCE_PER_GROUP, (q) => q)));
        const m = filed.mention;
        if (list.admits(m)) list.offer((quotable ??= { score: m.score, article: m.article, start: m.start, sentence: m.sentence, json: JSON.stringify(text) }));
      }
    }, sentences);
    for (const [actor, lists] of shortlists) {
      // a sentence once, however many groups quote it
      const quoted = new Map<string, string>();
      for (const list of lists.flatMap((byGroup) => [...byGroup.values()]))
        for (const m of list.items) quoted.set(`${m.article}\u0000${m.sentence}`, `[${JSON.stringify(m.article)},${m.sentence},${m.json}]`);
      for (const line of quoted.values()) put(`${encodeURIComponent(actor)}.evidence.jsonl`, line);
    }
  });
}
