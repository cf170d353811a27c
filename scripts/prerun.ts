// Runs the data loaders before `observable build` does: two processes, many outputs each.
//
// Framework runs every loader output in a Node process of its own, one after another
// (its build awaits each in turn): at 1,000 articles that is 1,000 reader pages paying
// ~0.7 s of start-up each, on one core. Here two child processes take outputs from one
// queue, and each runs the loader file itself: a fresh instance of the module per output,
// with the route parameters in process.argv as Framework passes them (--actor=russia), its
// emitJson or emitText handing the output over (loaders/emit.ts) instead of printing it. So the
// cached text is the text Framework would have written; Framework then finds it in its
// cache, newer than the loader file, and uses it. A loader that calls neither is left for
// Framework to run. A per-page loader (emitPageJson, emitPageText) is imported once per
// process: its output function reads the page's parameter anew on each call, so it is
// called again for each page (a fresh module instance costs ~4 ms through tsx's hooks).
// An output needing an index or a group of corpus tables that the other process is
// computing (loaders/indexDir.ts whileHolding) is put back at the end of the queue rather
// than waited for.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { findLoaders } from "./freshen.ts";
import { EMIT_SINK, type EmitSink } from "../loaders/emit.ts";
import { InputError } from "../loaders/inputError.ts";
import { DEFER_WHEN_BUSY, LockBusy } from "../loaders/indexDir.ts";
import { holdArticleTexts } from "../loaders/partCache.ts";

export interface LoaderJob {
  /** the loader file, absolute */
  loader: string;
  /** put back once already because what it needs was being computed by the other process: now it waits */
  deferred?: boolean;
  /** the output's name in the cache (data/actors/russia.json) */
  target: string;
  /** where the output goes, absolute */
  output: string;
  /** route parameters as Framework passes them */
  args: string[];
}

/** Page routes with parameters (src/actors/[actor].md.ts → /actors/([^/]+)) and their names. */
function pageRoutes(src: string): Array<{ pattern: RegExp; params: string[] }> {
  const routes: Array<{ pattern: RegExp; params: string[] }> = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.md(?:\.[A-Za-z]+)?$/.test(e.name) && p.includes("[")) {
        // a Markdown page or a page loader (actors/[actor].md.ts)
        const route = "/" + relative(src, p).replace(/\.md(?:\.[A-Za-z]+)?$/, "").split(sep).join("/");
        const params: string[] = [];
        const source = route
          .split(/(\[[^\]]+\])/)
          .map((part) => (/^\[[^\]]+\]$/.test(part) ? (params.push(part.slice(1, -1)), "([^/]+)") : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
          .join("");
        routes.push({ pattern: new RegExp(`^${source}$`), params });
      }
    }
  };
  walk(src);
  return routes;
}

/**
 * Every output the site's pages need that `cacheDir` lacks: each loader without
 * parameters, and each parameterised loader once per value its parameter takes in
 * `dynamicPaths` (the config's: /actors/russia gives actor=russia).
 */
export function missingOutputs(src: string, cacheDir: string, dynamicPaths: string[]): LoaderJob[] {
  const values = new Map<string, Set<string>>();
  const routes = pageRoutes(src);
  for (const path of dynamicPaths) {
    for (const r of routes) {
      const m = r.pattern.exec(path);
      if (m) r.params.forEach((name, i) => (values.get(name) ?? values.set(name, new Set()).get(name)!).add(m[i + 1]));
    }
  }
  const jobs: LoaderJob[] = [];
  // findLoaders reads <root>/src
  for (const l of findLoaders(dirname(src))) {
    let bindings: Array<Record<string, string>> = [{}];
    for (const name of l.params) bindings = bindings.flatMap((b) => [...(values.get(name) ?? [])].map((v) => ({ ...b, [name]: v })));
    for (const b of bindings) {
      const target = l.target.replace(/\[([^\]]+)\]/g, (_, name: string) => b[name]);
      const output = join(cacheDir, ...target.split("/"));
      if (!existsSync(output)) jobs.push({ loader: join(src, l.file), target, output, args: Object.entries(b).map(([k, v]) => `--${k}=${v}`) });
    }
  }
  return jobs;
}

