// The hostile fixture corpus (test/fixtures/hostile) built into a real site and opened in
// the browser: markup and script inside an article, its title and its author render as
// text and run nothing; the pages that show them have no error. Built in a temporary copy
// of the repository, never in the user's tree.
//
//   npm run test:browser   (runs after the main browser test)
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ensureChromium } from "./ensureChromium.ts";
import { serveStatic } from "./staticServer.ts";

const repo = process.cwd();
const results: Array<{ what: string; ok: boolean; detail?: string }> = [];

function copyWithFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "parallax-hostile-site-"));
  const skip = new Set(["node_modules", "dist", ".git", ".cache", "test-results", "data"]);
  for (const entry of readdirSync(repo)) {
    if (skip.has(entry)) continue;
    cpSync(join(repo, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes(join("src", ".observablehq")) });
  }
  cpSync(join(repo, "test/fixtures/hostile/data"), join(dir, "data"), { recursive: true });
  cpSync(join(repo, "data/rules"), join(dir, "data/rules"), { recursive: true });
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
  return dir;
}

function build(dir: string) {
  return spawnSync("npm", ["run", "-s", "build"], { cwd: dir, encoding: "utf8", env: { ...process.env, PARALLAX_MAX_DYNAMIC_PAGES: "4", NO_COLOR: "1" } });
}

/** Opens each path: nothing injected runs, no dialog, no page error, no error cell. */
async function checkPages(dir: string, label: string, paths: string[], extra?: (page: import("playwright-core").Page, path: string) => Promise<void>) {
  const server = await serveStatic(join(dir, "dist"));
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  try {
    for (const path of paths) {
      const page = await browser.newPage();
      const errors: string[] = [];
      let dialog = false;
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("dialog", async (d) => {
        dialog = true;
        await d.dismiss();
      });
      await page.goto(server.origin + path, { waitUntil: "networkidle", timeout: 60_000 });
      await page.waitForTimeout(500);
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned === true);
      const errorCells = await page.$$eval(".observablehq--error", (n) => n.length);
      results.push({
        what: `${label} ${path}: no script ran, no dialog, no page error, no error cell`,
        ok: !pwned && !dialog && errors.length === 0 && errorCells === 0,
        detail: [...errors, pwned ? "window.__pwned set" : "", dialog ? "a dialog opened" : "", errorCells ? `${errorCells} error cell(s)` : ""].filter(Boolean).join("\n") || undefined,
      });
      await extra?.(page, path);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

// 1. the fixture corpus plus the heavy cases: a 10 MB article, a cue matching every token,
//    3,000 generated cues
{
  const dir = copyWithFixture();
  try {
    const seed = readFileSync(join(repo, "data/articles/004_758119a03ba11d94.txt"), "utf8");
    writeFileSync(join(dir, "data/articles/big.txt"), (seed + "\n\n").repeat(Math.ceil(10_000_000 / seed.length)).slice(0, 10_000_000));
    appendFileSync(join(dir, "data/corpus.yaml"), "  - id: big\n    file: big.txt\n    title: Ten megabytes\n    author: A\n    outlet: O\n    group: a\n    author_origin: x\n    published: 2024-02-01\n    url: null\n    attribution: test\n");
    const stance = join(dir, "data/rules/stance.yaml");
    appendFileSync(stance, `\n  - id: everything\n    pattern: [{IS_PUNCT: false}]\n    agent: -0.5\n    note: "matches every word"\n`);
    appendFileSync(stance, Array.from({ length: 3000 }, (_, i) => `  - id: generated-${i}\n    words: [zzword${i}]\n    agent: 0.1\n    note: "generated"\n`).join(""));
    const t0 = performance.now();
    const b = build(dir);
    const seconds = ((performance.now() - t0) / 1000).toFixed(0);
    results.push({ what: `hostile corpus with a 10 MB article and 3,001 extra cues builds (${seconds} s)`, ok: b.status === 0, detail: b.status === 0 ? undefined : (b.stdout + b.stderr).slice(-2000) });
    if (b.status === 0)
      await checkPages(dir, "hostile", ["/articles/markup", "/articles/footnotes-only", "/articles/unicode", "/articles/big", "/", "/rules", "/topics", "/framing", "/actors/armenia"], async (page, path) => {
        if (path !== "/articles/markup") return;
        const text = await page.$eval(".reader-body", (n) => n.textContent ?? "");
        const title = await page.$eval(".reader h1", (n) => n.textContent ?? "");
        const injected = await page.$$eval(".reader img, .reader script, .reader a[href^='javascript']", (n) => n.length);
        results.push({ what: "markup in the article, its title and author show as text", ok: text.includes("<script>window.__pwned") && text.includes("onerror=") && title.includes("<script>") && injected === 0 });
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 2. a corpus with zero articles: the site builds and its pages say there is nothing yet
{
  const dir = copyWithFixture();
  try {
    const yaml = readFileSync(join(dir, "data/corpus.yaml"), "utf8");
    writeFileSync(join(dir, "data/corpus.yaml"), yaml.slice(0, yaml.indexOf("articles:")) + "articles: []\n");
    const b = build(dir);
    const log = b.stdout + b.stderr;
    // either it builds, or it stops naming corpus.yaml: never a crash without a message
    results.push({ what: "a corpus with zero articles builds, or stops naming corpus.yaml", ok: b.status === 0 || /corpus\.yaml/.test(log), detail: b.status === 0 ? undefined : log.slice(-800) });
    if (b.status === 0) await checkPages(dir, "empty", ["/", "/topics", "/framing", "/rules", "/method", "/actors/armenia"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log("\nhostile corpus (test/fixtures/hostile)");
for (const r of results) console.log(`  ${r.ok ? "PASS" : "FAIL"}  ${r.what}${r.detail ? `\n        ${r.detail.replace(/\n/g, "\n        ")}` : ""}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
