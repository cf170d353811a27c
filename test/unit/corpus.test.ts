import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, readArticles } from "../../loaders/corpus.ts";
import { InputError } from "../../loaders/inputError.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));

const header = `groups:
  - { id: turkish, label: "Turkish", color: "#D55E00" }
  - { id: us, label: "US-affiliated", color: "#0072B2" }
origins:
  - { id: turkish, label: "Turkish", color: "#D55E00" }
  - { id: unknown, label: "Unknown", color: "#999999" }
articles:
`;

function entry(id: string, file: string, extra: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id,
    file,
    title: `"A title"`,
    author: "unknown",
    outlet: `"An outlet"`,
    group: "turkish",
    author_origin: "turkish",
    published: "2023-01-19",
    url: "null",
    attribution: "stated in text",
    ...extra,
  };
  return Object.entries(fields)
    .map(([k, v], i) => `${i === 0 ? "  - " : "    "}${k}: ${v}\n`)
    .join("");
}

// the temp dirs made here, removed when the file's tests are done
const fixtures: string[] = [];
after(() => fixtures.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** a corpus in a fresh temp dir: corpus.yaml text and article files (string or bytes) */
function fixture(yaml: string, files: Record<string, string | Buffer> = { "a.txt": "Some text.\n" }): string {
  const root = mkdtempSync(join(tmpdir(), "parallax-corpus-"));
  fixtures.push(root);
  mkdirSync(join(root, "data", "articles"), { recursive: true });
  writeFileSync(join(root, "data", "corpus.yaml"), yaml);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, "data", "articles", name), content);
  return root;
}

/** runs fn, expects an InputError naming `file` and `line` (when given) in its message */
function expectInputError(fn: () => unknown, file: string, line: number | null, problem: RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    assert.ok(e.message.includes(file), `message names the file: ${e.message}`);
    if (line != null) {
      assert.equal(e.line, line, `line in ${e.message}`);
      assert.ok(e.message.includes(`${file}:${line}`), `message names the line: ${e.message}`);
    }
    assert.match(e.problem, problem);
    assert.ok(e.fix, "says what to fix");
    return true;
  });
}

