// Which label of each contested concept (data/rules/framing.yaml) a sentence uses. Pure:
// tokens (and the sentence's actor mentions, for ACTOR tests) in, label uses out. Within
// a family a stretch of text counts once, for the longest label matching there, leftmost
// first: "Nagorno-Karabakh" is one use of nagorno-karabakh, not also one of karabakh.
import { findMatches, type MatchContext } from "./matcher.ts";
import type { PreparedArticle } from "./pipeline.ts";
import type { FramingRules } from "./rules/framingRules.ts";
import { actorContext, mentionsBySentence } from "./topics.ts";
import type { Token } from "./types.ts";

export interface LabelHit {
  family: string;
  label: string;
  /** token span [tokenStart, tokenEnd) */
  tokenStart: number;
  tokenEnd: number;
}

export function sentenceLabels(tokens: Token[], rules: FramingRules, ctx: MatchContext = {}): LabelHit[] {
  const out: LabelHit[] = [];
  for (const family of rules.families) {
    const found: Array<LabelHit & { order: number }> = [];
    family.labels.forEach((label, order) => {
      for (const p of label.patterns)
        for (const m of findMatches(p, tokens, ctx)) found.push({ family: family.id, label: label.id, tokenStart: m.start, tokenEnd: m.end, order });
    });
    // leftmost, then longest, then the label listed first
    found.sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd || a.order - b.order);
    let free = 0;
    for (const h of found) {
      if (h.tokenStart < free) continue;
      out.push({ family: h.family, label: h.label, tokenStart: h.tokenStart, tokenEnd: h.tokenEnd });
      free = h.tokenEnd;
    }
  }
  return out;
}

export interface LabelUse {
  family: string;
  label: string;
  article: string;
  sentence: number;
  /** body offsets of the matched text */
  start: number;
  end: number;
  text: string;
}

/** Every label use in the corpus, in article, sentence and position order (families in file order within a sentence). */
export function findLabelUses(
  prepared: ReadonlyArray<Pick<PreparedArticle, "article" | "segmented">>,
  mentions: ReadonlyArray<{ article: string; sentence: number; start: number; end: number; actor: string }>,
  rules: FramingRules,
): LabelUse[] {
  const bySentence = mentionsBySentence(mentions);
  const out: LabelUse[] = [];
  for (const p of prepared) {
    const id = p.article.meta.id;
    for (const s of p.segmented.sentences) {
      const ctx = actorContext(s.tokens, bySentence.get(`${id}\u0000${s.index}`) ?? []);
      for (const h of sentenceLabels(s.tokens, rules, ctx)) {
        const start = s.tokens[h.tokenStart].start;
        const end = s.tokens[h.tokenEnd - 1].end;
        out.push({ family: h.family, label: h.label, article: id, sentence: s.index, start, end, text: s.text.slice(start - s.start, end - s.start) });
      }
    }
  }
  return out;
}
