// The reader page is made from the cached parts the warm step files (the mentions and
// topics parts, the article's cache entry without its tokens). They must never be stale:
// after a warm step each page reads its parts back (nothing computed) and equals the page
// computed with every cache off, before and after a rule edit that changes the tags.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const repo = process.cwd();

// the rule version is read once per process (loaders/partCache.ts): each step in its own
function run(script: string, env: Record<string, string | undefined>): string {
  const { PARALLAX_ARTICLE_CACHE: _, ...rest } = process.env;
  const r = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8", maxBuffer: 1 << 28, env: { ...rest, ...env } as NodeJS.ProcessEnv });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split("\n").pop()!;
}

const warm = (root: string) => run(`import(${JSON.stringify(join(repo, "loaders/warmCaches.ts"))}).then((m) => m.warmCaches(${JSON.stringify(root)}, 1))`, {});

/** Every seed article's reader page, and what the part cache did to make them. */
function readers(root: string, cache: "on" | "off"): { pages: string[]; parts: { hits: number; misses: number } } {
  const script = `Promise.all([import(${JSON.stringify(join(repo, "loaders/reader.ts"))}), import(${JSON.stringify(join(repo, "loaders/corpus.ts"))}), import(${JSON.stringify(join(repo, "loaders/partCache.ts"))})]).then(([r, c, p]) => {
    const pages = c.loadCorpus(${JSON.stringify(root)}).articles.map((a) => JSON.stringify(r.articleReader(a.id, ${JSON.stringify(root)})));
    console.log(JSON.stringify({ pages, parts: { hits: p.partStats.hits, misses: p.partStats.misses } }));
  })`;
  return JSON.parse(run(script, cache === "off" ? { PARALLAX_ARTICLE_CACHE: "off" } : {}));
}

/** Page by page, naming the first that differs (a page is ~100 KB of JSON: not printed). */
function same(cached: string[], computed: string[], when: string): void {
  assert.equal(cached.length, computed.length);
  const differs = cached.findIndex((p, i) => p !== computed[i]);
  assert.ok(differs < 0, `${when}: reader page ${differs} (${JSON.parse(computed[differs] ?? "{}").meta?.id}) differs from the page computed without caches`);
}

test("reader pages come from the warm step's parts and equal pages computed without caches, before and after a rule edit", { timeout: 300_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-reader-"));
  try {
    cpSync(join(repo, "data"), join(root, "data"), { recursive: true });
    warm(root);
    const before = readers(root, "on");
    assert.equal(before.parts.misses, 0, "every page read back from its parts");
    assert.ok(before.parts.hits >= 10, `${before.parts.hits} parts read (mentions and topics of each article)`);
    same(before.pages, readers(root, "off").pages, "before the edit");

    // an aggressor cue that no longer weighs: stances change on the pages that quote it
    const stance = join(root, "data", "rules", "stance.yaml");
    const text = readFileSync(stance, "utf8");
    const edited = text.replace(/^(\s+agent:\s*)(-?\d+(?:\.\d+)?)\s*$/m, "$10.05");
    assert.notEqual(edited, text);
    writeFileSync(stance, edited);
    warm(root);
    const after = readers(root, "on");
    assert.equal(after.parts.misses, 0, "the warm step filed the new mentions");
    assert.ok(after.pages.some((p, i) => p !== before.pages[i]), "the edit shows on the pages");
    same(after.pages, readers(root, "off").pages, "after the edit");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
