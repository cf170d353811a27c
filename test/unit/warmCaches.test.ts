// The warm step with worker threads (loaders/warmCaches.ts) on a corpus large enough for
// them: a broken rule file stops it before any work, and a bad article found by this
// thread or by a worker stops it with that article's error (the first such article).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSyntheticCorpus } from "../../loaders/bench/synthetic.ts";
import { InputError } from "../../loaders/inputError.ts";
import { warmCaches } from "../../loaders/warmCaches.ts";

function withCorpus(n: number, f: (root: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const root = mkdtempSync(join(tmpdir(), "parallax-warm-"));
    try {
      writeSyntheticCorpus(process.cwd(), root, n, 5);
      await f(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}

const rejectsWith = (p: Promise<unknown>, file: RegExp, problem: RegExp) => assert.rejects(p, (e) => e instanceof InputError && file.test(e.file) && problem.test(e.problem));

test(
  "a broken rule file stops the warm step before any work, even with an unreadable article",
  withCorpus(20, async (root) => {
    writeFileSync(join(root, "data", "rules", "topics.yaml"), "topics: [\n");
    writeFileSync(join(root, "data", "articles", "synthetic-00003.txt"), Buffer.from([0x61, 0, 0x62]));
    await rejectsWith(warmCaches(root, 2), /topics\.yaml$/, /invalid YAML/);
    assert.ok(!existsSync(join(root, ".cache", "articles")), "nothing computed");
  }),
);

test(
  "an unreadable article stops it, whether this thread or a worker finds it first",
  withCorpus(30, async (root) => {
    // the first before the workers start, the other after
    for (const i of ["00025", "00002"]) {
      writeFileSync(join(root, "data", "articles", `synthetic-${i}.txt`), Buffer.from([0x61, 0, 0x62]));
      await rejectsWith(warmCaches(root, 2), new RegExp(`synthetic-${i}\\.txt$`), /binary file/);
    }
  }),
);

test(
  "an article that fails in a worker stops it with the error of the first such article",
  withCorpus(30, async (root) => {
    const corpus = join(root, "data", "corpus.yaml");
    // cleaning hints naming lines the articles do not have (found while cleaning them)
    let text = readFileSync(corpus, "utf8");
    for (const id of ["synthetic-00021", "synthetic-00012"]) text = text.replace(`id: ${id}\n`, `id: ${id}\n    cleaning:\n      body_start: no such line\n`);
    writeFileSync(corpus, text);
    await rejectsWith(warmCaches(root, 2), /corpus\.yaml$/, /synthetic-00012.*body_start/);
    const done = await warmCaches(root, 1).catch((e: InputError) => e.problem);
    assert.match(String(done), /synthetic-00012/, "as one thread finds it");
  }),
);
