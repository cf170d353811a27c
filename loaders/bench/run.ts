// The warm step of a benchmark pass, in a process of its own as the build runs it
// (loaders/bench/main.ts spawns it, then the loaders through scripts/prerun.ts): it starts
// cold in memory and its peak RSS is its own. Prints one JSON line on stdout.
//
//   tsx loaders/bench/run.ts <project dir> --prepare [--bare] [--threads N]
import { parseArgs } from "node:util";
import { loadCorpus, readArticle } from "../corpus.ts";
import { WordTokenizer } from "../natural.ts";
import { warmCaches } from "../warmCaches.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { bare: { type: "boolean" }, threads: { type: "string" }, prepare: { type: "boolean" } },
});
const root = positionals[0] ?? process.cwd();
const progress = (s: string) => process.stderr.write(`  ${s}\n`);
const peakRss = () => process.resourceUsage().maxRSS / 1024;

if (!values.prepare) throw new Error("usage: tsx loaders/bench/run.ts <project dir> --prepare [--bare] [--threads N]");
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
  // after a cue edit: sentences tagged again, mentions reweighed (loaders/retag.ts)
  reach: { sentences_retagged: warm.parts.sentencesRetagged, mentions_reweighed: warm.parts.mentionsReweighed },
  peak_rss_mb: peakRss(),
};
process.stdout.write(JSON.stringify(out) + "\n");
