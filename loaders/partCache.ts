// What the pipeline derives from one article, cached on disk in parts, each part keyed by
// exactly what it depends on: the article's cache key (its text, metadata and the
// cleaning code) plus the rule files and the code that part reads. So an edit to
// stance.yaml re-tags mentions but reuses every article's topics, framing labels and
// vocabulary; an edit to topics.yaml recomputes topics only; a rebuild with nothing
// changed reads every part back.
//
//   .cache/parts/<part>/<key>.json    (follows PARALLAX_ARTICLE_CACHE: =off disables it)
//
// A corrupt or foreign entry is ignored and recomputed; writes go through a temporary
// file renamed into place, so concurrent loaders never see half an entry.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { articleCacheDir, articleKey, stats as articleStats } from "./articleCache.ts";
import { stampOf, unchanged, type FileStamp } from "./fileStamp.ts";
import { ARTICLES_DIR, readArticle } from "./corpus.ts";
import type { ArticleMeta, RawArticle } from "./types.ts";

const HERE = dirname(fileURLToPath(import.meta.url));

/** Finding actors and tagging their stance: the code every rule-dependent part runs. */
export const TAGGING_CODE = ["actors.ts", "stance.ts", "tagText.ts", "matcher.ts", "natural.ts", "pipeline.ts", "partCache.ts"];

export interface PartSpec {
  /** directory name under .cache/parts */
  name: string;
  /** rule files (under data/rules) the part reads */
  rules: string[];
  /** source files (under loaders/) whose code decides the part; loaders/rules/*.ts always count */
  code: string[];
}

export const PARTS = {
  /** sentence outline, counts and vocabulary: the article alone */
  outline: { name: "outline", rules: [], code: ["outline.ts", "measures/vocabulary.ts", "partCache.ts"] },
  /** every actor mention with its stance and the rules that fired */
  mentions: { name: "mentions", rules: ["actors.yaml", "stance.yaml"], code: TAGGING_CODE },
  /** topics per sentence: topic rules, and actor spans for ACTOR tests (not stance) */
  topics: { name: "topics", rules: ["actors.yaml", "topics.yaml"], code: [...TAGGING_CODE, "topics.ts"] },
  /** contested-term label uses: framing rules, and actor spans */
  framing: { name: "framing", rules: ["actors.yaml", "framing.yaml"], code: [...TAGGING_CODE, "topics.ts", "framing.ts"] },
} satisfies Record<string, PartSpec>;

const versions = new Map<string, string>();
/** Hash of the rule files and code a part depends on (read once per process). */
export function partVersion(part: PartSpec, root = process.cwd()): string {
  const memo = `${root}\0${part.name}`;
  const known = versions.get(memo);
  if (known) return known;
  const h = createHash("sha256").update(part.name).update("\0");
  for (const f of [...part.rules].sort()) {
    let text: Buffer | string = "";
    try {
      text = readFileSync(join(root, "data", "rules", f));
    } catch {
      text = "(missing)"; // the rule loader reports a missing file with its own message
    }
    h.update(f).update("\0").update(text).update("\0");
  }
  const rulesCode = readdirSync(join(HERE, "rules")).filter((f) => f.endsWith(".ts")).sort().map((f) => join("rules", f));
  for (const f of [...part.code, ...rulesCode]) h.update(f).update("\0").update(readFileSync(join(HERE, f))).update("\0");
  const v = h.digest("hex");
  versions.set(memo, v);
  return v;
}

export function partsDir(root = process.cwd()): string | null {
  const articles = articleCacheDir(root);
  return articles ? join(dirname(articles), "parts") : null;
}

function partFile(part: PartSpec, article: RawArticle | string, root: string, dir: string): string {
  return partPath(dir, part, typeof article === "string" ? article : articleKey(article), partVersion(part, root));
}

/** Where a part of the article with key `article` is cached under the part version `version`. */
export function partPath(dir: string, part: PartSpec, article: string, version: string): string {
  const key = createHash("sha256").update(article).update("\0").update(version).digest("hex").slice(0, 40);
  return join(dir, part.name, `${key}.json`);
}

/** Where each of the article's parts is cached (none when caching is off). */
export function partFiles(article: RawArticle, root = process.cwd()): string[] {
  const dir = partsDir(root);
  return dir ? Object.values(PARTS).map((p) => partFile(p, article, root, dir)) : [];
}

