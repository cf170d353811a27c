// `npm run build`: a build that always reflects the current data/ and loaders/, and that
// never leaves a broken or empty dist/ behind.
//
//   1. freshen: delete the cached loader outputs whose inputs changed (scripts/freshen.ts)
//   2. check the inputs and compute every article's cached parts (two worker threads): a bad article,
//      corpus entry or rule stops here with "error: file:line: problem / fix"
//   3. run the data and page loaders whose outputs are missing, two processes at a time
//      (scripts/prerun.ts): Framework would run each output in a process of its own, in turn
//   4. `observable build` into .cache/dist-next (Framework empties its output first)
//   5. only if it succeeded: .cache/dist-next replaces dist/; otherwise dist/ keeps the
//      last good build
//   6. record the input hashes of the cached outputs for the next freshen
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { CACHE_DIR, freshen, recordManifest } from "./freshen.ts";
import { missingOutputs, prerunLoaders } from "./prerun.ts";
import buildConfig from "./observablehq.build.config.ts";
import { InputError } from "../loaders/inputError.ts";
import { warmCaches } from "../loaders/warmCaches.ts";
import { checkAllRules } from "../loaders/rules/index.ts";
import { loadCorpus, readArticles } from "../loaders/corpus.ts";
import { pruneArticleCache } from "../loaders/articleCache.ts";
import { prunePartCache } from "../loaders/partCache.ts";
import { pruneRulesRecords } from "../loaders/retag.ts";

const root = process.cwd();
const DIST = join(root, "dist");
const NEXT = join(root, ".cache", "dist-next");
const OLD = join(root, ".cache", "dist-old");
const say = (s: string) => process.stderr.write(`build: ${s}\n`);
const fail = (s: string): never => {
  process.stderr.write(`\n${s}\n${existsSync(DIST) ? "dist/ still holds the previous build.\n" : ""}`);
  process.exit(1);
};

const started = performance.now();
const { digest, removed, kept } = freshen(root);
say(`${removed.length} cached loader output(s) out of date and removed, ${kept.length} reused`);

try {
  const t = performance.now();
  const warm = await warmCaches(root);
  checkAllRules(root);
  const articles = readArticles(loadCorpus(root), root);
  pruneArticleCache(articles, root);
  prunePartCache(articles, root);
  pruneRulesRecords(root);
  const { sentencesRetagged, mentionsReweighed } = warm.parts;
  const reach = sentencesRetagged + mentionsReweighed ? `; after the cue edit ${sentencesRetagged} sentence(s) re-tagged, ${mentionsReweighed} mention(s) reweighed, the rest kept` : "";
  say(`inputs checked: ${warm.articles} articles (${warm.computed} cleaned, tagged or re-tagged${reach}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
} catch (e) {
  if (e instanceof InputError) fail(`error: ${e.message}`);
  throw e;
}

try {
  const t = performance.now();
  const src = join(root, "src");
  const jobs = missingOutputs(src, join(root, CACHE_DIR), buildConfig.dynamicPaths);
  let last = t;
  const ran = await prerunLoaders(root, src, jobs, 2, (done, total) => {
    const now = performance.now();
    if (now - last < 5000 && done !== total) return;
    last = now;
    say(`data loaders: ${done}/${total} outputs, ${(done / ((now - t) / 1000)).toFixed(1)} per second`);
  });
  // named in Framework's manner (/data/mentions.json), all of them when they are few
  const named = ran.made.slice(0, ran.made.length > 40 ? 8 : 40).map((m) => `/${m}`);
  const more = ran.made.length > named.length ? `, … (${ran.made.length - named.length} more)` : "";
  say(`data loaders: ${ran.outputs} output(s) made on ${Math.min(2, jobs.length)} process(es) in ${((performance.now() - t) / 1000).toFixed(1)} s${named.length ? `: ${named.join(", ")}${more}` : ""}`);
} catch (e) {
  // the outputs made before the failure are valid for the inputs hashed above
  recordManifest(digest);
  fail(`${(e as Error).message}: see the message above.`);
}

rmSync(NEXT, { recursive: true, force: true });
const require = createRequire(import.meta.url);
const observable = join(require.resolve("@observablehq/framework/package.json"), "..", "dist", "bin", "observable.js");
const build = spawnSync(process.execPath, ["--import", "tsx", observable, "build", "--config", join("scripts", "observablehq.build.config.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", PARALLAX_BUILD_OUTPUT: resolve(NEXT) },
});
// whatever the outcome, outputs that loaders did write are valid for the inputs hashed above
recordManifest(digest);
if (build.status !== 0 || !existsSync(join(NEXT, "index.html"))) {
  rmSync(NEXT, { recursive: true, force: true });
  fail(`build failed (observable build exit ${build.status ?? build.signal}): see the messages above.`);
}

rmSync(OLD, { recursive: true, force: true });
if (existsSync(DIST)) renameSync(DIST, OLD);
renameSync(NEXT, DIST);
rmSync(OLD, { recursive: true, force: true });
say(`dist/ updated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
