// Two builds of the same inputs give byte-identical data files: every loader's output,
// computed twice from scratch here (the caches switched off), is the same string.
import { test } from "node:test";
import assert from "node:assert/strict";
import { corpusSummary } from "../../loaders/summary.ts";
import { mentionEvidence } from "../../loaders/evidence.ts";
import { ruleUsage } from "../../loaders/ruleUsage.ts";
import { accuracyReport } from "../../loaders/accuracy.ts";
import { actorPage } from "../../loaders/actorIndex.ts";
import { articleReader } from "../../loaders/reader.ts";
import { loadAnalysis, stanceMatrixTable, divergenceTable, topicsTable, framingTable, distinctiveWordsTable, overviewStanceMatrix, articleStanceTable, overviewDivergence, topicDivergence } from "../../loaders/tables.ts";

process.env.PARALLAX_ARTICLE_CACHE = "off";

const outputs = (): Record<string, string> => {
  const analysis = loadAnalysis(undefined, { words: true });
  return {
    summary: JSON.stringify(corpusSummary()),
    mentions: JSON.stringify(mentionEvidence()),
    rules: JSON.stringify(ruleUsage()),
    accuracy: JSON.stringify(accuracyReport()),
    actor: JSON.stringify(actorPage("russia")),
    reader: JSON.stringify(articleReader("cradle-2022-iran-encircled")),
    matrix: JSON.stringify(stanceMatrixTable(analysis)),
    overviewMatrix: JSON.stringify(overviewStanceMatrix(analysis)),
    byArticle: JSON.stringify(articleStanceTable(analysis)),
    divergence: JSON.stringify(divergenceTable(analysis)),
    overviewDivergence: JSON.stringify(overviewDivergence(analysis)),
    topicDivergence: JSON.stringify(topicDivergence(analysis)),
    topics: JSON.stringify(topicsTable(analysis)),
    framing: JSON.stringify(framingTable(analysis)),
    words: JSON.stringify(distinctiveWordsTable(analysis)),
  };
};

test("every data file is byte-identical across two computations of the same inputs", { timeout: 120_000 }, () => {
  const first = outputs();
  const second = outputs();
  for (const name of Object.keys(first)) assert.equal(second[name], first[name], `${name} differs between runs`);
});