/** An article text as this process last read it: its stamp, its cache key, and its part files found so far. */
interface KnownText {
  stamp: FileStamp | undefined;
  key: string;
  files: Map<PartSpec, { version: string; file: string }>;
}
const knownByText = new Map<string, KnownText>();
/** The same, found by the corpus entry itself when it is loadCorpus's (frozen: it cannot change). */
const knownByMeta = new WeakMap<ArticleMeta, Map<string, KnownText>>();

/**
 * The part files of the article `meta` names (all, or `parts`), as partFiles gives them, without reading and
 * hashing again a text file unchanged (same size, times and inode) since this process last
 * did: the indexes' keys are computed for every output, and a loader process makes hundreds
 * (at 1,000 articles, 26 MB read and hashed each time). A stat per article per call is
 * what remains (the hashes of the file names are kept too: 28 keys, 1,000 articles,
 * 480-510 -> 215-235 CPU-ms), and none once the texts are held (`holdArticleTexts`). A
 * stamp vouches for a text only as loaders/fileStamp.ts says.
 */
export function currentPartFiles(meta: ArticleMeta, root = process.cwd(), parts: PartSpec[] = Object.values(PARTS)): string[] {
  const dir = partsDir(root);
  if (!dir) return [];
  const path = join(root, ARTICLES_DIR, meta.file);
  let byRoot = knownByMeta.get(meta);
  let known = byRoot?.get(path);
  if (!known) {
    const memo = `${path}\0${JSON.stringify(meta)}`;
    known = knownByText.get(memo);
    if (!known) knownByText.set(memo, (known = { stamp: undefined, key: "", files: new Map() }));
    if (Object.isFrozen(meta)) {
      if (!byRoot) knownByMeta.set(meta, (byRoot = new Map()));
      byRoot.set(path, known);
    }
  }
  if (!textsHeld || !known.key) {
    const stamp = stampOf(path); // a missing file: readArticle reports it
    if (!unchanged(known.stamp, stamp)) {
      // a text changed less than a clock tick ago can look unchanged: read and hashed again
      known.stamp = stamp;
      const key = articleKey(readArticle(meta, root));
      if (key !== known.key) known.files.clear();
      known.key = key;
    }
  }
  const text = known;
  return parts.map((p) => {
    const version = partVersion(p, root);
    let f = text.files.get(p);
    if (f?.version !== version) text.files.set(p, (f = { version, file: partPath(dir, p, text.key, version) }));
    return f.file;
  });
}

let textsHeld = false;
/**
 * From now on, an article text this process has read is taken as it was, without a stat:
 * for a build's loader processes (scripts/prerun.ts), which read the rules once (their
 * versions are kept for the process: `partVersion`) and may hold the article texts the
 * same way. Every table and actor-page output computes its index's key, a stat per
 * article each time: at 1,000 articles ~30 keys, 0.2-0.7 CPU-s per process (profiled).
 * An edit made while the build runs is the next build's: its outputs were recorded under
 * the inputs the build saw at its start (scripts/freshen.ts), as without this.
 */
export function holdArticleTexts(): void {
  textsHeld = true;
}

/** Reads, writes and computing time per part in this process, for the benchmark. */
export const partStats = { hits: 0, misses: 0, readMs: 0, writeMs: 0, outline: 0, mentions: 0, topics: 0, framing: 0, sentencesRetagged: 0, mentionsReweighed: 0 };
const preparingMs = () => articleStats.hash + articleStats.load + articleStats.clean + articleStats.segment + articleStats.store;

/** One part of one article: from the cache, or computed and stored. */
export function cachedPart<T>(part: PartSpec, article: RawArticle, root: string, compute: () => T): T {
  const dir = partsDir(root);
  if (!dir) return compute();
  const file = partFile(part, article, root, dir);
  const key = file.slice(-45, -5);
  const t = performance.now();
  try {
    // read into a kept buffer: a fresh one per part (readFileSync) took twice as long
    // (118 MB of mentions parts at 1,000 articles: 1.0 s against 0.53 s)
    const bytes = readInto(file, jsonBuffer);
    if (!bytes) throw new Error("unreadable");
    const entry = JSON.parse(bytes.toString("utf8")) as { key: string; value: T };
    if (entry.key === key && entry.value !== undefined) {
      partStats.hits++;
      partStats.readMs += performance.now() - t;
      return entry.value;
    }
  } catch {
    // missing or corrupt: recompute
  }
  partStats.misses++;
  const c = performance.now();
  const before = preparingMs();
  const value = compute();
  const w = performance.now();
  // the part's own work, without cleaning and tokenizing the article on the way
  if (part.name in partStats) partStats[part.name as "outline"] += w - c - (preparingMs() - before);
  writePart(part, file, JSON.stringify({ key, value }));
  partStats.writeMs += performance.now() - w;
  return value;
}

