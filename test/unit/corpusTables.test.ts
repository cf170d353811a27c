// The corpus-wide tables are computed together and filed once per corpus state
// (loaders/corpusTables.ts): each filed table must be the text its own computation gives
// without any cache, the filed tables must be reused while nothing changes, and replaced
// when a rule or the corpus description changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS_TABLES, corpusTable, type CorpusTable } from "../../loaders/corpusTables.ts";
import {
  articleStanceTable,
  distinctiveWordsTable,
  framingTable,
  loadAnalysis,
  overviewDivergence,
  overviewStanceMatrix,
  topicDivergence,
  topicsTable,
} from "../../loaders/tables.ts";
import { corpusSummary, packSummary } from "../../loaders/summary.ts";
import { uncached } from "./uncached.ts";
import { DEFER_WHEN_BUSY, LockBusy, whileHolding } from "../../loaders/indexDir.ts";

/** Each table as its loader computed it on its own before (one analysis per table). */
function alone(table: CorpusTable, root: string): string {
  const a = () => loadAnalysis(root);
  const value = {
    "corpus-summary": () => packSummary(corpusSummary(root)),
    "distinctive-words": () => distinctiveWordsTable(loadAnalysis(root, { words: true })),
    "stance-matrix": () => overviewStanceMatrix(a()),
    "stance-by-article": () => articleStanceTable(a()),
    divergence: () => overviewDivergence(a()),
    "divergence-by-topic": () => topicDivergence(a()),
    topics: () => topicsTable(a()),
    framing: () => framingTable(a()),
  }[table]();
  return JSON.stringify(value);
}

test("filed corpus tables equal each table computed alone without caches; reused, then replaced after a corpus edit", () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-corpus-tables-"));
  cpSync("data", join(root, "data"), { recursive: true });
  const filed = () => readdirSync(join(root, ".cache", "tables", "stance"));
  try {
    const texts = new Map(CORPUS_TABLES.map((t) => [t, corpusTable(t, root)]));
    for (const t of CORPUS_TABLES) assert.equal(texts.get(t), uncached(() => alone(t, root)), `${t}.json`);
    for (const t of CORPUS_TABLES) JSON.parse(texts.get(t)!);
    assert.equal(filed().length, 1);
    const [first] = filed();
    const stamp = statSync(join(root, ".cache", "tables", "stance", first, "topics.json")).mtimeMs;
    assert.equal(corpusTable("topics", root), texts.get("topics"));
    assert.equal(statSync(join(root, ".cache", "tables", "stance", first, "topics.json")).mtimeMs, stamp, "reused, not recomputed");

    // a group renamed in corpus.yaml changes no article's parts, but the tables' groups
    const corpusFile = join(root, "data", "corpus.yaml");
    const corpus = readFileSync(corpusFile, "utf8");
    const label = /label:\s*"?([^"\n]+)"?/.exec(corpus)!;
    writeFileSync(corpusFile, corpus.replace(label[0], `label: "${label[1]} (renamed)"`));
    const summary = corpusTable("corpus-summary", root);
    assert.equal(filed().length, 1, "the older tables are removed");
    assert.notEqual(filed()[0], first, "new tables");
    assert.ok(summary.includes(`${label[1]} (renamed)`), "the edit shows in the corpus table");
    assert.equal(summary, uncached(() => alone("corpus-summary", root)));

    // a rule edit: the stance tables are filed anew, the word table (no rule reaches it) is kept
    const words = () => readdirSync(join(root, ".cache", "tables", "words"));
    corpusTable("distinctive-words", root);
    const [wordsBefore] = words();
    const [stanceBefore] = filed();
    const rules = join(root, "data", "rules", "stance.yaml");
    writeFileSync(rules, readFileSync(rules, "utf8").replace(/^(\s+agent:\s*)(-?\d+(?:\.\d+)?)\s*$/m, "$1-0.5"));
    corpusTable("stance-matrix", root);
    corpusTable("distinctive-words", root);
    assert.deepEqual(words(), [wordsBefore], "the word table is kept");
    assert.notEqual(filed()[0], stanceBefore, "the stance tables are new");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("with caching off the tables are computed, not filed", () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-corpus-tables-off-"));
  cpSync("data", join(root, "data"), { recursive: true });
  try {
    const text = uncached(() => corpusTable("divergence", root));
    assert.equal(text, uncached(() => alone("divergence", root)));
    assert.throws(() => readdirSync(join(root, ".cache", "tables")));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the lock: work runs once; a live holder is waited for; a dead holder's lock is taken over", () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-lock-"));
  const lock = join(dir, "tables.lock");
  try {
    let runs = 0;
    whileHolding(lock, () => runs > 0, () => void runs++);
    assert.equal(runs, 1);
    assert.ok(!existsSync(lock), "released");
    whileHolding(lock, () => runs > 0, () => void runs++);
    assert.equal(runs, 1, "not again once done");

    // held by a live process (this one): wait until done, without running the work
    mkdirSync(lock);
    writeFileSync(join(lock, "pid"), String(process.pid));
    let checks = 0;
    whileHolding(lock, () => ++checks > 3, () => assert.fail("ran while another process held the lock"));
    assert.equal(checks, 4);
    // in the build's pre-runner: not waiting but saying so, to run other outputs meanwhile
    const flags = globalThis as { [DEFER_WHEN_BUSY]?: boolean };
    flags[DEFER_WHEN_BUSY] = true;
    try {
      assert.throws(() => whileHolding(lock, () => false, () => assert.fail("ran while another process held the lock")), LockBusy);
    } finally {
      delete flags[DEFER_WHEN_BUSY];
    }
    rmSync(lock, { recursive: true });

    // held by a process that is gone: taken over
    mkdirSync(lock);
    writeFileSync(join(lock, "pid"), "999999999");
    let took = false;
    whileHolding(lock, () => took, () => void (took = true));
    assert.ok(took);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
