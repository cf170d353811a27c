// Actor pages read their actor's mentions from an index filed once per corpus state
// (loaders/actorIndex.ts): the page must equal the one computed without any cache, the
// index must be reused while nothing changes and replaced when an article changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { actorPage } from "../../loaders/actorPage.ts";
import { Shortlist, strongest } from "../../loaders/strongest.ts";
import type { ArticleMention } from "../../loaders/pipeline.ts";
import { uncached } from "./uncached.ts";

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "parallax-actor-index-"));
  cpSync("data", join(root, "data"), { recursive: true });
  return root;
}

test("actor pages from the index equal pages computed without caches; the index is reused, then replaced after an edit", () => {
  const root = project();
  const indexes = () => readdirSync(join(root, ".cache", "actors"));
  try {
    for (const id of ["russia", "csto"]) assert.equal(JSON.stringify(actorPage(id, root)), JSON.stringify(uncached(() => actorPage(id, root))), id);
    const [first] = indexes();
    assert.equal(indexes().length, 1);
    const before = actorPage("russia", root).mentions;
    const written = statSync(join(root, ".cache", "actors", first, "russia.jsonl")).mtimeMs;
    actorPage("russia", root);
    assert.equal(statSync(join(root, ".cache", "actors", first, "russia.jsonl")).mtimeMs, written, "reused, not rewritten");

    // an analyst's edit: a sentence added to The Cradle's article (which ends with its argument, not with notes)
    const corpus = readFileSync(join(root, "data", "corpus.yaml"), "utf8");
    const file = /id: cradle[\s\S]*?file:\s*(\S+)/.exec(corpus)![1];
    const path = join(root, "data", "articles", file);
    writeFileSync(path, readFileSync(path, "utf8") + "\n\nRussia's aggression against its neighbours failed.\n");
    const after = actorPage("russia", root);
    assert.deepEqual(indexes().length, 1, "the old index is removed");
    assert.notEqual(indexes()[0], first, "a new index");
    assert.equal(JSON.stringify(after), JSON.stringify(uncached(() => actorPage("russia", root))));
    assert.equal(after.mentions, before + 1, "the added sentence's mention is counted");

    // the sentences the page quotes were filed with the index (no outline part read for them)
    const filed = readFileSync(join(root, ".cache", "actors", indexes()[0], "russia.evidence.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line)[2] as string);
    const quoted = Object.values(after.byGrouping).flatMap((groups) => groups.flatMap((g) => g.evidence.map((e) => e.sentence)));
    assert.ok(quoted.length > 25);
    for (const sentence of quoted) assert.ok(filed.includes(sentence), sentence);

    // the groups decide which sentences are quoted: moving an article to another origin files a new index
    const moved = indexes()[0];
    writeFileSync(join(root, "data", "corpus.yaml"), corpus.replace(/(id: cradle[\s\S]*?author_origin:\s*)(\S+)/, (_, head: string, origin: string) => `${head}${origin === "iranian" ? "turkish" : "iranian"}`));
    assert.equal(JSON.stringify(actorPage("russia", root)), JSON.stringify(uncached(() => actorPage("russia", root))));
    assert.notEqual(indexes()[0], moved, "a new index after a change of groups");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an actor page's evidence: the k strongest mentions, in the order a full sort gives", () => {
  // ties on strength are the rule (cue weights repeat): article and offset decide them
  const rows = Array.from({ length: 500 }, (_, i) => ({ article: `a-${(i * 7) % 13}`, start: (i * 31) % 997, score: [-0.8, 0.5, -0.5, 0.8, 0.1, 0][i % 6] }) as ArticleMention);
  const sorted = [...rows].sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.article.localeCompare(b.article) || a.start - b.start);
  for (const k of [1, 25, 499, 500, 600]) assert.deepEqual(strongest(rows, k), sorted.slice(0, k), `k = ${k}`);
  assert.deepEqual(strongest([], 25), []);
});

test("a shortlist admits exactly what it would keep, and keeps nothing when k is 0", () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({ article: `a-${(i * 11) % 17}`, start: (i * 37) % 991, score: [-0.8, 0.5, -0.5, 0.8, 0.1, 0][i % 6] }));
  for (const k of [0, 1, 25]) {
    const list = new Shortlist<(typeof rows)[number]>(k, (m) => m);
    for (const m of rows) {
      const before = [...list.items];
      const admitted = list.admits(m);
      list.offer(m);
      assert.equal(admitted, list.items.includes(m), `k = ${k}`);
      if (!admitted) assert.deepEqual(list.items, before);
    }
    assert.deepEqual(list.items, strongest(rows, k));
  }
});
