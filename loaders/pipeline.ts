// The pipeline in one place: corpus → clean → segment (sentences, tokens) → actors →
// stance. Each stage is a pure function in its own module; this file only chains them
// and keeps the offsets that let every tag be shown in place.
import { loadCorpus, readArticles } from "./corpus.ts";
import { prepareArticle } from "./articleCache.ts";
import { tagTokens, type Rules } from "./tagText.ts";
import type { CleanArticle, Corpus, RawArticle, SegmentedArticle, Sentence } from "./types.ts";
import type { Evidence, Role, StanceLabel } from "./stance.ts";

export interface PreparedArticle {
  article: RawArticle;
  clean: CleanArticle;
  segmented: SegmentedArticle;
}

export interface CueSpan {
  rule: string;
  role: Role | "owner";
  /** the contribution to the score, rounded to 0.001 as pages show it */
  weight: number;
  modifiers: string[];
  /** body offsets */
  start: number;
  end: number;
  /** the contribution unrounded, when rounding changed it: the score is its sum */
  exact?: number;
  /** a cue's modifiers' factor, when not 1, and which weight it scales (stance.ts Evidence) */
  scale?: number;
  of?: "if_negated";
}

/**
 * A cue span as tagging writes it (the fields in this order, the optional ones only when
 * they say something): the mentions part holds thousands, and loaders/retag.ts reweighs
 * spans into the same bytes.
 */
export function cueSpan(e: Pick<Evidence, "rule" | "role" | "weight" | "modifiers" | "scale" | "of">, start: number, end: number): CueSpan {
  const weight = Math.round(e.weight * 1000) / 1000;
  const span: CueSpan = { rule: e.rule, role: e.role, weight, modifiers: e.modifiers, start, end };
  if (weight !== e.weight) span.exact = e.weight;
  if (e.scale !== undefined && e.scale !== 1) span.scale = e.scale;
  if (e.of) span.of = e.of;
  return span;
}

/** A cue span's contribution to the score, unrounded. */
export const exactWeight = (c: CueSpan): number => c.exact ?? c.weight;

export interface ArticleMention {
  article: string;
  sentence: number;
  actor: string;
  text: string;
  /** body offsets of the mention */
  start: number;
  end: number;
  /** raw-file offsets of the mention */
  rawStart: number;
  rawEnd: number;
  stance: StanceLabel;
  score: number;
  rules: string[];
  /** the rule that found the mention (alias or disambiguation) */
  via: string;
  cues: CueSpan[];
}

/** The corpus cleaned and segmented; `only` limits it to some article ids (a reader page needs one). */
export function prepareArticles(root = process.cwd(), only?: string[]): { corpus: Corpus; prepared: PreparedArticle[] } {
  const corpus = loadCorpus(root);
  const wanted = only ? { ...corpus, articles: corpus.articles.filter((a) => only.includes(a.id)) } : corpus;
  // cleaned and segmented once per article version, then read from .cache/articles
  const prepared = readArticles(wanted, root).map((article) => ({ article, ...prepareArticle(article, root) }));
  return { corpus, prepared };
}

/** Raw-file span of a body span. */
export function rawSpan(clean: Pick<CleanArticle, "rawOffsets">, start: number, end: number): [number, number] {
  return [clean.rawOffsets[start], clean.rawOffsets[end - 1] + 1];
}

export function tagArticle(p: PreparedArticle, rules: Rules): ArticleMention[] {
  const out: ArticleMention[] = [];
  for (const s of p.segmented.sentences) tagArticleSentence(p, s, rules, out);
  return out;
}

/** What tagging a sentence reads of its article besides the sentence: the id, and the raw offsets. */
export interface ArticleOfSentence {
  article: { meta: { id: string } };
  clean: Pick<CleanArticle, "rawOffsets">;
}

/**
 * One sentence's mentions, appended to `out`. A sentence is tagged on its own tokens
 * alone (loaders/retag.ts relies on it to re-tag only the sentences a cue edit reaches).
 */
export function tagArticleSentence(p: ArticleOfSentence, s: Sentence, rules: Rules, out: ArticleMention[]): void {
  for (const m of tagTokens(s.tokens, s.text, s.start, rules)) {
    const [rawStart, rawEnd] = rawSpan(p.clean, m.start, m.end);
    out.push({
      article: p.article.meta.id,
      sentence: s.index,
      actor: m.actor,
      text: m.text,
      start: m.start,
      end: m.end,
      rawStart,
      rawEnd,
      stance: m.stance,
      score: m.score,
      rules: m.rules,
      via: m.rule,
      cues: m.evidence.filter((e) => e.role !== "owner" || e.rule === "scare-quotes").map((e) => cueSpan(e, s.tokens[e.tokenStart].start, s.tokens[e.tokenEnd - 1].end)),
    });
  }
}
