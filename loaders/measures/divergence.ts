// Where groups part ways: for each subject (an actor, or an actor within a topic), the
// two groups whose mean stance differs most, among groups with at least `minMentions`
// mentions of it, with both intervals and whether they overlap. Overlapping intervals
// (or an interval that cannot be estimated) mean the gap may be no more than which
// articles we happen to have; the entry says so rather than hiding it.
import { round4 } from "./numbers.ts";
import type { StanceCell, StanceSummary } from "./stance.ts";

export const DEFAULT_MIN_MENTIONS = 3;

export interface DivergenceSide extends StanceSummary {
  group: string;
  mean: number;
}

export interface DivergenceEntry {
  /** the subject's fields (actor, and topic when by topic) */
  subject: Record<string, string>;
  high: DivergenceSide;
  low: DivergenceSide;
  /** high.mean - low.mean */
  gap: number;
  /** true: the intervals overlap; false: they do not; null: one cannot be estimated */
  overlap: boolean | null;
  overlap_note: string | null;
  /** how many groups had enough mentions to be compared */
  groups_compared: number;
}

/**
 * `cells` carry a `group` field and the subject fields named in `subjectKeys`. Entries are
 * ranked by gap (largest first), then by subject.
 */
export function divergence(cells: readonly StanceCell[], subjectKeys: readonly string[], { minMentions = DEFAULT_MIN_MENTIONS } = {}): DivergenceEntry[] {
  const bySubject = new Map<string, { subject: Record<string, string>; sides: DivergenceSide[] }>();
  for (const c of cells) {
    if (c.mean === null || c.mentions < minMentions) continue;
    const subject = Object.fromEntries(subjectKeys.map((k) => [k, String(c[k])]));
    const id = subjectKeys.map((k) => subject[k]).join("\u0000");
    const entry = bySubject.get(id) ?? { subject, sides: [] };
    const { mentions, articles, mean, favorable, neutral, unfavorable, ci, ci_note } = c;
    entry.sides.push({ group: String(c.group), mean, mentions, articles, favorable, neutral, unfavorable, ci, ci_note });
    bySubject.set(id, entry);
  }
  const out: DivergenceEntry[] = [];
  for (const { subject, sides } of bySubject.values()) {
    if (sides.length < 2) continue;
    // ties on the mean: the group id decides, so the output does not depend on input order
    const sorted = [...sides].sort((a, b) => b.mean - a.mean || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
    const high = sorted[0];
    const low = sorted[sorted.length - 1];
    let overlap: boolean | null = null;
    let overlap_note: string | null = null;
    if (high.ci && low.ci) overlap = high.ci[0] <= low.ci[1] && low.ci[0] <= high.ci[1];
    else overlap_note = `no interval for ${[high, low].filter((s) => !s.ci).map((s) => `${s.group} (${s.ci_note})`).join(" and ")}`;
    out.push({ subject, high, low, gap: round4(high.mean - low.mean), overlap, overlap_note, groups_compared: sides.length });
  }
  const subjectId = (e: DivergenceEntry) => subjectKeys.map((k) => e.subject[k]).join("\u0000");
  return out.sort((a, b) => b.gap - a.gap || (subjectId(a) < subjectId(b) ? -1 : subjectId(a) > subjectId(b) ? 1 : 0));
}

/**
 * The mention that best stands for one side: the one whose score is closest to the side's
 * mean (a typical sentence, not the most extreme); ties go to the one further in
 * `direction` (+1 for the high side, -1 for the low), then to article and position.
 */
export function representative<T extends Representable>(rows: readonly T[], mean: number, direction: 1 | -1): T | null {
  let best: T | null = null;
  for (const r of rows) if (!best || closerToMean(r, best, mean, direction)) best = r;
  return best;
}

type Representable = { score: number; article: string; start: number };

/** Whether `r` stands for a side of mean `mean` better than `best` does (representative's order). */
export function closerToMean(r: Representable, best: Representable, mean: number, direction: 1 | -1): boolean {
  const d = Math.abs(r.score - mean) - Math.abs(best.score - mean);
  if (d < -1e-12) return true;
  if (Math.abs(d) > 1e-12) return false;
  const further = direction * (r.score - best.score);
  return further > 0 || (further === 0 && (r.article < best.article || (r.article === best.article && r.start < best.start)));
}