/** Where a part's JSON is written, a piece at a time (`storePartBytes`). */
export interface PartWriter {
  text(s: string): void;
  bytes(from: Buffer, start: number, end: number): void;
}

// Buffers to read a part into (below) and one to write a part from, kept from one part to the
// next: on this kind of virtual machine fresh memory is dear (reading a thousand 90 KB
// files into new buffers took 14 times as long as into one kept buffer), and a part's text
// as a string is a large object of its own.
let writeBuffer = Buffer.alloc(0);
let written = 0;

function reserve(n: number): void {
  if (written + n <= writeBuffer.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(2 * writeBuffer.length, written + n, 1 << 20));
  writeBuffer.copy(bigger, 0, 0, written);
  writeBuffer = bigger;
}

const writer: PartWriter = {
  text(s) {
    reserve(3 * s.length); // UTF-8 takes at most 3 bytes per UTF-16 unit
    written += writeBuffer.write(s, written);
  },
  bytes(from, start, end) {
    reserve(end - start);
    written += from.copy(writeBuffer, written, start, end);
  },
};

/** A part file's bytes, or null when it cannot be read; valid until the next call (one buffer serves every call). */
export function readPartBytes(file: string): Buffer | null {
  return readInto(file, bytesBuffer);
}

/** A reusable read buffer, grown when a file does not fit. */
interface KeptBuffer {
  buffer: Buffer;
}
const bytesBuffer: KeptBuffer = { buffer: Buffer.alloc(0) };
// cachedPart's own, so that a caller holding readPartBytes's bytes can still read a part
const jsonBuffer: KeptBuffer = { buffer: Buffer.alloc(0) };

function readInto(file: string, kept: KeptBuffer): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > kept.buffer.length) kept.buffer = Buffer.allocUnsafe(Math.max(2 * kept.buffer.length, size, 1 << 20));
    let n = 0;
    for (let r; n < size && (r = readSync(fd, kept.buffer, n, size - n, n)) > 0; ) n += r;
    return n === size ? kept.buffer.subarray(0, n) : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Computes and stores one part of one article, its value written as JSON by `compute`
 * (what `cachedPart` would store), or nothing when `compute` says false. For the warm step,
 * which only stores the part: loaders/retag.ts re-tags the mentions part by copying most
 * of the earlier one's bytes. Whether the part is cached already is the caller's question.
 */
export function storePartBytes(part: PartSpec, article: RawArticle, root: string, compute: (out: PartWriter) => boolean): boolean {
  const dir = partsDir(root);
  if (!dir) return false;
  const file = partFile(part, article, root, dir);
  const c = performance.now();
  const before = preparingMs();
  written = 0;
  // as JSON.stringify({ key, value }): the key is hex digits
  writer.text(`{"key":"${file.slice(-45, -5)}","value":`);
  if (!compute(writer)) return false;
  writer.text("}");
  partStats.misses++;
  const w = performance.now();
  if (part.name in partStats) partStats[part.name as "outline"] += w - c - (preparingMs() - before);
  writePart(part, file, writeBuffer.subarray(0, written));
  partStats.writeMs += performance.now() - w;
  return true;
}

function writePart(part: PartSpec, file: string, text: string | Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    // a read-only checkout still builds, only slower
    process.stderr.write(`note: ${part.name} cache not written (${(e as Error).message})\n`);
  }
}

/** Removes entries no current article and rule version uses (old rules, edited articles). */
export function prunePartCache(articles: RawArticle[], root = process.cwd()): number {
  const dir = partsDir(root);
  if (!dir) return 0;
  const keep = new Set(articles.flatMap((a) => partFiles(a, root)));
  let removed = 0;
  for (const part of Object.values(PARTS)) {
    let entries: string[] = [];
    try {
      entries = readdirSync(join(dir, part.name));
    } catch {
      continue;
    }
    for (const f of entries) {
      const file = join(dir, part.name, f);
      if (keep.has(file) || !/^[0-9a-f]{40}\.json$/.test(f)) continue;
      try {
        unlinkSync(file);
        removed++;
      } catch {
        // another build removed it first
      }
    }
  }
  return removed;
}
