// Stance aggregated over mentions: mean score, counts per label, how many mentions and
// articles it rests on, and a cluster-bootstrap interval over articles. Cells are made
// along any dimensions (group × actor, group × topic × actor, article × actor): a
// dimension maps a mention to zero or more values (a sentence can have several topics).
import { bootstrapClusterSums, type BootstrapOptions, type Interval } from "./bootstrap.ts";
import { round4 } from "./numbers.ts";

export type StanceLabel = "favorable" | "neutral" | "unfavorable";

export interface ScoredMention {
  article: string;
  actor: string;
  score: number;
  stance: StanceLabel;
}

export interface StanceSummary extends Interval {
  mentions: number;
  articles: number;
  /** mean score over mentions, or null with no mention */
  mean: number | null;
  favorable: number;
  neutral: number;
  unfavorable: number;
}

/**
 * A cell's mentions gathered one at a time: counts per label, the sum of scores, and per
 * article the sum and number of its scores (summed in row order), which is all the
 * bootstrap resamples. Cells keep this, not their rows: an actor page makes hundreds of
 * cells over thousands of mentions, and the topic cells file 1.3 million rows at 1,000
 * articles.
 */
export class StanceTally {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly sums: number[] = [];
  private readonly sizes: number[] = [];
  private favorable = 0;
  private neutral = 0;
  private unfavorable = 0;
  private sum = 0;
  private mentions = 0;
  private last = "";
  private at = -1;

  add(r: ScoredMention): void {
    // mentions come in runs of one article: the lookup only where a run starts
    if (this.at < 0 || r.article !== this.last) {
      this.last = r.article;
      this.at = this.index.get(r.article) ?? -1;
      if (this.at < 0) {
        this.at = this.ids.length;
        this.index.set(r.article, this.at);
        this.ids.push(r.article);
        this.sums.push(0);
        this.sizes.push(0);
      }
    }
    this.sums[this.at] += r.score;
    this.sizes[this.at]++;
    // compared, not used as a key: a label parsed from JSON is a string of its own, and
    // looking it up as a property name costs a string-table search per row
    if (r.stance === "favorable") this.favorable++;
    else if (r.stance === "unfavorable") this.unfavorable++;
    else this.neutral++;
    this.sum += r.score;
    this.mentions++;
  }

  summary(options: BootstrapOptions = {}): StanceSummary {
    const { ids, sums, sizes } = this;
    // clusters in article-id order, so the resampling does not depend on the input order
    // (rows usually come in corpus order, often already sorted by id: no sort needed then)
    const order = ids.map((_, i) => i);
    if (!ids.every((id, i) => i === 0 || ids[i - 1] < id)) order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    // filled by a loop: TypedArray.from with a mapping function walks an iterator, ~10x slower
    const clusterSums = new Float64Array(order.length);
    const clusterSizes = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) {
      clusterSums[i] = sums[order[i]];
      clusterSizes[i] = sizes[order[i]];
    }
    return {
      mentions: this.mentions,
      articles: ids.length,
      mean: this.mentions ? round4(this.sum / this.mentions) : null,
      favorable: this.favorable,
      neutral: this.neutral,
      unfavorable: this.unfavorable,
      ...bootstrapClusterSums(clusterSums, clusterSizes, options),
    };
  }
}

export function summariseStance(rows: readonly ScoredMention[], options: BootstrapOptions = {}): StanceSummary {
  const tally = new StanceTally();
  for (const r of rows) tally.add(r);
  return tally.summary(options);
}

export interface Dimension<T> {
  name: string;
  /** the values of this dimension a mention belongs to (none: it is left out) */
  values: (row: T) => readonly string[];
  /** output order of values; values not listed come after, sorted */
  order?: readonly string[];
}

export type StanceCell = Record<string, string | number | null | [number, number]> & StanceSummary;

/**
 * One cell per combination of dimension values that has at least one mention (cells with
 * none are left out: the page reads a missing cell as zero mentions), ordered by the
 * dimensions' orders, each with its summary.
 */
export function stanceCells<T extends ScoredMention>(rows: readonly T[], dims: ReadonlyArray<Dimension<T>>, options: BootstrapOptions = {}): StanceCell[] {
  type Bucket = { key: string[]; tally: StanceTally };
  const buckets: Bucket[] = [];
  // filed in nested maps, one level per dimension, so that no key string is built per row
  // (the topic cells file 1.3 million rows at 1,000 articles)
  const top = new Map<string, unknown>();
  const values: (readonly string[])[] = new Array(dims.length);
  const chosen: string[] = new Array(dims.length);
  const last = dims.length - 1;
  // every combination of the row's values, one per dimension (usually exactly one)
  const file = (r: T, i: number, level: Map<string, unknown>) => {
    for (const v of values[i]) {
      chosen[i] = v;
      if (i < last) {
        let next = level.get(v) as Map<string, unknown> | undefined;
        if (!next) level.set(v, (next = new Map()));
        file(r, i + 1, next);
        continue;
      }
      const b = level.get(v) as Bucket | undefined;
      if (b) b.tally.add(r);
      else {
        const fresh = { key: [...chosen], tally: new StanceTally() };
        fresh.tally.add(r);
        level.set(v, fresh);
        buckets.push(fresh);
      }
    }
  };
  if (last < 0) {
    if (rows.length) buckets.push({ key: [], tally: new StanceTally() });
    for (const r of rows) buckets[0].tally.add(r);
  } else
    for (const r of rows) {
      for (let i = 0; i < dims.length; i++) values[i] = dims[i].values(r);
      file(r, 0, top);
    }
  const rank = dims.map((d) => new Map((d.order ?? []).map((v, i) => [v, i])));
  const cmp = (a: string[], b: string[]) => {
    for (let i = 0; i < dims.length; i++) {
      const ra = rank[i].get(a[i]) ?? Infinity;
      const rb = rank[i].get(b[i]) ?? Infinity;
      if (ra !== rb) return ra - rb;
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
  };
  return buckets
    .sort((a, b) => cmp(a.key, b.key))
    .map((b) => ({ ...Object.fromEntries(dims.map((d, i) => [d.name, b.key[i]])), ...b.tally.summary(options) }) as StanceCell);
}
