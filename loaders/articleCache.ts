// Cleaning, segmentation and tokenization cached per article on disk, so that a rule
// edit (or a rebuild with nothing changed) never re-cleans an article. An entry is named
// by a hash of everything its result depends on: the article's text, the fields of its
// corpus.yaml entry that cleaning reads (id, file, title, author, cleaning hints), and the
// pipeline version (a hash of the source of the stages themselves and of natural's
// version). Change any of them and the name changes; stale entries are simply never read.
//
// Entries are compact (binary: tokens as flat number arrays, offsets as runs; see the
// on-disk form below) and checked on read: a corrupt, truncated or foreign file is ignored
// and recomputed. Writes go to a temporary file renamed into place, so concurrent loaders
// never see half an entry.
//
//   .cache/articles/<key>.bin       (PARALLAX_ARTICLE_CACHE=<dir> moves it, =off disables it)
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { cleanArticle } from "./clean.ts";
import { segmentArticle } from "./segment.ts";
import type { ApparatusItem, Block, CleanArticle, Paragraph, RawArticle, SegmentedArticle, Sentence, Token } from "./types.ts";

const FORMAT = 3;
/** An entry's file name: its key and this. */
export const EXTENSION = ".bin";
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

const keys = new WeakMap<RawArticle, { raw: string; meta: string; key: string }>();
/**
 * Everything an article's cleaned and segmented form depends on, as one hash. Kept with the
 * article read (while its text and those fields are the same): the warm step asks for it
 * four times per article (its part files, the part written, the earlier part, the entry).
 */
