// `npm run bench`: the pipeline on a synthetic corpus of N articles sampled from the seeds
// (loaders/bench/synthetic.ts), cold (empty article cache) and after a one-rule edit
// (warm article cache), against natural's bare WordTokenizer over the same text.
//
//   npm run bench                      N = 1,000
//   npm run bench -- --n 250           another N
//   npm run bench -- --scaling         N = 250, 1,000 and 4,000: how the cost grows
//   npm run bench -- --site            also build the site on the corpus and report the
//                                      data bytes each page loads
//   --threads 1                        prepare articles on one core instead of two
//   --keep                             keep the temporary project directories
//
// Ends with one line per N: BENCH {json}.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeSyntheticCorpus } from "./synthetic.ts";
import { missingOutputs, prerunLoaders } from "../../scripts/prerun.ts";
import { digestInputs, outputHash } from "../../scripts/freshen.ts";
import { copyProject } from "../../scripts/copyProject.ts";
import { loadCorpus } from "../corpus.ts";
import { loadActorRules } from "../rules/actorRules.ts";

const { values } = parseArgs({
  options: {
    n: { type: "string" },
    scaling: { type: "boolean" },
    site: { type: "boolean" },
    "site-pages": { type: "string" },
    seed: { type: "string" },
    threads: { type: "string" },
    keep: { type: "boolean" },
  },
});
const repo = process.cwd();
const tsx = join(repo, "node_modules", ".bin", "tsx");
const sizes = values.scaling ? [250, 1000, 4000] : [Number((values.n ?? "1000").replace(/[_,]/g, ""))];
const seed = Number(values.seed ?? 1);
const threads = values.threads ?? "2";
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Pass {
  articles: number;
  bytes: number;
  /** wall time of the whole pass: every process, start-up included */
  total_s: number;
  bare_tokenize_s: number | null;
  computed: number;
  /** loader outputs run (the others were still fresh) */
  outputs_run: number;
  /** after a cue edit: sentences tagged again, mentions reweighed (the rest kept from the earlier rules) */
  reach: { sentences_retagged: number; mentions_reweighed: number };
  /** seconds per stage, measured inside each process */
  stages: Record<string, number>;
  output_bytes: Record<string, number>;
  /** peak RSS per process: "prepare" (the warm step) and each loader slot of the pre-runner */
  rss_mb: Record<string, number>;
  peak_rss_mb: number;
}

