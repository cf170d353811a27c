// The words the word measures count: Porter stems of word tokens, without stopwords
// (natural's English list) and single letters. Counting stems makes "sanction",
// "sanctions" and "sanctioned" one word; the page shows each stem's commonest surface form.
import { STOPWORDS } from "../natural.ts";
import type { Token } from "../types.ts";
const stop = new Set(STOPWORDS);

export interface ContentWord {
  stem: string;
  /** lowercase form as written, possessive ending removed */
  form: string;
}

export function contentWords(tokens: readonly Token[]): ContentWord[] {
  const out: ContentWord[] = [];
  for (const t of tokens) {
    if (t.kind !== "word" || t.base.length < 2 || stop.has(t.lower) || stop.has(t.base)) continue;
    out.push({ stem: t.stem, form: t.base });
  }
  return out;
}
