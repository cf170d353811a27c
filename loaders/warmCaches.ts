// Fills the caches (loaders/articleCache.ts, loaders/partCache.ts) on `threads` threads,
// one per core (worker threads, and after a cue edit this one too): cleaning, segmentation
// and tagging are per-article and CPU-bound, so two cores halve a cold build or a rule edit. Run before the Framework
// build (scripts/build.ts) and by the benchmark; the data loaders then only read small
// cached parts. It also validates the corpus and the rules on the way: a bad article or
// rule stops here with its InputError, before dist/ is touched.
import { availableParallelism } from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ARTICLES_DIR, loadCorpus, readArticle } from "./corpus.ts";
import { InputError } from "./inputError.ts";
import { stats } from "./articleCache.ts";
import { fillParts, loadAllRules, type AllRules } from "./digest.ts";
import { partFiles, PARTS, partStats } from "./partCache.ts";
import { earlierVersions, mentionsRecorded, trustEarlierVersions, type Earlier } from "./retag.ts";
import type { ArticleMeta } from "./types.ts";
import { recordParsedYaml, trustParsedYaml, type ParsedYaml } from "./yamlFile.ts";

export interface WarmResult {
  articles: number;
  computed: number;
  /** CPU milliseconds summed over the workers */
  stats: typeof stats;
  parts: typeof partStats;
}

interface Job {
  root: string;
  /** the articles to compute (those with a part missing), taken in turn by every worker */
  articles: ArticleMeta[];
  /** an Int32Array's buffer: the index of the next article to take */
  next: SharedArrayBuffer;
  /** the rule files as this thread parsed and checked them */
  rules: ParsedYaml[];
  /** the earlier versions of the mentions part (loaders/retag.ts) */
  earlier: Earlier[];
}

// A worker starts without the parent's TypeScript loader: register tsx, then load this file.
const tsxApi = import.meta.resolve("tsx/esm/api");
const WORKER_BOOT = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;

type Failure = { file: string; line: number | null; problem: string; fix?: string } | string;
type Failed = { ok: false; error: Failure; article: number };
type Reply = { ok: true; computed: number; stats: typeof stats; parts: typeof partStats } | Failed;

/** Articles per worker below which another worker is not worth its start-up (about a second to load the pipeline). */
const PER_WORKER = 8;
/** The mentions part's place in partFiles' list. */
const MENTIONS = Object.keys(PARTS).indexOf("mentions");

/** Computes every article with a part missing from the cache; throws the first InputError found. */
export async function warmCaches(root = process.cwd(), threads = Math.min(2, availableParallelism()), onProgress?: (done: number, total: number) => void): Promise<WarmResult> {
  // A worker holds one article at a time, but V8 sizes an uncapped heap to the machine and
  // collects lazily: two workers then sat at 790 MB for 1,000 articles. A cap makes it
  // collect sooner (390 MB in all at 300 articles, same speed), with room for the largest
  // article (the largest file in the articles folder: its size in bytes is at least its
  // length in characters).
  let largest = 0;
  try {
    const dir = join(root, ARTICLES_DIR);
    for (const f of readdirSync(dir)) largest = Math.max(largest, statSync(join(dir, f)).size);
  } catch {
    // loadCorpus below says what is wrong
  }
  const heapCap = Math.round(256 + (150 * largest) / 1e6);
  let done = 0;
  let total = 0;
  const workers: Started[] = [];
  // After a cue edit this thread re-tags articles too, beside threads - 1 workers: it has
  // the pipeline loaded and the rules parsed already (a worker takes a second and more to
  // get there), and re-tagging from the earlier parts allocates little, so its heap (not
  // capped as a worker's is) stays small. Not when articles are to be cleaned or other
  // parts computed: its heap grew by 60 MB in a cold warm step at 1,000 articles.
  let here = true;
  const start = (n: number) => {
    while (workers.length < n - (here ? 1 : 0)) workers.push(startWorker(heapCap, (k) => onProgress?.((done += k), total)));
  };
  // After a cue edit (or with no cache) every article is to be tagged: the workers start
  // at once, while this thread reads the corpus and checks the rules. Otherwise, as soon
  // as enough articles are found missing.
  if (threads > 1 && !mentionsRecorded(root)) start(threads);
  try {
    const corpus = loadCorpus(root);
    total = corpus.articles.length;
    const missing: ArticleMeta[] = [];
    // How many threads the articles found missing so far are worth (0: this one alone).
    // Once they are worth every thread, the workers look through the rest themselves (this
    // thread used to look through every article, check the rules, and only then start
    // them: two seconds and more before any work, at 1,000 articles).
    const wanted = () => {
      const n = Math.min(threads, Math.ceil(missing.length / PER_WORKER));
      return n > 1 ? n : 0;
    };
    let unreadable: unknown = null;
    let scanned = 0;
    for (; scanned < corpus.articles.length && wanted() < threads; scanned++) {
      const meta = corpus.articles[scanned];
      let a;
      try {
        a = readArticle(meta, root);
      } catch (e) {
        unreadable = e;
        break;
      }
      const absent = partFiles(a, root).map((f) => !existsSync(f));
      if (!absent.some((x) => x)) continue;
      missing.push(meta);
      // the mentions part alone: re-tagged after a cue edit
      here &&= absent.every((x, i) => x === (i === MENTIONS));
      start(wanted());
    }
    // workers started at once that are not needed after all
    for (const w of workers.splice(Math.max(0, wanted() - (here ? 1 : 0)))) w.stop();
    // A broken rule file stops here, before any work, and before a bad article. What the
    // workers would each find out again (the rules, the edit since the earlier mentions
    // parts) is handed to them.
    const { result: all, parsed } = recordParsedYaml(() => loadAllRules(root));
    if (unreadable) throw unreadable;
    const stages: typeof stats = { ...stats };
    for (const k of Object.keys(stages) as (keyof typeof stats)[]) stages[k] = 0;
    const parts: typeof partStats = { ...partStats };
    for (const k of Object.keys(parts) as (keyof typeof partStats)[]) parts[k] = 0;
    const result: WarmResult = { articles: corpus.articles.length, computed: missing.length, stats: stages, parts };
    if (wanted() === 0) {
      if (missing.length === 0) return result;
      for (const meta of missing) fillParts(readArticle(meta, root), root, all);
      for (const k of Object.keys(stages) as (keyof typeof stats)[]) stages[k] = stats[k];
      for (const k of Object.keys(parts) as (keyof typeof partStats)[]) parts[k] = partStats[k];
      onProgress?.(missing.length, missing.length);
      return result;
    }
    // the articles found missing, then those not looked at yet (a worker skips those with
    // every part cached); each worker takes the next one when done with one
    const articles = [...missing, ...corpus.articles.slice(scanned)];
    total = articles.length;
    const job: Job = { root, articles, next: new SharedArrayBuffer(4), rules: parsed, earlier: earlierVersions(root, all.rules) };
    for (const w of workers) w.worker.postMessage(job);
    const own = here ? [await computeArticles(job, all, () => onProgress?.(++done, total))] : [];
    const replies = [...own, ...(await Promise.all(workers.map((w) => w.reply)))];
    // the failure of the first article that failed, whichever worker had it
    const failed = replies.filter((r): r is Failed => !r.ok).sort((a, b) => a.article - b.article)[0];
    if (failed) {
      if (typeof failed.error === "string") throw new Error(failed.error);
      throw new InputError(failed.error.file, failed.error.line, failed.error.problem, failed.error.fix);
    }
    result.computed = 0;
    for (const r of replies) {
      if (!r.ok) continue;
      result.computed += r.computed;
      for (const k of Object.keys(stages) as (keyof typeof stats)[]) stages[k] += r.stats[k];
      for (const k of Object.keys(parts) as (keyof typeof partStats)[]) parts[k] += r.parts[k];
    }
    return result;
  } finally {
    for (const w of workers) w.stop();
  }
}

