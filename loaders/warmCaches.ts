// Fills the caches (loaders/articleCache.ts, loaders/partCache.ts) using worker threads,
// one per core up to `threads`: cleaning, segmentation and tagging are per-article and
// CPU-bound, so two cores halve a cold build or a rule edit. Run before the Framework
// build (scripts/build.ts) and by the benchmark; the data loaders then only read small
// cached parts. It also validates the corpus and the rules on the way: a bad article or
// rule stops here with its InputError, before dist/ is touched.
import { availableParallelism } from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { loadCorpus, readArticle } from "./corpus.ts";
import { InputError } from "./inputError.ts";
import { stats } from "./articleCache.ts";
import { fillParts, loadAllRules } from "./digest.ts";
import { partFiles, partStats } from "./partCache.ts";
import { existsSync } from "node:fs";

export interface WarmResult {
  articles: number;
  computed: number;
  /** CPU milliseconds summed over the workers */
  stats: typeof stats;
  parts: typeof partStats;
}

interface Job {
  root: string;
  ids: string[];
}

// A worker starts without the parent's TypeScript loader: register tsx, then load this file.
const tsxApi = import.meta.resolve("tsx/esm/api");
const WORKER_BOOT = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;

type Reply = { ok: true; stats: typeof stats; parts: typeof partStats } | { ok: false; error: { file: string; line: number | null; problem: string; fix?: string } | string };

/** Computes every article with a part missing from the cache; throws the first InputError found. */
export async function warmCaches(root = process.cwd(), threads = Math.min(2, availableParallelism()), onProgress?: (done: number, total: number) => void): Promise<WarmResult> {
  const corpus = loadCorpus(root);
  const all = loadAllRules(root); // a broken rule file stops here, before any work
  // ids and sizes only: the texts are read again by the workers, one at a time
  let largest = 0;
  const missing: string[] = [];
  for (const meta of corpus.articles) {
    const a = readArticle(meta, root);
    if (!partFiles(a, root).some((f) => !existsSync(f))) continue;
    missing.push(a.meta.id);
    largest = Math.max(largest, a.raw.length);
  }
  const total: typeof stats = { ...stats };
  for (const k of Object.keys(total) as (keyof typeof stats)[]) total[k] = 0;
  const parts: typeof partStats = { ...partStats };
  for (const k of Object.keys(parts) as (keyof typeof partStats)[]) parts[k] = 0;
  const result: WarmResult = { articles: corpus.articles.length, computed: missing.length, stats: total, parts };
  if (missing.length === 0) return result;

  const n = Math.max(1, Math.min(threads, Math.ceil(missing.length / 8)));
  // interleaved shares: article sizes vary along the corpus
  const shares = Array.from({ length: n }, (_, w) => missing.filter((_, i) => i % n === w));
  if (n === 1) {
    // one share is not worth a thread's start-up (about 0.3 s to load the pipeline)
    const wanted = new Set(missing);
    for (const meta of corpus.articles) if (wanted.has(meta.id)) fillParts(readArticle(meta, root), root, all);
    for (const k of Object.keys(total) as (keyof typeof stats)[]) total[k] = stats[k];
    for (const k of Object.keys(parts) as (keyof typeof partStats)[]) parts[k] = partStats[k];
    onProgress?.(missing.length, missing.length);
    return result;
  }
  // A worker holds one article at a time, but V8 sizes an uncapped heap to the machine and
  // collects lazily: two workers then sat at 790 MB for 1,000 articles. A cap makes it
  // collect sooner (390 MB in all at 300 articles, same speed), with room for the largest article.
  const heapCap = Math.round(256 + (150 * largest) / 1e6);
  let done = 0;
  const replies = await Promise.all(
    shares.map(
      (ids) =>
        new Promise<Reply>((resolve, reject) => {
          const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { root, ids } satisfies Job, resourceLimits: { maxOldGenerationSizeMb: heapCap } });
          worker.on("message", (m: Reply | { progress: number }) => {
            if ("progress" in m) onProgress?.((done += m.progress), missing.length);
            else resolve(m);
          });
          worker.on("error", reject);
          worker.on("exit", (code) => code !== 0 && reject(new Error(`article cache worker exited with code ${code}`)));
        }),
    ),
  );
  for (const r of replies) {
    if (!r.ok) {
      if (typeof r.error === "string") throw new Error(r.error);
      throw new InputError(r.error.file, r.error.line, r.error.problem, r.error.fix);
    }
    for (const k of Object.keys(total) as (keyof typeof stats)[]) total[k] += r.stats[k];
    for (const k of Object.keys(parts) as (keyof typeof partStats)[]) parts[k] += r.parts[k];
  }
  return result;
}

function runWorker({ root, ids }: Job): void {
  const corpus = loadCorpus(root);
  const wanted = new Set(ids);
  const meta = corpus.articles.filter((a) => wanted.has(a.id));
  let reply: Reply;
  try {
    const all = loadAllRules(root);
    let since = 0;
    for (const m of meta) {
      fillParts(readArticle(m, root), root, all);
      if (++since === 10) {
        parentPort!.postMessage({ progress: since });
        since = 0;
      }
    }
    if (since) parentPort!.postMessage({ progress: since });
    reply = { ok: true, stats: { ...stats }, parts: { ...partStats } };
  } catch (e) {
    reply = e instanceof InputError ? { ok: false, error: { file: e.file, line: e.line, problem: e.problem, fix: e.fix } } : { ok: false, error: String((e as Error).stack ?? e) };
  }
  parentPort!.postMessage(reply);
}

if (!isMainThread && (workerData as Job | undefined)?.ids) runWorker(workerData as Job);
