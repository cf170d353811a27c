// Cluster bootstrap of a mean: mentions in one article share its author, outlet and
// argument, so they are not independent draws. Resampling whole ARTICLES (with
// replacement) and recomputing the pooled mean over their mentions gives an interval
// that reflects how much the answer depends on which articles we happen to have. With
// one article there is nothing to resample: the interval is reported as unavailable.
import { mulberry32, quantileSorted, round4 } from "./numbers.ts";

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** coverage of the percentile interval */
  level?: number;
}

export const BOOTSTRAP_DEFAULTS = { resamples: 1000, seed: 20240530, level: 0.95 } as const;

export interface Interval {
  /** [low, high] percentile interval of the mean, or null when it cannot be estimated */
  ci: [number, number] | null;
  /** why there is no interval ("one article", "no mentions"), or null */
  ci_note: string | null;
}

/**
 * Percentile interval of the pooled mean of `clusters` (each article's scores), resampling
 * clusters. Empty clusters are ignored. Deterministic for a given seed.
 */
export function clusterBootstrap(clusters: ReadonlyArray<readonly number[]>, options: BootstrapOptions = {}): Interval {
  const { resamples, seed, level } = { ...BOOTSTRAP_DEFAULTS, ...options };
  const used = clusters.filter((c) => c.length > 0);
  if (used.length === 0) return { ci: null, ci_note: "no mentions" };
  if (used.length === 1) return { ci: null, ci_note: "one article" };
  // typed arrays: a table computes thousands of intervals over hundreds of articles each
  const sums = Float64Array.from(used, (c) => c.reduce((s, x) => s + x, 0));
  const sizes = Int32Array.from(used, (c) => c.length);
  const random = mulberry32(seed);
  const means = new Float64Array(resamples);
  const k = used.length;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    let n = 0;
    for (let j = 0; j < k; j++) {
      const pick = Math.floor(random() * k);
      sum += sums[pick];
      n += sizes[pick];
    }
    means[r] = sum / n;
  }
  means.sort(); // numeric for a typed array
  const tail = (1 - level) / 2;
  return { ci: [round4(quantileSorted(means, tail)), round4(quantileSorted(means, 1 - tail))], ci_note: null };
}
