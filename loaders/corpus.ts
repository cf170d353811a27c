// The corpus: data/corpus.yaml (groups, origins, one entry per article) and the article
// texts in data/articles/. Everything a user can get wrong here (a typo in a field, an
// unknown group, a missing or binary file) fails with the file, the line and what to fix.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stampOf, unchanged, type FileStamp } from "./fileStamp.ts";
import { InputError } from "./inputError.ts";
import { readYamlFile } from "./yamlFile.ts";
import type { ArticleMeta, Corpus, RawArticle } from "./types.ts";

export const CORPUS_FILE = join("data", "corpus.yaml");
export const ARTICLES_DIR = join("data", "articles");

/** The two ways the pages group articles: by outlet affiliation (`group`), or by author origin. */
export const GROUPINGS = ["group", "author_origin"] as const;
export type Grouping = (typeof GROUPINGS)[number];

const groupInfo = {
  type: "object",
  additionalProperties: false,
  required: ["id", "label", "color"],
  properties: {
    id: { type: "string", pattern: "^[a-z0-9_-]+$" },
    label: { type: "string", minLength: 1 },
    color: { type: "string", pattern: "^#[0-9A-Fa-f]{6}$" },
  },
};

const lines = { type: "array", items: { type: "string", minLength: 1 } };

const articleSchema = {
  type: "object",
  additionalProperties: false,
  required: ["id", "file", "title", "author", "outlet", "group", "author_origin", "published", "attribution"],
  properties: {
    id: { type: "string", pattern: "^[A-Za-z0-9_.-]+$" },
    file: { type: "string", minLength: 1 },
    title: { type: "string" },
    author: { type: "string" },
    outlet: { type: "string" },
    group: { type: "string" },
    author_origin: { type: "string" },
    // "2023-01-19", "2022-09" or a bare year: YAML may read a year as a number
    published: { type: ["string", "integer"] },
    url: { type: ["string", "null"] },
    attribution: { type: "string" },
    format_notes: { type: "string" },
    cleaning: {
      type: "object",
      additionalProperties: false,
      properties: {
        body_start: { type: "string", minLength: 1 },
        body_end: { type: "string", minLength: 1 },
        furniture: lines,
        captions: lines,
      },
    },
  },
};

export const corpusSchema = {
  type: "object",
  additionalProperties: false,
  required: ["groups", "origins", "articles"],
  properties: {
    groups: { type: "array", minItems: 1, items: groupInfo },
    origins: { type: "array", minItems: 1, items: groupInfo },
    articles: { type: "array", items: articleSchema },
  },
};

type CorpusYaml = Omit<Corpus, "articles"> & { articles: (Omit<ArticleMeta, "published" | "url"> & { published: string | number; url?: string | null })[] };

// The last corpus read, by file content: a process that builds many pages (the benchmark,
// the tests) parses a thousand-article corpus.yaml once, and an edit is always seen. The
// file is not even read again while its stamp vouches for it (loaders/fileStamp.ts).
let lastCorpus: { file: string; stamp: FileStamp; text: Buffer; corpus: Corpus } | null = null;

