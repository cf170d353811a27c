import { test } from "node:test";
import assert from "node:assert/strict";
import { articleBootstrap, divergences, mulberry32, stanceCells, type Cell } from "../../loaders/overview.ts";
import type { ArticleMention } from "../../loaders/pipeline.ts";

const mention = (article: string, actor: string, score: number): ArticleMention => ({
  article, actor, score, sentence: 0, text: actor, start: 0, end: 1, rawStart: 0, rawEnd: 1,
  stance: score >= 0.12 ? "favorable" : score <= -0.12 ? "unfavorable" : "neutral", rules: [], via: "alias", cues: [],
});

test("bootstrap over articles: none for one article, deterministic and bracketing the mean otherwise", () => {
  assert.deepEqual(articleBootstrap([[0.5, -0.5]]), { ci: null, ci_note: "one article: no interval" });
  assert.deepEqual(articleBootstrap([]), { ci: null, ci_note: "no mentions" });
  // two articles with constant scores: every resample mean lies between the two
  const a = articleBootstrap([[1, 1], [-1]]);
  assert.ok(a.ci && a.ci[0] >= -1 && a.ci[1] <= 1 && a.ci[0] <= 1 / 3 && a.ci[1] >= 1 / 3);
  assert.deepEqual(articleBootstrap([[1, 1], [-1]]), a, "same seed, same interval");
  // identical articles: no spread at all
  assert.deepEqual(articleBootstrap([[0.2], [0.2], [0.2]]).ci, [0.2, 0.2]);
});

test("mulberry32 is a deterministic stream in [0, 1)", () => {
  const r1 = mulberry32(7), r2 = mulberry32(7);
  for (let i = 0; i < 100; i++) {
    const x = r1();
    assert.equal(x, r2());
    assert.ok(x >= 0 && x < 1);
  }
});

test("stance cells by hand: mean, counts, articles; zero mentions give a null mean", () => {
  const ms = [mention("a1", "russia", -0.6), mention("a1", "russia", 0), mention("a2", "russia", 0.3), mention("a3", "iran", 0.5)];
  const groupOf = (a: string) => (a === "a3" ? "g2" : "g1");
  const cells = stanceCells(ms, groupOf, ["russia", "iran"], [{ id: "g1", label: "G1", color: "#000" }, { id: "g2", label: "G2", color: "#111" }]);
  const c = cells.find((x) => x.actor === "russia" && x.group === "g1")!;
  assert.equal(c.mentions, 3);
  assert.equal(c.articles, 2);
  assert.equal(c.mean, -0.1); // (-0.6 + 0 + 0.3) / 3
  assert.deepEqual([c.favorable, c.neutral, c.unfavorable], [1, 1, 1]);
  const empty = cells.find((x) => x.actor === "iran" && x.group === "g1")!;
  assert.equal(empty.mentions, 0);
  assert.equal(empty.mean, null);
  assert.equal(cells.find((x) => x.actor === "iran" && x.group === "g2")!.ci_note, "one article: no interval");
});

test("divergence: the largest gap between groups with enough mentions, ranked", () => {
  const cell = (actor: string, group: string, mean: number, mentions = 5, ci: [number, number] | null = null): Cell => ({
    actor, group, mean, mentions, articles: 2, favorable: 0, neutral: 0, unfavorable: 0, ci, ci_note: ci ? null : "one article: no interval",
  });
  const ranked = divergences([
    cell("russia", "a", 0.4, 5, [0.3, 0.5]), cell("russia", "b", -0.2, 5, [-0.3, -0.1]), cell("russia", "c", 0.1, 2),
    cell("iran", "a", 0.1), cell("iran", "b", 0.0),
    cell("china", "a", 0.9, 1), cell("china", "b", -0.9, 5),
  ], 3);
  assert.deepEqual(ranked.map((d) => [d.actor, d.high, d.low, d.gap]), [["russia", "a", "b", 0.6], ["iran", "a", "b", 0.1]]);
  assert.equal(ranked[0].overlap, false);
  assert.equal(ranked[1].overlap, null, "no intervals: cannot say");
});
