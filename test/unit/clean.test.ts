import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, readArticles, readArticleText } from "../../loaders/corpus.ts";
import { cleanArticle } from "../../loaders/clean.ts";
import { InputError } from "../../loaders/inputError.ts";
import type { ApparatusKind, ArticleMeta, CleanArticle, RawArticle } from "../../loaders/types.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const seeds = readArticles(loadCorpus(repo), repo);
const cleaned = new Map<string, { article: RawArticle; clean: CleanArticle }>(seeds.map((a) => [a.meta.id, { article: a, clean: cleanArticle(a) }]));

function seed(prefix: string) {
  const hit = [...cleaned.entries()].find(([id]) => id.startsWith(prefix));
  assert.ok(hit, `seed ${prefix}`);
  return hit[1];
}

const blockTexts = (c: CleanArticle, kind?: string) => c.blocks.filter((b) => !kind || b.kind === kind).map((b) => c.body.slice(b.start, b.end));

/** the removed text appears in an apparatus item of one of `kinds`, covering `at` in the raw file */
function assertRemoved(name: string, needle: string, kinds: ApparatusKind[]) {
  const { article, clean } = seed(name);
  const at = article.raw.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in the raw text`);
  assert.ok(!clean.body.includes(needle.replace(/[“”]/g, '"').replace(/[‘’]/g, "'")), `"${needle}" is not in the body`);
  const item = clean.apparatus.find((x) => x.start <= at && at + needle.length <= x.end);
  assert.ok(item, `"${needle}" is in the apparatus`);
  assert.ok(kinds.includes(item.kind), `"${needle}" removed as ${item.kind}, expected ${kinds.join("/")}`);
}

function meta(extra: Partial<ArticleMeta> = {}): ArticleMeta {
  return {
    id: "user",
    file: "user.txt",
    title: "A user article",
    author: "unknown",
    outlet: "x",
    group: "us",
    author_origin: "unknown",
    published: "2024",
    url: null,
    attribution: "x",
    ...extra,
  };
}

test("no seed body keeps a URL, a footnote marker, a curly quote, a Markdown escape or a stray \\r", () => {
  for (const [id, { clean }] of cleaned) {
    assert.ok(!/http|www\./i.test(clean.body), `${id}: URL in body`);
    assert.ok(!/[⁰¹²³⁴⁵⁶⁷⁸⁹]|\[\d+\]/.test(clean.body), `${id}: note marker in body`);
    assert.ok(!/[‘’“”]/.test(clean.body), `${id}: curly quote in body`);
    assert.ok(!/\\|\*/.test(clean.body), `${id}: Markdown residue in body`);
    assert.ok(!/[\r\t\u00a0]| {2}/.test(clean.body), `${id}: unnormalised whitespace`);
  }
});

test("every body character maps back to the raw file", () => {
  for (const [id, { article, clean }] of cleaned) {
    assert.equal(clean.rawOffsets.length, clean.body.length, id);
    let last = -1;
    for (let i = 0; i < clean.body.length; i++) {
      const off = clean.rawOffsets[i];
      assert.ok(off >= 0 && off < article.raw.length, `${id}: offset ${off} at ${i}`);
      assert.ok(off >= last, `${id}: offsets go forward at ${i}`);
      last = off;
      if (/[\p{L}\p{N}]/u.test(clean.body[i])) assert.equal(article.raw[off], clean.body[i], `${id}: body[${i}]`);
    }
  }
});

test("blocks tile the body, separated by blank lines", () => {
  for (const [id, { clean }] of cleaned) {
    assert.ok(clean.blocks.length > 5, id);
    assert.equal(clean.blocks[0].start, 0);
    assert.equal(clean.blocks[clean.blocks.length - 1].end, clean.body.length);
    for (let k = 1; k < clean.blocks.length; k++) {
      assert.equal(clean.body.slice(clean.blocks[k - 1].end, clean.blocks[k].start), "\n\n", id);
    }
    for (const b of clean.blocks) assert.ok(!clean.body.slice(b.start, b.end).includes("\n"), `${id}: line break inside a block`);
  }
});

test("AVİM: address, footers, footnotes and bio go to the apparatus", () => {
  assertRemoved("avim", "Süleyman Nazif Sok", ["address"]);
  assertRemoved("avim", "E-Mail: info@avim.org.tr", ["address"]);
  assertRemoved("avim", "Center for Eurasian Studies 3", ["furniture"]);
  assertRemoved("avim", "About the Author", ["bio"]);
  assertRemoved("avim", "Tutku Dilaver graduated", ["bio"]);
  assertRemoved("avim", "Opposition Groups Call For Armenia's Withdrawal", ["reference"]);
  assertRemoved("avim", "Kristina Kvien confirmed", ["reference"]);
  const { clean } = seed("avim");
  assert.ok(!clean.body.includes("AVİM") && !clean.body.includes("Avrasya"));
  // hard line breaks joined; "North-" + "South" keeps its hyphen
  assert.ok(clean.body.includes("the security perception in the South Caucasus began to change rapidly."));
  assert.ok(clean.body.includes("obstructing the North-South route for Iran"));
  assert.ok(clean.body.includes("was a conspicuous development. The war started by Russia"));
  assert.deepEqual(blockTexts(clean, "heading"), ["Will Iran Realize That It Might Be Making Some Miscalculations?", "An Overlap of Conflicting Interests and Security Concerns"]);
});

test("CACI: page chrome, caption, bio, view count and publication lists go", () => {
  assertRemoved("caci", "Published in Analytical Articles", ["furniture"]);
  assertRemoved("caci", "Middle east small", ["caption"]);
  assertRemoved("caci", "is Ph.D. in Regional Studies", ["bio"]);
  assertRemoved("caci", "Read 8943 times", ["furniture"]);
  assertRemoved("caci", "Staff Publications", ["blurb"]);
  assertRemoved("caci", "Strong and Unique: Three Decades", ["blurb"]);
  assertRemoved("caci", "a biweekly publication", ["blurb"]);
  const { clean } = seed("caci");
  assert.ok(clean.body.startsWith("Despite some similarities in Iran's and Russia's approaches"));
  assert.ok(clean.body.endsWith("in the Iraqi Kurdistan region)."));
  assert.deepEqual(blockTexts(clean, "heading"), ["BACKGROUND", "IMPLICATIONS", "CONCLUSIONS"]);
});

test("Roubanis: every endnote paragraph is apparatus, none is body", () => {
  const { article, clean } = seed("roubanis");
  const notes = [...article.raw.matchAll(/(?:^|\n)([⁰¹²³⁴⁵⁶⁷⁸⁹]+[^\n]*)/g)];
  assert.ok(notes.length >= 83, `found ${notes.length} endnotes`);
  for (const m of notes) {
    const start = m.index + m[0].indexOf(m[1]);
    const item = clean.apparatus.find((x) => x.start <= start && start + m[1].length <= x.end);
    assert.ok(item, `endnote in apparatus: ${m[1].slice(0, 40)}`);
    assert.equal(item.kind, "reference", m[1].slice(0, 40));
  }
  // note continuations that start with no marker
  for (const piece of [`lieve," CNN, November 4, 2022`, "2023, <https://fpc.org.uk", "Joseph W. Sullivan, “A BRICS currency", "[ters.com/world/middle-east", "Ilya Roubanis, “Old enemies make new friends", "Vol. 18, Issue 100, June 23, 2021"]) {
    assertRemoved("roubanis", piece, ["reference"]);
  }
  assertRemoved("roubanis", "IRGC Soldiers Along the Araxes River. (Hossein Zohrevand via Wikicommons)", ["caption"]);
  assertRemoved("roubanis", "Ilya Roubanis (PhD, EUI Florence)", ["bio"]);
  assertRemoved("roubanis", "Feature Article", ["furniture"]);
});

