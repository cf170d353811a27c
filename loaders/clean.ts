// Cleaning: from an article file as received to the author's prose (the body) plus
// everything removed (the apparatus), with every body character mapped back to the file.
// Pure: no I/O. The stages, in order:
//   1. lines             split, whitespace normalised for the rules (offsets kept)
//   2. line furniture    page headers/footers repeated on every page, lone dots, hinted lines
//   3. paragraphs        blank-line separated; hard-wrapped PDF lines joined
//   4. roles             each paragraph: body, or an apparatus kind (notes, bio, address ...)
//   5. blocks            body paragraphs re-joined where a page break or a note block cut a
//                        sentence; headings, list items and pull quotes told apart
//   6. text              markers, URLs and Markdown escapes dropped, quotes straightened
// The rules are in clean/rules.ts; per-article hints come from data/corpus.yaml.
import { InputError } from "./inputError.ts";
import { MappedText } from "./clean/mappedText.ts";
import { BULLET, groupParagraphs, isHardWrapped, splitLines, type Line, type Paragraph } from "./clean/paragraphs.ts";
import * as rules from "./clean/rules.ts";
import type { ApparatusItem, ApparatusKind, ArticleMeta, Block, CleanArticle, CleaningHints, RawArticle } from "./types.ts";

export function cleanArticle(article: RawArticle): CleanArticle {
  const { meta, raw } = article;
  const hints = meta.cleaning ?? {};
  const apparatus: ApparatusItem[] = [];
  const remember = (kind: ApparatusKind, start: number, end: number) => apparatus.push({ kind, text: raw.slice(start, end), start, end });

  const lines = splitLines(raw);
  const removed = lineFurniture(lines, hints);
  mergeRuns(lines, removed).forEach(([kind, start, end]) => remember(kind, start, end));

  const paragraphs = groupParagraphs(lines, removed.map(Boolean), isHardWrapped(lines));
  const roles = assignRoles(paragraphs, meta, hints, raw.length);
  paragraphs.forEach((p, i) => {
    const role = roles[i];
    if (role !== "body") remember(role, p.start, p.end);
  });

  const drafts = dropEmptyHeadings(draftBlocks(paragraphs.filter((_, i) => roles[i] === "body"), raw), remember);
  const result = render(drafts, raw, remember);
  apparatus.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id: meta.id, ...result, apparatus };
}

// ---- 2. line furniture -------------------------------------------------------------

/** per line: the apparatus kind it is removed as, or null */
function lineFurniture(lines: Line[], hints: CleaningHints): (ApparatusKind | null)[] {
  const furniture = new Set((hints.furniture ?? []).map((s) => s.trim()));
  const captions = new Set((hints.captions ?? []).map((s) => s.trim()));
  const repeated = repeatedLines(lines);
  return lines.map((l) => {
    if (l.norm === "") return null;
    if (captions.has(l.norm)) return "caption";
    if (furniture.has(l.norm)) return "furniture";
    // a lone dot or dash: what a PDF export leaves of an empty page or a rule
    if (/^[.·•|_*–—-]+$/.test(l.norm)) return "furniture";
    if (repeated.has(l.norm)) return "furniture";
    return null;
  });
}

/**
 * Page headers and footers: short lines that recur, identical or differing only in
 * their numbers ("Center for Eurasian Studies 3", "... 4"). Prose does not repeat a line.
 */
function repeatedLines(lines: Line[]): Set<string> {
  const byShape = new Map<string, Set<string>>();
  const count = new Map<string, number>();
  for (const l of lines) {
    if (l.norm === "" || rules.startsWithNoteMarker(l.norm) || l.norm.split(" ").length > 8) continue;
    const shape = l.norm.replace(/\d+/g, "#");
    count.set(shape, (count.get(shape) ?? 0) + 1);
    byShape.set(shape, (byShape.get(shape) ?? new Set()).add(l.norm));
  }
  const out = new Set<string>();
  for (const [shape, variants] of byShape) {
    const n = count.get(shape)!;
    if (n >= 3 || (n >= 2 && variants.size >= 2)) variants.forEach((v) => out.add(v));
  }
  return out;
}