test("the seed corpus loads: groups, origins and five articles with their texts", () => {
  const corpus = loadCorpus(repo);
  assert.deepEqual(
    corpus.groups.map((g) => g.id),
    ["turkish", "iranian", "us", "pakistani"],
  );
  assert.deepEqual(corpus.groups.find((g) => g.id === "us")?.label, "US-affiliated");
  for (const g of [...corpus.groups, ...corpus.origins]) assert.match(g.color, /^#[0-9A-F]{6}$/i);
  assert.equal(corpus.articles.length, 5);
  for (const a of corpus.articles) assert.equal(typeof a.published, "string");
  assert.equal(corpus.articles.find((a) => a.id === "cradle-2022-iran-encircled")?.published, "2022-09");
  assert.equal(corpus.articles.find((a) => a.id === "avim-2023-security-balance")?.published, "2023-01-19");
  const texts = readArticles(corpus, repo);
  assert.equal(texts.length, 5);
  for (const t of texts) assert.ok(t.raw.length > 1000);
});

test("published is normalised to a string whatever YAML makes of it", () => {
  const root = fixture(header + entry("a", "a.txt", { published: "2024" }) + entry("b", "b.txt", { published: `"2022-09"` }), {
    "a.txt": "x\n",
    "b.txt": "y\n",
  });
  const corpus = loadCorpus(root);
  assert.deepEqual(
    corpus.articles.map((a) => a.published),
    ["2024", "2022-09"],
  );
  assert.equal(corpus.articles[0].url, null);
});

test("an article whose file is missing: corpus.yaml and the line of its file field", () => {
  const root = fixture(header + entry("a", "a.txt") + entry("b", "missing.txt"));
  // header is 8 lines; entry a is lines 8-17, entry b starts at 18 and its file at 19
  expectInputError(() => loadCorpus(root), join(root, "data", "corpus.yaml"), 19, /missing\.txt.*not found/);
});

test("a duplicate id", () => {
  const root = fixture(header + entry("a", "a.txt") + entry("a", "b.txt"), { "a.txt": "x", "b.txt": "y" });
  expectInputError(() => loadCorpus(root), join(root, "data", "corpus.yaml"), 18, /duplicate id "a"/);
});

test("an unknown group or origin", () => {
  const g = fixture(header + entry("a", "a.txt", { group: "russian" }));
  expectInputError(() => loadCorpus(g), join(g, "data", "corpus.yaml"), 13, /unknown group "russian"/);
  const o = fixture(header + entry("a", "a.txt", { author_origin: "martian" }));
  expectInputError(() => loadCorpus(o), join(o, "data", "corpus.yaml"), 14, /unknown author_origin "martian"/);
});

test("an unknown field, a wrong type, a missing field", () => {
  const u = fixture(header + entry("a", "a.txt", { colour: "red" }));
  // the line of the unknown field itself
  expectInputError(() => loadCorpus(u), join(u, "data", "corpus.yaml"), 18, /unknown field "colour"/);
  const h = fixture(header + entry("a", "a.txt") + "    cleaning:\n      body_begin: x\n");
  expectInputError(() => loadCorpus(h), join(h, "data", "corpus.yaml"), 19, /unknown field "body_begin"/);
  const t = fixture(header.replace(`color: "#0072B2"`, `color: blue`) + entry("a", "a.txt"));
  expectInputError(() => loadCorpus(t), join(t, "data", "corpus.yaml"), 3, /color/);
  const m = fixture(header + entry("a", "a.txt").replace(/ {4}title:.*\n/, ""));
  expectInputError(() => loadCorpus(m), join(m, "data", "corpus.yaml"), 8, /missing required field "title"/);
});

test("malformed YAML", () => {
  const root = fixture(header + entry("a", "a.txt") + `  - id: b\n    title: "unclosed\n`);
  expectInputError(() => loadCorpus(root), join(root, "data", "corpus.yaml"), null, /invalid YAML/);
  const bad = fixture(header + entry("a", "a.txt").replace("group: turkish", "group: [turkish"));
  assert.throws(() => loadCorpus(bad), (e: unknown) => e instanceof InputError && e.line != null && e.message.includes("corpus.yaml:"));
});

test("an empty article file", () => {
  const root = fixture(header + entry("a", "a.txt"), { "a.txt": " \n\n" });
  const corpus = loadCorpus(root);
  expectInputError(() => readArticles(corpus, root), join(root, "data", "articles", "a.txt"), 1, /empty/);
});

test("a binary article file: NUL bytes, or bytes that are not UTF-8", () => {
  const nul = fixture(header + entry("a", "a.txt"), { "a.txt": Buffer.from("line one\nline two\0\u0001\n") });
  expectInputError(() => readArticles(loadCorpus(nul), nul), join(nul, "data", "articles", "a.txt"), 2, /binary/);
  // "Türkiye" saved as Windows-1252 on line 3
  const latin1 = Buffer.concat([Buffer.from("one\ntwo\nT"), Buffer.from([0xfc]), Buffer.from("rkiye\n")]);
  const bad = fixture(header + entry("a", "a.txt"), { "a.txt": latin1 });
  expectInputError(() => readArticles(loadCorpus(bad), bad), join(bad, "data", "articles", "a.txt"), 3, /UTF-8/);
});

test("BOM stripped, CRLF and NBSP kept verbatim; undescribed files ignored", () => {
  const text = "Title\r\n\r\nIran\u00a0and Turkey met.\r\n";
  const root = fixture(header + entry("a", "a.txt"), { "a.txt": "\uFEFF" + text, "draft.txt": "not in corpus" });
  const corpus = loadCorpus(root);
  assert.equal(corpus.articles.length, 1);
  const [article] = readArticles(corpus, root);
  assert.equal(article.raw, text);
});

test("a file name with a path is refused", () => {
  const root = fixture(header + entry("a", "../a.txt"));
  expectInputError(() => loadCorpus(root), join(root, "data", "corpus.yaml"), 9, /plain file name/);
});
