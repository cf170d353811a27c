// The corpus-wide tables read the slim digest from an index filed once per corpus state
// and from the mentions parts (loaders/analysisIndex.ts): every table must equal the one
// computed without any cache, the index must be reused while nothing changes and replaced
// when an article changes, and kept after a cue edit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { articleStanceTable, distinctiveWordsTable, framingTable, loadAnalysis, overviewDivergence, topicsTable } from "../../loaders/tables.ts";
import { corpusSummary } from "../../loaders/summary.ts";
import { uncached } from "./uncached.ts";

/** Every table the index feeds, as the loaders emit them. */
const tables = (root: string) => {
  const a = loadAnalysis(root, { words: true });
  return JSON.stringify({
    byArticle: articleStanceTable(a, { resamples: 50 }),
    divergence: overviewDivergence(a),
    topics: topicsTable(a, { resamples: 50 }),
    framing: framingTable(a),
    words: distinctiveWordsTable(a),
    summary: corpusSummary(root),
  });
};

test("tables from the analysis index equal tables computed without caches; the index is reused, then replaced after an article edit", () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-analysis-index-"));
  cpSync("data", join(root, "data"), { recursive: true });
  const indexes = (group: string) => readdirSync(join(root, ".cache", "analysis", group));
  const outlineFile = (key: string) => join(root, ".cache", "analysis", "outline", key, "outline.jsonl");
  try {
    const fromIndex = tables(root);
    assert.equal(fromIndex, uncached(() => tables(root)));
    const groups = ["labels", "outline", "topics"];
    assert.deepEqual(readdirSync(join(root, ".cache", "analysis")).sort(), groups);
    const first = Object.fromEntries(groups.map((g) => [g, indexes(g)]));
    for (const g of groups) assert.equal(first[g].length, 1, g);
    const written = statSync(outlineFile(first.outline[0])).mtimeMs;
    assert.equal(tables(root), fromIndex);
    assert.equal(statSync(outlineFile(first.outline[0])).mtimeMs, written, "reused, not rewritten");

    // an analyst's edit: a sentence added to The Cradle's article (rule edits are seen by
    // the part keys in the next process: loaders/partCache.ts reads rule files once per process)
    const corpus = readFileSync(join(root, "data", "corpus.yaml"), "utf8");
    const path = join(root, "data", "articles", /id: cradle[\s\S]*?file:\s*(\S+)/.exec(corpus)![1]);
    writeFileSync(path, readFileSync(path, "utf8") + "\n\nRussia's aggression against its neighbours failed.\n");
    const after = tables(root);
    for (const g of groups) {
      assert.equal(indexes(g).length, 1, `the old ${g} index is removed`);
      assert.notEqual(indexes(g)[0], first[g][0], `a new ${g} index`);
    }
    assert.notEqual(after, fromIndex, "the edit shows in the tables");
    assert.equal(after, uncached(() => tables(root)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("after a cue edit the analysis index is kept whole and the digest's mentions are the re-tagged ones", () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-analysis-groups-"));
  cpSync("data", join(root, "data"), { recursive: true });
  const listing = () => Object.fromEntries(["labels", "outline", "topics"].map((g) => [g, readdirSync(join(root, ".cache", "analysis", g)).join()]));
  // in a process of its own each time: part keys read the rule files once per process
  const scores = () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "--eval", `import { loadSlimDigest } from ${JSON.stringify(resolve("loaders/analysisIndex.ts"))}; process.stdout.write(JSON.stringify(loadSlimDigest(${JSON.stringify(root)}).mentions.map((m) => m.score)));`], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as number[];
  };
  try {
    const was = scores();
    const before = listing();
    const rules = join(root, "data", "rules", "stance.yaml");
    const text = readFileSync(rules, "utf8");
    const m = /^(\s+agent:\s*)(-?\d+(?:\.\d+)?)\s*$/m.exec(text)!;
    writeFileSync(rules, text.slice(0, m.index) + m[1] + String(Number(m[2]) * 0.5) + text.slice(m.index + m[0].length));
    const now = scores();
    assert.equal(now.length, was.length);
    assert.ok(now.some((x, i) => x !== was[i]), "the edit shows in the mentions");
    assert.deepEqual(listing(), before, "the outline, topics and labels files are kept");
    assert.ok(!existsSync(join(root, ".cache", "analysis", "mentions")), "no mentions are filed");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
