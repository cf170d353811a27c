// One benchmark pass over a project directory (run by loaders/bench/main.ts as a child
// process, so each pass starts cold in memory and its peak RSS is its own): what the
// build computes, stage by stage, without Framework. Prints one JSON line on stdout.
//
//   tsx loaders/bench/run.ts <project dir> [--bare]
import { parseArgs } from "node:util";
import { loadCorpus, readArticles } from "../corpus.ts";
import { WordTokenizer } from "../natural.ts";
import { stats, resetStats } from "../articleCache.ts";
import { partStats } from "../partCache.ts";
import { warmCaches } from "../warmCaches.ts";
import { corpusSummary } from "../summary.ts";
import { mentionEvidence } from "../evidence.ts";
import { ruleUsage } from "../ruleUsage.ts";
import { actorPage } from "../actorPage.ts";
import { articleReader } from "../reader.ts";
import { loadActorRules } from "../rules/actorRules.ts";
import { articleStanceTable, distinctiveWordsTable, framingTable, loadAnalysis, overviewDivergence, overviewStanceMatrix, topicDivergence, topicsTable } from "../tables.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { bare: { type: "boolean" }, threads: { type: "string" } } });
const root = positionals[0] ?? process.cwd();
const threads = Number(values.threads ?? 2);
const progress = (s: string) => process.stderr.write(`  ${s}\n`);
const seconds: Record<string, number> = {};
const time = <T>(stage: string, f: () => T): T => {
  const t = performance.now();
  const out = f();
  seconds[stage] = (seconds[stage] ?? 0) + (performance.now() - t) / 1000;
  return out;
};

const t0 = performance.now();
const articles = time("read", () => readArticles(loadCorpus(root), root));
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.raw), 0);

let bare: number | null = null;
if (values.bare) {
  // the yardstick: natural's WordTokenizer over the same raw text, in this process
  const tokenizer = new WordTokenizer();
  const t = performance.now();
  let n = 0;
  for (const a of articles) n += tokenizer.tokenize(a.raw)?.length ?? 0;
  bare = (performance.now() - t) / 1000;
  progress(`bare WordTokenizer: ${n} tokens in ${bare.toFixed(2)} s`);
}

const pipelineStart = performance.now();
let lastReport = 0;
const warm = await (async () => {
  const t = performance.now();
  const r = await warmCaches(root, threads, (done, total) => {
    const now = performance.now();
    if (now - lastReport > 1000 || done === total) {
      lastReport = now;
      progress(`prepare: ${done}/${total} articles, ${(done / ((now - t) / 1000)).toFixed(0)} articles/s`);
    }
  });
  seconds.prepare = (performance.now() - t) / 1000;
  return r;
})();

// every data loader of the site, as the build runs them: each one on its own, reading the
// cached parts (the build runs each in its own process; here they run one after another)
const outputs: Record<string, number> = {};
const each = (name: string, ids: string[], f: (id: string) => unknown): [string, () => unknown] => [name, () => ids.map((id) => JSON.stringify(f(id)).length)];
const loaders: Array<[string, () => unknown]> = [
  ["corpus-summary", () => corpusSummary(root)],
  ["mentions", () => mentionEvidence(root)],
  ["rule-usage", () => ruleUsage(root)],
  ["stance-matrix", () => overviewStanceMatrix(loadAnalysis(root))],
  ["stance-by-article", () => articleStanceTable(loadAnalysis(root))],
  ["divergence", () => overviewDivergence(loadAnalysis(root))],
  ["divergence-by-topic", () => topicDivergence(loadAnalysis(root))],
  ["topics", () => topicsTable(loadAnalysis(root))],
  ["framing", () => framingTable(loadAnalysis(root))],
  ["distinctive-words", () => distinctiveWordsTable(loadAnalysis(root))],
  each("actor pages", loadActorRules(root).actors.map((a) => a.id), (id) => actorPage(id, undefined, root)),
  each("article pages", articles.map((a) => a.meta.id), (id) => articleReader(id, root)),
];
let cacheRead = 0;
const failures: string[] = [];
for (const [name, compute] of loaders) {
  resetStats();
  progress(`${name}: running over ${articles.length} articles`);
  try {
    const json = time(name, () => JSON.stringify(compute()));
    outputs[name] = Buffer.byteLength(json);
  } catch (e) {
    // at scale a loader's output can outgrow what V8 can hold in one string: say so
    outputs[name] = -1;
    failures.push(`${name}: ${(e as Error).message}`);
    progress(`${name} FAILED: ${(e as Error).message}`);
  }
  cacheRead += (stats.hash + stats.load + partStats.readMs) / 1000;
  partStats.readMs = 0;
}
const pipeline = (performance.now() - pipelineStart) / 1000;

const result = {
  articles: articles.length,
  bytes,
  total_s: (performance.now() - t0) / 1000,
  pipeline_s: pipeline,
  bare_tokenize_s: bare,
  computed: warm.computed,
  stages: {
    read: seconds.read,
    prepare_wall: seconds.prepare,
    clean_cpu: warm.stats.clean / 1000,
    segment_cpu: warm.stats.segment / 1000,
    cache_write_cpu: (warm.stats.store + warm.parts.writeMs) / 1000,
    outline_cpu: warm.parts.outline / 1000,
    tag_cpu: warm.parts.mentions / 1000,
    topics_cpu: warm.parts.topics / 1000,
    framing_cpu: warm.parts.framing / 1000,
    cache_read: cacheRead,
    ...Object.fromEntries(loaders.map(([name]) => [name, seconds[name] ?? 0])),
  },
  output_bytes: outputs,
  failures,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(JSON.stringify(result) + "\n");