export function loadCorpus(root: string = process.cwd()): Corpus {
  const file = join(root, CORPUS_FILE);
  const stamp = stampOf(file);
  if (lastCorpus?.file === file && unchanged(lastCorpus.stamp, stamp)) return lastCorpus.corpus;
  let text: Buffer | null = null;
  try {
    // the bytes, compared as bytes: decoding and comparing 285 KB of text (1,000
    // articles) took 1.5-2 ms
    text = readFileSync(file);
  } catch {
    // readYamlFile below says what is wrong
  }
  if (lastCorpus && text !== null && lastCorpus.file === file && lastCorpus.text.equals(text)) {
    lastCorpus.stamp = stamp;
    return lastCorpus.corpus;
  }
  // frozen, not copied for each caller: a loader process serving 1,000 reader pages spent
  // 4 ms per page cloning it; a caller that tried to change it would fail loudly
  const corpus = deepFreeze(parseCorpus(file, root));
  if (text !== null) lastCorpus = { file, stamp, text, corpus };
  return corpus;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function parseCorpus(file: string, root: string): Corpus {
  const { data, lineOf } = readYamlFile<CorpusYaml>(file, corpusSchema, root);

  uniqueIds(file, data.groups, ["groups"], lineOf);
  uniqueIds(file, data.origins, ["origins"], lineOf);
  uniqueIds(file, data.articles, ["articles"], lineOf);
  const groups = new Set(data.groups.map((g) => g.id));
  const origins = new Set(data.origins.map((g) => g.id));
  const files = new Map<string, number>();

  const articles = data.articles.map((a, i): ArticleMeta => {
    const at = (field: string) => lineOf(["articles", i, field]);
    if (!groups.has(a.group)) {
      throw new InputError(file, at("group"), `article "${a.id}": unknown group "${a.group}"`, `use one of ${[...groups].join(", ")}, or add it under groups:`);
    }
    if (!origins.has(a.author_origin)) {
      throw new InputError(file, at("author_origin"), `article "${a.id}": unknown author_origin "${a.author_origin}"`, `use one of ${[...origins].join(", ")}, or add it under origins:`);
    }
    if (/[\\/]/.test(a.file) || a.file.startsWith(".")) {
      throw new InputError(file, at("file"), `article "${a.id}": file "${a.file}" must be a plain file name`, `put the text in ${ARTICLES_DIR}/ and give only its name`);
    }
    if (!existsSync(join(root, ARTICLES_DIR, a.file))) {
      throw new InputError(file, at("file"), `article "${a.id}": file "${a.file}" not found in ${ARTICLES_DIR}/`, "add the text file or correct the file name");
    }
    if (files.has(a.file)) {
      throw new InputError(file, at("file"), `article "${a.id}": file "${a.file}" is already used by article ${files.get(a.file)! + 1}`, "give each article its own text file");
    }
    files.set(a.file, i);
    return { ...a, published: String(a.published), url: a.url ?? null };
  });

  warnUndescribed(root, new Set(files.keys()));
  return { groups: data.groups, origins: data.origins, articles };
}

function uniqueIds(file: string, items: { id: string }[], path: string[], lineOf: (p: (string | number)[]) => number | null) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      throw new InputError(file, lineOf([...path, i, "id"]), `${path.join(".")}: duplicate id "${item.id}"`, "give each entry a unique id");
    }
    seen.add(item.id);
  });
}

// A text nobody described is not an error (a draft, a file waiting for its metadata), but
// it is easy to forget, so say it where the build log shows it.
function warnUndescribed(root: string, described: Set<string>) {
  const dir = join(root, ARTICLES_DIR);
  const extra = readdirSync(dir).filter((f) => !f.startsWith(".") && !described.has(f));
  if (extra.length > 0) {
    process.stderr.write(`note: ${extra.length} file(s) in ${ARTICLES_DIR}/ have no entry in ${CORPUS_FILE} and are ignored: ${extra.join(", ")}\n`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function readArticles(corpus: Corpus, root: string = process.cwd()): RawArticle[] {
  return corpus.articles.map((meta) => readArticle(meta, root));
}

/** One article of the corpus with its text (to read a large corpus one article at a time). */
export function readArticle(meta: ArticleMeta, root: string = process.cwd()): RawArticle {
  return { meta, raw: readArticleText(join(root, ARTICLES_DIR, meta.file), meta.id) };
}

/** The file's text, BOM removed and otherwise verbatim (CRLF and NBSP kept). */
export function readArticleText(file: string, id?: string): string {
  const of = id ? ` (article "${id}")` : "";
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InputError(file, null, `cannot read the article file${of}`, "check that it exists and is readable");
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError(file, lineAtByte(bytes, nul), `binary file${of} (contains NUL bytes), not plain text`, "export the article as a UTF-8 .txt file");
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(file, lineAtByte(bytes, firstInvalidUtf8(bytes)), `not valid UTF-8 text${of}`, "re-save the file as UTF-8 (not Latin-1 / Windows-1252, not a PDF or Word file)");
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    throw new InputError(file, 1, `article file${of} is empty`, "paste the article text into it, or remove its entry from data/corpus.yaml");
  }
  return text;
}

function lineAtByte(bytes: Buffer, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

// Only for the error message: narrow down where decoding fails by decoding prefixes.
function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  const ok = (n: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
