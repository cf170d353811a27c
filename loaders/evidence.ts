// Every actor mention with its sentence and cue spans, shaped for the pages: offsets are
// made relative to the sentence so a page can highlight without the article body.
import { forEachArticleMentions, sentencesOf, type AllRules, type SentenceText } from "./digest.ts";
import type { ArticleMention } from "./pipeline.ts";
import { Shortlist } from "./strongest.ts";
import type { ArticleMeta, Corpus } from "./types.ts";

/**
 * One evidence sentence on the overview: only what the evidence view shows (the overview's
 * data budget is 500 KB at 1,000 articles); the reader pages hold every mention in full.
 */
export interface EvidenceRow {
  article: string;
  group: string;
  sentence: string;
  actor: string;
  /** mention span within `sentence` */
  start: number;
  end: number;
  /** where the mention starts in the raw article file (the reader's #m- anchor) */
  rawStart: number;
  stance: string;
  score: number;
  rules: string[];
  /** cue spans within `sentence`: [start, end, rule, role, weight] */
  cues: Array<[number, number, string, string, number]>;
}

/**
 * A mention as a page shows it: its sentence, with the mention's and the cues' offsets
 * made relative to the sentence so the page can highlight without the article body.
 */
export function inSentence(m: ArticleMention, s: { start: number; text: string }) {
  return {
    article: m.article,
    sentence: s.text,
    start: m.start - s.start,
    end: m.end - s.start,
    rawStart: m.rawStart,
    stance: m.stance,
    score: m.score,
    rules: m.rules,
    cues: m.cues.filter((c) => c.rule !== "sentence-tone").map((c) => [c.start - s.start, c.end - s.start, c.rule, c.role, c.weight] as [number, number, string, string, number]),
  };
}

/** Sentences kept per actor and group on the overview: the strongest; the rest are on the actor's page. */
export const EVIDENCE_PER_ACTOR_GROUP = 6;

/**
 * The overview's evidence, gathered article by article in corpus order: counts over every
 * mention, and each (actor, group)'s shortlist of the strongest; only the shortlisted are
 * kept, and only their sentences read at the end. Fed by a pass of its own
 * (mentionEvidence) or by the actor index's pass (loaders/actorIndex.ts).
 */
export class EvidenceTally {
  private readonly counts: Record<string, Record<string, Record<string, number>>> = {};
  private readonly shortlists = new Map<string, Shortlist<ArticleMention>>();
  private readonly groupOf = new Map<string, string>();

  add(meta: ArticleMeta, mentions: readonly ArticleMention[]): void {
    const g = meta.group;
    this.groupOf.set(meta.id, g);
    for (const m of mentions) {
      const c = ((this.counts[m.actor] ??= {})[g] ??= { mentions: 0, favorable: 0, neutral: 0, unfavorable: 0 });
      c.mentions++;
      c[m.stance]++;
      const key = `${m.actor}|${g}`;
      let list = this.shortlists.get(key);
      if (!list) this.shortlists.set(key, (list = new Shortlist(EVIDENCE_PER_ACTOR_GROUP, (x) => x)));
      list.offer(m);
    }
  }

  /** The overview's evidence data, the shortlisted sentences read from `sentences`. */
  result(corpus: Corpus, all: AllRules, sentences: (article: string) => SentenceText[]) {
    const rows: EvidenceRow[] = [...this.shortlists.values()].flatMap((list) => list.items).map((m) => ({
      group: this.groupOf.get(m.article)!,
      actor: m.actor,
      ...inSentence(m, sentences(m.article)[m.sentence]),
    }));
    return {
      groups: corpus.groups,
      origins: corpus.origins,
      actors: all.rules.actors.actors.map((a) => ({ id: a.id, label: a.label, kind: a.kind })),
      /** counts[actor][group] over ALL mentions, not only the rows kept */
      counts: this.counts,
      mentions: rows,
    };
  }
}

/** The overview's evidence from a pass of its own over every article's mentions (the build reads it from the actor index). */
export function mentionEvidence(root = process.cwd()) {
  const tally = new EvidenceTally();
  const { corpus, all } = forEachArticleMentions(root, {}, (meta, mentions) => tally.add(meta, mentions));
  return tally.result(corpus, all, sentencesOf(corpus, root));
}
