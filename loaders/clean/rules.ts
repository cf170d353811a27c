// The general rules that tell an author's prose from what surrounds it in a think-tank
// page or PDF: note shapes, page furniture, captions, bios, addresses, blurbs. They read
// the shape of a line or paragraph, never a particular outlet's wording; what only one
// file could know goes in that article's `cleaning:` hints in data/corpus.yaml.
import type { ApparatusKind, ArticleMeta } from "../types.ts";
import type { Line, Paragraph } from "./paragraphs.ts";

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** a footnote marker inside a sentence: "IRGC,³", "and¹¹ perhaps", "... market.” [2]" */
export const INLINE_NOTE_MARKER = new RegExp(`[${SUPERSCRIPT_DIGITS}]+|\\s*\\[\\d{1,3}\\]`, "gu");

/** a note starts with its number: "[1] Opposition Groups ...", "¹ Andrea Weiss ..." */
const NOTE_START = new RegExp(`^(?:\\[\\d{1,3}\\]|[${SUPERSCRIPT_DIGITS}]+)`, "u");

/** URLs as extraction leaves them: bare, in <angle brackets>, or as Markdown links */
export const URL = /\[[^\]\n]*\]\((?:https?:\/\/|www\.)[^)\s]*\)|\(?<(?:https?:\/\/|www\.)[^>\s]*>\)?|(?:https?:\/\/|www\.)[^\s<>"”]*[^\s<>"”.,;:!?)\]]/gi;

const HAS_URL = new RegExp(URL.source, "i");
const BARE_URL = new RegExp(`^(?:${URL.source})$`, "i");

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export function startsWithNoteMarker(text: string): boolean {
  return NOTE_START.test(text);
}

/** true when the paragraph is mainly links: a note's continuation or a list of sources */
export function isUrlHeavy(p: Paragraph): boolean {
  const urls = p.text.match(URL) ?? [];
  if (urls.length === 0) return false;
  const prose = words(p.text.replace(URL, " "));
  // a note is a line or two of bibliography per link (at most 26 words per link in the
  // seeds); prose cites a link in passing
  return startsWithNoteMarker(p.text) || prose / urls.length <= 30;
}

/** every line a bare URL: the link lists PDF exports print at the foot of a page */
export function isUrlList(p: Paragraph): boolean {
  return p.lines.length >= 2 && p.lines.every((l) => BARE_URL.test(l.norm));
}