export function articleKey(article: RawArticle): string {
  const { id, file, title, author, cleaning } = article.meta;
  const meta = JSON.stringify({ id, file, title, author, cleaning: cleaning ?? null });
  const known = keys.get(article);
  if (known && known.raw === article.raw && known.meta === meta) return known.key;
  const key = createHash("sha256").update(pipelineVersion()).update("\0").update(meta).update("\0").update(article.raw).digest("hex").slice(0, 40);
  keys.set(article, { raw: article.raw, meta, key });
  return key;
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

/** What placing a mention in the text needs of a cleaned article: no token, no vocabulary. */
export interface ArticleLayout extends Pick<CleanArticle, "body" | "blocks"> {
  rawOffsets: ArrayLike<number>;
}

/**
 * The article's body, blocks and raw offsets, for the reader's stance layer
 * (loaders/reader.ts), which places a few hundred mentions and reads no token: the
 * offsets as a typed array filled from the runs (a plain array of 40,000 numbers was over
 * half of decoding an entry). From the cache, or prepared in full and stored.
 */
export function articleLayout(article: RawArticle, root = process.cwd()): ArticleLayout {
  return fromCacheOrComputed<ArticleLayout>(
    article,
    root,
    (e) => ({ body: e.body(), blocks: decodeBlocks(e), rawOffsets: offsetsFromRuns(e.runs, new Int32Array(e.bodyLength)) }),
    ({ clean }) => ({ body: clean.body, blocks: clean.blocks, rawOffsets: clean.rawOffsets }),
  );
}

/** Some sentences of an article, with their tokens (`preparedWhere`). */
export interface SomeSentences {
  /** the cleaned article's raw offsets (from the cache, each computed when read) */
  rawOffsets: number[];
  /** how many sentences the article has */
  count: number;
  /** the sentences with a token `wanted` accepts, in order, each with its index in the article */
  sentences: Sentence[];
}

/**
 * The sentences of the article numbered in `also` or with a token whose lower-case or base
 * form `wanted` accepts, the others counted but not decoded: for re-tagging after a cue
 * edit (loaders/retag.ts), which tags a tenth of the sentences again and spent most of its
 * time decoding the tokens of the rest. Each such sentence is what `prepareArticle` gives.
 * From the cache, or prepared in full (and stored) and filtered.
 */
export function preparedWhere(article: RawArticle, root: string, wanted: (lower: string, base: string) => boolean, also: ReadonlySet<number> = new Set()): SomeSentences {
  return fromCacheOrComputed(
    article,
    root,
    (e) => decodeWhere(e, wanted, also),
    ({ clean, segmented }) => ({
      rawOffsets: clean.rawOffsets,
      count: segmented.sentences.length,
      sentences: segmented.sentences.filter((s) => also.has(s.index) || s.tokens.some((t) => wanted(t.lower, t.base))),
    }),
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
    const cached = readEntry(join(dir, `${key}${EXTENSION}`), key, article.meta.id, decodeEntry);
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

// An entry file: the header's length (4 bytes, little-endian), the header (JSON), zeros
// to a multiple of 4 bytes, the number arrays (32-bit integers in this machine's byte
// order, one after the other) and the body (UTF-16 code units). Reading one is copying
// bytes: the numbers are used in place and only the text wanted becomes a string (parsing
// a JSON entry was two thirds of reading it, and re-tagging after a cue edit decodes a
// tenth of the sentences).

/** The number arrays of an entry, in file order. */
const ARRAYS = ["runs", "blocks", "paragraphs", "sentences", "tokens"] as const;

interface Header {
  format: number;
  key: string;
  /** byte order of the numbers: an entry written on a machine of the other order is foreign */
  order: "LE" | "BE";
  /** how many numbers each array holds (ARRAYS order), then the body's length */
  sizes: number[];
  apparatus: ApparatusItem[];
  /**
   * The article's distinct token forms. Equal forms share one string in memory, and a
   * form's attributes are computed once: flags = kind | possessive << 2 | baseCut << 3;
   * stem 0 when it equals the base.
   */
  words: string[];
  wordFlags: number[];
  wordStems: Array<string | 0>;
}

interface Entry extends Header {
  /** rawOffsets as runs: [bodyIndex, rawOffset, length, ...] of consecutive offsets */
  runs: Int32Array;
  /** [kind, start, end, ...] */
  blocks: Int32Array;
  /** [kind, start, end, ...] */
  paragraphs: Int32Array;
  /** [paragraph, start, end, firstToken, tokenCount, ...] */
  sentences: Int32Array;
  /** [start, word, ...]: the token's offset and its entry in the word table */
  tokens: Int32Array;
  bodyLength: number;
  /** the body from `start` to `end` */
  body(start?: number, end?: number): string;
}

function encode(key: string, clean: CleanArticle, seg: SegmentedArticle): Buffer {
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
  const arrays = {
    runs,
    blocks: clean.blocks.flatMap((b) => [BLOCK_KINDS.indexOf(b.kind), b.start, b.end]),
    paragraphs: seg.paragraphs.flatMap((p) => [BLOCK_KINDS.indexOf(p.kind), p.start, p.end]),
    sentences,
    tokens,
  };
  const sizes = [...ARRAYS.map((a) => arrays[a].length), clean.body.length];
  const header: Header = { format: FORMAT, key, order: endianness(), sizes, apparatus: clean.apparatus, words, wordFlags, wordStems };
  const head = Buffer.from(JSON.stringify(header));
  const numbersAt = align(4 + head.length);
  const bodyAt = numbersAt + 4 * sizes.slice(0, ARRAYS.length).reduce((x, y) => x + y, 0);
  // zeroed: the padding is part of the file
  const out = Buffer.alloc(bodyAt + 2 * clean.body.length);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  const numbers = new Int32Array(out.buffer, out.byteOffset + numbersAt, (bodyAt - numbersAt) / 4);
  let at = 0;
  for (const a of ARRAYS) {
    numbers.set(arrays[a], at);
    at += arrays[a].length;
  }
  out.write(clean.body, bodyAt, "utf16le");
  return out;
}

const align = (n: number) => (n + 3) & ~3;

/** The entry in `bytes` (used in place: valid while they are), or null when it is not an entry of this format with this key. */
function parseEntry(bytes: Buffer, key: string): Entry | null {
  if (bytes.length < 4) return null;
  const headLength = bytes.readUInt32LE(0);
  if (4 + headLength > bytes.length) return null;
  const h = JSON.parse(bytes.toString("utf8", 4, 4 + headLength)) as Header;
  if (h.format !== FORMAT || h.key !== key || h.order !== endianness()) return null;
  const sizes = h.sizes;
  if (!Array.isArray(sizes) || sizes.length !== ARRAYS.length + 1 || !sizes.every((n) => Number.isInteger(n) && n >= 0)) return null;
  if (!Array.isArray(h.words) || !Array.isArray(h.wordFlags) || !Array.isArray(h.wordStems) || !Array.isArray(h.apparatus)) return null;
  const bodyLength = sizes[ARRAYS.length];
  let at = align(4 + headLength);
  const bodyAt = at + 4 * sizes.slice(0, ARRAYS.length).reduce((x, y) => x + y, 0);
  if (bytes.length !== bodyAt + 2 * bodyLength) return null;
  // the numbers in place when aligned (a buffer of its own, as readEntry's, is)
  const numbers = (bytes.byteOffset + at) % 4 === 0 ? bytes : Buffer.from(bytes);
  const e = { ...h, bodyLength, body: (start = 0, end = bodyLength) => bytes.toString("utf16le", bodyAt + 2 * start, bodyAt + 2 * end) } as Entry;
  ARRAYS.forEach((a, i) => {
    e[a] = new Int32Array(numbers.buffer, numbers.byteOffset + at, sizes[i]);
    at += 4 * sizes[i];
  });
  return e;
}

let byteOrder: "LE" | "BE" | null = null;
const endianness = () => (byteOrder ??= new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? "LE" : "BE");

/** The cleaned article of an entry: its body, raw offsets, blocks and apparatus. */
function decodeClean(e: Entry, id: string): CleanArticle {
  const body = e.body();
  const rawOffsets = offsetsFromRuns(e.runs, new Array<number>(body.length));
  return { id, body, rawOffsets, blocks: decodeBlocks(e), apparatus: e.apparatus };
}

/** `out` (as long as the body) filled with each body character's raw offset, from the runs; throws on runs that do not tile it. */
function offsetsFromRuns<T extends { length: number; [i: number]: number }>(runs: Int32Array, out: T): T {
  let filled = 0;
  for (let r = 0; r < runs.length; r += 3) {
    const [at, raw, n] = [runs[r], runs[r + 1], runs[r + 2]];
    if (at !== filled || n <= 0 || at + n > out.length) throw new Error("bad runs");
    for (let k = 0; k < n; k++) out[at + k] = raw + k;
    filled += n;
  }
  if (filled !== out.length) throw new Error("runs do not cover the body");
  return out;
}

function decodeBlocks(e: Entry): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < e.blocks.length; i += 3) blocks.push({ kind: blockKind(e.blocks[i]), start: e.blocks[i + 1], end: e.blocks[i + 2] });
  return blocks;
}

function blockKind(k: number): Block["kind"] {
  const kind = BLOCK_KINDS[k];
  if (!kind) throw new Error("bad block kind");
  return kind;
}

interface Form {
  text: string;
  kind: Token["kind"];
  lower: string;
  stem: string;
  possessive: boolean;
  base: string;
}

/** The entry's word table as token templates: one per distinct form, its strings shared by every token of that form. */
function decodeForms(e: Entry): Form[] {
  const nWords = e.words.length;
  if (e.wordFlags.length !== nWords || e.wordStems.length !== nWords) throw new Error("word table arrays disagree");
  return e.words.map((text, w) => {
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
}

/**
 * The sentence whose five numbers start at `i` in the entry, checked; with `wanted`, null
 * (once checked) unless one of its tokens is of a form `wanted` marks.
 */
function sentenceAt(e: Entry, forms: Form[], i: number, index: number, body: (start: number, end: number) => string, wanted?: boolean[]): Sentence | null {
  const paragraph = e.sentences[i];
  const start = e.sentences[i + 1];
  const end = e.sentences[i + 2];
  const first = e.sentences[i + 3];
  const n = e.sentences[i + 4];
  if (!(end <= e.bodyLength && 0 <= start && start <= end && 0 <= first && 0 <= n && first + n <= e.tokens.length / 2)) throw new Error("bad sentence");
  let decode = !wanted;
  for (let k = 0; k < n; k++) {
    const j = (first + k) * 2;
    const w = e.tokens[j + 1];
    const f = forms[w];
    if (!f || e.tokens[j] < 0 || e.tokens[j] + f.text.length > e.bodyLength) throw new Error("bad token");
    decode ||= wanted![w];
  }
  if (!decode) return null;
  const tokens: Token[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const j = (first + k) * 2;
    const tStart = e.tokens[j];
    const f = forms[e.tokens[j + 1]];
    tokens[k] = { text: f.text, kind: f.kind, lower: f.lower, stem: f.stem, start: tStart, end: tStart + f.text.length, possessive: f.possessive, base: f.base };
  }
  return { index, paragraph, start, end, text: body(start, end), tokens };
}

function decode(e: Entry, id: string): Prepared {
  const clean = decodeClean(e, id);
  const body = clean.body;
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < e.paragraphs.length; i += 3) paragraphs.push({ index: paragraphs.length, kind: blockKind(e.paragraphs[i]), start: e.paragraphs[i + 1], end: e.paragraphs[i + 2] });
  const forms = decodeForms(e);
  const sentences: Sentence[] = [];
  const text = (start: number, end: number) => body.slice(start, end);
  for (let i = 0; i < e.sentences.length; i += 5) sentences.push(sentenceAt(e, forms, i, sentences.length, text)!);
  return { clean, segmented: { id, paragraphs, sentences } };
}

function decodeWhere(e: Entry, wanted: (lower: string, base: string) => boolean, also: ReadonlySet<number>): SomeSentences {
  // copied: the entry's numbers are only valid until the next entry is read
  const rawOffsets = rawOffsetsOf(e.runs.slice(), e.bodyLength);
  const forms = decodeForms(e);
  // the reach is decided once per distinct form, then per token by its form's index
  const hit = forms.map((f) => wanted(f.lower, f.base));
  const sentences: Sentence[] = [];
  let count = 0;
  for (let i = 0; i < e.sentences.length; i += 5) {
    const index = count++;
    const s = sentenceAt(e, forms, i, index, e.body, also.has(index) ? undefined : hit);
    if (s) sentences.push(s);
  }
  return { rawOffsets, count, sentences };
}

/**
 * The raw offsets of an entry's runs, each computed when read: the whole array of a
 * 40,000-character body is a large allocation, and re-tagging reads a few dozen of them.
 */
function rawOffsetsOf(runs: Int32Array, length: number): number[] {
  let filled = 0;
  for (let r = 0; r < runs.length; r += 3) {
    if (runs[r] !== filled || runs[r + 2] <= 0) throw new Error("bad runs");
    filled += runs[r + 2];
  }
  if (filled !== length) throw new Error("runs do not cover the body");
  const at = (i: number) => {
    // the last run starting at or before i
    let lo = 0;
    let hi = runs.length / 3 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid * 3] <= i) lo = mid;
      else hi = mid - 1;
    }
    return runs[lo * 3 + 1] + (i - runs[lo * 3]);
  };
  return new Proxy([] as number[], {
    get(_target, key) {
      if (key === "length") return length;
      if (typeof key !== "string") return undefined;
      const i = Number(key);
      return Number.isInteger(i) && i >= 0 && i < length && String(i) === key ? at(i) : undefined;
    },
  });
}

