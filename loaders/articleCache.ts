// Cleaning, segmentation and tokenization cached per article on disk, so that a rule
// edit (or a rebuild with nothing changed) never re-cleans an article. An entry is named
// by a hash of everything its result depends on: the article's text, the fields of its
// corpus.yaml entry that cleaning reads (id, file, title, author, cleaning hints), and the
// pipeline version (a hash of the source of the stages themselves and of natural's
// version). Change any of them and the name changes; stale entries are simply never read.
//
// Entries are compact (tokens as flat number arrays, offsets as runs) and checked on
// read: a corrupt, truncated or foreign file is ignored and recomputed. Writes go to a
// temporary file renamed into place, so concurrent loaders never see half an entry.
//
//   .cache/articles/<key>.json      (PARALLAX_ARTICLE_CACHE=<dir> moves it, =off disables it)
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { cleanArticle } from "./clean.ts";
import { segmentArticle } from "./segment.ts";
import type { ApparatusItem, Block, CleanArticle, Paragraph, RawArticle, SegmentedArticle, Sentence, Token } from "./types.ts";

const FORMAT = 2;
const HERE = dirname(fileURLToPath(import.meta.url));

/** Source files whose code decides what cleaning and segmentation produce. */
export function pipelineSources(): string[] {
  const clean = readdirSync(join(HERE, "clean"))
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => join(HERE, "clean", f));
  return [join(HERE, "clean.ts"), ...clean, ...["segment.ts", "tokenize.ts", "natural.ts", "types.ts", "articleCache.ts"].map((f) => join(HERE, f))];
}

let version: string | null = null;
/** Hash of the cleaning, segmentation and tokenization code (and natural's version). */
export function pipelineVersion(): string {
  if (version) return version;
  const h = createHash("sha256").update(`format ${FORMAT}\0`);
  for (const file of pipelineSources()) h.update(file.slice(HERE.length)).update("\0").update(readFileSync(file)).update("\0");
  try {
    const require = createRequire(import.meta.url);
    h.update(String(require("natural/package.json").version));
  } catch {
    h.update("natural ?");
  }
  version = h.digest("hex");
  return version;
}

/** Everything an article's cleaned and segmented form depends on, as one hash. */
export function articleKey(article: RawArticle): string {
  const { id, file, title, author, cleaning } = article.meta;
  return createHash("sha256")
    .update(pipelineVersion())
    .update("\0")
    .update(JSON.stringify({ id, file, title, author, cleaning: cleaning ?? null }))
    .update("\0")
    .update(article.raw)
    .digest("hex")
    .slice(0, 40);
}

export function articleCacheDir(root = process.cwd()): string | null {
  const env = process.env.PARALLAX_ARTICLE_CACHE;
  if (env === "off") return null;
  return env ? resolve(env) : join(root, ".cache", "articles");
}

/** Time spent per stage in this process, for the benchmark. */
export const stats = { hash: 0, load: 0, clean: 0, segment: 0, store: 0, hits: 0, misses: 0, corrupt: 0 };
export function resetStats(): void {
  for (const k of Object.keys(stats) as (keyof typeof stats)[]) stats[k] = 0;
}

export interface Prepared {
  clean: CleanArticle;
  segmented: SegmentedArticle;
}

/** The article cleaned and segmented: from the cache when an entry exists, else computed and stored. */
export function prepareArticle(article: RawArticle, root = process.cwd()): Prepared {
  return fromCacheOrComputed(article, root, decode, (p) => p);
}

/** Where a sentence is, without its tokens. */
export interface SentenceSpan {
  paragraph: number;
  start: number;
  end: number;
}

/**
 * The article cleaned, and where its sentences are, without decoding its tokens: for the
 * reader, which shows the text and its tags and never reads a token (decoding them was a
 * third of a reader page's time). From the cache, or prepared in full and stored.
 */
export function cleanedArticle(article: RawArticle, root = process.cwd()): { clean: CleanArticle; sentences: SentenceSpan[] } {
  const spans = (sentences: ReadonlyArray<SentenceSpan>) => sentences.map(({ paragraph, start, end }) => ({ paragraph, start, end }));
  return fromCacheOrComputed(
    article,
    root,
    (e, id) => {
      const clean = decodeClean(e, id);
      const sentences: SentenceSpan[] = [];
      for (let i = 0; i < e.sentences.length; i += 5) {
        const [paragraph, start, end] = [e.sentences[i], e.sentences[i + 1], e.sentences[i + 2]];
        if (!(end <= clean.body.length && start <= end)) throw new Error("bad sentence");
        sentences.push({ paragraph, start, end });
      }
      return { clean, sentences };
    },
    ({ clean, segmented }) => ({ clean, sentences: spans(segmented.sentences) }),
  );
}

