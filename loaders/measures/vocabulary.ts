// The words the word measures count: Porter stems of word tokens, without stopwords
// (natural's English list) and single letters. Counting stems makes "sanction",
// "sanctions" and "sanctioned" one word; the page shows each stem's commonest surface form.
import { createRequire } from "node:module";
import type { Token } from "../types.ts";

// natural's stop list, by deep import for the reason given in loaders/natural.ts
const { words: STOPWORDS } = createRequire(import.meta.url)("natural/lib/natural/util/stopwords.js") as { words: string[] };
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
