// The overview page's tables: the stance matrix (actor × group, under both groupings) and
// the ranked list of where the groups diverge most, each with one evidence sentence per
// side. Means come with a 95% interval from a bootstrap that resamples ARTICLES within a
// group (mentions in one article are not independent); a group with a single article has
// no interval, and the data says so instead of inventing one.
import { inSentence } from "./evidence.ts";
import { runPipeline, type ArticleMention } from "./pipeline.ts";
import type { GroupInfo } from "./types.ts";

export const GROUPINGS = ["group", "author_origin"] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Small, seeded PRNG (mulberry32): the same inputs give byte-identical intervals. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface Interval {
  ci: [number, number] | null;
  ci_note: string | null;
}

/**
 * 95% percentile interval of the mean score, resampling articles with replacement.
 * `byArticle` holds each article's scores. Fewer than two articles: no interval.
 */
export function articleBootstrap(byArticle: number[][], { resamples = 1000, seed = 1 } = {}): Interval {
  const clusters = byArticle.filter((s) => s.length > 0);
  if (clusters.length < 2) return { ci: null, ci_note: clusters.length === 1 ? "one article: no interval" : "no mentions" };
  const random = mulberry32(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    let n = 0;
    for (let k = 0; k < clusters.length; k++) {
      const c = clusters[Math.floor(random() * clusters.length)];
      for (const s of c) sum += s;
      n += c.length;
    }
    means.push(sum / n);
  }
  means.sort((a, b) => a - b);
  const at = (q: number) => means[Math.min(means.length - 1, Math.max(0, Math.round(q * (means.length - 1))))];
  return { ci: [round(at(0.025)), round(at(0.975))], ci_note: null };
}

/** Each article's scores, in article order: the clusters the bootstrap resamples. */
export function scoresByArticle(rows: ArticleMention[]): number[][] {
  const by = new Map<string, number[]>();
  for (const m of rows) by.set(m.article, [...(by.get(m.article) ?? []), m.score]);
  return [...by.keys()].sort().map((k) => by.get(k)!);
}

export interface Cell extends Interval {
  actor: string;
  group: string;
  mentions: number;
  articles: number;
  mean: number | null;
  favorable: number;
  neutral: number;
  unfavorable: number;
}

export function stanceCells(mentions: ArticleMention[], groupOf: (article: string) => string, actors: string[], groups: GroupInfo[]): Cell[] {
  const cells: Cell[] = [];
  for (const actor of actors)
    for (const g of groups) {
      const rows = mentions.filter((m) => m.actor === actor && groupOf(m.article) === g.id);
      const clusters = scoresByArticle(rows);
      const mean = rows.length ? round(rows.reduce((s, m) => s + m.score, 0) / rows.length) : null;
      cells.push({
        actor,
        group: g.id,
        mentions: rows.length,
        articles: clusters.length,
        mean,
        favorable: rows.filter((m) => m.stance === "favorable").length,
        neutral: rows.filter((m) => m.stance === "neutral").length,
        unfavorable: rows.filter((m) => m.stance === "unfavorable").length,
        ...articleBootstrap(clusters),
      });
    }
  return cells;
}

export interface Divergence {
  actor: string;
  high: string;
  low: string;
  gap: number;
  /** the two groups' intervals overlap (or one cannot be estimated): the gap may be noise */
  overlap: boolean | null;
  cells: [Cell, Cell];
}

/** For each actor, the pair of groups (each with at least `minMentions`) whose means differ most. */
export function divergences(cells: Cell[], minMentions = 3): Divergence[] {
  const byActor = new Map<string, Cell[]>();
  for (const c of cells) if (c.mean !== null && c.mentions >= minMentions) byActor.set(c.actor, [...(byActor.get(c.actor) ?? []), c]);
  const out: Divergence[] = [];
  for (const [actor, list] of byActor) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => b.mean! - a.mean! || a.group.localeCompare(b.group));
    const high = sorted[0];
    const low = sorted[sorted.length - 1];
    const overlap = high.ci && low.ci ? !(high.ci[0] > low.ci[1]) : null;
    out.push({ actor, high: high.group, low: low.group, gap: round(high.mean! - low.mean!), overlap, cells: [high, low] });
  }
  return out.sort((a, b) => b.gap - a.gap || a.actor.localeCompare(b.actor));
}

export function overview(root = process.cwd(), minMentions = 3) {
  const { corpus, prepared, rules, mentions } = runPipeline(root);
  const meta = new Map(prepared.map((p) => [p.article.meta.id, p.article.meta]));
  const sentences = new Map(prepared.map((p) => [p.article.meta.id, p.segmented.sentences]));
  const actors = rules.actors.actors.map((a) => a.id);
  // the most telling sentence for a side: its strongest mention in the direction of its mean
  const representative = (actor: string, group: string, grouping: Grouping, sign: number) => {
    const rows = mentions
      .filter((m) => m.actor === actor && String(meta.get(m.article)![grouping]) === group)
      .sort((a, b) => sign * (b.score - a.score) || a.article.localeCompare(b.article) || a.start - b.start);
    const m = rows[0];
    return m ? inSentence(m, sentences.get(m.article)![m.sentence]) : null;
  };
  const byGrouping = Object.fromEntries(
    GROUPINGS.map((grouping) => {
      const groups = grouping === "group" ? corpus.groups : corpus.origins;
      const cells = stanceCells(mentions, (a) => String(meta.get(a)![grouping]), actors, groups);
      const ranked = divergences(cells, minMentions).map((d) => ({
        ...d,
        evidence: { high: representative(d.actor, d.high, grouping, 1), low: representative(d.actor, d.low, grouping, -1) },
      }));
      return [grouping, { groups, cells, divergence: ranked }];
    }),
  );
  const perGroup = corpus.groups.map((g) => {
    const arts = prepared.filter((p) => p.article.meta.group === g.id);
    const dates = arts.map((p) => p.article.meta.published).sort();
    return {
      group: g.id,
      label: g.label,
      color: g.color,
      articles: arts.length,
      words: arts.reduce((n, p) => n + p.segmented.sentences.reduce((k, s) => k + s.tokens.filter((t) => t.kind === "word").length, 0), 0),
      first: dates[0] ?? null,
      last: dates[dates.length - 1] ?? null,
    };
  });
  return {
    actors: rules.actors.actors.map((a) => ({ id: a.id, label: a.label, kind: a.kind })),
    minMentions,
    perGroup,
    byGrouping,
  };
}
