import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTICLES_DIR, loadCorpus, readArticleText } from "../../loaders/corpus.ts";
import { loadActorRules } from "../../loaders/rules/actorRules.ts";
// What each page of the built notebook must show once it has settled. A new page adds
// one entry here; the runner fails any page in dist/ that has no entry, so a page cannot
// ship untested.
//
// `page` is the path of the HTML file under dist/ without ".html" ("index",
// "stance", "methods/rules"). Each check is a CSS selector and the least number of
// elements it must match (`max` when an exact count matters).

export interface Expectation {
  /** what the check shows, in the report */
  what: string;
  selector: string;
  min: number;
  max?: number;
}

export interface PageExpectations {
  page: string;
  checks: Expectation[];
  /** checks that need the page itself: clicks, or comparing what it shows with the inputs */
  extra?: (page: Page) => Promise<Array<{ what: string; ok: boolean; detail?: string }>>;
}

/**
 * The reader shows each mention at its stored offsets: the highlighted text must be the
 * raw article text there (whitespace folded, since line breaks display as spaces).
 */
function readerMatchesRaw(raw: string) {
  return async (page: Page) => {
    const spans = await page.$$eval(".reader-body .mention", (nodes) =>
      nodes.map((n) => ({ text: n.textContent ?? "", start: Number((n as HTMLElement).dataset.rawStart), end: Number((n as HTMLElement).dataset.rawEnd), pieces: (n as HTMLElement).dataset.rawPieces ?? "" })),
    );
    // a span joined across a line break or removed notes comes from several raw pieces
    const fromRaw = (s: { pieces: string }) =>
      s.pieces.split(",").map((p) => p.split("-").map(Number)).map(([a, b]) => raw.slice(a, b)).join(" ");
    const fold = (s: string) => s.replace(/\s+/g, "");
    const wrong = spans.filter((s) => fold(fromRaw(s)) !== fold(s.text) || !raw.slice(s.start, s.end).startsWith(fromRaw(s).split(" ")[0]));
    return [
      { what: `reader: ${spans.length} highlighted mentions`, ok: spans.length > 0 },
      {
        what: "reader: every highlight equals the raw article text at its offsets",
        ok: wrong.length === 0,
        detail: wrong.length ? wrong.slice(0, 5).map((w) => `"${w.text}" vs raw "${raw.slice(w.start, w.end)}" at ${w.start}`).join("\n") : undefined,
      },
    ];
  };
}

