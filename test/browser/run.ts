// Browser test: opens every page of the built notebook (dist/) in headless Chromium and
// checks that it renders what it should with nothing broken and nothing fetched from
// elsewhere. A build can succeed and still ship a page that fails in the browser (a bad
// import, a corrupt data file); only this test sees that.
//
//   npm run build && npm run test:browser
//
// Environment: PARALLAX_CHROMIUM (or CHROMIUM_PATH) chooses the browser, default
// /usr/bin/chromium; PARALLAX_SCREEN_WIDTH sets the viewport width (default 1280) to
// look at the pages as a phone would (390).
import { mkdirSync, readdirSync, existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { ensureChromium } from "./ensureChromium.ts";
import { pages as expectations, type Expectation, type PageExpectations } from "./pages.ts";
import { serveStatic } from "./staticServer.ts";

const DIST = resolve("dist");
const SCREENSHOTS = resolve("test-results/screenshots");
const WIDTH = Number(process.env.PARALLAX_SCREEN_WIDTH ?? 1280) || 1280;
const SETTLE_MS = 20_000;
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

interface CheckResult {
  what: string;
  ok: boolean;
  detail?: string;
}

let passed = 0;
let failed = 0;

function report(title: string, results: CheckResult[], note?: string): void {
  console.log(`\n${title}`);
  for (const r of results) {
    if (r.ok) passed++;
    else failed++;
    console.log(`  ${r.ok ? "PASS" : "FAIL"}  ${r.what}${r.detail ? `\n        ${r.detail.replace(/\n/g, "\n        ")}` : ""}`);
  }
  if (note) console.log(`  ${note}`);
}

/** Every built page: dist/**\/*.html outside Framework's own folders (_observablehq, _npm, _file, _import). */
function builtPages(dir = DIST): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...builtPages(path));
    else if (entry.name.endsWith(".html")) found.push(relative(DIST, path).replace(/\\/g, "/").replace(/\.html$/, ""));
  }
  return found.sort();
}

function list(items: string[], max = 8): string {
  const shown = items.slice(0, max).join("\n");
  return items.length > max ? `${shown}\n… and ${items.length - max} more` : shown;
}