/**
 * Queue order: the first two outputs each build one of the indexes the others read (a
 * corpus-wide table: loaders/analysisIndex.ts; the first page of the smallest
 * parameterised loader, an actor page: loaders/actorIndex.ts), one in each process.
 */
function queueOrder(jobs: LoaderJob[]): LoaderJob[] {
  const plain = jobs.filter((j) => j.args.length === 0);
  const byLoader = new Map<string, LoaderJob[]>();
  for (const j of jobs) if (j.args.length) (byLoader.get(j.loader) ?? byLoader.set(j.loader, []).get(j.loader)!).push(j);
  const paged = [...byLoader.values()].sort((a, b) => a.length - b.length);
  const first = paged[0] ?? [];
  return [...plain.slice(0, 1), ...first.slice(0, 1), ...plain.slice(1), ...first.slice(1), ...paged.slice(1).flat()];
}

export interface PrerunResult {
  outputs: number;
  /** the outputs made, in the order they finished */
  made: string[];
  /** seconds computing, per loader file (relative to src), summed over its outputs */
  seconds: Record<string, number>;
  /** bytes written per loader file */
  bytes: Record<string, number>;
  /** peak RSS of the processes of each slot, MB */
  rss_mb: number[];
  /** loader modules instantiated: one per output, but one per process for a per-page loader */
  imports: number;
  /** child processes started, replacements included */
  processes: number;
  wall_s: number;
}

type ChildMessage = { ready: true } | { done: string; seconds: number; bytes: number; imported?: boolean; rss: number; rssNow: number; skipped?: boolean; busy?: boolean };

/**
 * A child that has grown past this (RSS after an output, MB) is replaced by a fresh one:
 * outputs add up over hundreds of pages.
 */
const RECYCLE_MB = 400;

/**
 * Runs `jobs` in `processes` slots (cwd `root`), each a child process taking outputs from
 * one queue; rejects, after stopping the others, when one fails. A corpus-wide output (no
 * route parameters) holds the whole corpus digest, and V8 keeps the heap it needed: the
 * child collects its garbage after one (measured at 1,000 articles: loaders' peak RSS 889
 * MB without, 412 MB with; a fresh process per corpus-wide output instead cost 10 s more),
 * and any child past RECYCLE_MB is replaced. So peak memory stays about that of one output,
 * as when Framework runs each in a process of its own, while outputs share start-ups.
 */
export function prerunLoaders(root: string, src: string, jobs: LoaderJob[], processes = 2, onProgress?: (done: number, total: number) => void): Promise<PrerunResult> {
  const queue = queueOrder(jobs);
  const total = queue.length;
  const result: PrerunResult = { outputs: 0, made: [], seconds: {}, bytes: {}, rss_mb: [], imports: 0, processes: 0, wall_s: 0 };
  const started = performance.now();
  if (total === 0) return Promise.resolve(result);
  const tsx = import.meta.resolve("tsx");
  const live = new Set<ChildProcess>();
  let failed = false;
  let done = 0;
  const slot = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const start = () => {
        if (failed || queue.length === 0) return resolve();
        const child = fork(fileURLToPath(import.meta.url), ["--child"], { cwd: root, execArgv: ["--expose-gc", "--import", tsx], stdio: ["ignore", "ignore", "inherit", "ipc"] });
        live.add(child);
        result.processes++;
        let current: LoaderJob | undefined;
        let retire = false;
        child.on("message", (m: ChildMessage) => {
          if ("done" in m && m.imported) result.imports++;
          if ("done" in m && m.busy) {
            // the index or tables it reads are being computed by the other process: later, and then it waits
            queue.push({ ...current!, deferred: true });
          } else if ("done" in m) {
            const key = relative(src, current!.loader);
            result.seconds[key] = (result.seconds[key] ?? 0) + m.seconds;
            result.bytes[key] = (result.bytes[key] ?? 0) + m.bytes;
            result.rss_mb[i] = Math.max(result.rss_mb[i] ?? 0, m.rss);
            if (!m.skipped) result.made.push(m.done);
            result.outputs = result.made.length;
            onProgress?.(++done, total);
            retire = m.rssNow > RECYCLE_MB;
          }
          current = retire || failed ? undefined : queue.shift();
          child.send(current ?? { exit: true });
        });
        child.on("exit", (code, signal) => {
          live.delete(child);
          if (code === 0) return start();
          failed = true;
          reject(new Error(`data loader ${current ? relative(src, current.loader) + (current.args.length ? " " + current.args.join(" ") : "") : "process"} failed (exit ${code ?? signal})`));
        });
      };
      start();
    });
  return Promise.all(Array.from({ length: Math.max(1, Math.min(processes, total)) }, (_, i) => slot(i)))
    .then(() => {
      result.wall_s = (performance.now() - started) / 1000;
      return result;
    })
    .catch((e) => {
      failed = true;
      for (const c of live) c.kill();
      throw e;
    });
}

