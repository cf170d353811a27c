// A YAML file parsed and checked by one thread is handed to the warm step's workers
// (loaders/warmCaches.ts), which take its data instead of parsing it again: the same data,
// the same lines, and nothing taken for another text, another schema, or twice. So is one
// kept by an earlier process under .cache/yaml.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseYaml, recordParsedYaml, trustParsedYaml } from "../../loaders/yamlFile.ts";
import { InputError } from "../../loaders/inputError.ts";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uncached } from "./uncached.ts";

const schema = { type: "object", required: ["items"], properties: { items: { type: "array", items: { type: "object", required: ["id"] } } } };
const text = "items:\n  - id: a\n    note: first\n\n  - id: b\n";
const file = "/nowhere/list.yaml";

test("a file parsed by another thread gives the same data and lines, once", () => {
  const { result, parsed } = recordParsedYaml(() => {
    const source = parseYaml<{ items: { id: string }[] }>(file, text, schema);
    return { data: source.data, line: source.lineOf(["items", 1]) };
  });
  assert.equal(result.line, 5);
  assert.equal(parsed.length, 1);
  assert.deepEqual(parsed[0].data, result.data);
  // what crosses to a worker is a copy
  trustParsedYaml(structuredClone(parsed));
  const taken = parseYaml<{ items: { id: string }[] }>(file, text, schema);
  assert.deepEqual(taken.data, result.data);
  assert.equal(taken.lineOf(["items", 1]), 5, "a line asked for");
  assert.equal(taken.lineOf(["items", 0, "note"]), 3, "a line not asked for: parsed");
  // taken: the record's data, not a parse (a changed record shows it), and only once
  trustParsedYaml([{ ...parsed[0], data: { items: [{ id: "from the record" }] } }]);
  assert.equal(parseYaml<{ items: { id: string }[] }>(file, text, schema).data.items[0].id, "from the record");
  assert.equal(parseYaml<{ items: { id: string }[] }>(file, text, schema).data.items[0].id, "a");
});

test("another text or another schema is parsed and checked", () => {
  const { parsed } = recordParsedYaml(() => parseYaml(file, text, schema));
  trustParsedYaml(parsed);
  assert.equal(parseYaml<{ items: { id: string }[] }>(file, text.replace("id: b", "id: c"), schema).data.items[1].id, "c");
  trustParsedYaml(parsed);
  assert.throws(() => parseYaml(file, text, { ...schema, required: ["items", "title"] }), (e) => e instanceof InputError && /title/.test(e.problem));
});

test("a file kept by an earlier process (.cache/yaml) gives the same data and every line; an edit or an error is parsed and checked anew", () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-yaml-"));
  const kept = () => (existsSync(join(root, ".cache", "yaml")) ? readdirSync(join(root, ".cache", "yaml")) : []);
  const nested = "items:\n  - id: a\n    note: first\n    tags: [x, y]\n\n  - id: b\n    when: 2023\n";
  try {
    const fresh = parseYaml<{ items: unknown[] }>(file, nested, schema);
    parseYaml(file, nested, schema, root);
    assert.equal(kept().length, 1, "kept");
    const taken = parseYaml<{ items: unknown[] }>(file, nested, schema, root);
    assert.deepEqual(taken.data, fresh.data);
    // every node's line, and lines of paths to no node (answered by a parse, as ever)
    const paths: Array<(string | number)[]> = [[], ["items"], ["items", 0], ["items", 0, "id"], ["items", 0, "note"], ["items", 0, "tags"], ["items", 0, "tags", 1], ["items", 1], ["items", 1, "when"], ["items", 1, "missing"], ["items", 7], ["nothing", 2]];
    for (const p of paths) assert.equal(taken.lineOf(p), fresh.lineOf(p), JSON.stringify(p));
    // taken from the entry, not parsed: a changed entry shows it
    const entry = join(root, ".cache", "yaml", kept()[0]);
    writeFileSync(entry, readFileSync(entry, "utf8").replace('"id":"a"', '"id":"from the entry"'));
    assert.equal((parseYaml<{ items: Array<{ id: string }> }>(file, nested, schema, root).data.items[0]).id, "from the entry");
    // an edited text is parsed anew, kept, and the older entry removed
    const edited = nested.replace("id: b", "id: c");
    assert.equal(parseYaml<{ items: Array<{ id: string }> }>(file, edited, schema, root).data.items[1].id, "c");
    assert.equal(kept().length, 1, "the older entry is removed");
    assert.equal(parseYaml<{ items: Array<{ id: string }> }>(file, edited, schema, root).data.items[1].id, "c");
    // a kept text under another schema is checked again, and its error reported with its line
    assert.throws(() => parseYaml(file, edited, { ...schema, required: ["items", "title"] }, root), (e) => e instanceof InputError && /title/.test(e.problem));
    assert.throws(() => parseYaml(file, "items:\n  - note: no id\n", schema, root), (e) => e instanceof InputError && e.line === 2);
    assert.equal(kept().length, 1, "nothing kept of a file with an error");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("data JSON cannot hold (an infinite number, a date) is not kept, and reads the same the next time", () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-yaml-json-"));
  try {
    for (const odd of ["items:\n  - id: a\n    limit: .inf\n", "items:\n  - id: a\n    on: !!timestamp 2023-09-19\n"]) {
      const first = parseYaml<{ items: unknown[] }>(file, odd, schema, root);
      const again = parseYaml<{ items: unknown[] }>(file, odd, schema, root);
      assert.deepStrictEqual(again.data, first.data, odd);
      assert.deepStrictEqual(again.data, parseYaml<{ items: unknown[] }>(file, odd, schema).data, odd);
    }
    assert.ok(!existsSync(join(root, ".cache", "yaml")) || readdirSync(join(root, ".cache", "yaml")).length === 0, "nothing kept");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("with caching off nothing is kept", () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-yaml-off-"));
  try {
    uncached(() => parseYaml(file, text, schema, root));
    assert.ok(!existsSync(join(root, ".cache")));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