/** The entry decoded by `decodeEntry`, or on a miss (or a corrupt entry) the article prepared, stored, and handed to `computed`. */
function fromCacheOrComputed<T>(article: RawArticle, root: string, decodeEntry: (e: Entry, id: string) => T, computed: (p: Prepared) => T): T {
  let t = performance.now();
  const lap = (k: "hash" | "load" | "clean" | "segment" | "store") => {
    const now = performance.now();
    stats[k] += now - t;
    t = now;
  };
  const dir = articleCacheDir(root);
  const key = dir ? articleKey(article) : "";
  lap("hash");
  if (dir) {
    const cached = readEntry(join(dir, `${key}.json`), key, article.meta.id, decodeEntry);
    lap("load");
    if (cached) {
      stats.hits++;
      return cached;
    }
  }
  stats.misses++;
  const clean = cleanArticle(article);
  lap("clean");
  const segmented = segmentArticle(clean);
  lap("segment");
  if (dir) {
    writeEntry(dir, key, clean, segmented);
    lap("store");
  }
  return computed({ clean, segmented });
}

// ---------------------------------------------------------------- on-disk form

const KINDS: Token["kind"][] = ["word", "number", "punct"];
const BLOCK_KINDS: Block["kind"][] = ["heading", "paragraph", "list-item", "quote"];

interface Entry {
  format: number;
  key: string;
  body: string;
  /** rawOffsets as runs: [bodyIndex, rawOffset, length, ...] of consecutive offsets */
  runs: number[];
  /** [kind, start, end, ...] */
  blocks: number[];
  apparatus: ApparatusItem[];
  /** [kind, start, end, ...] */
  paragraphs: number[];
  /** [paragraph, start, end, firstToken, tokenCount, ...] */
  sentences: number[];
  /** [start, word, ...]: the token's offset and its entry in the word table */
  tokens: number[];
  /**
   * The article's distinct token forms. Equal forms share one string in memory, and a
   * form's attributes are computed once: flags = kind | possessive << 2 | baseCut << 3;
   * stem 0 when it equals the base.
   */
  words: string[];
  wordFlags: number[];
  wordStems: Array<string | 0>;
}

function encode(key: string, clean: CleanArticle, seg: SegmentedArticle): Entry {
  const runs: number[] = [];
  const offs = clean.rawOffsets;
  for (let i = 0; i < offs.length; ) {
    let j = i + 1;
    while (j < offs.length && offs[j] === offs[j - 1] + 1) j++;
    runs.push(i, offs[i], j - i);
    i = j;
  }
  const tokens: number[] = [];
  const words: string[] = [];
  const wordFlags: number[] = [];
  const wordStems: Array<string | 0> = [];
  const wordIndex = new Map<string, number>();
  const sentences: number[] = [];
  let count = 0;
  for (const s of seg.sentences) {
    sentences.push(s.paragraph, s.start, s.end, count, s.tokens.length);
    for (const t of s.tokens) {
      const cut = t.lower.length - t.base.length;
      const flags = KINDS.indexOf(t.kind) | (t.possessive ? 4 : 0) | (cut << 3);
      const stem = t.stem === t.base ? 0 : t.stem;
      // keyed by every attribute, so two tokens share an entry only when they are equal
      const key = `${t.text}\u0000${flags}\u0000${stem}`;
      let w = wordIndex.get(key);
      if (w === undefined) {
        w = words.push(t.text) - 1;
        wordFlags.push(flags);
        wordStems.push(stem);
        wordIndex.set(key, w);
      }
      tokens.push(t.start, w);
      count++;
    }
  }
  return {
    format: FORMAT,
    key,
    body: clean.body,
    runs,
    blocks: clean.blocks.flatMap((b) => [BLOCK_KINDS.indexOf(b.kind), b.start, b.end]),
    apparatus: clean.apparatus,
    paragraphs: seg.paragraphs.flatMap((p) => [BLOCK_KINDS.indexOf(p.kind), p.start, p.end]),
    sentences,
    tokens,
    words,
    wordFlags,
    wordStems,
  };
}

