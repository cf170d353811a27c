// One step of a benchmark pass, in a process of its own (loaders/bench/main.ts spawns one
// for preparing the articles and one per data loader, as the build runs each loader in its
// own process): each step starts cold in memory and its peak RSS is its own. Prints one
// JSON line on stdout.
//
//   tsx loaders/bench/run.ts <project dir> --prepare [--bare] [--threads N]
//   tsx loaders/bench/run.ts <project dir> --loader <name> [--ids a,b]   (page loaders: those pages only)
import { parseArgs } from "node:util";
import { loadCorpus, readArticle } from "../corpus.ts";
import { WordTokenizer } from "../natural.ts";
import { stats, resetStats } from "../articleCache.ts";
import { partStats } from "../partCache.ts";
import { warmCaches } from "../warmCaches.ts";
import { corpusPass } from "../digest.ts";
import { BENCH_LOADERS, runBenchLoader, type BenchLoader } from "./loaders.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { bare: { type: "boolean" }, threads: { type: "string" }, prepare: { type: "boolean" }, loader: { type: "string" }, ids: { type: "string" } },
});
const root = positionals[0] ?? process.cwd();
const progress = (s: string) => process.stderr.write(`  ${s}\n`);
const peakRss = () => process.resourceUsage().maxRSS / 1024;

if (values.prepare) {
  const threads = Number(values.threads ?? 2);
  // one article at a time: the benchmark must not hold the corpus the build never holds
  const corpus = loadCorpus(root);
  let t = performance.now();
  let bytes = 0;
  for (const meta of corpus.articles) bytes += Buffer.byteLength(readArticle(meta, root).raw);
  const read = (performance.now() - t) / 1000;

  let bare: number | null = null;
  if (values.bare) {
    // the yardstick: natural's WordTokenizer over the same raw text, in this process
    // (reading the files is timed apart, in `read`)
    const tokenizer = new WordTokenizer();
    const texts = corpus.articles.map((meta) => readArticle(meta, root).raw);
    t = performance.now();
    let n = 0;
    for (const raw of texts) n += tokenizer.tokenize(raw)?.length ?? 0;
    bare = (performance.now() - t) / 1000;
    progress(`bare WordTokenizer: ${n} tokens in ${bare.toFixed(2)} s`);
  }

  let lastReport = 0;
  t = performance.now();
  const warm = await warmCaches(root, threads, (done, total) => {
    const now = performance.now();
    if (now - lastReport > 1000 || done === total) {
      lastReport = now;
      progress(`prepare: ${done}/${total} articles, ${(done / ((now - t) / 1000)).toFixed(0)} articles/s`);
    }
  });
  const prepare = (performance.now() - t) / 1000;
  const out = {
    articles: corpus.articles.length,
    bytes,
    bare_tokenize_s: bare,
    computed: warm.computed,
    stages: {
      read,
      prepare_wall: prepare,
      clean_cpu: warm.stats.clean / 1000,
      segment_cpu: warm.stats.segment / 1000,
      cache_write_cpu: (warm.stats.store + warm.parts.writeMs) / 1000,
      outline_cpu: warm.parts.outline / 1000,
      tag_cpu: warm.parts.mentions / 1000,
      topics_cpu: warm.parts.topics / 1000,
      framing_cpu: warm.parts.framing / 1000,
    },
    peak_rss_mb: peakRss(),
  };
  process.stdout.write(JSON.stringify(out) + "\n");
} else {
  const name = values.loader as BenchLoader;
  if (!BENCH_LOADERS.includes(name)) throw new Error(`unknown loader "${values.loader}": one of ${BENCH_LOADERS.join(", ")}`);
  resetStats();
  progress(`${name}: running over the corpus`);
  const t = performance.now();
  let lastReport = t;
  // articles read by a corpus pass, pages made by a page loader (an actor page process makes one)
  const reporter = (unit: string) => (done: number, total: number) => {
    const now = performance.now();
    if (now - lastReport < 2000 && done !== total) return;
    if (unit === "pages" && total === 1) return;
    lastReport = now;
    progress(`${name}: ${done}/${total} ${unit}, ${(done / ((now - t) / 1000)).toFixed(0)} ${unit}/s`);
  };
  corpusPass.onProgress = reporter("articles");
  let bytes = -1;
  let failure: string | null = null;
  try {
    bytes = runBenchLoader(name, root, values.ids?.split(","), reporter("pages"));
  } catch (e) {
    // at scale a loader's output can outgrow what V8 can hold in one string: say so
    failure = `${name}: ${(e as Error).message}`;
    progress(`${name} FAILED: ${(e as Error).message}`);
  }
  const out = {
    seconds: (performance.now() - t) / 1000,
    bytes,
    cache_read_s: (stats.hash + stats.load + partStats.readMs) / 1000,
    failure,
    peak_rss_mb: peakRss(),
  };
  process.stdout.write(JSON.stringify(out) + "\n");
}
