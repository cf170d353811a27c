// Browser test of `npm run dev`, the analyst's loop with the notebook open: on a temporary
// copy of the repository (never the user's files), start the dev server, open the reader
// of the article a cue edit changes most, save the edit to data/rules/stance.yaml, and the
// open page must show the new tags by itself (no reload by the test), with no page error
// and no request to another host.
//
//   tsx test/browser/dev.ts          (part of npm run test:browser)
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ensureChromium } from "./ensureChromium.ts";
import { copyProject } from "../../scripts/copyProject.ts";
import { prepareArticles, tagArticle } from "../../loaders/pipeline.ts";
import { loadRules } from "../../loaders/rules/index.ts";
import { parseStanceRules } from "../../loaders/rules/stanceRules.ts";

const repo = process.cwd();
const STANCE = join("data", "rules", "stance.yaml");
const before = readFileSync(STANCE, "utf8");
// the first cue's agent weight turned round: what it called unfavorable becomes favorable
const edited = before.replace(/^(\s+agent:\s*)-(\d+(?:\.\d+)?)\s*$/m, "$1$2");
if (edited === before) throw new Error("no negative agent weight to turn round in stance.yaml");

// the article whose favorable mentions the edit changes most, by the pipeline itself
const rules = loadRules();
const after = { actors: rules.actors, stance: parseStanceRules(rules.stance.file, edited, rules.actors) };
const favorable = (m: { stance: string }[]) => m.filter((x) => x.stance === "favorable").length;
const { prepared } = prepareArticles();
const ranked = prepared
  .map((p) => ({ id: p.article.meta.id, gain: favorable(tagArticle(p, after)) - favorable(tagArticle(p, rules)) }))
  .sort((a, b) => b.gain - a.gain);
const target = ranked[0];
if (target.gain <= 0) throw new Error("the edit changes no article's favorable mentions");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const dir = copyProject(repo, "parallax-dev-");
const port = await freePort();
let server: ChildProcess | null = null;
let log = "";
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
let failed = false;
try {
  server = spawn("npm", ["run", "-s", "dev", "--", "--port", String(port), "--no-open"], { cwd: dir, detached: true, env: { ...process.env, NO_COLOR: "1" } });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  await waitFor("the dev server", 120, async () => (await fetch(base)).ok);

  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:") && !r.url().startsWith("ws://127.0.0.1")) problems.push(`request to another host: ${r.url()}`);
  });
  await page.goto(`${base}/articles/${target.id}`);
  const count = () => page.evaluate(() => [document.querySelectorAll(".reader-body .mention").length, document.querySelectorAll(".reader-body .mention.stance-favorable").length]);
  const [mentions, first] = await waitFor("the reader's mentions", 180, async () => ((await count())[0] > 0 ? count() : null));
  console.log(`dev: /articles/${target.id} open, ${mentions} mention spans, ${first} favorable`);

  writeFileSync(join(dir, STANCE), edited);
  const t = Date.now();
  const [, next] = await waitFor("the open page to show the edited rule's tags", 180, async () => {
    const c = await count();
    return c[1] >= first + target.gain ? c : null;
  });
  console.log(`dev: stance.yaml saved; ${((Date.now() - t) / 1000).toFixed(1)} s later the open page shows ${next} favorable spans (the pipeline expects ${target.gain} more favorable mentions)`);
  if (problems.length) throw new Error(problems.join("\n"));
  console.log("\ndev server: the open page follows a rule edit: PASS");
} catch (e) {
  failed = true;
  console.log(`\ndev server: FAIL: ${(e as Error).message}\n--- dev server output (last 3,000 characters) ---\n${log.slice(-3000)}`);
} finally {
  await browser.close();
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