/** Runs one step (run.ts) in its own process and returns its JSON line. */
function step(dir: string, args: string[], n: number): Record<string, any> {
  const r = spawnSync(tsx, [join(repo, "loaders/bench/run.ts"), dir, ...args], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 26,
    // Node's default heap (about 4 GB here) up to N = 1,000, as the build's loaders get;
    // room beyond it for larger N
    env: n > 1000 ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=16384`.trim() } : process.env,
  });
  if (r.status !== 0) throw new Error(`benchmark step ${args.join(" ")} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

/** The site's parameterised pages for the corpus at `dir`, as observablehq.config.ts lists them. */
function dynamicPaths(dir: string): string[] {
  return [...loadActorRules(dir).actors.map((a) => `/actors/${a.id}`), ...loadCorpus(dir).articles.map((a) => `/articles/${a.id}`)];
}

/** The outputs of the last pass and the hash of their inputs (scripts/freshen.ts), as the build's manifest. */
let made: Map<string, string> | null = null;

/**
 * One pass, as `npm run build` does it: prepare every article (worker threads), then every
 * data and page loader output the site needs, run as the build runs them (scripts/prerun.ts:
 * two processes taking outputs from one queue): cold into an empty output folder, after the
 * rule edit only the outputs the build's freshen step would find out of date (all but the
 * page loaders that declare they read no rules).
 */
async function pass(dir: string, bare: boolean, n: number): Promise<Pass> {
  const t = performance.now();
  const prep = step(dir, ["--prepare", "--threads", threads, ...(bare ? ["--bare"] : [])], n);
  const result: Pass = {
    articles: prep.articles,
    bytes: prep.bytes,
    total_s: 0,
    bare_tokenize_s: prep.bare_tokenize_s,
    computed: prep.computed,
    outputs_run: 0,
    reach: prep.reach,
    stages: { ...prep.stages },
    output_bytes: {},
    rss_mb: { prepare: prep.peak_rss_mb },
    peak_rss_mb: prep.peak_rss_mb,
  };
  const outputs = join(dir, ".cache", "bench-outputs");
  // as the build's freshen step: outputs whose inputs changed since the last pass go
  // (after a rule edit, all but the loaders that do not read the rules: scripts/freshen.ts)
  const inputs = digestInputs(dir, repo);
  if (!made) rmSync(outputs, { recursive: true, force: true });
  for (const [target, hash] of made ?? []) if (outputHash(inputs, target) !== hash) rmSync(join(outputs, ...target.split("/")), { force: true });
  const src = join(repo, "src");
  const jobs = missingOutputs(src, outputs, dynamicPaths(dir));
  const started = performance.now();
  let last = started;
  const ran = await prerunLoaders(dir, src, jobs, 2, (done, total) => {
    const now = performance.now();
    if (now - last < 2000 && done !== total) return;
    last = now;
    log(`  loaders: ${done}/${total} outputs, ${(done / ((now - started) / 1000)).toFixed(1)} per second`);
  });
  made = new Map(jobs.map((j) => [j.target, outputHash(inputs, j.target)!]));
  result.outputs_run = jobs.length;
  result.stages.loaders_wall = ran.wall_s;
  // seconds inside the loader processes, per loader file (pages summed over their outputs)
  for (const [file, s] of Object.entries(ran.seconds)) result.stages[loaderName(file)] = s;
  for (const [file, b] of Object.entries(ran.bytes)) result.output_bytes[loaderName(file)] = b;
  ran.rss_mb.forEach((mb, i) => (result.rss_mb[`loaders process ${i + 1}`] = mb));
  result.peak_rss_mb = Math.max(prep.peak_rss_mb, ...ran.rss_mb);
  result.total_s = (performance.now() - t) / 1000;
  return result;
}

/** "data/actors/[actor].json.ts" → "actors/[actor].json": a loader file as the table names it. */
const loaderName = (file: string) => file.replace(/^data\//, "").replace(/\.ts$/, "");

/** The one-rule edit an analyst makes: the first cue weight, nudged. */
function editOneRule(dir: string): string {
  const file = join(dir, "data", "rules", "stance.yaml");
  const text = readFileSync(file, "utf8");
  const m = /^(\s+agent:\s*)(-?\d+(?:\.\d+)?)\s*$/m.exec(text);
  if (!m) throw new Error("no cue weight to edit in stance.yaml");
  const next = Math.round((Number(m[2]) * 0.9) * 100) / 100;
  writeFileSync(file, text.slice(0, m.index) + m[1] + String(next) + text.slice(m.index + m[0].length));
  return `stance.yaml: agent ${m[2]} → ${next}`;
}

const fmt = (x: number, d = 2) => x.toFixed(d);
const results: Array<Record<string, unknown>> = [];
const dirs: string[] = [];

for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `parallax-bench-${n}-`));
  dirs.push(dir);
  made = null;
  log(`\n== N = ${n}: synthetic corpus in ${dir}`);
  const synth = writeSyntheticCorpus(repo, dir, n, seed);
  log(`   ${synth.articles} articles, ${fmt(synth.bytes / 1e6)} MB`);
  log(`-- cold (empty article cache)`);
  const cold = await pass(dir, true, n);
  const edit = editOneRule(dir);
  log(`-- after a rule edit (${edit})`);
  const warm = await pass(dir, false, n);
  const coldS = cold.total_s;
  const editS = warm.total_s;
  const bare = cold.bare_tokenize_s!;
  const row = {
    articles: cold.articles,
    megabytes: Math.round((cold.bytes / 1e6) * 100) / 100,
    cold_s: round(coldS),
    rule_edit_s: round(editS),
    bare_tokenize_s: round(bare),
    ratio: round(coldS / bare, 1),
    rule_edit_over_cold: round(editS / coldS),
    rule_edit_reach: warm.reach,
    rule_edit_outputs: warm.outputs_run,
    // the largest of any one process: the warm step, then two loader processes side by side
    peak_rss_mb: Math.round(Math.max(cold.peak_rss_mb, warm.peak_rss_mb)),
    rss_mb: Object.fromEntries(Object.keys(cold.rss_mb).map((k) => [k, Math.round(Math.max(cold.rss_mb[k], warm.rss_mb[k] ?? 0))])),
    threads: Number(threads),
    stages_cold_s: Object.fromEntries(Object.entries(cold.stages).map(([k, v]) => [k, round(v)])),
    stages_rule_edit_s: Object.fromEntries(Object.entries(warm.stages).map(([k, v]) => [k, round(v)])),
    output_bytes: cold.output_bytes,
  };
  results.push(row);

  console.log(`\nN = ${row.articles} articles, ${row.megabytes} MB of text`);
  // loader rows: seconds inside the loader processes; the processes' peak RSS follows
  const w = 34;
  console.log(`  ${"stage".padEnd(w)}${"cold s".padStart(9)}${"rule edit s".padStart(13)}`);
  for (const k of Object.keys(cold.stages)) console.log(`  ${k.padEnd(w)}${fmt(cold.stages[k]).padStart(9)}${fmt(warm.stages[k] ?? 0).padStart(13)}`);
  console.log(`  ${"total (wall)".padEnd(w)}${fmt(coldS).padStart(9)}${fmt(editS).padStart(13)}`);
  console.log(`  peak RSS MB: ${Object.entries(row.rss_mb).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`  bare WordTokenizer ${fmt(bare)} s → ratio cold/bare ${row.ratio} (target ≤ 5)`);
  console.log(`  after the edit: ${warm.outputs_run} of ${cold.outputs_run} loader outputs out of date, ${warm.computed} article(s), ${warm.reach.sentences_retagged} sentence(s) re-tagged, ${warm.reach.mentions_reweighed} mention(s) reweighed, the rest kept (loaders/retag.ts)`);
  console.log(`  rule edit / cold ${row.rule_edit_over_cold} (target ≤ 0.25); peak RSS ${row.peak_rss_mb} MB in one process (target ≤ 500 at 1,000)`);
  console.log(`  per article: cold ${fmt((coldS / n) * 1000, 1)} ms, rule edit ${fmt((editS / n) * 1000, 1)} ms`);

  if (values.site) Object.assign(row, { site: siteBench(dir) });
}

if (results.length > 1) {
  console.log(`\nScaling (cost per article should stay flat if the cost grows linearly):`);
  for (const r of results) console.log(`  N=${String(r.articles).padStart(5)}  cold ${String(r.cold_s).padStart(7)} s  ${fmt(((r.cold_s as number) / (r.articles as number)) * 1000, 1)} ms/article   rule edit ${String(r.rule_edit_s).padStart(7)} s  ${fmt(((r.rule_edit_s as number) / (r.articles as number)) * 1000, 1)} ms/article  RSS ${r.peak_rss_mb} MB`);
}
for (const r of results) console.log(`BENCH ${JSON.stringify(r)}`);
if (!values.keep) for (const d of dirs) rmSync(d, { recursive: true, force: true });
else log(`kept: ${dirs.join(" ")}`);

function round(x: number, d = 3): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

// ---------------------------------------------------------------- site payload

/**
 * Builds the site on the synthetic corpus: a copy of the repository (sources only,
 * node_modules linked) with the synthetic data/, built by scripts/build.ts with that
 * copy as the working directory. Reader and actor pages are limited to the first few of each route
 * (PARALLAX_MAX_DYNAMIC_PAGES): one page per article is a loader run per article, and
 * what one page loads does not depend on how many others there are.
 */
function siteBench(corpusDir: string) {
  const site = copyProject(repo, "parallax-site-");
  dirs.push(site);
  rmSync(join(site, "data"), { recursive: true, force: true });
  cpSync(join(corpusDir, "data"), join(site, "data"), { recursive: true });
  // the article cache the benchmark filled is valid here too (same texts, same code)
  cpSync(join(corpusDir, ".cache"), join(site, ".cache"), { recursive: true });
  const pages = values["site-pages"] ?? "5";
  log(`\n-- site build in ${site} (dynamic pages: first ${pages} of each route)`);
  const t = performance.now();
  const r = spawnSync("npm", ["run", "-s", "build"], { cwd: site, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PARALLAX_MAX_DYNAMIC_PAGES: pages }, maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) {
    log(r.stdout.slice(-4000) + r.stderr.slice(-4000));
    throw new Error("site build failed");
  }
  const payload = pagePayloads(join(site, "dist"));
  console.log(`\nSite build: ${fmt(seconds, 1)} s. Data each page loads (JSON under dist/_file):`);
  for (const p of payload) console.log(`  ${p.page.padEnd(44)}${(p.bytes / 1024).toFixed(0).padStart(9)} KB  ${p.files.join(", ")}`);
  console.log(`  targets: overview ≤ 500 KB, an actor page ≤ 1.5 MB`);
  return { build_s: round(seconds, 1), pages: Object.fromEntries(payload.map((p) => [p.page, p.bytes])) };
}

/** Per built page: the .json files under _file that its HTML or its own modules reference. */
export function pagePayloads(dist: string): Array<{ page: string; bytes: number; files: string[] }> {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith("_")) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".html")) pages.push(p);
    }
  };
  walk(dist);
  return pages.sort().map((page) => {
    const html = readFileSync(page, "utf8");
    const files = new Set<string>();
    const refs = (text: string, base: string) => {
      for (const m of text.matchAll(/["'(]([^"'()]*_file\/[^"'()]+\.json)["')]/g)) {
        const f = resolve(base, m[1]);
        if (existsSync(f)) files.add(f);
      }
    };
    refs(html, join(page, ".."));
    // page modules under _import (components) may name data files too
    for (const m of html.matchAll(/["']([^"']*_import\/[^"']+\.js)["']/g)) {
      const f = resolve(join(page, ".."), m[1]);
      if (existsSync(f)) refs(readFileSync(f, "utf8"), join(f, ".."));
    }
    const list = [...files];
    return {
      page: relative(dist, page).replace(/\.html$/, ""),
      bytes: list.reduce((n, f) => n + statSync(f).size, 0),
      files: list.map((f) => relative(dist, f)),
    };
  });
}
