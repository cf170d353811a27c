// Tokens with body offsets, built on natural's RegexpTokenizer. natural's WordTokenizer
// splits on [^A-Za-z0-9_], which loses "Erdoğan", "Türkiye", "AVİM", cuts "U.S." in two
// and separates possessives; this pattern keeps Unicode letters and marks, dotted
// abbreviations, internal apostrophes, and keeps punctuation as tokens because stance
// rules need quotes, commas and brackets.
import { RegexpTokenizer, PorterStemmer } from "./natural.ts";
import type { Token } from "./types.ts";

const TOKEN_PATTERN = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}`, // U.S., U.K., e.g.
    String.raw`\p{N}+(?:[.,:/]\p{N}+)*%?`, // 2.2, 7,200, 42%, 07/10
    String.raw`[\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*(?:'[\p{L}\p{M}]+)*`, // words, Russia's, hadn't
    String.raw`[^\s\p{L}\p{M}\p{N}_\u200B-\u200D\uFEFF]`, // one punctuation or symbol character
  ].join("|"),
  "gu",
);

const tokenizer = new RegexpTokenizer({ pattern: TOKEN_PATTERN, gaps: false });

const stemCache = new Map<string, string>();
/** Porter stems, memoised: a corpus has few distinct words and stemming is the slow part. */
export function stem(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = PorterStemmer.stem(lower);
    stemCache.set(lower, s);
  }
  return s;
}

// Capitalised plurals that are names in their own right, not possessives that lost
// their apostrophe ("United States", "Revolutionary Guards").
const NAMED_PLURALS = new Set([
  "states", "nations", "emirates", "netherlands", "philippines", "americas", "forces", "affairs",
  "relations", "studies", "sciences", "guards", "news", "times", "politics", "economics", "maldives",
  "bahamas", "comoros", "seychelles", "united", "arms", "means", "series", "species",
]);

// Demonyms and nationality adjectives form plurals with -s ("Armenians", "Israelis");
// surnames in -yan ("Pashinyan") are not demonyms.
const DEMONYM_ENDING = /(?:[^y]an|ese|ish|i)$/i;

/**
 * Tokenizes `text` (a sentence or any span of the body) whose first character sits at
 * body offset `offset`. `vocabulary` holds the capitalised words of the whole article
 * (lowercased) so that PDF possessives that lost their apostrophe ("Russias", "Wests")
 * can be recognised: "Russias" is possessive when "Russia" occurs on its own.
 */
export function tokenize(text: string, offset = 0, vocabulary?: Set<string>): Token[] {
  const parts = tokenizer.tokenize(text) ?? [];
  const tokens: Token[] = [];
  let cursor = 0;
  for (const part of parts) {
    const at = text.indexOf(part, cursor);
    if (at < 0) continue; // cannot happen with match mode; guard against a natural change
    cursor = at + part.length;
    tokens.push(makeToken(part, offset + at, vocabulary));
  }
  return tokens;
}

function makeToken(text: string, start: number, vocabulary?: Set<string>): Token {
  const lower = text.toLowerCase();
  const kind: Token["kind"] = /^\p{N}/u.test(text) ? "number" : /^[\p{L}\p{N}_]/u.test(text) ? "word" : "punct";
  let possessive = false;
  let base = lower;
  if (kind === "word") {
    if (/'s$/i.test(text) && text.length > 2) {
      possessive = true;
      base = lower.slice(0, -2);
    } else if (isApostropheLostPossessive(text, lower, vocabulary)) {
      possessive = true;
      base = lower.slice(0, -1);
    }
  }
  return { text, kind, lower, stem: kind === "word" ? stem(base) : lower, start, end: start + text.length, possessive, base };
}

function isApostropheLostPossessive(text: string, lower: string, vocabulary?: Set<string>): boolean {
  if (!vocabulary || text.length < 4) return false;
  if (!/^\p{Lu}\p{Ll}+s$/u.test(text) || /ss$/.test(lower)) return false;
  if (NAMED_PLURALS.has(lower)) return false;
  const base = lower.slice(0, -1);
  return vocabulary.has(base) && !DEMONYM_ENDING.test(base);
}

/** Capitalised words of a text, lowercased: the vocabulary `tokenize` uses for possessives. */
export function capitalisedVocabulary(text: string): Set<string> {
  const vocabulary = new Set<string>();
  for (const m of text.matchAll(/\b\p{Lu}[\p{L}\p{M}]+/gu)) vocabulary.add(m[0].toLowerCase());
  return vocabulary;
}
