// Keeps Framework's loader cache (src/.observablehq/cache) true to the current inputs.
//
// Framework reuses any cached loader output in a build, and in preview compares it only
// with the loader file's mtime: an edit in data/ (articles, corpus.yaml, rules) or in
// loaders/ goes unnoticed (NOTES.md). So before each build we hash each output's inputs
// and delete exactly the cached outputs whose inputs changed; Framework then sees them
// missing and runs their loaders, and reuses the rest (an unchanged rebuild runs nothing).
//
// An output's inputs: its loader file, every file under loaders/ and data/ (the article
// texts excepted), package-lock.json, the external development set in ../shared/eval,
// and the article texts: all of them, except for a loader with an [article] parameter,
// whose output for one article depends on that article's text alone (corpus.yaml and the
// rules are shared). A loader may narrow its data inputs with a comment line of its own,
//
//   // reads: data/corpus.yaml
//
// naming the files (or directories) under data/ it reads: its outputs then depend on
// those and on the code only, so the reader's page loader, which reads the corpus
// description alone, does not run again for 1,000 articles after a rule edit. A unit test
// runs each loader that declares its reads and fails if it reads any other data file.
// The hashes the cached outputs were built from live in a manifest
// beside the cache; an output with no entry (made by `observable preview`, or before this
// script existed) counts as stale.
//
//   tsx scripts/freshen.ts            delete stale outputs, print what went
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { EXTERNAL_EVAL } from "../loaders/accuracy.ts";

export const CACHE_DIR = join("src", ".observablehq", "cache");
export const MANIFEST = join(CACHE_DIR, ".parallax-inputs.json");
/**
 * What every loader may read, besides its own file; the external development set
 * (loaders/accuracy.ts) lives outside the project but feeds the Method page.
 */
export const SHARED_INPUTS = ["loaders", "data", "package-lock.json", EXTERNAL_EVAL];
const ARTICLES = join("data", "articles");
const LOADER_EXTENSIONS = /\.(?:ts|js|mjs|cjs|jsx|tsx|py|sh|R|rs|go|java|jl|php|exe)$/;

export interface Loader {
  /** path of the loader file, relative to src/ */
  file: string;
  /** the data files or directories it declares it reads (`// reads: ...`), relative to the project; null: all of data/ */
  reads: string[] | null;
  /** the output it makes, relative to Framework's cache, with [param] placeholders */
  target: string;
  pattern: RegExp;
  params: string[];
}

export interface InputDigest {
  root: string;
  /** every shared input: what an output without declared reads depends on */
  shared: string;
  /** the code: loaders/ and package-lock.json */
  code: string;
  /** each data input but the article texts (relative path → hash), the external set included */
  data: Map<string, string>;
  /** article file name -> hash of its bytes */
  articles: Map<string, string>;
  allArticles: string;
  /** article id -> file name, when data/corpus.yaml could be read */
  articleFile: Map<string, string> | null;
  loaders: Array<Loader & { hash: string }>;
}

const sha = (...parts: Array<string | Buffer>) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
};

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  if (!statSync(dir).isDirectory()) return [dir];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === ".DS_Store" || entry.name.endsWith("~") || entry.name.endsWith(".swp")) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** The data a loader file declares it reads: `// reads: data/corpus.yaml data/rules/actors.yaml`. */
export function declaredReads(text: string): string[] | null {
  const m = /^\/\/ reads: (.+)$/m.exec(text);
  return m ? m[1].split(/[\s,]+/).filter(Boolean).map((p) => p.replace(/\/+$/, "")) : null;
}

/** Data loaders and page loaders under src/: files named like `mentions.json.ts`. */
export function findLoaders(root: string): Loader[] {
  const src = join(root, "src");
  return walk(src)
    .map((f) => relative(src, f))
    .filter((f) => !f.startsWith(".observablehq") && LOADER_EXTENSIONS.test(f) && /\.[A-Za-z0-9]+\.[A-Za-z]+$/.test(f) && !f.startsWith(`components${sep}`))
    .map((file) => {
      const reads = declaredReads(readFileSync(join(src, file), "utf8"));
      const target = file.replace(LOADER_EXTENSIONS, "").split(sep).join("/");
      const params: string[] = [];
      const pattern = new RegExp(
        "^" +
          target
            .split(/(\[[^\]]+\])/)
            .map((part) => {
              const m = /^\[([^\]]+)\]$/.exec(part);
              if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
              params.push(m[1]);
              return "([^/]+)";
            })
            .join("") +
          "$",
      );
      return { file, reads, target, pattern, params };
    });
}