test("Roubanis: sentences cut by page breaks, captions and notes are whole again", () => {
  const { clean } = seed("roubanis");
  const body = clean.body;
  for (const sentence of [
    "The reintroduction of sanctions crowded out economic and political competition to the IRGC, subdued the credibility of the opposition, and channeled the process of regime-transition towards status quo maintenance.",
    "the trilateral relationship between Iran, Turkey and Russia.",
    "Initially, the three states convened",
    "The common denominator between these initiatives was that Iran was engaged as a stakeholder",
    "there was an assumption that Washington would be try to drive a wedge",
    "Turkey's trade with Iran is surging, in 2023 by an impressive 42%.",
    "Volatility stems from \"plus three\" component of the region",
    "The two parties cooperate on communications, military procurement",
    "Moscow could do little to address the arms race disparity between Yerevan and Baku.",
    "Joint Chief of Staff Anatoly Sidorov",
    "a NATO power, and Baku. This trilateral relationship",
    "sanctions against Iran will be rendered ineffective.",
    "advanced fifth generation fighter jets and perhaps even support",
  ]) {
    assert.ok(body.includes(sentence), `body has: ${sentence}`);
  }
  assert.ok(body.includes("initiatives") && !body.includes("initi-"));
  assert.ok(body.includes("$600 million") && !body.includes("\\$"));
  assert.ok(body.includes("status quo maintenance") && !body.includes("*status quo*"));
  assert.ok(body.startsWith("Iran's engagement in the South Caucasus"));
  assert.ok(body.endsWith("derail Tehran's nuclear program."));
  assert.deepEqual(blockTexts(clean, "heading"), [
    "Meeting Russia on the Margins",
    "Meeting Turkey in the Middle",
    "Iran & Filling the Russian vacuum",
    "Georgia",
    "Azerbaijan",
    "Armenia",
    "Conclusions",
  ]);
});