/** consecutive removed lines of one kind become one apparatus item */
function mergeRuns(lines: Line[], removed: (ApparatusKind | null)[]): [ApparatusKind, number, number][] {
  const runs: [ApparatusKind, number, number][] = [];
  lines.forEach((l, i) => {
    const kind = removed[i];
    if (!kind) return;
    const last = runs[runs.length - 1];
    if (last && last[0] === kind && removed[i - 1] === kind) last[2] = l.end;
    else runs.push([kind, l.start, l.end]);
  });
  return runs;
}

// ---- 4. roles ----------------------------------------------------------------------

type Role = rules.Role;

function assignRoles(paragraphs: Paragraph[], meta: ArticleMeta, hints: CleaningHints, rawLength: number): Role[] {
  const roles = paragraphs.map(intrinsicRole);
  markSandwichedCitations(paragraphs, roles);
  if (hints.body_start) markBefore(paragraphs, roles, findHint(paragraphs, hints.body_start, "body_start", meta));
  else markPreamble(paragraphs, roles, meta);
  const tail = hints.body_end ? findHint(paragraphs, hints.body_end, "body_end", meta) : tailStart(paragraphs, roles, meta, rawLength);
  if (tail >= 0) markTail(paragraphs, roles, meta, tail);
  return roles;
}

/** what a paragraph is by its own shape, wherever it stands */
function intrinsicRole(p: Paragraph): Role {
  if (rules.startsWithNoteMarker(p.text) || rules.isCitationRequest(p)) return "reference";
  if (rules.isAddress(p)) return "address";
  if (rules.isUrlList(p)) return "furniture";
  if (rules.isUrlHeavy(p)) return "reference";
  if (rules.isCaption(p)) return "caption";
  if (rules.isFurniture(p)) return "furniture";
  return "body";
}

/**
 * A note that a page break split leaves a piece with neither marker nor URL
 * ("Ilya Roubanis, “Old enemies ...,” Foreign Policy Centre,"); between two notes and
 * shaped like a citation, it is the note's.
 */
function markSandwichedCitations(paragraphs: Paragraph[], roles: Role[]) {
  const isNote = (i: number) => i >= 0 && i < roles.length && roles[i] === "reference";
  paragraphs.forEach((p, i) => {
    if (roles[i] === "body" && isNote(i - 1) && isNote(i + 1) && rules.looksLikeCitation(p)) roles[i] = "reference";
  });
}

function findHint(paragraphs: Paragraph[], text: string, field: string, meta: ArticleMeta): number {
  const needle = text.replace(/\s+/g, " ").trim();
  const i = paragraphs.findIndex((p) => p.lines.some((l) => l.norm.includes(needle)));
  if (i < 0) {
    throw new InputError("data/corpus.yaml", null, `article "${meta.id}": cleaning.${field} "${text}" does not occur in ${meta.file}`, "copy the text of that line from the article file exactly");
  }
  return i;
}

function markBefore(paragraphs: Paragraph[], roles: Role[], index: number) {
  for (let i = 0; i < index; i++) if (roles[i] === "body") roles[i] = "furniture";
}

/**
 * Above the first real paragraph: date lines, and when a byline or the title is there,
 * everything down to it ("Feature Article", "Published in ...").
 */
function markPreamble(paragraphs: Paragraph[], roles: Role[], meta: ArticleMeta) {
  const first = paragraphs.findIndex((p, i) => roles[i] === "body" && isProse(p.text));
  if (first < 0) return;
  let lastByline = -1;
  for (let i = 0; i < first; i++) if (roles[i] === "body" && rules.isByline(paragraphs[i].text, meta)) lastByline = i;
  for (let i = 0; i < first; i++) {
    if (roles[i] === "body" && (i <= lastByline || rules.isDateLine(paragraphs[i].text))) roles[i] = "furniture";
  }
}