async function checkPage(browser: Browser, origin: string, name: string, checks: Expectation[], extra?: PageExpectations["extra"]): Promise<void> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, colorScheme: "light" });
  const page: Page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  const foreignRequests: string[] = [];

  // Anything not served by our own server is recorded and never leaves the machine.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url === origin) return route.continue();
    foreignRequests.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("requestfailed", (request) => {
    if (foreignRequests.includes(request.url())) return; // reported as foreign
    failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });

  const url = `${origin}/${name === "index" ? "" : name}`;
  const results: CheckResult[] = [];
  let settled: CheckResult;
  try {
    await page.goto(url, { waitUntil: "networkidle", timeout: SETTLE_MS });
    // Framework shows <observablehq-loading> in place of each pending cell.
    await page.waitForFunction(() => !document.querySelector("observablehq-loading, .observablehq--loading"), null, {
      timeout: SETTLE_MS,
    });
    await page.waitForLoadState("networkidle", { timeout: SETTLE_MS });
    settled = { what: "page loads and every cell settles", ok: true };
  } catch (error) {
    settled = { what: "page loads and every cell settles", ok: false, detail: String((error as Error).message ?? error).split("\n")[0] };
  }
  results.push(settled);

  // Charts drawn in resize() appear one frame after their container has a width: give
  // the expected marks a moment rather than failing on a race.
  const counts = async () =>
    page.evaluate((sels) => sels.map((s) => document.querySelectorAll(s).length), checks.map((c) => c.selector));
  const satisfied = (n: number[]) => checks.every((c, i) => n[i] >= c.min && (c.max === undefined || n[i] <= c.max));
  let found = await counts().catch(() => checks.map(() => 0));
  for (let waited = 0; !satisfied(found) && settled.ok && waited < 5000; waited += 250) {
    await page.waitForTimeout(250);
    found = await counts();
  }
  const errorCells = await page
    .$$eval(".observablehq--error", (nodes) => nodes.map((n) => (n.textContent ?? "").trim().slice(0, 300)))
    .catch(() => [] as string[]);

  results.push(
    { what: "no uncaught errors", ok: pageErrors.length === 0, detail: pageErrors.length ? list(pageErrors, 3) : undefined },
    { what: "no console errors", ok: consoleErrors.length === 0, detail: consoleErrors.length ? list(consoleErrors) : undefined },
    { what: "no failed requests", ok: failedRequests.length === 0, detail: failedRequests.length ? list(failedRequests) : undefined },
    {
      what: "no requests to other hosts",
      ok: foreignRequests.length === 0,
      detail: foreignRequests.length ? list([...new Set(foreignRequests)]) : undefined,
    },
    { what: "no error cells (.observablehq--error)", ok: errorCells.length === 0, detail: errorCells.length ? list(errorCells, 3) : undefined },
  );
  checks.forEach((c, i) => {
    const n = found[i];
    const ok = n >= c.min && (c.max === undefined || n <= c.max);
    const wanted = c.max === undefined ? `at least ${c.min}` : c.min === c.max ? `exactly ${c.min}` : `${c.min}–${c.max}`;
    results.push({ what: `${c.what}: ${n} found, ${wanted}`, ok, detail: ok ? undefined : `selector: ${c.selector}` });
  });

  if (extra && settled.ok) {
    try {
      results.push(...(await extra(page)));
    } catch (error) {
      results.push({ what: "page-specific checks run", ok: false, detail: String((error as Error).message).split("\n")[0] });
    }
  }

  mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = join(SCREENSHOTS, `${name.replace(/\//g, "__")}${WIDTH === 1280 ? "" : `-${WIDTH}`}.png`);
  let note: string | undefined;
  try {
    await page.screenshot({ path: shot, fullPage: true });
    note = `screenshot: ${relative(process.cwd(), shot)}`;
  } catch (error) {
    note = `screenshot failed: ${(error as Error).message.split("\n")[0]}`;
  }
  report(`${name}  (${url}, ${WIDTH}px)`, results, note);
  await context.close();
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, "index.html"))) {
    report("dist/", [{ what: "built notebook present", ok: false, detail: "dist/index.html is missing: run `npm run build` first" }]);
    return;
  }
  const built = builtPages();
  const expected = new Map(expectations.map((p) => [p.page, p.checks]));
  const extras = new Map(expectations.map((p) => [p.page, p.extra]));
  const coverage: CheckResult[] = [
    ...built
      .filter((p) => !expected.has(p))
      .map((p) => ({ what: `${p}: has expectations`, ok: false, detail: `add an entry for "${p}" to test/browser/pages.ts` })),
    ...[...expected.keys()]
      .filter((p) => !built.includes(p))
      .map((p) => ({ what: `${p}: built`, ok: false, detail: `dist/${p}.html is missing: is the page in src/ and the build complete?` })),
  ];
  if (coverage.length) report("pages and expectations", coverage);

  let executablePath: string;
  try {
    executablePath = ensureChromium();
  } catch (error) {
    report("chromium", [{ what: "browser available", ok: false, detail: (error as Error).message }]);
    return;
  }

  const server = await serveStatic(DIST);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    // A page without expectations still gets the generic checks (errors, requests).
    for (const name of built) await checkPage(browser, server.origin, name, expected.get(name) ?? [], extras.get(name));
    // a hosted report often lives below a sub-path (GitHub Pages): links and assets must follow
    const sub = await serveStatic(DIST, "/parallax");
    try {
      for (const name of [...built.filter((n) => n === "index"), ...built.filter((n) => n.startsWith("actors/")).slice(0, 1)])
        await checkPage(browser, sub.origin, name, expected.get(name) ?? [], undefined);
    } finally {
      await sub.close();
    }
  } catch (error) {
    report("browser", [{ what: "browser runs", ok: false, detail: (error as Error).message.split("\n").slice(0, 4).join("\n") }]);
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
}

await main().catch((error) => {
  report("test runner", [{ what: "runs to the end", ok: false, detail: (error as Error).stack ?? String(error) }]);
});
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
