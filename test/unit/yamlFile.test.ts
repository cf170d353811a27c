// A YAML file parsed and checked by one thread is handed to the warm step's workers
// (loaders/warmCaches.ts), which take its data instead of parsing it again: the same data,
// the same lines, and nothing taken for another text, another schema, or twice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseYaml, recordParsedYaml, trustParsedYaml } from "../../loaders/yamlFile.ts";
import { InputError } from "../../loaders/inputError.ts";

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
