// The corpus as the corpus-wide tables read it (the slim digest: outlines, mentions without
// their cues, topics without their spans, label uses). The outlines, topics and label uses
// are filed once per corpus state in a few compact files, so that the tables read about a
// quarter of the bytes and none of the article texts, instead of every article's parts.
// Measured on 1,000 synthetic articles: 4.6 s per loader before.
//
//   .cache/analysis/outline/<key>/outline.jsonl      one line per article, in corpus order
//                                                   (the actor index reads its sentences too)
//                                /vocabulary.jsonl   read only by the word tables
//   .cache/analysis/topics/<key>/topics.jsonl
//   .cache/analysis/labels/<key>/labels.jsonl
//
// The mentions are read from their parts, not filed: they are what a cue edit changes, and
// after one, filing every article's mentions to read them back made the stance tables 10.1
// CPU-s against 7.2 now (1,000 articles). A rule edit elsewhere (topics, framing) reads
// the mentions parts again where it read the index, ~1.2 s more.
//
// Each file is filed from one kind of part and keyed by the cache names of every
// article's part of that kind (which stand for the article's text and the rules and code
// that part depends on), in corpus order, plus this file's own code (the line format): an
// edited article or rule gives a new key, so the index is never stale, and a rule edit
// refiles only what that rule changes. A file is written into a temporary directory
// renamed into place when complete, and older ones are removed when a new one is made.
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync } from "node:fs";
import { whileHolding, writeIndexDir } from "./indexDir.ts";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, readArticle } from "./corpus.ts";
import { articlePart, loadAllRules, loadDigest, slimMention, type Digest, type DigestOptions, type SentenceText } from "./digest.ts";
import type { LabelUse } from "./framing.ts";
import { outlineSentences, type Outline, type VocabularyEntry } from "./outline.ts";
import { currentPartFiles, PARTS, partsDir } from "./partCache.ts";
import type { ArticleMention } from "./pipeline.ts";
import type { SentenceTopics } from "./topics.ts";
import type { Corpus, RawArticle } from "./types.ts";

/** The index's files by the part each is filed from. */
const GROUPS = {
  outline: { part: PARTS.outline, files: ["outline", "vocabulary"] },
  topics: { part: PARTS.topics, files: ["topics"] },
  labels: { part: PARTS.framing, files: ["labels"] },
} as const;
type Group = keyof typeof GROUPS;
type IndexFile = (typeof GROUPS)[Group]["files"][number];
const GROUP_NAMES = Object.keys(GROUPS) as Group[];

/** What the slim digest can be asked for: vocabulary only for the word tables, mentions unless `mentions: false`. */
export interface SlimDigestOptions {
  onVocabulary?: DigestOptions["onVocabulary"];
  /** false: the corpus table, which needs counts only */
  mentions?: boolean;
  /**
   * Each article's mentions in full (with their cues) as they are read from the index,
   * before they are slimmed, with the article's place in the corpus: the stance tables
   * file some reader stance layers with them (loaders/reader.ts)
   */
  onMentions?: (article: RawArticle, mentions: ArticleMention[], index: number) => void;
}

/**
 * The slim digest (loadDigest with `slim`), from the index (made on first use) or, with
 * caching off, from a pass over the parts. Same objects, same order, either way.
 */
export function loadSlimDigest(root = process.cwd(), options: SlimDigestOptions = {}): Digest {
  const wantMentions = options.mentions !== false;
  const parts = partsDir(root);
  if (!parts) return loadDigest(root, { slim: true, onVocabulary: options.onVocabulary, keepMention: wantMentions ? undefined : () => false });
  const corpus = loadCorpus(root);
  const all = loadAllRules(root);
  const dirs = {} as Record<Group, string>;
  const keys = indexKeys(corpus, root);
  for (const group of GROUP_NAMES) dirs[group] = groupDir(corpus, root, parts, group, keys[group]);
  // indexes of earlier layouts (all files in one directory; the mentions filed) are never read again
  const base = join(parts, "..", "analysis");
  for (const e of readdirSync(base)) if (/^[0-9a-f]{40}$/.test(e) || e === "mentions") rmSync(join(base, e), { recursive: true, force: true });
  return readIndex(corpus, root, all, dirs, wantMentions, options);
}

