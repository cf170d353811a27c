// Reads a YAML file a user edits and validates it against a JSON schema, so every
// problem comes back as "file:line: what is wrong" instead of a stack trace or, worse,
// a silently wrong page.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { Ajv, type ErrorObject } from "ajv";
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Document } from "yaml";
import { articleCacheDir } from "./articleCache.ts";
import { InputError } from "./inputError.ts";

const ajv = new Ajv({ allErrors: true, strict: false });

export interface YamlSource<T> {
  data: T;
  /** 1-based line of the node at a path such as ["actors", 3, "aliases"] */
  lineOf(path: (string | number)[]): number | null;
}

/**
 * The file at `file`, parsed and checked against `schema`. With `root`, a file parsed and
 * checked before (by any process) is taken from .cache/yaml instead (keptYaml).
 */
export function readYamlFile<T>(file: string, schema: object, root?: string): YamlSource<T> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError(file, null, "file not found", "create it or correct the path");
  }
  return parseYaml<T>(file, text, schema, root);
}

/**
 * A file as one thread parsed and checked it, to hand to a worker thread that would parse
 * it again (loaders/warmCaches.ts): its data, and the lines the thread asked for.
 */
export interface ParsedYaml {
  file: string;
  text: string;
  schema: string;
  data: unknown;
  lines: Record<string, number | null>;
}

let recording: ParsedYaml[] | null = null;
const trusted = new Map<string, ParsedYaml>();

/** `f()`, and the files it parsed and checked (a file it found parsed already, in a cache of its own, is not among them). */
export function recordParsedYaml<T>(f: () => T): { result: T; parsed: ParsedYaml[] } {
  const parsed: ParsedYaml[] = [];
  recording = parsed;
  try {
    return { result: f(), parsed };
  } finally {
    recording = null;
  }
}

/**
 * Files another thread parsed and checked (`recordParsedYaml`): the next parse of each,
 * with the same text and schema, takes its data instead of parsing the text again, and
 * parses it only to find a line it was not asked for. Each is taken once.
 */
export function trustParsedYaml(parsed: ParsedYaml[]): void {
  for (const p of parsed) trusted.set(p.file, p);
}

export function parseYaml<T>(file: string, text: string, schema: object, root?: string): YamlSource<T> {
  const known = trusted.get(file);
  if (known && known.text === text && known.schema === JSON.stringify(schema)) {
    trusted.delete(file);
    let parsed: YamlSource<T> | null = null;
    const lineOf = (path: (string | number)[]) => {
      const line = known.lines[JSON.stringify(path)];
      return line !== undefined ? line : (parsed ??= parseYamlText<T>(file, text, schema)).lineOf(path);
    };
    return { data: known.data as T, lineOf };
  }
  const keep = root === undefined ? null : keptYaml(file, text, schema, root);
  const source = keep?.kept ? keptSource<T>(file, text, schema, keep.kept) : parseYamlText<T>(file, text, schema, keep?.path);
  if (!recording) return source;
  // its data as it is now (the caller may change it), and each line the caller asks for
  const record: ParsedYaml = { file, text, schema: JSON.stringify(schema), data: structuredClone(source.data), lines: {} };
  recording.push(record);
  return { data: source.data, lineOf: (path) => (record.lines[JSON.stringify(path)] = source.lineOf(path)) };
}

// ------------------------------------------------------------ kept between processes

/**
 * A file parsed and checked by an earlier process: its data and the line of every node.
 * Each of the build's loader processes (and the warm step) parsed corpus.yaml (~0.4 s at
 * 1,000 articles) and the rule files (~0.3 s) again. Kept under .cache/yaml (beside the
 * article cache, and off with it) by a hash of the text, the schema and this code, so an
 * edited file is parsed and checked anew, and its errors reported as ever.
 */
interface KeptYaml {
  data: unknown;
  /** the line of each node, by its path as JSON (["cues",3,"id"]) */
  lines: Record<string, number>;
}

const OWN_CODE = readFileSync(fileURLToPath(import.meta.url));

function keptYaml(file: string, text: string, schema: object, root: string): { path: string; kept: KeptYaml | null } | null {
  const articles = articleCacheDir(root);
  if (!articles) return null;
  const key = createHash("sha256").update(OWN_CODE).update("\0").update(JSON.stringify(schema)).update("\0").update(text).digest("hex").slice(0, 40);
  const path = join(dirname(articles), "yaml", `${basename(file)}-${key}.json`);
  try {
    return { path, kept: JSON.parse(readFileSync(path, "utf8")) as KeptYaml };
  } catch {
    return { path, kept: null }; // not kept yet, or unreadable: parsed, and kept
  }
}

