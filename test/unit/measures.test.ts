import { test } from "node:test";
import assert from "node:assert/strict";
import { clusterBootstrap } from "../../loaders/measures/bootstrap.ts";
import { jensenShannon, pairwiseJensenShannon, shares } from "../../loaders/measures/distributions.ts";
import { divergence, representative } from "../../loaders/measures/divergence.ts";
import { fightinWords } from "../../loaders/measures/fightinWords.ts";
import { mulberry32, quantileSorted, round4 } from "../../loaders/measures/numbers.ts";
import { stanceCells, summariseStance, type ScoredMention, type StanceCell } from "../../loaders/measures/stance.ts";
import { contentWords } from "../../loaders/measures/vocabulary.ts";
import { tokenize } from "../../loaders/tokenize.ts";
import { distinctiveWordsTable, divergenceTable, framingTable, loadAnalysis, stanceMatrixTable, topicsTable } from "../../loaders/tables.ts";

const m = (article: string, actor: string, score: number): ScoredMention => ({ article, actor, score, stance: score >= 0.12 ? "favorable" : score <= -0.12 ? "unfavorable" : "neutral" });

// ---------------------------------------------------------------- numbers

test("round4, type-7 quantiles and the seeded PRNG", () => {
  assert.equal(round4(0.123456), 0.1235);
  assert.equal(round4(-0.00001), 0);
  assert.ok(Object.is(round4(-0.00001), 0));
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantileSorted([1, 2, 3, 4], 0.025), 1.075); // h = 3 * 0.025 = 0.075
  const a = mulberry32(7);
  const b = mulberry32(7);
  const xs = Array.from({ length: 5 }, () => a());
  assert.deepEqual(xs, Array.from({ length: 5 }, () => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

// ---------------------------------------------------------------- bootstrap

test("bootstrap: no mentions and a single article have no interval, and say why", () => {
  assert.deepEqual(clusterBootstrap([]), { ci: null, ci_note: "no mentions" });
  assert.deepEqual(clusterBootstrap([[], []]), { ci: null, ci_note: "no mentions" });
  assert.deepEqual(clusterBootstrap([[0.5, -0.1, 0.3]]), { ci: null, ci_note: "one article" });
  assert.deepEqual(clusterBootstrap([[0.5, -0.1], []]), { ci: null, ci_note: "one article" });
});

test("bootstrap: articles that agree give a point interval; articles at 0 and 1 span [0, 1]", () => {
  // every resample's pooled mean is 0.2
  assert.deepEqual(clusterBootstrap([[0.2], [0.2, 0.2]]), { ci: [0.2, 0.2], ci_note: null });
  // two articles: resampled means are 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4, so with
  // 1000 resamples the 2.5% and 97.5% quantiles are 0 and 1
  assert.deepEqual(clusterBootstrap([[0], [1]]), { ci: [0, 1], ci_note: null });
  // resampling ARTICLES: a 3-mention article weighs three times a 1-mention one, and the
  // interval never leaves the range of the articles' own means
  const { ci } = clusterBootstrap([[1, 1, 1], [0]]);
  assert.ok(ci && ci[0] === 0 && ci[1] === 1);
});

test("bootstrap is deterministic for a seed", () => {
  const data = [[0.3, -0.2], [0.1], [-0.5, 0.4, 0.2]];
  assert.deepEqual(clusterBootstrap(data), clusterBootstrap(data));
  assert.deepEqual(clusterBootstrap(data, { seed: 3 }), clusterBootstrap(data, { seed: 3 }));
});

test("bootstrap draws from the seed's stream exactly as mulberry32 called draw by draw", () => {
  // the reference: the loop as first written, one random() per draw
  const reference = (clusters: number[][], seed: number, resamples = 1000) => {
    const random = mulberry32(seed);
    const sums = clusters.map((c) => c.reduce((a, b) => a + b, 0));
    const means = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) {
      let sum = 0;
      let n = 0;
      for (let j = 0; j < clusters.length; j++) {
        const pick = Math.floor(random() * clusters.length);
        sum += sums[pick];
        n += clusters[pick].length;
      }
      means[r] = sum / n;
    }
    means.sort();
    return [round4(quantileSorted(means, 0.025)), round4(quantileSorted(means, 0.975))];
  };
  const random = mulberry32(7);
  const clustersOf = (k: number) => Array.from({ length: k }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.round((random() * 2 - 1) * 1000) / 1000));
  // small, then larger (the kept stream grows), then small again, and another seed
  for (const [k, seed] of [[3, 20240530], [40, 20240530], [257, 20240530], [5, 20240530], [40, 11], [2, 11]] as const) {
    const clusters = clustersOf(k);
    assert.deepEqual(clusterBootstrap(clusters, { seed }).ci, reference(clusters, seed), `k=${k} seed=${seed}`);
  }
});

test("summariseStance does not depend on the order of its rows", () => {
  const random = mulberry32(5);
  const rows: ScoredMention[] = [];
  for (const a of ["b7", "a2", "c1", "a10", "b3"]) for (let i = 0; i < 4; i++) rows.push(m(a, "x", Math.round((random() * 2 - 1) * 1000) / 1000));
  const sorted = [...rows].sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : 0));
  const interleaved = [...rows].sort((x, y) => rows.indexOf(x) % 4 - rows.indexOf(y) % 4);
  const expected = summariseStance(sorted);
  assert.deepEqual(summariseStance(rows), expected);
  assert.deepEqual(summariseStance(interleaved), expected);
  assert.equal(expected.articles, 5);
});