/** One group's index directory, filed first when missing. */
function groupDir(corpus: Corpus, root: string, parts: string, group: Group, key: string): string {
  const dir = join(parts, "..", "analysis", group, key);
  // one process writes it; another needing it meanwhile waits (or, in the pre-runner, runs other outputs first)
  if (!existsSync(dir)) whileHolding(`${dir}.lock`, () => existsSync(dir), () => writeIndex(corpus, root, group, dir));
  return dir;
}

/**
 * Each article's sentences (offsets and text), in corpus order, from the index's outline
 * file (filed first when missing), or null with caching off. For a pass over the corpus
 * that quotes sentences (the actor index): an outline part also holds the article's
 * vocabulary, and parsing the thousand outline parts took ~1.5 s at 1,000 articles.
 */
export function indexedSentences(root = process.cwd()): Generator<SentenceText[]> | null {
  const parts = partsDir(root);
  if (!parts) return null;
  const corpus = loadCorpus(root);
  const dir = groupDir(corpus, root, parts, "outline", indexKeys(corpus, root).outline);
  return sentencesFrom(join(dir, "outline.jsonl"), corpus.articles.length);
}

function* sentencesFrom(file: string, articles: number): Generator<SentenceText[]> {
  let n = 0;
  for (const line of linesOf(file)) {
    const [body, sentences, paragraphs, words, apparatus] = JSON.parse(line) as OutlineLine;
    n++;
    yield outlineSentences({ body, sentences, paragraphs, words, apparatus, vocabulary: NONE });
  }
  if (n < articles) throw new Error(`the analysis index ${file} ends early: delete .cache/analysis and rebuild`);
}

/** The key of the slim digest for the corpus as it is now (what the tables computed from it depend on): the index's and the mentions parts'. */
export function analysisIndexKey(root = process.cwd()): string {
  const corpus = loadCorpus(root);
  const h = createHash("sha256");
  const keys = indexKeys(corpus, root);
  for (const group of GROUP_NAMES) h.update(keys[group]).update("\0");
  for (const meta of corpus.articles) h.update(basename(currentPartFiles(meta, root, [PARTS.mentions])[0])).update("\0");
  return h.digest("hex").slice(0, 40);
}

let ownCode: string | null = null;
/**
 * Each group's key: the hash of the cache names of every article's part the group is filed
 * from, in corpus order, and of the code writing the lines. One pass over the articles for
 * all four (every table output asks for them).
 */
function indexKeys(corpus: Corpus, root: string): Record<Group, string> {
  ownCode ??= readFileSync(fileURLToPath(import.meta.url), "utf8");
  const hashes = GROUP_NAMES.map((group) => createHash("sha256").update("analysis-index\0").update(group).update("\0").update(ownCode!).update("\0"));
  const parts = GROUP_NAMES.map((group) => GROUPS[group].part);
  for (const meta of corpus.articles) currentPartFiles(meta, root, parts).forEach((f, i) => hashes[i].update(basename(f)).update("\0"));
  return Object.fromEntries(GROUP_NAMES.map((group, i) => [group, hashes[i].digest("hex").slice(0, 40)])) as Record<Group, string>;
}

// One line per article and file; strings are repeated in the file and shared again on reading.
type OutlineLine = [body: string, sentences: number[], paragraphs: number, words: number, apparatus: Outline["apparatus"]];
type TopicsLine = Array<[sentence: number, topics: Array<[topic: string, rules: string[]]>]>;
type LabelsLine = Array<[family: string, label: string, sentence: number, start: number, end: number, text: string]>;

