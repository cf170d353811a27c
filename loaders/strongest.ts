// Which mentions a page quotes: the strongest (largest |score|), ties going to the article
// id and then the offset, so the choice does not depend on the order mentions come in.
// The overview, the actor pages and the actor index each keep a shortlist per group.

/** What the strength order reads of a mention. */
export interface Strength {
  score: number;
  article: string;
  start: number;
}

/** Negative when `a` is stronger than `b`; a total order on distinct mentions. */
export const stronger = (a: Strength, b: Strength): number => Math.abs(b.score) - Math.abs(a.score) || a.article.localeCompare(b.article) || a.start - b.start;

/**
 * The k strongest of the items offered so far, strongest first, kept by insertion: a
 * group holds thousands of an actor's mentions at 1,000 articles, and a page quotes 25.
 * `strength` gives the mention of an item (an item can carry more, such as its sentence).
 */
export class Shortlist<T> {
  readonly items: T[] = [];
  constructor(
    private readonly k: number,
    private readonly strength: (item: T) => Strength,
  ) {}

  /** Whether an item of strength `s` would be kept now (to skip making one that would not). */
  admits(s: Strength): boolean {
    const { items, k } = this;
    if (items.length < k) return true;
    return k > 0 && stronger(s, this.strength(items[k - 1])) < 0;
  }

  offer(item: T): void {
    const { items, k, strength } = this;
    const s = strength(item);
    if (items.length === k && (k === 0 || stronger(s, strength(items[k - 1])) >= 0)) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (stronger(s, strength(items[mid])) < 0) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, item);
    if (items.length > k) items.pop();
  }
}

/** The k strongest mentions, in the order sorting them all would give. */
export function strongest<T extends Strength>(rows: readonly T[], k: number): T[] {
  const list = new Shortlist<T>(k, (m) => m);
  for (const m of rows) list.offer(m);
  return list.items;
}