/** The cleaned article of an entry: its body, raw offsets, blocks and apparatus. */
function decodeClean(e: Entry, id: string): CleanArticle {
  const body = e.body;
  const rawOffsets = new Array<number>(body.length);
  let filled = 0;
  for (let r = 0; r < e.runs.length; r += 3) {
    const [at, raw, n] = [e.runs[r], e.runs[r + 1], e.runs[r + 2]];
    if (at !== filled || n <= 0) throw new Error("bad runs");
    for (let k = 0; k < n; k++) rawOffsets[at + k] = raw + k;
    filled += n;
  }
  if (filled !== body.length) throw new Error("runs do not cover the body");
  const blocks: Block[] = [];
  for (let i = 0; i < e.blocks.length; i += 3) blocks.push({ kind: blockKind(e.blocks[i]), start: e.blocks[i + 1], end: e.blocks[i + 2] });
  return { id, body, rawOffsets, blocks, apparatus: e.apparatus };
}

function blockKind(k: number): Block["kind"] {
  const kind = BLOCK_KINDS[k];
  if (!kind) throw new Error("bad block kind");
  return kind;
}

function decode(e: Entry, id: string): Prepared {
  const clean = decodeClean(e, id);
  const body = clean.body;
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < e.paragraphs.length; i += 3) paragraphs.push({ index: paragraphs.length, kind: blockKind(e.paragraphs[i]), start: e.paragraphs[i + 1], end: e.paragraphs[i + 2] });
  const nWords = e.words.length;
  if (e.wordFlags.length !== nWords || e.wordStems.length !== nWords) throw new Error("word table arrays disagree");
  // one template per distinct form: its strings are shared by every token of that form
  const forms = e.words.map((text, w) => {
    const flags = e.wordFlags[w];
    const kind = KINDS[flags & 3];
    if (typeof text !== "string" || !kind) throw new Error("bad word");
    const lower = text.toLowerCase();
    const cut = flags >> 3;
    const base = cut ? lower.slice(0, lower.length - cut) : lower;
    const stem = e.wordStems[w] === 0 ? base : e.wordStems[w];
    if (typeof stem !== "string") throw new Error("bad stem");
    return { text, kind, lower, stem, possessive: (flags & 4) !== 0, base };
  });
  const nTokens = e.tokens.length / 2;
  const sentences: Sentence[] = [];
  for (let i = 0; i < e.sentences.length; i += 5) {
    const [paragraph, start, end, first, n] = e.sentences.slice(i, i + 5);
    if (!(end <= body.length && start <= end && first + n <= nTokens)) throw new Error("bad sentence");
    const tokens: Token[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const j = (first + k) * 2;
      const tStart = e.tokens[j];
      const f = forms[e.tokens[j + 1]];
      if (!f || tStart + f.text.length > body.length) throw new Error("bad token");
      tokens[k] = { text: f.text, kind: f.kind, lower: f.lower, stem: f.stem, start: tStart, end: tStart + f.text.length, possessive: f.possessive, base: f.base };
    }
    sentences.push({ index: sentences.length, paragraph, start, end, text: body.slice(start, end), tokens });
  }
  return { clean, segmented: { id, paragraphs, sentences } };
}

function readEntry<T>(file: string, key: string, id: string, decodeEntry: (e: Entry, id: string) => T): T | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null; // no entry yet
  }
  try {
    const e = JSON.parse(text) as Entry;
    if (e.format !== FORMAT || e.key !== key || typeof e.body !== "string") throw new Error("foreign entry");
    return decodeEntry(e, id);
  } catch {
    stats.corrupt++;
    return null; // corrupt or truncated: recompute and overwrite
  }
}

function writeEntry(dir: string, key: string, clean: CleanArticle, seg: SegmentedArticle): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${key}.json`);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(encode(key, clean, seg)));
    renameSync(tmp, file);
  } catch (e) {
    // a read-only checkout still builds, only slower
    process.stderr.write(`note: article cache not written (${(e as Error).message})\n`);
  }
}

/** For tests: the on-disk round trip without the disk. */
export function roundTrip(clean: CleanArticle, seg: SegmentedArticle): Prepared {
  return decode(JSON.parse(JSON.stringify(encode("k", clean, seg))) as Entry, clean.id);
}

/** Removes entries no current article uses (old versions of edited articles, an old pipeline). */
export function pruneArticleCache(articles: RawArticle[], root = process.cwd()): number {
  const dir = articleCacheDir(root);
  if (!dir) return 0;
  const keep = new Set(articles.map((a) => `${articleKey(a)}.json`));
  let removed = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const f of entries) {
    if (keep.has(f) || !/^[0-9a-f]{40}\.json$/.test(f)) continue;
    try {
      unlinkSync(join(dir, f));
      removed++;
    } catch {
      // another build removed it first
    }
  }
  return removed;
}
