// Fills the article cache (loaders/articleCache.ts) using worker threads, one per core up
// to `threads`: cleaning and segmentation are per-article and CPU-bound, so two cores
// halve a cold build. Run before the Framework build (scripts/build.ts) and by the
// benchmark; the data loaders then find every article prepared. It also validates the
// corpus on the way: a bad article stops here with its InputError, before dist/ is touched.
import { availableParallelism } from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { loadCorpus, readArticles } from "./corpus.ts";
import { InputError } from "./inputError.ts";
import { prepareArticle, stats, articleCacheDir, articleKey } from "./articleCache.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";

export interface WarmResult {
  articles: number;
  computed: number;
  /** CPU milliseconds summed over the workers */
  stats: typeof stats;
}

interface Job {
  root: string;
  ids: string[];
}

// A worker starts without the parent's TypeScript loader: register tsx, then load this file.
const tsxApi = import.meta.resolve("tsx/esm/api");
const WORKER_BOOT = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;

type Reply = { ok: true; stats: typeof stats } | { ok: false; error: { file: string; line: number | null; problem: string; fix?: string } | string };

/** Prepares every article missing from the cache; throws the first InputError found. */
export async function warmArticleCache(root = process.cwd(), threads = Math.min(2, availableParallelism()), onProgress?: (done: number, total: number) => void): Promise<WarmResult> {
  const corpus = loadCorpus(root);
  const dir = articleCacheDir(root);
  const articles = readArticles(corpus, root);
  const missing = dir ? articles.filter((a) => !existsSync(join(dir, `${articleKey(a)}.json`))) : [];
  const total: typeof stats = { ...stats };
  for (const k of Object.keys(total) as (keyof typeof stats)[]) total[k] = 0;
  const result: WarmResult = { articles: articles.length, computed: missing.length, stats: total };
  if (missing.length === 0) return result;

  const n = Math.max(1, Math.min(threads, Math.ceil(missing.length / 8)));
  // interleaved shares: article sizes vary along the corpus
  const shares = Array.from({ length: n }, (_, w) => missing.filter((_, i) => i % n === w).map((a) => a.meta.id));
  if (n === 1) {
    // one share is not worth a thread's start-up (about 0.3 s to load the pipeline)
    for (const a of missing) prepareArticle(a, root);
    for (const k of Object.keys(total) as (keyof typeof stats)[]) total[k] = stats[k];
    onProgress?.(missing.length, missing.length);
    return result;
  }
  let done = 0;
  const replies = await Promise.all(
    shares.map(
      (ids) =>
        new Promise<Reply>((resolve, reject) => {
          const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { root, ids } satisfies Job });
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
  }
  return result;
}

function runWorker({ root, ids }: Job): void {
  const corpus = loadCorpus(root);
  const wanted = new Set(ids);
  const meta = corpus.articles.filter((a) => wanted.has(a.id));
  let reply: Reply;
  try {
    let since = 0;
    for (const article of readArticles({ ...corpus, articles: meta }, root)) {
      prepareArticle(article, root);
      if (++since === 10) {
        parentPort!.postMessage({ progress: since });
        since = 0;
      }
    }
    if (since) parentPort!.postMessage({ progress: since });
    reply = { ok: true, stats: { ...stats } };
  } catch (e) {
    reply = e instanceof InputError ? { ok: false, error: { file: e.file, line: e.line, problem: e.problem, fix: e.fix } } : { ok: false, error: String((e as Error).stack ?? e) };
  }
  parentPort!.postMessage(reply);
}

if (!isMainThread && (workerData as Job | undefined)?.ids) runWorker(workerData as Job);
