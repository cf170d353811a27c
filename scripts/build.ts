// `npm run build`: a build that always reflects the current data/ and loaders/, and that
// never leaves a broken or empty dist/ behind.
//
//   1. freshen: delete the cached loader outputs whose inputs changed (scripts/freshen.ts)
//   2. check the inputs and compute every article's cached parts (two worker threads): a bad article,
//      corpus entry or rule stops here with "error: file:line: problem / fix"
//   3. `observable build` into .cache/dist-next (Framework empties its output first)
//   4. only if it succeeded: .cache/dist-next replaces dist/; otherwise dist/ keeps the
//      last good build
//   5. record the input hashes of the cached outputs for the next freshen
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { freshen, recordManifest } from "./freshen.ts";
import { InputError } from "../loaders/inputError.ts";
import { warmCaches } from "../loaders/warmCaches.ts";
import { checkAllRules } from "../loaders/rules/index.ts";
import { loadCorpus, readArticles } from "../loaders/corpus.ts";
import { pruneArticleCache } from "../loaders/articleCache.ts";
import { prunePartCache } from "../loaders/partCache.ts";

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
  say(`inputs checked: ${warm.articles} articles (${warm.computed} cleaned, tagged or re-tagged) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
} catch (e) {
  if (e instanceof InputError) fail(`error: ${e.message}`);
  throw e;
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
