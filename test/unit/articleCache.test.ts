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
import { articleKey, cleanedArticle, EXTENSION, prepareArticle, preparedWhere, resetStats, roundTrip, stats } from "../../loaders/articleCache.ts";

const articles = readArticles(loadCorpus());

/** The entry with the first number of one of its arrays changed (the layout: the on-disk form in loaders/articleCache.ts). */
function withFirstNumber(entry: Buffer, array: "runs" | "tokens", value: number): Buffer {
  const head = entry.readUInt32LE(0);
  const { sizes } = JSON.parse(entry.toString("utf8", 4, 4 + head)) as { sizes: number[] };
  const before = array === "runs" ? 0 : sizes[0] + sizes[1] + sizes[2] + sizes[3];
  const copy = Buffer.from(entry);
  copy.writeInt32LE(value, ((4 + head + 3) & ~3) + 4 * before);
  return copy;
}

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
    const full = readFileSync(join(dir, file));
    for (const bad of [full.subarray(0, full.length / 2), Buffer.from("{}"), withFirstNumber(full, "tokens", 999999999), Buffer.concat([full, Buffer.from([0])]), Buffer.from("\u0000garbage")]) {
      writeFileSync(join(dir, file), bad);
      resetStats();
      assert.deepStrictEqual(prepareArticle(a), expected);
      assert.equal(stats.corrupt, 1);
      assert.deepEqual(readFileSync(join(dir, file)), full, "rewritten");
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
    const file = join(dir, `${articleKey(articles[0])}${EXTENSION}`);
    writeFileSync(file, withFirstNumber(readFileSync(file), "runs", 7));
    resetStats();
    assert.equal(cleanedArticle(articles[0]).clean.body, cleanArticle(articles[0]).body);
    assert.equal(stats.corrupt, 1);
  } finally {
    if (before === undefined) delete process.env.PARALLAX_ARTICLE_CACHE;
    else process.env.PARALLAX_ARTICLE_CACHE = before;
    rmSync(dir, { recursive: true, force: true });
  }
});

test("some sentences of an entry (re-tagging after a cue edit) are the prepared article's, from the cache, without one and after corruption", () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-cache-"));
  const before = process.env.PARALLAX_ARTICLE_CACHE;
  // words of a cue edit's reach: in some sentences of each article, not in all
  const reach = new Set(["russia", "said", "war", "attacks"]);
  const wanted = (lower: string, base: string) => reach.has(lower) || reach.has(base);
  try {
    let some = 0;
    let all = 0;
    for (const a of articles) {
      const clean = cleanArticle(a);
      const { sentences } = segmentArticle(clean);
      // and sentences asked for by number (where a reweighted cue fired): every third
      const also = new Set(sentences.filter((s) => s.index % 3 === 1).map((s) => s.index));
      const expected = sentences.filter((s) => also.has(s.index) || s.tokens.some((t) => wanted(t.lower, t.base)));
      some += expected.length;
      all += sentences.length;
      const check = (how: string) => {
        const got = preparedWhere(a, process.cwd(), wanted, also);
        assert.deepStrictEqual(got.sentences, expected, `${a.meta.id}, ${how}`);
        assert.equal(got.count, sentences.length, `${a.meta.id}, ${how}`);
        assert.equal(got.rawOffsets.length, clean.rawOffsets.length);
        for (let i = 0; i < clean.rawOffsets.length; i++) if (got.rawOffsets[i] !== clean.rawOffsets[i]) assert.fail(`${a.meta.id}, ${how}: raw offset ${i}`);
        assert.equal(got.rawOffsets[clean.rawOffsets.length], undefined);
      };
      process.env.PARALLAX_ARTICLE_CACHE = "off";
      check("no cache");
      process.env.PARALLAX_ARTICLE_CACHE = dir;
      check("entry written");
      resetStats();
      check("from the entry");
      assert.equal(stats.hits, 1);
      const file = join(dir, `${articleKey(a)}${EXTENSION}`);
      writeFileSync(file, withFirstNumber(readFileSync(file), "tokens", 999999999));
      resetStats();
      check("corrupt entry");
      assert.equal(stats.corrupt, 1);
    }
    assert.ok(some > 0 && some < all, `${some} of ${all} sentences`);
  } finally {
    if (before === undefined) delete process.env.PARALLAX_ARTICLE_CACHE;
    else process.env.PARALLAX_ARTICLE_CACHE = before;
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an article's key follows its text and fields when the same object is changed", () => {
  const a = { meta: { ...articles[0].meta }, raw: articles[0].raw };
  const k = articleKey(a);
  assert.equal(articleKey(a), k);
  a.raw += " ";
  assert.equal(articleKey(a), articleKey({ ...a }));
  assert.notEqual(articleKey(a), k);
  a.meta.title += " (corrected)";
  assert.equal(articleKey(a), articleKey({ ...a, meta: { ...a.meta } }));
});
