// Distributions over categories (topics, words) per group, and how far apart two groups'
// distributions are: the Jensen–Shannon divergence, base 2, so 0 means identical and 1
// means no category in common.
import { round4 } from "./numbers.ts";

export type Counts = ReadonlyMap<string, number>;

/** Adds one count of each key (or `by` of it). */
export function countInto(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

function total(c: Counts): number {
  let n = 0;
  for (const v of c.values()) n += v;
  return n;
}

/**
 * Jensen–Shannon divergence (log base 2) between the distributions the two count tables
 * define; null when either is empty (there is no distribution to compare).
 */
export function jensenShannon(p: Counts, q: Counts): number | null {
  const np = total(p);
  const nq = total(q);
  if (np === 0 || nq === 0) return null;
  const keys = new Set([...p.keys(), ...q.keys()]);
  let js = 0;
  for (const k of [...keys].sort()) {
    const a = (p.get(k) ?? 0) / np;
    const b = (q.get(k) ?? 0) / nq;
    const m = (a + b) / 2;
    if (a > 0) js += 0.5 * a * Math.log2(a / m);
    if (b > 0) js += 0.5 * b * Math.log2(b / m);
  }
  // rounding error can leave -1e-17 or 1.0000000000000002
  return round4(Math.min(1, Math.max(0, js)));
}

export interface PairDivergence {
  a: string;
  b: string;
  jsd: number | null;
}

/** JSD for every pair of groups, in the order given (a before b). */
export function pairwiseJensenShannon(groups: ReadonlyArray<{ group: string; counts: Counts }>): PairDivergence[] {
  const out: PairDivergence[] = [];
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) out.push({ a: groups[i].group, b: groups[j].group, jsd: jensenShannon(groups[i].counts, groups[j].counts) });
  return out;
}

export interface Share {
  key: string;
  count: number;
  /** count / sum of counts */
  share: number;
}

/** Each key's count and share of the total, in `order` (keys with no count included, as 0). */
export function shares(counts: Counts, order: readonly string[]): Share[] {
  const n = total(counts);
  const keys = [...order, ...[...counts.keys()].filter((k) => !order.includes(k)).sort()];
  return keys.map((key) => {
    const count = counts.get(key) ?? 0;
    return { key, count, share: n ? round4(count / n) : 0 };
  });
}
