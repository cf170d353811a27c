// The hostile fixture corpus (test/fixtures/hostile) built into a real site and opened in
// the browser: markup and script inside an article, its title and its author render as
// text and run nothing; the pages that show them have no error. Built in a temporary copy
// of the repository, never in the user's tree.
//
//   npm run test:browser   (runs after the main browser test)
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
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

const dir = copyWithFixture();
try {
  const build = spawnSync("npm", ["run", "-s", "build"], { cwd: dir, encoding: "utf8", env: { ...process.env, PARALLAX_MAX_DYNAMIC_PAGES: "3", NO_COLOR: "1" } });
  results.push({ what: "the hostile corpus builds", ok: build.status === 0, detail: build.status === 0 ? undefined : (build.stdout + build.stderr).slice(-2000) });
  if (build.status === 0) {
    const server = await serveStatic(join(dir, "dist"));
    const browser = await chromium.launch({ executablePath: ensureChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
    try {
      for (const path of ["/articles/markup", "/articles/footnotes-only", "/articles/unicode", "/", "/rules"]) {
        const page = await browser.newPage();
        const errors: string[] = [];
        let dialog = false;
        page.on("pageerror", (e) => errors.push(String(e)));
        page.on("dialog", async (d) => {
          dialog = true;
          await d.dismiss();
        });
        await page.goto(server.origin + path, { waitUntil: "networkidle" });
        await page.waitForTimeout(500);
        const pwned = await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned === true);
        const errorCells = await page.$$eval(".observablehq--error", (n) => n.length);
        results.push({ what: `${path}: no script ran, no dialog, no page error, no error cell`, ok: !pwned && !dialog && errors.length === 0 && errorCells === 0, detail: [...errors, pwned ? "window.__pwned set" : "", dialog ? "a dialog opened" : ""].filter(Boolean).join("\n") || undefined });
        if (path === "/articles/markup") {
          const text = await page.$eval(".reader-body", (n) => n.textContent ?? "");
          const title = await page.$eval(".reader h1", (n) => n.textContent ?? "");
          const injected = await page.$$eval(".reader img, .reader script, .reader a[href^='javascript']", (n) => n.length);
          results.push({ what: "markup in the article shows as text", ok: text.includes("<script>window.__pwned") && text.includes("onerror=") && title.includes("<script>") && injected === 0 });
        }
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log("\nhostile corpus (test/fixtures/hostile)");
for (const r of results) console.log(`  ${r.ok ? "PASS" : "FAIL"}  ${r.what}${r.detail ? `\n        ${r.detail.replace(/\n/g, "\n        ")}` : ""}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