test("The Cradle: one paragraph per line, headings as bare lines, nothing removed", () => {
  const { clean } = seed("cradle");
  assert.deepEqual(clean.apparatus, []);
  assert.deepEqual(blockTexts(clean, "heading"), [
    "Geopolitical shifts and the balance of power",
    "Russia's reliance on Turkey",
    "Iran refuses to be 'encircled'",
    "Pan-Turkic plans across Asia",
    "Will Iran push Russia to act?",
  ]);
  assert.equal(blockTexts(clean, "paragraph").length, 31);
});

test("Midstone: bullets, a pull quote, an empty heading, source notes and bio", () => {
  const { clean } = seed("midstone");
  assert.equal(blockTexts(clean, "list-item").length, 5);
  assert.ok(blockTexts(clean, "list-item")[0].startsWith("According to the World Bank, the population"));
  assert.deepEqual(blockTexts(clean, "quote"), [
    `"Iran and Azerbaijan are two friendly and neighbouring countries that have shared common religious, historical, and cultural ties." – Bunyad Huseynov`,
  ]);
  assert.ok(blockTexts(clean, "heading").includes("Nagorno-Karabakh as a Magnet for Other Conflicts"));
  assertRemoved("midstone", "Examples of Iranian threats to Azerbaijan", ["furniture"]);
  assertRemoved("midstone", "[1] Quote on December 4, 2020", ["reference"]);
  assertRemoved("midstone", "His areas of specialization", ["bio"]);
  assertRemoved("midstone", "01 May", ["furniture"]);
  assertRemoved("midstone", "This article was co-authored", ["furniture"]);
  assert.ok(clean.body.includes(`the way that the CSTO Charter provides for."\n\n`));
  assert.ok(clean.body.startsWith("In foreign policy, geopolitical interests"));
});

