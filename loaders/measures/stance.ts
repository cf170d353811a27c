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

export function summariseStance(rows: readonly ScoredMention[], options: BootstrapOptions = {}): StanceSummary {
  // per article: the sum and number of its scores (summed in row order, as the clusters'
  // own sums would be), which is all the bootstrap resamples; an actor page makes hundreds
  // of cells over thousands of mentions, so no array of scores per article and cell
  const index = new Map<string, number>();
  const ids: string[] = [];
  const sums: number[] = [];
  const sizes: number[] = [];
  const counts = { favorable: 0, neutral: 0, unfavorable: 0 };
  let sum = 0;
  let last = "";
  let at = -1;
  for (const r of rows) {
    // mentions come in runs of one article: the lookup only where a run starts
    if (at < 0 || r.article !== last) {
      last = r.article;
      at = index.get(last) ?? -1;
      if (at < 0) {
        at = ids.length;
        index.set(last, at);
        ids.push(last);
        sums.push(0);
        sizes.push(0);
      }
    }
    sums[at] += r.score;
    sizes[at]++;
    // compared, not used as a key: a label parsed from JSON is a string of its own, and
    // looking it up as a property name costs a string-table search per row (at 1,000
    // articles the topic cells count 1.3 million rows)
    if (r.stance === "favorable") counts.favorable++;
    else if (r.stance === "unfavorable") counts.unfavorable++;
    else counts.neutral++;
    sum += r.score;
  }
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
    mentions: rows.length,
    articles: ids.length,
    mean: rows.length ? round4(sum / rows.length) : null,
    ...counts,
    ...bootstrapClusterSums(clusterSums, clusterSizes, options),
  };
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
  const buckets = new Map<string, { key: string[]; rows: T[] }>();
  const values: (readonly string[])[] = new Array(dims.length);
  const chosen: string[] = new Array(dims.length);
  // every combination of the row's values, one per dimension (usually exactly one)
  const file = (r: T, i: number, id: string) => {
    if (i === dims.length) {
      const b = buckets.get(id);
      if (b) b.rows.push(r);
      else buckets.set(id, { key: [...chosen], rows: [r] });
      return;
    }
    for (const v of values[i]) {
      chosen[i] = v;
      file(r, i + 1, i === 0 ? v : `${id}\u0000${v}`);
    }
  };
  for (const r of rows) {
    for (let i = 0; i < dims.length; i++) values[i] = dims[i].values(r);
    file(r, 0, "");
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
  return [...buckets.values()]
    .sort((a, b) => cmp(a.key, b.key))
    .map((b) => ({ ...Object.fromEntries(dims.map((d, i) => [d.name, b.key[i]])), ...summariseStance(b.rows, options) }) as StanceCell);
}