function writeIndex(corpus: Corpus, root: string, group: Group, dir: string): void {
  const all = loadAllRules(root);
  writeIndexDir(dir, GROUPS[group].files.map((f) => `${f}.jsonl`), (put) => {
    const line = (f: IndexFile, value: unknown) => put(`${f}.jsonl`, JSON.stringify(value));
    for (const meta of corpus.articles) {
      const article = readArticle(meta, root);
      if (group === "outline") {
        const o = articlePart(article, root, all, "outline");
        line("outline", [o.body, o.sentences, o.paragraphs, o.words, o.apparatus] satisfies OutlineLine);
        line("vocabulary", o.vocabulary);
      } else if (group === "topics") {
        line("topics", articlePart(article, root, all, "topics").map((t) => [t.sentence, t.topics.map((x) => [x.topic, x.rules])]) satisfies TopicsLine);
      } else {
        line("labels", articlePart(article, root, all, "labels").map((u) => [u.family, u.label, u.sentence, u.start, u.end, u.text]) satisfies LabelsLine);
      }
    }
  });
}

const NONE: never[] = [];
Object.freeze(NONE);

function readIndex(corpus: Corpus, root: string, all: ReturnType<typeof loadAllRules>, dirs: Record<Group, string>, wantMentions: boolean, { onVocabulary, onMentions }: SlimDigestOptions): Digest {
  const digest: Digest = { corpus, ...all, articles: [], mentions: [], sentenceTopics: [], labelUses: [] };
  const intern = new Map<string, string>();
  const shared = (x: string) => intern.get(x) ?? (intern.set(x, x), x);
  const fileOf = (f: IndexFile) => join(dirs[GROUP_NAMES.find((g) => (GROUPS[g].files as readonly string[]).includes(f))!], `${f}.jsonl`);
  const read = (f: IndexFile) => linesOf(fileOf(f));
  const outlines = read("outline");
  const topics = read("topics");
  const labels = read("labels");
  const vocabulary = onVocabulary ? read("vocabulary") : null;
  const next = (lines: Generator<string>, f: IndexFile) => {
    const r = lines.next();
    if (r.done) throw new Error(`the analysis index ${fileOf(f)} ends early: delete .cache/analysis and rebuild`);
    return JSON.parse(r.value);
  };
  for (const meta of corpus.articles) {
    const id = shared(meta.id);
    const [body, sentences, paragraphs, words, apparatus] = next(outlines, "outline") as OutlineLine;
    digest.articles.push({
      article: { meta },
      segmented: { sentences: outlineSentences({ body, sentences, paragraphs, words, apparatus, vocabulary: NONE }) },
      paragraphs,
      words,
      apparatus,
    });
    if (wantMentions) {
      const article = readArticle(meta, root);
      const mentions = articlePart(article, root, all, "mentions");
      onMentions?.(article, mentions, digest.articles.length - 1);
      for (const m of mentions) digest.mentions.push(slimMention(m, shared));
    }
    for (const [sentence, hits] of next(topics, "topics") as TopicsLine) {
      digest.sentenceTopics.push({ article: id, sentence, topics: hits.map(([topic, rules]) => ({ topic: shared(topic), rules: rules.map(shared), spans: NONE })) } satisfies SentenceTopics);
    }
    for (const [family, label, sentence, start, end, text] of next(labels, "labels") as LabelsLine) {
      digest.labelUses.push({ family: shared(family), label: shared(label), article: id, sentence, start, end, text: shared(text) } satisfies LabelUse);
    }
    if (vocabulary) onVocabulary!(meta, next(vocabulary, "vocabulary") as VocabularyEntry[]);
  }
  for (const lines of [outlines, topics, labels, vocabulary]) lines?.return(undefined); // closes the files
  return digest;
}

/** The lines of a UTF-8 file, read in 1 MB chunks: the whole file is never one string. */
function* linesOf(file: string): Generator<string> {
  const fd = openSync(file, "r");
  const chunk = Buffer.allocUnsafe(1 << 20);
  let carry: Buffer[] = [];
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      const bytes = chunk.subarray(0, n);
      let from = 0;
      for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, from)) {
        carry.push(bytes.subarray(from, nl));
        yield Buffer.concat(carry).toString("utf8");
        carry = [];
        from = nl + 1;
      }
      // the rest of the chunk is the start of the next line: copied, the chunk is reused
      if (from < n) carry.push(Buffer.from(bytes.subarray(from)));
    }
    if (carry.length) yield Buffer.concat(carry).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
