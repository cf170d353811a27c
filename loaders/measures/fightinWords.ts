// Distinctive words of one group against the rest: the log-odds ratio with an informative
// Dirichlet prior of Monroe, Colaresi & Quinn (2008, "Fightin' Words", section 3.5.3).
// For word w, group i and the rest j, with counts y and totals n, and prior
// alpha_w = alpha0 * (corpus count of w / corpus total):
//   delta_w = log((y_iw + a_w) / (n_i + alpha0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + alpha0 - y_jw - a_w))
//   var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
//   z_w     = delta_w / sqrt(var_w)
// The prior shrinks the log-odds of rare words towards zero, so a word used twice by one
// article does not top the list the way raw frequency ratios would make it.
import type { Counts } from "./distributions.ts";

export const DEFAULT_ALPHA0 = 500;

export interface WordScore {
  word: string;
  /** count in the group, and in the rest of the corpus */
  count: number;
  count_rest: number;
  delta: number;
  z: number;
}

/** z-scores of every word of the corpus for `group` against all other groups. */
export function fightinWords(byGroup: ReadonlyMap<string, Counts>, group: string, { alpha0 = DEFAULT_ALPHA0 } = {}): WordScore[] {
  const corpus = new Map<string, number>();
  for (const counts of byGroup.values()) for (const [w, c] of counts) corpus.set(w, (corpus.get(w) ?? 0) + c);
  let nCorpus = 0;
  for (const c of corpus.values()) nCorpus += c;
  const mine = byGroup.get(group) ?? new Map<string, number>();
  let ni = 0;
  for (const c of mine.values()) ni += c;
  const nj = nCorpus - ni;
  if (ni === 0 || nj === 0) return [];
  const out: WordScore[] = [];
  for (const w of [...corpus.keys()].sort()) {
    const a = (alpha0 * corpus.get(w)!) / nCorpus;
    const yi = mine.get(w) ?? 0;
    const yj = corpus.get(w)! - yi;
    const delta = Math.log((yi + a) / (ni + alpha0 - yi - a)) - Math.log((yj + a) / (nj + alpha0 - yj - a));
    const z = delta / Math.sqrt(1 / (yi + a) + 1 / (yj + a));
    out.push({ word: w, count: yi, count_rest: yj, delta, z });
  }
  return out.sort((x, y) => y.z - x.z || (x.word < y.word ? -1 : 1));
}
