// Plain data shared by the pipeline stages. Every offset is a JavaScript string index
// (UTF-16 code units), end exclusive. "raw" offsets point into the article file as read
// (after BOM removal only); "body" offsets point into the cleaned analysis text.

export interface GroupInfo {
  id: string;
  label: string;
  color: string;
}

export interface CleaningHints {
  /** body starts at the first line containing this text */
  body_start?: string;
  /** body ends before the first line containing this text */
  body_end?: string;
  /** extra lines (exact text, trimmed) to treat as page furniture */
  furniture?: string[];
  /** lines (exact text, trimmed) that are image captions or alt text */
  captions?: string[];
}

export interface ArticleMeta {
  id: string;
  file: string;
  title: string;
  author: string;
  outlet: string;
  group: string;
  author_origin: string;
  published: string;
  url: string | null;
  attribution: string;
  format_notes?: string;
  cleaning?: CleaningHints;
}

export interface Corpus {
  groups: GroupInfo[];
  /** author_origin values with labels, for the alternative grouping */
  origins: GroupInfo[];
  articles: ArticleMeta[];
}

export interface RawArticle {
  meta: ArticleMeta;
  /** file text, BOM removed, otherwise verbatim (CRLF kept: offsets must match the file) */
  raw: string;
}

export type ApparatusKind = "reference" | "note" | "bio" | "furniture" | "caption" | "blurb" | "address";

export interface ApparatusItem {
  kind: ApparatusKind;
  text: string;
  /** raw offsets of the removed material */
  start: number;
  end: number;
}

export interface Block {
  kind: "heading" | "paragraph" | "list-item" | "quote";
  /** body offsets */
  start: number;
  end: number;
}

export interface CleanArticle {
  id: string;
  /** normalised analysis text: straight quotes, single spaces, markers removed */
  body: string;
  /** body index -> raw offset, one entry per body character (length === body.length) */
  rawOffsets: number[];
  blocks: Block[];
  apparatus: ApparatusItem[];
}

export interface Token {
  /** as written in the body */
  text: string;
  kind: "word" | "number" | "punct";
  lower: string;
  stem: string;
  /** body offsets */
  start: number;
  end: number;
  /** "Russia's", "Russias" (apostrophe lost in PDF extraction) */
  possessive: boolean;
  /** form without the possessive ending, lowercased: "russia" */
  base: string;
}

export interface Sentence {
  index: number;
  paragraph: number;
  /** body offsets */
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

export interface Paragraph {
  index: number;
  kind: Block["kind"];
  start: number;
  end: number;
}

export interface SegmentedArticle {
  id: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}