function isProse(text: string): boolean {
  const n = text.split(/\s+/).length;
  return n >= 25 || (n >= 12 && !rules.endsOpen(text));
}

/** the author's prose ends where the bio or the publisher's end matter begins */
function tailStart(paragraphs: Paragraph[], roles: Role[], meta: ArticleMeta, rawLength: number): number {
  return paragraphs.findIndex(
    (p, i) =>
      p.start >= rawLength / 2 &&
      ((roles[i] === "body" && (rules.isBioStart(p, meta) || rules.isBlurbStart(p))) || (roles[i] === "furniture" && /^read \d/i.test(p.text))),
  );
}

/** after the body everything is apparatus; unlabelled paragraphs belong to the section above */
function markTail(paragraphs: Paragraph[], roles: Role[], meta: ArticleMeta, from: number) {
  let section: ApparatusKind = "blurb";
  for (let i = from; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (roles[i] === "address") section = "address";
    if (roles[i] !== "body") continue;
    // blurbs first: "The Analyst is a biweekly publication" also reads like a bio
    if (rules.isBlurbStart(p)) section = "blurb";
    else if (rules.isBioStart(p, meta)) section = "bio";
    roles[i] = section;
  }
}

// ---- 5. blocks ---------------------------------------------------------------------

interface Draft {
  kind: Block["kind"];
  lines: Line[];
  /** normalised text, for the rules */
  text: string;
}

function draftBlocks(body: Paragraph[], raw: string): Draft[] {
  const drafts: Draft[] = [];
  for (const p of body) {
    const prev = drafts[drafts.length - 1];
    const bullet = BULLET.test(p.text);
    if (prev && !bullet && continues(prev, p.text)) {
      prev.lines.push(...p.lines);
      prev.text += " " + p.text;
      continue;
    }
    if (bullet) drafts.push({ kind: "list-item", lines: [...p.lines], text: p.text });
    else if (rules.isPullQuote(p.text)) drafts.push({ kind: "quote", lines: [...p.lines], text: p.text });
    else if (p.lines.length === 1 && rules.isHeadingLike(p.text) && (!prev || prev.kind === "heading" || !rules.endsOpen(prev.text))) {
      drafts.push({ kind: "heading", lines: [...p.lines], text: p.text });
    } else drafts.push(...splitRunInLabel({ kind: "paragraph", lines: [...p.lines], text: p.text }, raw));
  }
  return drafts;
}

/**
 * A paragraph that stops mid-sentence ("between Iran," ... "Turkey and Russia.") or a
 * fragment that starts in lower case was cut by a page break, a caption or a block of
 * notes: the text runs on.
 */
function continues(prev: Draft, next: string): boolean {
  if (prev.kind === "paragraph") return rules.endsOpen(prev.text) || rules.startsLowercase(next);
  if (prev.kind === "list-item") return rules.endsOpen(prev.text) && rules.startsLowercase(next);
  return false;
}

/** "BACKGROUND: After the collapse ..." becomes a heading and a paragraph */
function splitRunInLabel(d: Draft, raw: string): Draft[] {
  const first = d.lines[0];
  const m = /^(\p{Lu}[\p{Lu} &\u00a0]{4,40}):\s+/u.exec(raw.slice(first.start, first.end));
  if (!m || d.text.split(/\s+/).length < 20) return [d];
  const label: Line = { start: first.start, end: first.start + m[1].trimEnd().length, norm: m[1].trim() };
  const rest: Line = { start: first.start + m[0].length, end: first.end, norm: first.norm.slice(m[0].length).trim() };
  return [
    { kind: "heading", lines: [label], text: label.norm },
    { kind: "paragraph", lines: [rest, ...d.lines.slice(1)], text: d.text.replace(rules.RUN_IN_LABEL, "") },
  ];
}

