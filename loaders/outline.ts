// An article's outline: what the corpus-wide tables need from it once it is cleaned and
// tokenized, without its tokens. The body text (sentences are spans of it), counts for
// the corpus table, and its content-word vocabulary for the word measures. A few KB per
// article instead of the tokens' hundreds, so a loader can hold thousands.
import { contentWords } from "./measures/vocabulary.ts";
import type { Prepared } from "./articleCache.ts";
import type { ApparatusKind } from "./types.ts";

export const APPARATUS_KINDS: ApparatusKind[] = ["reference", "note", "bio", "furniture", "caption", "blurb", "address"];

/** Example sentences remembered per word and article: the word tables show at most this many. */
export const VOCABULARY_EXAMPLES = 3;

/** A content word of the article: [stem, count, [form, count, form, count, …], first sentence indices]. */
export type VocabularyEntry = [string, number, Array<string | number>, number[]];

export interface Outline {
  body: string;
  /** per sentence: paragraph, start, end (body offsets), flat */
  sentences: number[];
  /** paragraphs that are not headings */
  paragraphs: number;
  /** word tokens in sentences */
  words: number;
  apparatus: Record<ApparatusKind, number>;
  vocabulary: VocabularyEntry[];
}

export function outlineOf({ clean, segmented }: Prepared): Outline {
  const apparatus = Object.fromEntries(APPARATUS_KINDS.map((k) => [k, 0])) as Record<ApparatusKind, number>;
  for (const item of clean.apparatus) apparatus[item.kind]++;
  const vocab = new Map<string, { count: number; forms: Map<string, number>; sentences: number[] }>();
  let words = 0;
  for (const s of segmented.sentences) {
    for (const t of s.tokens) if (t.kind === "word") words++;
    for (const w of contentWords(s.tokens)) {
      let e = vocab.get(w.stem);
      if (!e) vocab.set(w.stem, (e = { count: 0, forms: new Map(), sentences: [] }));
      e.count++;
      e.forms.set(w.form, (e.forms.get(w.form) ?? 0) + 1);
      if (e.sentences.length < VOCABULARY_EXAMPLES && e.sentences[e.sentences.length - 1] !== s.index) e.sentences.push(s.index);
    }
  }
  return {
    body: clean.body,
    sentences: segmented.sentences.flatMap((s) => [s.paragraph, s.start, s.end]),
    paragraphs: segmented.paragraphs.filter((p) => p.kind !== "heading").length,
    words,
    apparatus,
    vocabulary: [...vocab].map(([stem, e]) => [stem, e.count, [...e.forms].flat(), e.sentences]),
  };
}

/** The outline's sentences with their text (slices of the body). */
export function outlineSentences(o: Outline): Array<{ index: number; paragraph: number; start: number; end: number; text: string }> {
  const out = [];
  for (let i = 0; i < o.sentences.length; i += 3) {
    const [paragraph, start, end] = [o.sentences[i], o.sentences[i + 1], o.sentences[i + 2]];
    out.push({ index: out.length, paragraph, start, end, text: o.body.slice(start, end) });
  }
  return out;
}
