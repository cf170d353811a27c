// The reader page loads two layers (loaders/reader.ts): the text, made without any stance
// rule, and the stances, made without the topic rules. Each layer reads less than the
// page did, so each shortcut is checked against the plain computation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { actorPageJson } from "../../loaders/actorIndex.ts";
import { cleanedArticle, prepareArticle } from "../../loaders/articleCache.ts";
import { loadCorpus, readArticle } from "../../loaders/corpus.ts";
import { corpusTable } from "../../loaders/corpusTables.ts";
import { articleMentions, articlePart, articleTopics, loadAllRules, loadStanceRuleSet, loadTopicRuleSet } from "../../loaders/digest.ts";
import { articleStances, articleText, layerFiledByTables, stanceLayerJson } from "../../loaders/reader.ts";
import { readerStances } from "../../loaders/readerView.ts";
import { tagTopics } from "../../loaders/topics.ts";
import { uncached } from "./uncached.ts";

const root = process.cwd();
const articles = loadCorpus(root).articles.map((meta) => readArticle(meta, root));

test("topics found with the actors alone equal topics found with the tagged mentions", () => {
  uncached(() => {
    const all = loadAllRules(root);
    let sentences = 0;
    let withoutActors = 0;
    for (const a of articles) {
      const plain = articlePart(a, root, all, "topics");
      assert.deepEqual(articleTopics(a, root, loadTopicRuleSet(root)), plain, a.meta.id);
      sentences += plain.length;
      withoutActors += tagTopics([{ article: a, ...prepareArticle(a, root) }], [], all.topicRules).length;
    }
    assert.ok(sentences > 100, `${sentences} sentences with a topic`);
    // so the comparison covers topics that only ACTOR patterns find
    assert.ok(withoutActors < sentences, `${sentences} sentences with a topic, ${withoutActors} without the actors`);
  });
});

test("the stance layer places mentions as the full cleaned text does, in the text layer's blocks", () => {
  for (const a of articles) {
    // first, so the article's cache entry exists: the layer below decodes it
    const { clean } = cleanedArticle(a, root);
    const stances = articleStances(a.meta.id, root);
    const text = articleText(a.meta.id, root);
    assert.equal(stances.mentions.length, text.blocks.length, a.meta.id);
    // the layout's offsets (a typed array filled from the cache entry's runs) against the cleaned article's own
    assert.deepEqual(stances, readerStances(clean, articleMentions(a, root, loadStanceRuleSet(root))), a.meta.id);
    const shown = stances.mentions.flat();
    assert.equal(shown.length, stances.counts.mentions, `${a.meta.id}: every mention lies in a block`);
    assert.ok(shown.every((m) => m.rawPieces.length >= 1 && m.rawPieces[0][0] === m.rawStart && m.rawPieces.at(-1)![1] === m.rawEnd), a.meta.id);
    // each mention's offsets point at its text in the block it is filed under
    stances.mentions.forEach((ms, i) => ms.forEach((m) => assert.ok(m.end <= text.blocks[i].text.length && m.start >= 0, a.meta.id)));
  }
});

test("the stance layers the actor index files are the layers computed, and a stance edit is never served a filed one", () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-layers-"));
  // each step in a process of its own: the rule version is read once per process (loaders/partCache.ts)
  const layers = (): Record<string, string> => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "-e", `import("${join(root, "loaders/reader.ts")}").then((m) => { const out = {}; for (const id of ${JSON.stringify(articles.map((a) => a.meta.id))}) out[id] = m.stanceLayerJson(id, ${JSON.stringify(dir)}); console.log(JSON.stringify(out)); })`], { encoding: "utf8", maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split("\n").pop()!);
  };
  const computed = () => Object.fromEntries(articles.map((a) => [a.meta.id, JSON.stringify(uncached(() => articleStances(a.meta.id, dir)))]));
  try {
    cpSync(join(root, "data"), join(dir, "data"), { recursive: true });
    actorPageJson("russia", dir);
    const store = join(dir, ".cache", "stances");
    assert.equal(readdirSync(store).length, articles.filter((_, i) => !layerFiledByTables(i)).length, "the actor index files two in three");
    corpusTable("stance-matrix", dir);
    const filed = readdirSync(store);
    assert.equal(filed.length, articles.length, "and the stance tables the rest");
    const before = computed();
    assert.deepEqual(filed.map((f) => readFileSync(join(store, f), "utf8")).sort(), Object.values(before).sort(), "filed as computed");
    assert.deepEqual(layers(), before, "read back");
    // the loaders read the filed layers: one marked is what a loader gives
    const marked = join(store, filed[0]);
    const original = readFileSync(marked, "utf8");
    writeFileSync(marked, original.replace('"counts":{', '"marked":true,"counts":{'));
    assert.equal(Object.values(layers()).filter((l) => l.includes('"marked":true')).length, 1, "a filed layer is read");
    writeFileSync(marked, original);
    // a topic-rule edit makes the index again (new topics parts) and keeps the filed layers as they are
    const stamps = () => Object.fromEntries(readdirSync(store).map((f) => [f, statSync(join(store, f)).mtimeMs]));
    const kept = stamps();
    const indexes = () => readdirSync(join(dir, ".cache", "actors")).filter((f) => /^[0-9a-f]{40}$/.test(f));
    const index = indexes();
    const topics = join(dir, "data", "rules", "topics.yaml");
    writeFileSync(topics, readFileSync(topics, "utf8") + "\n# edited by the test\n");
    const again = spawnSync(process.execPath, ["--import", "tsx", "-e", `import("${join(root, "loaders/actorIndex.ts")}").then((m) => m.actorPageJson("russia", ${JSON.stringify(dir)}))`], { encoding: "utf8" });
    assert.equal(again.status, 0, again.stderr);
    assert.notDeepEqual(indexes(), index, "the index made again");
    assert.deepEqual(stamps(), kept, "the filed layers kept");
    // a cue edit: every mentions part has a new name, so no filed layer is taken for it
    const stance = join(dir, "data", "rules", "stance.yaml");
    writeFileSync(stance, readFileSync(stance, "utf8").replace(/^(\s+agent:\s*)(-?\d+(?:\.\d+)?)\s*$/m, (_, k: string, w: string) => `${k}${Number(w) * 0.5}`));
    const after = computed();
    assert.notDeepEqual(after, before, "the edit changes some layer");
    assert.deepEqual(layers(), after, "after the edit: computed anew, not the filed layers");
    // and filed, so that the passes reaching those articles later do not make them again
    assert.equal(readdirSync(store).length, 2 * articles.length, "the layers computed after the edit filed beside the earlier ones");
    assert.deepEqual(layers(), after, "and read back");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