// ---------------------------------------------------------------- stance summaries

test("summariseStance: mean over mentions, label counts, mentions and articles", () => {
  const s = summariseStance([m("a1", "x", 0.5), m("a1", "x", -0.5), m("a2", "x", 0.2)]);
  assert.equal(s.mean, 0.0667); // 0.2 / 3
  assert.deepEqual([s.mentions, s.articles, s.favorable, s.neutral, s.unfavorable], [3, 2, 2, 0, 1]);
  assert.ok(s.ci !== null && s.ci_note === null);
  // one article: an honest "no interval"
  const one = summariseStance([m("a1", "x", 0.5), m("a1", "x", 0.1)]);
  assert.equal(one.mean, 0.3);
  assert.deepEqual([one.ci, one.ci_note, one.articles], [null, "one article", 1]);
  // zero mentions
  assert.deepEqual(summariseStance([]), { mentions: 0, articles: 0, mean: null, favorable: 0, neutral: 0, unfavorable: 0, ci: null, ci_note: "no mentions" });
});

test("stanceCells: one cell per combination with mentions, in the dimensions' order; multi-valued dimensions count a mention in each", () => {
  const rows = [m("a1", "x", 0.4), m("a2", "y", -0.4), m("a1", "y", 0)];
  const topics: Record<string, string[]> = { a1: ["t1", "t2"], a2: [] };
  const cells = stanceCells(rows, [
    { name: "topic", values: (r) => topics[r.article], order: ["t2", "t1"] },
    { name: "actor", values: (r) => [r.actor], order: ["y", "x"] },
  ]);
  assert.deepEqual(cells.map((c) => [c.topic, c.actor, c.mentions, c.mean]), [
    ["t2", "y", 1, 0],
    ["t2", "x", 1, 0.4],
    ["t1", "y", 1, 0],
    ["t1", "x", 1, 0.4],
  ]);
  // values outside `order` come last, sorted
  const loose = stanceCells(rows, [{ name: "actor", values: (r) => [r.actor], order: ["y"] }]);
  assert.deepEqual(loose.map((c) => c.actor), ["y", "x"]);
});

// ---------------------------------------------------------------- divergence

