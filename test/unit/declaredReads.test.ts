// A loader that declares the data it reads (`// reads: data/corpus.yaml`) is not run again
// when other data changes (scripts/freshen.ts): so the declaration must be complete. Each
// such loader is run with every file read recorded, and must read its declared files and
// no other file under data/. And the output hashes follow the declaration: a rule edit
// leaves the reader's page loader fresh, a corpus edit does not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { digestInputs, findLoaders, outputHash } from "../../scripts/freshen.ts";
import { loadCorpus } from "../../loaders/corpus.ts";
import { loadActorRules } from "../../loaders/rules/actorRules.ts";

const repo = process.cwd();
const declaring = findLoaders(repo).filter((l) => l.reads);
/** A value for each route parameter the seeds give. */
const example: Record<string, string> = { article: loadCorpus().articles[0].id, actor: loadActorRules().actors[0].id };

test("some loaders declare their reads", () => {
  assert.ok(declaring.length >= 2, declaring.map((l) => l.file).join(", "));
});

for (const l of declaring) {
  test(`${l.file} reads ${l.reads!.join(", ")} and no other data file`, () => {
    const dir = mkdtempSync(join(tmpdir(), "parallax-reads-"));
    const log = join(dir, "reads.txt");
    try {
      writeFileSync(log, "");
      const r = spawnSync(process.execPath, ["--import", "tsx", "--import", join(repo, "test/fixtures/trackReads.mjs"), join(repo, "src", l.file), ...l.params.map((p) => `--${p}=${example[p]}`)], {
        cwd: repo,
        encoding: "utf8",
        env: { ...process.env, PARALLAX_TRACK_READS: log },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.length > 0, "the loader wrote its output");
      const data = [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean).map((p) => relative(repo, resolve(repo, p)).split(sep).join("/")))].filter((p) => p === "data" || p.startsWith("data/"));
      const covered = (p: string) => l.reads!.some((d) => p === d || p.startsWith(d + "/"));
      assert.deepEqual(data.filter((p) => !covered(p)), [], "read but not declared");
      for (const d of l.reads!) assert.ok(data.some((p) => p === d || p.startsWith(d + "/")), `declared but never read: ${d} (reads seen: ${data.join(", ")})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("a declared loader's outputs follow its declared inputs only", () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-declared-"));
  try {
    for (const entry of ["data", "loaders", "src", "package-lock.json"]) cpSync(join(repo, entry), join(dir, entry), { recursive: true, filter: (s) => !s.includes(".observablehq") });
    const id = example.article;
    const page = `articles/${id}.md`;
    const table = "data/stance-matrix.json";
    const text = `data/articles/${id}.json`;
    const stances = `data/stances/${id}.json`;
    const before = digestInputs(dir);
    const stance = join(dir, "data", "rules", "stance.yaml");
    writeFileSync(stance, readFileSync(stance, "utf8").replace(/^(\s+agent:\s*)(-?\d+(?:\.\d+)?)\s*$/m, "$1-0.5"));
    const afterRule = digestInputs(dir);
    assert.equal(outputHash(afterRule, page), outputHash(before, page), "a rule edit leaves the reader's page loader fresh");
    assert.equal(outputHash(afterRule, text), outputHash(before, text), "... and the reader's text layer");
    assert.notEqual(outputHash(afterRule, stances), outputHash(before, stances), "... but not its stance layer");
    assert.notEqual(outputHash(afterRule, table), outputHash(before, table), "... nor the tables");
    const topics = join(dir, "data", "rules", "topics.yaml");
    writeFileSync(topics, readFileSync(topics, "utf8") + "\n# a comment\n");
    const afterTopics = digestInputs(dir);
    assert.notEqual(outputHash(afterTopics, text), outputHash(afterRule, text), "a topic-rule edit reaches the text layer");
    assert.equal(outputHash(afterTopics, stances), outputHash(afterRule, stances), "... and not the stance layer");
    const corpus = join(dir, "data", "corpus.yaml");
    writeFileSync(corpus, readFileSync(corpus, "utf8") + "\n# a comment\n");
    assert.notEqual(outputHash(digestInputs(dir), page), outputHash(afterTopics, page), "a corpus edit reaches it");
    const loader = join(dir, "loaders", "corpus.ts");
    writeFileSync(loader, readFileSync(loader, "utf8") + "\n// a comment\n");
    const afterCode = digestInputs(dir);
    writeFileSync(loader, readFileSync(loader, "utf8") + "\n// another\n");
    assert.notEqual(outputHash(digestInputs(dir), page), outputHash(afterCode, page), "so does a code edit");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