/** A kept file's data; a line not kept (a path to no node) is found by parsing the text, as nodeLine would. */
function keptSource<T>(file: string, text: string, schema: object, kept: KeptYaml): YamlSource<T> {
  let parsed: YamlSource<T> | null = null;
  const lineOf = (path: (string | number)[]) => kept.lines[JSON.stringify(path)] ?? (parsed ??= parseYamlText<T>(file, text, schema)).lineOf(path);
  return { data: kept.data as T, lineOf };
}

/** Writes a checked file's data (as it is now, before a caller changes it) and node lines, and removes the file's older entries. */
function keep(path: string, doc: Document, lc: LineCounter, data: unknown): void {
  // data JSON cannot hold as it is (.inf, .nan, a !!timestamp's date) is not kept: taken
  // back it would be another value (null, a string), and the page silently different
  const json = JSON.stringify(data);
  if (!isDeepStrictEqual(JSON.parse(json), data)) return;
  const lines: Record<string, number> = {};
  const visit = (node: unknown, at: unknown[]) => {
    if (!isNode(node)) return;
    if (node.range) lines[JSON.stringify(at)] = lc.linePos(node.range[0]).line;
    if (isMap(node)) for (const pair of node.items) visit(pair.value, [...at, isScalar(pair.key) ? pair.key.value : pair.key]);
    else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...at, i]));
  };
  visit(doc.contents, []);
  try {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, `{"data":${json},"lines":${JSON.stringify(lines)}}`);
    renameSync(tmp, path);
    const name = basename(path);
    const prefix = name.slice(0, name.length - 45); // "<file name>-", without "<40 hex>.json"
    for (const f of readdirSync(dir)) if (f !== name && f.startsWith(prefix) && /^[0-9a-f]{40}\.json$/.test(f.slice(prefix.length))) rmSync(join(dir, f), { force: true });
  } catch {
    // not kept: the next process parses it again
  }
}

function parseYamlText<T>(file: string, text: string, schema: object, keepAt?: string): YamlSource<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? null;
    throw new InputError(file, line, `invalid YAML: ${e.message.split("\n")[0]}`, "correct the YAML syntax at that line (indentation, quotes, colons)");
  }
  const data = doc.toJS() as unknown;
  const lineOf = (path: (string | number)[]) => nodeLine(doc, lineCounter, path);
  const validate = ajv.compile(schema);
  if (!validate(data)) {
    const err = mostSpecific(validate.errors ?? []);
    const path = pointerToPath(err.instancePath);
    const where = path.length ? path.join(".") : "top level";
    // point at the offending field itself, not the object that holds it
    const extra = err.keyword === "additionalProperties" ? [(err.params as { additionalProperty: string }).additionalProperty] : [];
    throw new InputError(file, lineOf([...path, ...extra]), `${where}: ${describe(err)}`, fixFor(err));
  }
  if (keepAt) keep(keepAt, doc, lineCounter, data);
  return { data: data as T, lineOf };
}

function nodeLine(doc: Document, lc: LineCounter, path: (string | number)[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return null;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

// ajv reports every failed branch; the deepest error is the one a person can act on.
// At equal depth an unknown field explains more than the missing field it was probably
// meant to be ("aliasses" for "aliases").
const KEYWORD_RANK: Record<string, number> = { additionalProperties: 0, enum: 1, type: 2, required: 4 };
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject) => KEYWORD_RANK[e.keyword] ?? 3;
  return [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || rank(a) - rank(b))[0];
}

function describe(err: ErrorObject): string {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case "additionalProperties":
      return `unknown field "${p.additionalProperty}"`;
    case "required":
      return `missing required field "${p.missingProperty}"`;
    case "enum":
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "type":
      return `must be ${p.type}`;
    default:
      return err.message ?? "invalid value";
  }
}

function fixFor(err: ErrorObject): string {
  switch (err.keyword) {
    case "additionalProperties":
      return "remove the field or correct its spelling";
    case "required":
      return "add the missing field";
    default:
      return "correct the value";
  }
}
