// The build's pre-runner (scripts/prerun.ts) must write exactly what Framework would have
// written by running each loader file in a process of its own, for plain data loaders and
// for parameterised page and data loaders, and a failing loader must fail the run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { missingOutputs, prerunLoaders } from "../../scripts/prerun.ts";

const repo = process.cwd();
const src = join(repo, "src");
const tsx = join(repo, "node_modules", ".bin", "tsx");

/** What Framework does for one output: run the loader file with its parameters, keep stdout. */
function asFramework(root: string, loader: string, args: string[]): string {
  const r = spawnSync(tsx, [loader, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test("pre-run outputs equal the loader files run one by one; only missing outputs run", { timeout: 180_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-prerun-"));
  cpSync("data", join(root, "data"), { recursive: true });
  const out = join(root, "outputs");
  try {
    const paths = ["/actors/russia", "/articles/cradle-2022-iran-encircled"];
    const jobs = missingOutputs(src, out, paths);
    const targets = jobs.map((j) => j.target).sort();
    for (const t of ["data/mentions.json", "data/actors/russia.json", "actors/russia.md", "data/articles/cradle-2022-iran-encircled.json", "data/stances/cradle-2022-iran-encircled.json", "articles/cradle-2022-iran-encircled.md"]) {
      assert.ok(targets.includes(t), `${t} is among the outputs`);
    }
    assert.ok(!targets.some((t) => t.includes("/armenia")), "only the pages asked for");
    const ran = await prerunLoaders(root, src, jobs, 2);
    assert.equal(ran.outputs, jobs.length);
    for (const [target, loader, args] of [
      ["data/mentions.json", "data/mentions.json.ts", []],
      ["data/actors/russia.json", "data/actors/[actor].json.ts", ["--actor=russia"]],
      ["actors/russia.md", "actors/[actor].md.ts", ["--actor=russia"]],
      ["data/articles/cradle-2022-iran-encircled.json", "data/articles/[article].json.ts", ["--article=cradle-2022-iran-encircled"]],
      ["data/stances/cradle-2022-iran-encircled.json", "data/stances/[article].json.ts", ["--article=cradle-2022-iran-encircled"]],
    ] as const) {
      assert.equal(readFileSync(join(out, target), "utf8"), asFramework(root, join(src, loader), [...args]), target);
    }
    assert.deepEqual(missingOutputs(src, out, paths), [], "a second run finds nothing missing");

    // a per-page loader is imported once per process and called again for its next page:
    // each page must still be the one its parameter names
    rmSync(out, { recursive: true, force: true });
    const pages = ["/actors/russia", "/actors/iran", "/articles/cradle-2022-iran-encircled", "/articles/midstone-2023-karabakh-magnet"];
    const pageJobs = missingOutputs(src, out, pages).filter((j) => j.args.length > 0);
    assert.equal(pageJobs.length, 10, "two pages of each of the five per-page loaders");
    const once = await prerunLoaders(root, src, pageJobs, 1);
    assert.equal(once.outputs, 10);
    assert.equal(once.imports, 5, "one module instance per loader in the one process");
    for (const j of pageJobs) assert.equal(readFileSync(j.output, "utf8"), asFramework(root, j.loader, j.args), j.target);

    // a bad rule: the loader that reads it fails, and so does the run
    rmSync(out, { recursive: true, force: true });
    writeFileSync(join(root, "data", "rules", "stance.yaml"), "settings: [\n");
    await assert.rejects(prerunLoaders(root, src, missingOutputs(src, out, paths).slice(0, 3), 2), /data loader .* failed/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
