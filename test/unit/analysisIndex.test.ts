// The corpus-wide tables read the slim digest from an index filed once per corpus state
// (loaders/analysisIndex.ts): every table must equal the one computed without any cache,
// the index must be reused while nothing changes and replaced when an article changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  const indexes = () => readdirSync(join(root, ".cache", "analysis"));
  try {
    const fromIndex = tables(root);
    assert.equal(fromIndex, uncached(() => tables(root)));
    const [first] = indexes();
    assert.equal(indexes().length, 1);
    const written = statSync(join(root, ".cache", "analysis", first, "mentions.jsonl")).mtimeMs;
    assert.equal(tables(root), fromIndex);
    assert.equal(statSync(join(root, ".cache", "analysis", first, "mentions.jsonl")).mtimeMs, written, "reused, not rewritten");

    // an analyst's edit: a sentence added to The Cradle's article (rule edits are seen by
    // the part keys in the next process: loaders/partCache.ts reads rule files once per process)
    const corpus = readFileSync(join(root, "data", "corpus.yaml"), "utf8");
    const path = join(root, "data", "articles", /id: cradle[\s\S]*?file:\s*(\S+)/.exec(corpus)![1]);
    writeFileSync(path, readFileSync(path, "utf8") + "\n\nRussia's aggression against its neighbours failed.\n");
    const after = tables(root);
    assert.equal(indexes().length, 1, "the old index is removed");
    assert.notEqual(indexes()[0], first, "a new index");
    assert.notEqual(after, fromIndex, "the edit shows in the tables");
    assert.equal(after, uncached(() => tables(root)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