const cell = (group: string, actor: string, mean: number | null, mentions: number, ci: [number, number] | null, articles = 2): StanceCell =>
  ({ group, actor, mean, mentions, articles, favorable: 0, neutral: mentions, unfavorable: 0, ci, ci_note: ci ? null : "one article" }) as StanceCell;

test("divergence: the largest gap among groups with enough mentions, with both intervals and their overlap", () => {
  const cells = [
    cell("A", "x", 0.5, 5, [0.4, 0.6]),
    cell("B", "x", -0.1, 4, [-0.2, 0]),
    cell("C", "x", 0.9, 2, [0.8, 1]), // too few mentions at the default minimum of 3
    cell("A", "y", 0.2, 9, [0.1, 0.3]),
    cell("B", "y", 0.1, 9, [0.0, 0.25]),
    cell("A", "z", 0.3, 3, null, 1),
    cell("B", "z", 0, 3, [-0.1, 0.1]),
    cell("A", "w", 0.3, 3, [0, 1]), // only one group: no pair
    cell("B", "v", null, 0, null, 0),
  ];
  const out = divergence(cells, ["actor"]);
  assert.deepEqual(
    out.map((d) => [d.subject.actor, d.high.group, d.low.group, d.gap, d.overlap, d.groups_compared]),
    [
      ["x", "A", "B", 0.6, false, 2],
      ["z", "A", "B", 0.3, null, 2],
      ["y", "A", "B", 0.1, true, 2],
    ],
  );
  assert.equal(out[1].overlap_note, "no interval for A (one article)");
  assert.deepEqual([out[0].high.mentions, out[0].low.mentions, out[0].high.ci, out[0].low.ci], [5, 4, [0.4, 0.6], [-0.2, 0]]);
  // a lower minimum lets C in: the gap is now C against B
  const loose = divergence(cells, ["actor"], { minMentions: 2 });
  assert.deepEqual([loose[0].high.group, loose[0].low.group, loose[0].gap, loose[0].groups_compared], ["C", "B", 1, 3]);
});

test("divergence by actor × topic keeps the subject's fields", () => {
  const cells = [{ ...cell("A", "x", 0.2, 3, [0.1, 0.3]), topic: "t" }, { ...cell("B", "x", -0.2, 3, [-0.3, -0.1]), topic: "t" }] as StanceCell[];
  assert.deepEqual(divergence(cells, ["actor", "topic"])[0].subject, { actor: "x", topic: "t" });
});

test("representative: the mention closest to the side's mean; ties go further in the gap's direction", () => {
  const rows = [
    { article: "b", start: 5, score: 0.4 },
    { article: "a", start: 9, score: 0.0 },
    { article: "a", start: 1, score: 0.2 },
  ];
  assert.equal(representative(rows, 0.19, 1)!.score, 0.2);
  assert.equal(representative(rows, 0.3, 1)!.score, 0.4); // 0.2 and 0.4 equally close: the higher one for the high side
  assert.equal(representative(rows, 0.3, -1)!.score, 0.2);
  assert.equal(representative([], 0, 1), null);
});

// ---------------------------------------------------------------- distributions

test("Jensen–Shannon divergence: identical 0, disjoint 1, a hand-computed case, empty null", () => {
  const c = (o: Record<string, number>) => new Map(Object.entries(o));
  assert.equal(jensenShannon(c({ a: 2, b: 6 }), c({ a: 1, b: 3 })), 0);
  assert.equal(jensenShannon(c({ a: 3 }), c({ b: 5, c: 1 })), 1);
  // P = (1, 0), Q = (1/2, 1/2), M = (3/4, 1/4):
  // KL(P||M) = log2(4/3) = 0.415037; KL(Q||M) = 0.5 log2(2/3) + 0.5 log2(2) = 0.207519
  // JSD = (0.415037 + 0.207519) / 2 = 0.311278
  assert.equal(jensenShannon(c({ a: 1 }), c({ a: 1, b: 1 })), 0.3113);
  assert.equal(jensenShannon(c({}), c({ a: 1 })), null);
  assert.deepEqual(pairwiseJensenShannon([{ group: "g1", counts: c({ a: 1 }) }, { group: "g2", counts: c({ a: 1 }) }, { group: "g3", counts: c({ b: 1 }) }]), [
    { a: "g1", b: "g2", jsd: 0 },
    { a: "g1", b: "g3", jsd: 1 },
    { a: "g2", b: "g3", jsd: 1 },
  ]);
});

