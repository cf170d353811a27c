// The per-article cache: what it returns is exactly what cleaning and segmentation
// compute, its key follows every input, and a corrupt entry is recomputed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCorpus, readArticles } from "../../loaders/corpus.ts";
import { cleanArticle } from "../../loaders/clean.ts";
import { segmentArticle } from "../../loaders/segment.ts";
import { articleKey, cleanedArticle, prepareArticle, resetStats, roundTrip, stats } from "../../loaders/articleCache.ts";

const articles = readArticles(loadCorpus());

test("the cached form of every seed article equals the computed one", () => {
  for (const a of articles) {
    const clean = cleanArticle(a);
    const segmented = segmentArticle(clean);
    const back = roundTrip(clean, segmented);
    assert.deepStrictEqual(back.clean, clean, a.meta.id);
    assert.deepStrictEqual(back.segmented, segmented, a.meta.id);
    // same key order too: the loaders' JSON output must not change byte for byte
    assert.equal(JSON.stringify(back), JSON.stringify({ clean, segmented }));
  }
});

test("the key changes with the text and with the cleaning-relevant metadata, not with the rest", () => {
  const a = articles[0];
  const k = articleKey(a);
  assert.notEqual(articleKey({ ...a, raw: a.raw + " " }), k);
  assert.notEqual(articleKey({ ...a, meta: { ...a.meta, cleaning: { furniture: ["x"] } } }), k);
  assert.notEqual(articleKey({ ...a, meta: { ...a.meta, author: "Someone Else" } }), k);
  assert.equal(articleKey({ ...a, meta: { ...a.meta, group: "other", published: "1999" } }), k);
});

test("entries are reused, and a corrupt or truncated entry is ignored and rewritten", () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-cache-"));
  const before = process.env.PARALLAX_ARTICLE_CACHE;
  process.env.PARALLAX_ARTICLE_CACHE = dir;
  try {
    const a = articles[1];
    const expected = { clean: cleanArticle(a), segmented: segmentArticle(cleanArticle(a)) };
    resetStats();
    assert.deepStrictEqual(prepareArticle(a), expected);
    assert.equal(stats.misses, 1);
    assert.deepStrictEqual(prepareArticle(a), expected);
    assert.equal(stats.hits, 1);
    const [file] = readdirSync(dir);
    const full = readFileSync(join(dir, file), "utf8");
    for (const bad of [full.slice(0, full.length / 2), "{}", full.replace(/"tokens":\[\d+/, '"tokens":[999999999,0'), "\u0000garbage"]) {
      writeFileSync(join(dir, file), bad);
      resetStats();
      assert.deepStrictEqual(prepareArticle(a), expected);
      assert.equal(stats.corrupt, 1);
      assert.equal(readFileSync(join(dir, file), "utf8"), full, "rewritten");
    }
  } finally {
    if (before === undefined) delete process.env.PARALLAX_ARTICLE_CACHE;
    else process.env.PARALLAX_ARTICLE_CACHE = before;
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the reader's view of an entry (no tokens) equals the prepared article's, from the cache, without one and after corruption", () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-cache-"));
  const before = process.env.PARALLAX_ARTICLE_CACHE;
  try {
    for (const a of articles) {
      const clean = cleanArticle(a);
      const expected = { clean, sentences: segmentArticle(clean).sentences.map(({ paragraph, start, end }) => ({ paragraph, start, end })) };
      process.env.PARALLAX_ARTICLE_CACHE = "off";
      assert.deepStrictEqual(cleanedArticle(a), expected, `${a.meta.id}, no cache`);
      process.env.PARALLAX_ARTICLE_CACHE = dir;
      assert.deepStrictEqual(cleanedArticle(a), expected, `${a.meta.id}, entry written`);
      resetStats();
      assert.deepStrictEqual(cleanedArticle(a), expected, `${a.meta.id}, from the entry`);
      assert.equal(stats.misses, 0);
    }
    const file = join(dir, `${articleKey(articles[0])}.json`);
    writeFileSync(file, readFileSync(file, "utf8").replace(/"runs":\[\d+/, '"runs":[7'));
    resetStats();
    assert.equal(cleanedArticle(articles[0]).clean.body, cleanArticle(articles[0]).body);
    assert.equal(stats.corrupt, 1);
  } finally {
    if (before === undefined) delete process.env.PARALLAX_ARTICLE_CACHE;
    else process.env.PARALLAX_ARTICLE_CACHE = before;
    rmSync(dir, { recursive: true, force: true });
  }
});