/** a bibliography entry: "Author, “Title,” Publisher," or with an *italic* outlet */
export function looksLikeCitation(p: Paragraph): boolean {
  return words(p.text) <= 60 && (/,$/.test(p.text) || /\*[^*]+\*/.test(p.text) || /[“"][^”"]{3,},[”"]/.test(p.text));
}

/** a photo caption ends with its credit in parentheses, or starts with "Photo:" */
export function isCaption(p: Paragraph): boolean {
  if (words(p.text) > 30) return false;
  return (
    /\([^()]*\b(?:via|photo(?:graph)?|credit|courtesy|image|source|wiki\w*|getty|shutterstock|afp|reuters|ap)\b[^()]*\)$/i.test(p.text) ||
    /^(?:photo|image|picture|figure|fig\.|caption)\s*\d*\s*[:.|–—-]\s/i.test(p.text)
  );
}

/** postal address, phone, e-mail and social media handles of the publisher */
export function isAddress(p: Paragraph): boolean {
  if (words(p.text) > 40) return false;
  return p.lines.some(
    (l: Line) =>
      /\b(?:tel|phone|fax)\s*[:.]?\s*\+?\(?\d/i.test(l.norm) ||
      /\be-?mail\s*:/i.test(l.norm) ||
      /^@[A-Za-z0-9_]{2,}$/.test(l.norm) ||
      /^(?:https?:\/\/)?(?:www\.)?(?:facebook|twitter|x|instagram|linkedin|youtube|t)\.(?:com|me)\/\S*$/i.test(l.norm),
  );
}

/** page chrome of web pages and PDF exports */
export function isFurniture(p: Paragraph): boolean {
  const t = p.text;
  return (
    /^read \d[\d,]* times\b/i.test(t) ||
    /^last (?:modified|updated)\b/i.test(t) ||
    /^(?:visit also|share|share this( article)?|print|email|tweet|related|tags?:.*|back to top)$/i.test(t) ||
    (words(t) <= 25 && (/©/.test(t) || /\ball rights reserved\b/i.test(t)))
  );
}

/** where the author bio begins */
export function isBioStart(p: Paragraph, meta: ArticleMeta): boolean {
  const t = p.text;
  if (/^about the authors?\b/i.test(t)) return true;
  if (words(t) > 150) return false;
  const author = meta.author.trim();
  // "Vali Kaleji is ...", "Jane Doe (PhD ...)", "Jane Doe Jane Doe ..." (a name under a photo),
  // but not a citation of the author's own work ("Jane Doe, “Title,” ...")
  if (author && !/^unknown$/i.test(author) && t.toLowerCase().startsWith(author.toLowerCase())) {
    if (/^\s*(?:\(|is\b|was\b|has\b|holds\b|graduated\b|received\b|\p{Lu})/u.test(t.slice(author.length))) return true;
  }
  if (/\b(?:he|she|they) can be (?:reached|found|contacted)\b/i.test(t)) return true;
  if (/\b(?:his|her|their) (?:areas? of (?:specialization|specialisation|expertise|research)|research (?:focuses|interests))\b/i.test(t)) return true;
  // "Jane Doe is a senior fellow ...", "Jane Doe (PhD, ...) is ..."
  return (
    /^(?:\p{Lu}[\p{L}.'’-]+\s+){2,4}(?:\(|is\b|was\b|holds\b|graduated\b|has been\b)/u.test(t) &&
    /\b(?:Ph\.?\s?D|professor|analyst|fellow|researcher|journalist|graduated|speciali[sz]|director|editor|scholar)/i.test(t)
  );
}

/** publisher's blurbs, newsletter prompts and lists of other publications */
export function isBlurbStart(p: Paragraph): boolean {
  return (
    /^(?:staff publications|recent publications|related (?:articles|posts|publications)|more (?:from|by)\b|you may also like|sign up\b|subscribe\b)/i.test(p.text) ||
    (words(p.text) <= 60 && /\b(?:is a (?:bi)?(?:weekly|monthly|quarterly) publication|newsletter)\b/i.test(p.text))
  );
}

/** a line that says which reference format to cite the article in */
export function isCitationRequest(p: Paragraph): boolean {
  return /^(?:to cite this|cite this|how to cite|suggested citation)\b/i.test(p.text);
}

const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY = "(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+";
const DATE_LINE = new RegExp(
  `^(?:${WEEKDAY})?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+\\d{4})?|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})$`,
  "i",
);

export function isDateLine(text: string): boolean {
  return DATE_LINE.test(text.trim());
}

const fold = (s: string) => s.toLowerCase().replace(/[‘’“”"'`]/g, "").replace(/\s+/g, " ").trim();

/** the title, the author's name, "By ...", "co-authored with ...", "Feature Article" kind of lines above the body */
export function isByline(text: string, meta: ArticleMeta): boolean {
  const t = fold(text);
  if (t === fold(meta.title)) return true;
  if (fold(meta.author) && t === fold(meta.author)) return true;
  if (words(text) <= 8 && /^by\s+\S/i.test(text)) return true;
  return words(text) <= 25 && /\b(?:co-?authored|written|authored) (?:with|by)\b/i.test(text);
}

/** a paragraph that runs on into the next one: no sentence end after its notes and quotes */
export function endsOpen(text: string): boolean {
  const t = text.replace(new RegExp(`(?:[${SUPERSCRIPT_DIGITS}]+|\\[\\d{1,3}\\]|[\\s"”’'*)\\]])+$`, "u"), "");
  return t !== "" && !/[.!?:…]$/.test(t);
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/** short, no sentence punctuation at the end; a question may be a heading if it is short */
export function isHeadingLike(text: string): boolean {
  const t = text.replace(/[\s"”’'*]+$/u, "");
  const n = words(t);
  if (n === 0 || n > 14 || t.length > 120 || !/^[\p{Lu}\p{N}]/u.test(t)) return false;
  if (HAS_URL.test(t)) return false;
  if (/\?$/.test(t)) return n <= 12;
  return !/[.,;:!\-–—]$/.test(t);
}

/** a pull quote: a quotation standing alone, usually with its speaker after a dash */
export function isPullQuote(text: string): boolean {
  if (words(text) > 80 || !/^[“"]/.test(text)) return false;
  return /[”"]$/.test(text) || /[”"]\s*[–—-]\s*\p{Lu}[\p{L}.'’ -]{1,60}$/u.test(text);
}

/** "BACKGROUND: After the collapse ..." — a run-in section label in capitals */
export const RUN_IN_LABEL = /^(\p{Lu}[\p{Lu} &]{4,40}):\s+/u;

export type Role = ApparatusKind | "body";