test("shares list every key in order, with zero counts", () => {
  assert.deepEqual(shares(new Map([["b", 1], ["z", 1], ["a", 2]]), ["a", "b", "c"]), [
    { key: "a", count: 2, share: 0.5 },
    { key: "b", count: 1, share: 0.25 },
    { key: "c", count: 0, share: 0 },
    { key: "z", count: 1, share: 0.25 },
  ]);
  assert.deepEqual(shares(new Map(), ["a"]), [{ key: "a", count: 0, share: 0 }]);
});

// ---------------------------------------------------------------- Fightin' Words

test("Fightin' Words z-scores, computed by hand", () => {
  // A = {x: 3, y: 1}, B = {x: 1, y: 3}, alpha0 = 2; corpus x 4, y 4 of 8, so a_x = a_y = 1.
  // x for A: delta = ln((3+1)/(4+2-3-1)) - ln((1+1)/(4+2-1-1)) = ln 2 - ln(1/2) = 2 ln 2
  //          var = 1/4 + 1/2, z = 1.386294 / 0.866025 = 1.600753
  const byGroup = new Map([
    ["A", new Map([["x", 3], ["y", 1]])],
    ["B", new Map([["x", 1], ["y", 3]])],
  ]);
  const a = fightinWords(byGroup, "A", { alpha0: 2 });
  assert.deepEqual(a.map((w) => [w.word, w.count, w.count_rest, round4(w.delta), round4(w.z)]), [
    ["x", 3, 1, 1.3863, 1.6008],
    ["y", 1, 3, -1.3863, -1.6008],
  ]);
});

test("Fightin' Words: a word absent from one group gets a finite score", () => {
  // A = {x: 2}, B = {x: 2, w: 2}, alpha0 = 3: a_x = 3 * 4/6 = 2, a_w = 3 * 2/6 = 1; n_A = 2, n_B = 4
  // x: delta = ln(4/1) - ln(4/3) = ln 3 = 1.098612, var = 1/4 + 1/4, z = 1.553652
  // w: delta = ln(1/4) - ln(3/4) = -ln 3, var = 1/1 + 1/3, z = -0.951426
  const byGroup = new Map([
    ["A", new Map([["x", 2]])],
    ["B", new Map([["x", 2], ["w", 2]])],
  ]);
  assert.deepEqual(fightinWords(byGroup, "A", { alpha0: 3 }).map((w) => [w.word, w.count, round4(w.delta), round4(w.z)]), [
    ["x", 2, 1.0986, 1.5537],
    ["w", 0, -1.0986, -0.9514],
  ]);
  assert.deepEqual(fightinWords(byGroup, "C"), []);
});

test("content words: stems without stopwords or single letters", () => {
  assert.deepEqual(contentWords(tokenize("The sanctions on Russia's economy were a blow.")).map((w) => [w.stem, w.form]), [
    ["sanction", "sanctions"],
    ["russia", "russia"],
    ["economi", "economy"],
    ["blow", "blow"],
  ]);
});

// ---------------------------------------------------------------- the tables on the corpus

const analysis = loadAnalysis(undefined, { words: true });

test("tables are byte-identical when computed twice", () => {
  const again = loadAnalysis(undefined, { words: true });
  for (const f of [stanceMatrixTable, divergenceTable, topicsTable, framingTable, distinctiveWordsTable] as Array<(a: typeof analysis) => unknown>)
    assert.equal(JSON.stringify(f(again)), JSON.stringify(f(analysis)), f.name);
});

