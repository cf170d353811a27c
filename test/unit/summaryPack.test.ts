// The corpus summary travels packed (one array per article) and the pages unpack it: the
// round trip must give back every article's fields, labels and apparatus counts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { corpusSummary, packSummary } from "../../loaders/summary.ts";
// @ts-expect-error: a page component in plain JavaScript
import { unpackSummary } from "../../src/components/corpus.js";

test("packed corpus summary unpacks to the same articles, and is smaller", () => {
  const summary = corpusSummary();
  const packed = packSummary(summary);
  const unpacked = unpackSummary(JSON.parse(JSON.stringify(packed)));
  assert.deepEqual(unpacked.groups, summary.groups);
  assert.deepEqual(unpacked.origins, summary.origins);
  assert.equal(unpacked.articles.length, summary.articles.length);
  for (const [i, a] of summary.articles.entries()) assert.deepEqual({ ...unpacked.articles[i] }, { ...a });
  assert.ok(JSON.stringify(packed).length < 0.7 * JSON.stringify(summary).length);
});
