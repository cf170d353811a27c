// From raw text to lines and paragraphs, with raw offsets. Two layouts occur: web text
// with one paragraph per line, and PDF text with hard line breaks inside paragraphs
// (blank lines between paragraphs). The layout is read from the file, not configured.

export interface Line {
  /** raw offsets of the line's content without surrounding whitespace (or \r) */
  start: number;
  end: number;
  /** whitespace (NBSP, tabs, runs of spaces) collapsed to one space, trimmed */
  norm: string;
}

export interface Paragraph {
  lines: Line[];
  start: number;
  end: number;
  /** the lines' norm joined with spaces: what the classification rules read */
  text: string;
}

// \s covers NBSP and BOM; zero-width spaces and soft hyphens are invisible too.
const SPACE = /[\s\u200b\u00ad]/;

export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  while (at <= raw.length) {
    let nl = raw.indexOf("\n", at);
    if (nl < 0) nl = raw.length;
    let a = at;
    let b = nl;
    while (a < b && SPACE.test(raw[a])) a++;
    while (b > a && SPACE.test(raw[b - 1])) b--;
    lines.push({ start: a, end: b, norm: raw.slice(a, b).replace(/[\s\u200b\u00ad]+/g, " ") });
    at = nl + 1;
  }
  return lines;
}

export const BULLET = /^[•◦▪‣●○■□–—*-]\s+/u;
const SENTENCE_END = /[.!?:;"”’')\]]$/u;

/**
 * True when the file breaks lines inside paragraphs: most lines that have a non-blank
 * successor end mid-sentence, and almost no line is paragraph-long.
 */
export function isHardWrapped(lines: Line[]): boolean {
  const nonBlank = lines.filter((l) => l.norm !== "");
  if (nonBlank.length === 0) return false;
  const long = nonBlank.filter((l) => l.norm.length > 150).length / nonBlank.length;
  let followed = 0;
  let open = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].norm === "" || lines[i + 1].norm === "") continue;
    followed++;
    if (!SENTENCE_END.test(lines[i].norm)) open++;
  }
  return long < 0.1 && followed > 0 && open / followed > 0.5;
}

/**
 * Paragraphs from the lines that survive line-level removal (`removed[i]` true: treated
 * as a blank line). In a hard-wrapped file consecutive lines form one paragraph; a
 * bullet always starts a new one.
 */
export function groupParagraphs(lines: Line[], removed: boolean[], hardWrapped: boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length === 0) return;
    paragraphs.push({
      lines: current,
      start: current[0].start,
      end: current[current.length - 1].end,
      text: current.map((l) => l.norm).join(" "),
    });
    current = [];
  };
  lines.forEach((line, i) => {
    if (line.norm === "" || removed[i]) return flush();
    if (!hardWrapped || BULLET.test(line.norm)) flush();
    current.push(line);
  });
  flush();
  return paragraphs;
}
