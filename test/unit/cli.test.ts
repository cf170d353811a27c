// The command-line contract documented in the README: `tag` for free text and JSONL,
// `eval` for accuracy, macro-F1 and the confusion matrix.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const tsx = join(process.cwd(), "node_modules/.bin/tsx");
const run = (script: string, args: string[]) => execFileSync(tsx, [join("loaders/cli", script), ...args], { encoding: "utf8" });

const dir = mkdtempSync(join(tmpdir(), "parallax-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "records.jsonl");
writeFileSync(
  file,
  [
    { id: "a", text: "Azerbaijan's latest aggression against Armenia comes as no surprise.", target: { text: "Azerbaijan", start: 0, end: 10 }, label: "unfavorable" },
    { id: "b", text: "Azerbaijan's latest aggression against Armenia comes as no surprise.", target: { text: "Armenia", start: 39, end: 46 }, label: "neutral" },
    { id: "c", text: "The senator praised Smith for his honest work.", target: { text: "Smith", start: 20, end: 25 }, label: "favorable" },
  ]
    .map((r) => JSON.stringify(r))
    .join("\n") + "\n",
);

test("tag prints a table of mentions with stance, score and rules", () => {
  const out = run("tag.ts", ["Russia's passive response disappointed Yerevan."]);
  const lines = out.trim().split("\n");
  assert.match(lines[0], /^mention\s+actor\s+stance\s+score\s+rules$/);
  assert.match(out, /Russia\s+russia\s+unfavorable\s+-0\.\d+\s+passive \(agent\)/);
});

test("tag --jsonl writes one {id, stance, score, rules} line per record, the target being the given span", () => {
  const lines = run("tag.ts", ["--jsonl", file]).trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.deepEqual(Object.keys(lines[0]).sort(), ["id", "rules", "score", "stance"]);
  assert.deepEqual(lines.map((l) => l.id), ["a", "b", "c"]);
  assert.equal(lines[0].stance, "unfavorable");
  assert.equal(lines[1].stance, "neutral");
  // "Smith" is no known actor: it is tagged all the same
  assert.ok(["favorable", "neutral", "unfavorable"].includes(lines[2].stance));
  for (const l of lines) assert.ok(Array.isArray(l.rules) && typeof l.score === "number");
});

test("eval prints accuracy, macro-F1 and the confusion matrix", () => {
  const out = run("eval.ts", [file]);
  assert.match(out, /records\s+3/);
  assert.match(out, /accuracy\s+\d\.\d{3}/);
  assert.match(out, /macro-F1\s+\d\.\d{3}/);
  assert.match(out, /confusion \(rows gold, columns predicted\)/);
});

test("a malformed record is reported with its line", () => {
  const bad = join(dir, "bad.jsonl");
  writeFileSync(bad, JSON.stringify({ id: "x", text: "Hi", target: { text: "Hi", start: 0, end: 2 } }) + "\n{not json\n");
  const r = spawnSync(tsx, ["loaders/cli/tag.ts", "--jsonl", bad], { encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.jsonl:2: not valid JSON/);
});
