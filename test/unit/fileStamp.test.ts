// A file's stamp spares re-reading it only when it cannot miss an edit
// (loaders/fileStamp.ts): never for a file changed within the last clock ticks, and a
// settled stamp changes with any later write, even one that keeps the size.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RACY_MS, stampOf, unchanged } from "../../loaders/fileStamp.ts";
import { loadCorpus } from "../../loaders/corpus.ts";
import { loadStanceRuleSet } from "../../loaders/digest.ts";

const repo = process.cwd();

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "parallax-stamp-"));
}

test("a file changed just now is not vouched for by its stamp", () => {
  const dir = tempDir();
  try {
    const f = join(dir, "a.txt");
    writeFileSync(f, "one");
    const before = stampOf(f);
    assert.equal(before.settled, false);
    assert.equal(unchanged(before, stampOf(f)), false, "compared by content instead");
    assert.equal(stampOf(join(dir, "missing.txt")).stamp, "missing");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a settled stamp holds until the file is written again, even with the same size", { timeout: RACY_MS + 10_000 }, async () => {
  const dir = tempDir();
  try {
    const f = join(dir, "a.txt");
    writeFileSync(f, "one");
    await new Promise((r) => setTimeout(r, RACY_MS + 300));
    const before = stampOf(f);
    assert.equal(before.settled, true);
    assert.equal(unchanged(before, stampOf(f)), true);
    writeFileSync(f, "two");
    assert.equal(unchanged(before, stampOf(f)), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the corpus and the rules follow a same-size edit made at once", () => {
  const root = tempDir();
  try {
    cpSync(join(repo, "data"), join(root, "data"), { recursive: true });
    const corpus = join(root, "data", "corpus.yaml");
    const title = loadCorpus(root).articles[0].title;
    const text = readFileSync(corpus, "utf8");
    const renamed = title.replace(/^./, (c) => (c === "X" ? "Y" : "X"));
    writeFileSync(corpus, text.replace(title, renamed));
    assert.equal(loadCorpus(root).articles[0].title, renamed);

    const stance = join(root, "data", "rules", "stance.yaml");
    const first = (rules: ReturnType<typeof loadStanceRuleSet>) => JSON.stringify(rules.stance).length;
    const before = first(loadStanceRuleSet(root));
    const rules = readFileSync(stance, "utf8");
    const m = /^(\s+agent:\s*)-0\.8\s*$/m.exec(rules)!;
    writeFileSync(stance, rules.replace(m[0], `${m[1]}-0.7`));
    const after = loadStanceRuleSet(root);
    assert.notEqual(JSON.stringify(after.stance), JSON.stringify(loadStanceRuleSet(repo).stance), "the edited weight is read");
    assert.equal(first(after), before, "same size");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