interface Started {
  worker: Worker;
  /** the worker's reply once given its job */
  reply: Promise<Reply>;
  /** ends the worker if it still runs (it got no job, or another worker failed) */
  stop(): void;
}

function startWorker(heapCap: number, progress: (n: number) => void): Started {
  let stopped = false;
  const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { warm: true }, resourceLimits: { maxOldGenerationSizeMb: heapCap } });
  const reply = new Promise<Reply>((resolve, reject) => {
    worker.on("message", (m: Reply | { progress: number }) => {
      if ("progress" in m) progress(m.progress);
      else resolve(m);
    });
    worker.on("error", (e) => stopped || reject(e));
    worker.on("exit", (code) => stopped || code === 0 || reject(new Error(`article cache worker exited with code ${code}`)));
  });
  // awaited once the worker has its job; a worker stopped before that says nothing
  reply.catch(() => {});
  return {
    worker,
    reply,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

/**
 * Computes the job's articles, taking the next one from the counter the threads share
 * until none is left; the failure and the article it stopped at on an error. Lets other
 * events through now and then (another worker's progress, when this thread computes).
 */
async function computeArticles({ root, articles, next }: Job, all: AllRules, progress: () => void): Promise<Reply> {
  const counter = new Int32Array(next);
  const before = { stats: { ...stats }, parts: { ...partStats } };
  let computed = 0;
  let taken = 0;
  let i = -1;
  try {
    while ((i = Atomics.add(counter, 0, 1)) < articles.length) {
      if (fillParts(readArticle(articles[i], root), root, all)) computed++;
      progress();
      if (++taken % 16 === 0) await new Promise(setImmediate);
    }
  } catch (e) {
    const error = e instanceof InputError ? { file: e.file, line: e.line, problem: e.problem, fix: e.fix } : String((e as Error).stack ?? e);
    return { ok: false, error, article: i };
  }
  const since = <T extends Record<string, number>>(now: T, then: T) => Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - then[k]])) as T;
  return { ok: true, computed, stats: since(stats, before.stats), parts: since(partStats, before.parts) };
}

async function runWorker(job: Job): Promise<void> {
  let reply: Reply;
  try {
    trustParsedYaml(job.rules);
    const all = loadAllRules(job.root);
    trustEarlierVersions(job.root, job.earlier);
    let since = 0;
    reply = await computeArticles(job, all, () => {
      if (++since < 10) return;
      parentPort!.postMessage({ progress: since });
      since = 0;
    });
    if (since) parentPort!.postMessage({ progress: since });
  } catch (e) {
    const error = e instanceof InputError ? { file: e.file, line: e.line, problem: e.problem, fix: e.fix } : String((e as Error).stack ?? e);
    reply = { ok: false, error, article: -1 };
  }
  parentPort!.postMessage(reply);
}

if (!isMainThread && (workerData as { warm?: boolean } | undefined)?.warm) parentPort!.once("message", (job: Job) => void runWorker(job));
