// Paragraphs and sentences from the cleaned body, with natural's SentenceTokenizer.
// Sentences never cross a block; headings are kept as paragraphs of kind "heading" but
// produce no sentences (a heading is not a claim the author makes about an actor).
import { SentenceTokenizer } from "./natural.ts";
import { capitalisedVocabulary, tokenize } from "./tokenize.ts";
import type { CleanArticle, Paragraph, SegmentedArticle, Sentence } from "./types.ts";

/** Abbreviations whose dot does not end a sentence. */
export const ABBREVIATIONS = [
  "U.S.", "U.K.", "U.N.", "E.U.", "U.S.S.R.", "Dr.", "Gen.", "Maj.", "Col.", "Lt.", "Capt.", "Mr.", "Mrs.", "Ms.",
  "Prof.", "Sen.", "Rep.", "Gov.", "Amb.", "St.", "Jr.", "Sr.", "No.", "Nos.", "vs.", "e.g.", "i.e.", "etc.", "approx.",
  "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

// natural matches its abbreviation list without word boundaries and ignoring case, so
// "No." would also protect "casino." and "no." at the end of a sentence. We mask the dots
// of real abbreviations ourselves, at word boundaries and case-sensitively, with a
// same-length placeholder (offsets stay valid), and hand natural an empty list.
const DOT_MASK = "\u2024";
const ABBREVIATION_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(?:` + ABBREVIATIONS.map((a) => a.replace(/\./g, "\\.")).join("|") + String.raw`)(?=[\s,;:)"'\]]|$)`,
  "gu",
);
// "No." only abbreviates "number" before a numeral: "No. 913" but "the answer was No."
const NUMBER_ABBREVIATION = /^Nos?\.$/;

function maskAbbreviations(text: string): string {
  return text.replace(ABBREVIATION_PATTERN, (match, offset: number) => {
    if (NUMBER_ABBREVIATION.test(match) && !/^\s*\d/.test(text.slice(offset + match.length))) return match;
    // at the very end of a block the last dot still ends the sentence
    if (offset + match.length >= text.length) return match.slice(0, -1).replace(/\./g, DOT_MASK) + ".";
    return match.replace(/\./g, DOT_MASK);
  });
}

const sentenceTokenizer = new SentenceTokenizer([], true);

/** Sentence spans [start, end) relative to `text`. */
export function splitSentences(text: string): Array<[number, number]> {
  const masked = maskAbbreviations(text);
  const spans: Array<[number, number]> = [];
  let cursor = 0;
  for (const piece of sentenceTokenizer.tokenize(masked)) {
    if (!piece.trim()) continue;
    const at = masked.indexOf(piece, cursor);
    if (at < 0) continue;
    spans.push([at, at + piece.length]);
    cursor = at + piece.length;
  }
  // natural drops nothing but whitespace; if it ever returns less, keep the remainder as a
  // sentence rather than silently losing text
  const rest = masked.slice(cursor);
  if (rest.trim()) {
    const lead = rest.length - rest.trimStart().length;
    spans.push([cursor + lead, cursor + rest.trimEnd().length]);
  }
  return spans;
}

export function segmentArticle(clean: CleanArticle): SegmentedArticle {
  const vocabulary = capitalisedVocabulary(clean.body);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  for (const block of clean.blocks) {
    const paragraph: Paragraph = { index: paragraphs.length, kind: block.kind, start: block.start, end: block.end };
    paragraphs.push(paragraph);
    if (block.kind === "heading") continue;
    const text = clean.body.slice(block.start, block.end);
    for (const [s, e] of splitSentences(text)) {
      const start = block.start + s;
      const sentenceText = clean.body.slice(start, block.start + e);
      sentences.push({
        index: sentences.length,
        paragraph: paragraph.index,
        start,
        end: start + sentenceText.length,
        text: sentenceText,
        tokens: tokenize(sentenceText, start, vocabulary),
      });
    }
  }
  return { id: clean.id, paragraphs, sentences };
}