/** a heading with nothing under it (another heading follows, or the end) is page residue */
function dropEmptyHeadings(drafts: Draft[], remember: (k: ApparatusKind, s: number, e: number) => void): Draft[] {
  return drafts.filter((d, i) => {
    const next = drafts[i + 1];
    if (d.kind !== "heading" || (next && next.kind !== "heading")) return true;
    remember("furniture", d.lines[0].start, d.lines[d.lines.length - 1].end);
    return false;
  });
}

// ---- 6. text -----------------------------------------------------------------------

function render(drafts: Draft[], raw: string, remember: (k: ApparatusKind, s: number, e: number) => void) {
  // appended in place: copying the body for every block made long articles quadratic
  let body = "";
  const offsets: number[] = [];
  const blocks: Block[] = [];
  for (const d of drafts) {
    let text = joinLines(d.lines, raw);
    if (d.kind === "list-item") text = text.remove(/^[•◦▪‣●○■□–—*-]\s+/u);
    text = normalise(text, remember);
    if (text.length === 0) continue;
    if (offsets.length > 0) {
      // the block separator stands for the whitespace after the previous block
      const at = Math.min(offsets[offsets.length - 1] + 1, raw.length - 1);
      body += "\n\n";
      offsets.push(at, at);
    }
    blocks.push({ kind: d.kind, start: offsets.length, end: offsets.length + text.length });
    body += text.text;
    for (const o of text.offsets) offsets.push(o);
  }
  return { body, rawOffsets: offsets, blocks };
}

/**
 * Lines of one block joined: a space for a line break, nothing for a word hyphenated
 * across it ("initi-" + "atives"). The hyphen stays before a capital ("North-" +
 * "South") and where the article itself writes the compound with a hyphen.
 */
function joinLines(lines: Line[], raw: string): MappedText {
  let text = MappedText.fromRaw(raw, lines[0].start, lines[0].end);
  for (let k = 1; k < lines.length; k++) {
    const next = MappedText.fromRaw(raw, lines[k].start, lines[k].end);
    const head = /(\p{L}+)-$/u.exec(text.text);
    if (head) {
      const tail = /^\p{L}+/u.exec(next.text)?.[0] ?? "";
      const hyphenated = new RegExp(`\\b${head[1]}-${tail}\\b`, "iu").test(raw);
      const keep = !rules.startsLowercase(next.text) || hyphenated;
      text = (keep ? text : text.slice(0, text.length - 1)).concat(next);
    } else {
      text = text.withChar(" ", lines[k - 1].end).concat(next);
    }
  }
  return text;
}

const SINGLE_QUOTES = /[‘’‚‛′]/;
const DOUBLE_QUOTES = /[“”„‟″]/;
const INVISIBLE = /[\u200b\u200c\u200d\u2060\u00ad\ufeff]/;
const EMPHASIS = /(\*{1,2})(?=\S)[^*\n]*?\S\1/g;
const ESCAPE = /\\(?=[\\`*_{}[\]()#+\-.!$%&<>|~"'])/g;

function normalise(text: MappedText, remember: (k: ApparatusKind, s: number, e: number) => void): MappedText {
  const urls = text;
  return urls
    .remove(rules.URL, undefined, (_t, a, b) => remember("reference", ...urls.rawSpan(a, b)))
    // "(see <url>)" leaves "(see )"; a bare "(<url>)" leaves "()"
    .remove(/\s*\(\s*\)/)
    .remove(rules.INLINE_NOTE_MARKER)
    .remove(EMPHASIS, (m) => {
      const n = m[1].length;
      const end = m.index + m[0].length;
      return [
        [m.index, m.index + n],
        [end - n, end],
      ];
    })
    .remove(ESCAPE)
    .mapChars((ch) => (INVISIBLE.test(ch) ? "" : SINGLE_QUOTES.test(ch) ? "'" : DOUBLE_QUOTES.test(ch) ? '"' : /\s/.test(ch) ? " " : ch))
    .collapseSpaces();
}