test("CRLF line ends, a BOM and NBSP for spaces give the same body", () => {
  const dir = mkdtempSync(join(tmpdir(), "parallax-clean-"));
  try {
    for (const { article, clean } of cleaned.values()) {
      let n = 0;
      const variant = "\uFEFF" + article.raw.replace(/ /g, (s) => (++n % 5 === 0 ? "\u00a0" : s)).replace(/\r?\n/g, "\r\n");
      const file = join(dir, article.meta.file);
      writeFileSync(file, variant);
      const raw = readArticleText(file);
      const again = cleanArticle({ meta: article.meta, raw });
      assert.equal(again.body, clean.body, article.meta.id);
      assert.deepEqual(
        again.blocks.map((b) => b.kind),
        clean.blocks.map((b) => b.kind),
      );
      for (let i = 0; i < again.body.length; i++) {
        if (/[\p{L}\p{N}]/u.test(again.body[i])) assert.equal(raw[again.rawOffsets[i]], again.body[i]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a plain user article comes through intact", () => {
  const paragraphs = [
    "Armenia and Azerbaijan met in Brussels on Monday.",
    "The talks, mediated by the EU, ended without a statement. Both sides called them useful.",
    "Iran said it was watching closely.",
  ];
  for (const raw of [paragraphs.join("\n"), paragraphs.join("\n\n") + "\n", "\n" + paragraphs.join("\r\n\r\n")]) {
    const c = cleanArticle({ meta: meta(), raw });
    assert.equal(c.body, paragraphs.join("\n\n"));
    assert.deepEqual(
      c.blocks.map((b) => b.kind),
      ["paragraph", "paragraph", "paragraph"],
    );
    assert.deepEqual(c.apparatus, []);
  }
  const withHeading = cleanArticle({ meta: meta(), raw: `Introduction\n\n${paragraphs.join("\n\n")}` });
  assert.deepEqual(
    withHeading.blocks.map((b) => b.kind),
    ["heading", "paragraph", "paragraph", "paragraph"],
  );
});

test("hyphens at line ends: a split word is joined, a compound keeps its hyphen", () => {
  const raw = [
    "The common denominator between these initi-",
    "atives was that the North-",
    "South corridor and the pro-",
    "western course were contested in a long and",
    "winding discussion. The pro-western camp won.",
  ].join("\n");
  const c = cleanArticle({ meta: meta(), raw });
  assert.equal(
    c.body,
    "The common denominator between these initiatives was that the North-South corridor and the pro-western course were contested in a long and winding discussion. The pro-western camp won.",
  );
});

test("cleaning hints: body start and end, extra furniture, captions", () => {
  const raw = [
    "Site navigation Home About",
    "",
    "A lead paragraph that the author wrote about Armenia and Iran and the corridor.",
    "",
    "Sponsored banner",
    "",
    "A second paragraph by the author about Turkey, Russia and the balance of power.",
    "",
    "A photo of the border",
    "",
    "Comments are closed.",
    "Some comment from a reader.",
  ].join("\n");
  const hints = { body_start: "A lead paragraph", body_end: "Comments are closed", furniture: ["Sponsored banner"], captions: ["A photo of the border"] };
  const c = cleanArticle({ meta: meta({ cleaning: hints }), raw });
  assert.deepEqual(blockTexts(c), [
    "A lead paragraph that the author wrote about Armenia and Iran and the corridor.",
    "A second paragraph by the author about Turkey, Russia and the balance of power.",
  ]);
  const kinds = Object.fromEntries(c.apparatus.map((x) => [x.text.split("\n")[0], x.kind]));
  assert.equal(kinds["Site navigation Home About"], "furniture");
  assert.equal(kinds["Sponsored banner"], "furniture");
  assert.equal(kinds["A photo of the border"], "caption");
  assert.ok(c.apparatus.some((x) => x.text.includes("Some comment from a reader.")));
  assert.throws(
    () => cleanArticle({ meta: meta({ cleaning: { body_start: "No such line" } }), raw }),
    (e: unknown) => e instanceof InputError && /body_start/.test(e.message),
  );
});

test("inline notes and links are dropped from sentences; links kept as references", () => {
  const prose = "The region's balance shifted again this year, as several governments reconsidered their alliances and their trade routes across the Caucasus. ".repeat(3);
  const raw = `${prose}Russia acted,³ and Iran¹¹ waited. The EU spoke. [2] See <https://example.org/x> for more (www.example.com).\n`;
  const c = cleanArticle({ meta: meta(), raw });
  assert.equal(c.body, `${prose}Russia acted, and Iran waited. The EU spoke. See for more.`);
  assert.deepEqual(
    c.apparatus.map((x) => [x.kind, x.text]),
    [
      ["reference", "<https://example.org/x>"],
      ["reference", "www.example.com"],
    ],
  );
});

test("seed body word counts (for the record)", () => {
  for (const [id, { clean }] of cleaned) {
    const words = (clean.body.match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []).length;
    const kinds: Record<string, number> = {};
    for (const x of clean.apparatus) kinds[x.kind] = (kinds[x.kind] ?? 0) + 1;
    assert.ok(words > 1000, id);
    console.log(`${id}: ${words} words; apparatus ${JSON.stringify(kinds)}`);
  }
});