// One buffer to read every entry into: fresh memory is dear on a virtual machine (reading
// a thousand entries into new buffers took 14 times as long), and the numbers are used in
// place. An entry read is decoded before the next is read.
let readBuffer = Buffer.alloc(0);

function readEntry<T>(file: string, key: string, id: string, decodeEntry: (e: Entry, id: string) => T): T | null {
  let bytes: Buffer;
  try {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      if (size > readBuffer.length) readBuffer = Buffer.allocUnsafeSlow(Math.max(size, 2 * readBuffer.length, 1 << 20));
      let n = 0;
      for (let r; n < size && (r = readSync(fd, readBuffer, n, size - n, n)) > 0; ) n += r;
      bytes = readBuffer.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null; // no entry yet
  }
  try {
    const e = parseEntry(bytes, key);
    if (!e) throw new Error("foreign entry");
    return decodeEntry(e, id);
  } catch {
    stats.corrupt++;
    return null; // corrupt or truncated: recompute and overwrite
  }
}

function writeEntry(dir: string, key: string, clean: CleanArticle, seg: SegmentedArticle): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${key}${EXTENSION}`);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, encode(key, clean, seg));
    renameSync(tmp, file);
  } catch (e) {
    // a read-only checkout still builds, only slower
    process.stderr.write(`note: article cache not written (${(e as Error).message})\n`);
  }
}

/** For tests: the on-disk round trip without the disk. */
export function roundTrip(clean: CleanArticle, seg: SegmentedArticle): Prepared {
  return decode(parseEntry(encode("k", clean, seg), "k")!, clean.id);
}

/** Removes entries no current article uses (old versions of edited articles, an old pipeline). */
export function pruneArticleCache(articles: RawArticle[], root = process.cwd()): number {
  const dir = articleCacheDir(root);
  if (!dir) return 0;
  const keep = new Set(articles.map((a) => `${articleKey(a)}${EXTENSION}`));
  let removed = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const f of entries) {
    // and the entries of the JSON format before this one
    if (keep.has(f) || !/^[0-9a-f]{40}\.(bin|json)$/.test(f)) continue;
    try {
      unlinkSync(join(dir, f));
      removed++;
    } catch {
      // another build removed it first
    }
  }
  return removed;
}