/** The grouping switch changes the matrix; a matrix cell opens its actor's page; an evidence link opens the reader at its mention. */
async function overviewInteractions(page: Page) {
  const overview = page.url();
  const matrix = () => page.$eval("svg[class^='plot'] g[aria-label='cell']", (g) => g.closest("svg")!.outerHTML);
  const before = await matrix();
  await page.getByLabel("Author origin").check();
  await page.waitForTimeout(500);
  const after = await matrix();
  const href = await page.$eval("svg[class^='plot'] a[*|href*='actors/']", (a) => a.getAttribute("xlink:href") ?? a.getAttribute("href"));
  await page.click("svg[class^='plot'] a[*|href*='actors/'] rect");
  await page.waitForURL(/\/actors\//, { timeout: 10_000 }).catch(() => {});
  const url = page.url();
  // an evidence sentence's article name opens the reader at that mention
  await page.goto(overview);
  await page.waitForSelector(".evidence a[href*='articles/']", { timeout: 10_000 }).catch(() => {});
  const links = await page.$$eval(".evidence a[href*='articles/']", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const malformed = links.filter((l) => !/\/articles\/[^/#]+#m-\d+$/.test(l));
  let target = "";
  if (links.length) {
    await page.goto(links[0]);
    const anchor = decodeURIComponent(new URL(links[0]).hash.slice(1));
    target = await page
      .waitForSelector(`[id="${anchor}"]`, { timeout: 10_000 })
      .then((el) => el.evaluate((n) => `${n.className}: ${n.textContent}`))
      .catch(() => "");
  }
  return [
    { what: "switching to author origin changes the stance matrix", ok: before !== after },
    { what: `clicking a matrix cell opens the actor's page (${href})`, ok: /\/actors\/[a-z-]+/.test(url), detail: url },
    { what: `evidence sentences link to the reader at the mention (${links.length} links)`, ok: links.length >= 4 && malformed.length === 0, detail: malformed.slice(0, 3).join("\n") },
    { what: `the first evidence link lands on a highlighted mention (${target})`, ok: /\bmention\b/.test(target), detail: links[0] },
  ];
}

const corpus = loadCorpus();
const articlePages: PageExpectations[] = corpus.articles.map((a) => ({
  page: `articles/${a.id}`,
  checks: [
    { what: "article title", selector: ".reader h1", min: 1, max: 1 },
    { what: "metadata", selector: ".reader-meta dt", min: 5 },
    { what: "body paragraphs", selector: ".reader-body p", min: 3 },
    { what: "mentions coloured by stance", selector: ".reader-body .mention", min: 1 },
    { what: "cue words marked", selector: ".reader-body mark.cue", min: 1 },
    { what: "topic tags", selector: ".reader .topic-tag", min: 1 },
  ],
  extra: readerMatchesRaw(readArticleText(join(ARTICLES_DIR, a.file))),
}));

const actorPages: PageExpectations[] = loadActorRules().actors.map((a) => ({
  page: `actors/${a.id}`,
  checks: [
    { what: "actor title", selector: ".actor-page h1", min: 1, max: 1 },
    { what: "charts (mean by group, stance counts, by article)", selector: ".actor-page svg[class^='plot']", min: 3 },
    { what: "a cue card per group", selector: ".actor-page .grid-cols-4 > .card", min: 4 },
    { what: "an evidence card per group", selector: ".actor-page .evidence > .card", min: 4 },
  ],
}));

export const pages: PageExpectations[] = [
  ...actorPages,
  ...articlePages,
  {
    page: "topics",
    checks: [
      { what: "coverage heatmap cells", selector: ".card svg[class^='plot'] g[aria-label='cell'] rect", min: 20 },
      { what: "a column per group for the chosen topic", selector: ".grid-cols-2 > .card h2", min: 4 },
      { what: "actor stance bars within the topic", selector: ".grid-cols-2 > .card svg g[aria-label='bar'] rect", min: 3 },
      { what: "topic sentences", selector: "p.topic-sentence", min: 3 },
    ],
  },
  {
    page: "framing",
    checks: [
      { what: "contested terms rows", selector: "table.contested tbody tr", min: 5 },
      { what: "distinctive-word bars per group", selector: ".grid-cols-2 .card svg g[aria-label='bar'] rect", min: 20 },
      { what: "divergence matrices", selector: ".card svg g[aria-label='cell'] rect", min: 16 },
    ],
    extra: async (page: Page) => {
      await page.click(".grid-cols-2 .card svg g[aria-label='bar'] rect");
      await page.waitForTimeout(400);
      const shown = await page.$$eval("h2", (hs) => hs.some((h) => /^“.+”$/.test(h.textContent ?? "")));
      return [{ what: "clicking a word's bar shows its sentences", ok: shown }];
    },
  },
  {
    page: "rules",
    checks: [
      { what: "cue firing chart bars", selector: ".card svg[class^='plot'] g[aria-label='bar'] rect", min: 5 },
      { what: "rule tables", selector: "form[class*='-table'] table", min: 3 },
      { what: "sample matches", selector: "p.sample mark.cue", min: 1 },
      { what: "CSV download links", selector: "a.download-csv", min: 2 },
    ],
  },
  {
    page: "method",
    checks: [
      { what: "confusion matrices", selector: ".card svg[class^='plot'] g[aria-label='cell'] rect", min: 9 },
      { what: "article table", selector: "form[class*='-table'] table tbody tr", min: 5 },
      { what: "whole-table JSON downloads", selector: "a.download-json[href*='_file/data/']", min: 2, max: 2 },
    ],
  },
  {
    page: "index",
    checks: [
      { what: "page title", selector: "main h1", min: 1 },
      { what: "words-per-article chart", selector: ".card svg[class^='plot']", min: 1 },
      { what: "a bar per article (at least 5)", selector: ".card svg[class^='plot'] g[aria-label='bar'] rect", min: 5 },
      { what: "group colour legend", selector: ".card [class*='-swatches'] [class$='-swatch']", min: 2 },
      { what: "corpus table rows (at least 5 articles)", selector: "form[class*='-table'] table tbody tr", min: 5 },
      { what: "apparatus column (removed in cleaning)", selector: "form[class*='-table'] thead th[title='removed']", min: 1, max: 1 },
      // evidence view (src/components/evidence.js)
      { what: "evidence: actor picker", selector: "form select", min: 1 },
      { what: "evidence: a card per group", selector: ".evidence > .card", min: 4 },
      { what: "evidence: underlined mentions", selector: ".evidence u.mention", min: 1 },
      { what: "stance matrix cells", selector: "svg[class^='plot'] g[aria-label='cell'] rect", min: 20 },
      { what: "stance matrix cells link to actor pages", selector: "svg[class^='plot'] a[*|href*='actors/'] rect", min: 20 },
      { what: "divergence entries with a sentence per side", selector: ".divergence-list > li .evidence-sentence", min: 4 },
      { what: "CSV downloads", selector: "a.download-csv", min: 2 },
    ],
    extra: overviewInteractions,
  },
];