function articleFiles(root: string): Map<string, string> | null {
  // the same reading as the loaders', but a broken corpus.yaml must not stop freshen:
  // then every article counts for every output
  try {
    const text = readFileSync(join(root, "data", "corpus.yaml"), "utf8");
    const map = new Map<string, string>();
    let id: string | null = null;
    for (const line of text.split(/\r?\n/)) {
      const idm = /^\s*-\s+id:\s*["']?([^"'#\s]+)["']?\s*(?:#.*)?$/.exec(line);
      if (idm) id = idm[1];
      const fm = /^\s+file:\s*["']?([^"'#]+?)["']?\s*(?:#.*)?$/.exec(line);
      if (fm && id) map.set(id, fm[1]);
    }
    return map.size ? map : null;
  } catch {
    return null;
  }
}

/**
 * The inputs' hashes. `code` is where loaders/, src/ and package-lock.json are: the project
 * itself, or the repository when the benchmark runs its loaders on a synthetic data/.
 */
export function digestInputs(root = process.cwd(), code = root): InputDigest {
  const sharedParts: Array<string | Buffer> = [];
  const codeParts: Array<string | Buffer> = [];
  const data = new Map<string, string>();
  const articles = new Map<string, string>();
  for (const input of SHARED_INPUTS) {
    const isCode = input === "loaders" || input === "package-lock.json";
    const base = isCode ? code : root;
    for (const file of walk(join(base, input))) {
      const rel = relative(base, file);
      if (rel.startsWith(ARTICLES + sep)) {
        articles.set(relative(join(root, ARTICLES), file), sha(readFileSync(file)));
        continue;
      }
      const bytes = readFileSync(file);
      sharedParts.push(rel, bytes);
      if (isCode) codeParts.push(rel, bytes);
      else data.set(rel.split(sep).join("/"), sha(bytes));
    }
  }
  // the project's root names aside: only content and relative paths count
  const shared = sha(...sharedParts);
  const allArticles = sha(...[...articles].flat());
  const loaders = findLoaders(code).map((l) => ({ ...l, hash: sha(l.file, readFileSync(join(code, "src", l.file))) }));
  return { root, shared, code: sha(...codeParts), data, articles, allArticles, articleFile: articleFiles(root), loaders };
}

/** What a loader that declares its reads depends on besides its own file: the code and those data inputs. */
function declaredInputs(d: InputDigest, reads: string[]): string {
  const within = (rel: string) => reads.some((r) => rel === r || rel.startsWith(r + "/"));
  return sha(d.code, ...[...d.data].filter(([rel]) => within(rel)).flat());
}

/** The hash of the inputs of one cached output (path relative to the cache), or null if no loader makes it. */
export function outputHash(d: InputDigest, output: string): string | null {
  const rel = output.split(sep).join("/");
  for (const l of d.loaders) {
    const m = l.pattern.exec(rel);
    if (!m) continue;
    const values = m.slice(1);
    const at = l.params.indexOf("article");
    let articles = d.allArticles;
    if (at >= 0 && d.articleFile) {
      const file = d.articleFile.get(values[at]);
      articles = file ? sha(file, d.articles.get(file) ?? "missing") : "unknown article";
    }
    if (l.reads) {
      // the article texts count only if it declares them (data/articles, or all of data/)
      const texts = l.reads.some((r) => r === "data" || r === "data/articles" || r.startsWith("data/articles/"));
      return sha(l.hash, "declared", declaredInputs(d, l.reads), texts ? articles : "", JSON.stringify(values));
    }
    return sha(l.hash, d.shared, articles, JSON.stringify(values));
  }
  return null;
}

/** Cached loader outputs (relative to the cache): everything but Framework's own folders and temporaries. */
export function cachedOutputs(root: string): string[] {
  const cache = join(root, CACHE_DIR);
  return walk(cache)
    .map((f) => relative(cache, f))
    .filter((f) => !f.startsWith("_") && !f.startsWith(".") && !/\.\d+(?:\.err)?$/.test(f));
}

function readManifest(root: string): Record<string, string> {
  try {
    const m = JSON.parse(readFileSync(join(root, MANIFEST), "utf8"));
    return m && m.version === 1 && typeof m.outputs === "object" ? m.outputs : {};
  } catch {
    return {};
  }
}

export interface FreshenResult {
  digest: InputDigest;
  kept: string[];
  removed: string[];
}

/** Deletes every cached output whose inputs changed since it was made (or that nobody recorded). */
export function freshen(root = process.cwd()): FreshenResult {
  const digest = digestInputs(root);
  const manifest = readManifest(root);
  const kept: string[] = [];
  const removed: string[] = [];
  const cache = join(root, CACHE_DIR);
  for (const out of cachedOutputs(root)) {
    const hash = outputHash(digest, out);
    if (hash === null) continue; // not a loader's: a file Framework keeps for itself
    // an output older than its loader file was made by another version of the loader
    // (edited and reverted, or preview ran it): Framework would use it "stale"; rerun it
    if (manifest[out] === hash && !olderThanLoader(root, digest, out)) kept.push(out);
    else {
      rmSync(join(cache, out), { force: true });
      removed.push(out);
    }
  }
  // a loader that failed leaves <output>.<pid>.err, which can make Framework skip it
  for (const f of walk(cache).filter((f) => /\.\d+\.err$/.test(f))) rmSync(f, { force: true });
  return { digest, kept, removed };
}

function olderThanLoader(root: string, d: InputDigest, output: string): boolean {
  const rel = output.split(sep).join("/");
  const loader = d.loaders.find((l) => l.pattern.test(rel));
  if (!loader) return false;
  return statSync(join(root, CACHE_DIR, output)).mtimeMs < statSync(join(root, "src", loader.file)).mtimeMs;
}

/**
 * After a build: records, for every cached output, the hash of the inputs as they were
 * when the build started (an input edited during the build makes its outputs stale next time).
 */
export function recordManifest(digest: InputDigest): void {
  const outputs: Record<string, string> = {};
  for (const out of cachedOutputs(digest.root)) {
    const hash = outputHash(digest, out);
    if (hash !== null) outputs[out] = hash;
  }
  mkdirSync(join(digest.root, CACHE_DIR), { recursive: true });
  writeFileSync(join(digest.root, MANIFEST), JSON.stringify({ version: 1, note: "input hashes of the cached loader outputs (scripts/freshen.ts)", outputs }, null, 1));
}

/** Forget every recorded hash: whatever is cached now will be recomputed by the next build. */
export function forgetManifest(root = process.cwd()): void {
  rmSync(join(root, MANIFEST), { force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { removed, kept } = freshen();
  process.stderr.write(`freshen: ${removed.length} stale loader output(s) removed${removed.length ? `: ${removed.slice(0, 8).join(", ")}${removed.length > 8 ? " …" : ""}` : ""}; ${kept.length} up to date\n`);
}