/** In a child: run each job the parent sends, write its output, report; exit when told. */
async function child(): Promise<void> {
  // the indexes' keys, computed for every table and actor page, stat no article again
  holdArticleTexts();
  const sink = globalThis as { [EMIT_SINK]?: EmitSink };
  const argv0 = process.argv[0];
  let instances = 0;
  // a per-page loader's output function, kept from its first page: it reads the route
  // parameter from process.argv on each call (loaders/emit.ts emitPageJson)
  const perPageOutput = new Map<string, () => string>();
  process.on("message", async (job: LoaderJob | { exit: true }) => {
    if ("exit" in job) {
      process.disconnect();
      return;
    }
    const t = performance.now();
    let output: (() => string) | null = perPageOutput.get(job.loader) ?? null;
    sink[EMIT_SINK] = (o, perPage) => {
      output = o;
      if (perPage) perPageOutput.set(job.loader, o);
    };
    (globalThis as { [DEFER_WHEN_BUSY]?: boolean })[DEFER_WHEN_BUSY] = !job.deferred;
    process.argv = [argv0, job.loader, ...job.args];
    let bytes = 0;
    let imported = false;
    try {
      // a query makes a new module instance: the loader reads its parameters anew (a
      // number, not the output's name: a query ending in ".json" makes Node load JSON)
      if (!output) {
        await import(`${pathToFileURL(job.loader).href}?prerun=${++instances}`);
        imported = true;
      }
      if (output) {
        const text = (output as () => string)();
        const tmp = `${job.output}.${process.pid}`;
        mkdirSync(dirname(job.output), { recursive: true });
        writeFileSync(tmp, text);
        renameSync(tmp, job.output);
        bytes = statSync(job.output).size;
      }
    } catch (e) {
      if (e instanceof LockBusy) {
        process.send!({ done: job.target, seconds: (performance.now() - t) / 1000, bytes: 0, imported, rss: process.resourceUsage().maxRSS / 1024, rssNow: process.memoryUsage().rss / 1048576, busy: true } satisfies ChildMessage);
        return;
      }
      process.stderr.write(e instanceof InputError ? `\nerror: ${e.message}\n` : `\n${(e as Error).stack ?? e}\n`);
      process.exit(1);
    }
    // after a corpus-wide output only: a collection per page would cost more than the pages
    if (job.args.length === 0) (globalThis as { gc?: () => void }).gc?.();
    process.send!({ done: job.target, seconds: (performance.now() - t) / 1000, bytes, imported, rss: process.resourceUsage().maxRSS / 1024, rssNow: process.memoryUsage().rss / 1048576, skipped: !output } satisfies ChildMessage);
  });
  process.send!({ ready: true } satisfies ChildMessage);
}

if (process.argv[2] === "--child" && import.meta.url === pathToFileURL(process.argv[1]).href) await child();