test("divergence: each side's sentence is the representative of that side's own mentions, and each side's figures those of its mentions", () => {
  // the table finds them in one pass over the corpus; here each side's mentions are picked out one by one
  const table = divergenceTable(analysis);
  const metaOf = new Map(analysis.articles.map((p) => [p.article.meta.id, p.article.meta]));
  const topicsOf = new Map(analysis.sentenceTopics.map((s) => [`${s.article}:${s.sentence}`, s.topics.map((t) => t.topic)]));
  let sides = 0;
  for (const g of ["group", "author_origin"] as const)
    for (const list of ["by_actor", "by_actor_topic"] as const)
      for (const entry of table.groupings[g][list] as Array<Record<string, any>>)
        for (const [side, direction] of [["high", 1], ["low", -1]] as const) {
          const s = entry[side];
          const rows = analysis.mentions.filter(
            (m) => String(metaOf.get(m.article)![g]) === s.group && m.actor === entry.actor && (list === "by_actor" || (topicsOf.get(`${m.article}:${m.sentence}`) ?? []).includes(entry.topic)),
          );
          const summary = summariseStance(rows);
          assert.deepEqual([s.mentions, s.articles, s.mean, s.ci], [summary.mentions, summary.articles, summary.mean, summary.ci], `${g} ${list} ${entry.actor} ${entry.topic ?? ""} ${side}`);
          const best = representative(rows, s.mean, direction)!;
          assert.deepEqual([s.evidence.article, s.evidence.sentence, s.evidence.rawStart], [best.article, best.sentence, best.rawStart], `${g} ${list} ${entry.actor} ${entry.topic ?? ""} ${side}`);
          sides++;
        }
  assert.ok(sides > 100, `only ${sides} sides`);
});

test("every aggregate carries its counts; single-article cells have no interval", () => {
  const t = stanceMatrixTable(analysis);
  for (const g of ["group", "author_origin"] as const) {
    const cells = (t.groupings[g] as { cells: StanceCell[] }).cells;
    assert.ok(cells.length > 0);
    for (const c of cells) {
      assert.ok(c.mentions > 0 && c.articles > 0);
      assert.equal(c.favorable + c.neutral + c.unfavorable, c.mentions);
      if (c.articles === 1) assert.deepEqual([c.ci, c.ci_note], [null, "one article"]);
      else assert.ok(c.ci && c.ci[0] <= c.mean! + 1e-9 && c.mean! <= c.ci[1] + 1e-9, JSON.stringify(c));
    }
  }
  for (const c of t.article_cells) assert.deepEqual([c.articles, c.ci, c.ci_note], [1, null, "one article"]);
  // the mention counts add up to the pipeline's
  const total = (t.groupings.group as { cells: StanceCell[] }).cells.reduce((n, c) => n + c.mentions, 0);
  assert.equal(total, analysis.mentions.length);
});

test("divergence entries on the corpus meet the minimum and carry a sentence per side", () => {
  const d = divergenceTable(analysis);
  for (const g of ["group", "author_origin"] as const)
    for (const e of [...d.groupings[g].by_actor, ...d.groupings[g].by_actor_topic]) {
      assert.ok(e.high.mentions >= d.min_mentions && e.low.mentions >= d.min_mentions);
      assert.ok(e.gap >= 0);
      for (const side of [e.high, e.low]) {
        assert.ok(side.evidence);
        assert.equal(side.evidence.text.slice(side.evidence.start, side.evidence.end), side.evidence.mention);
      }
    }
  // the CACI article is US-affiliated by outlet and Iranian by author
  const caci = d.articles.find((x) => x.id === "caci-2023-russia-iran-diverge")!;
  assert.deepEqual([caci.group, caci.author_origin], ["us", "iranian"]);
});
