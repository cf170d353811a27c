// Actor pages are computed together, in one pass over the corpus, and filed once per
// corpus state (loaders/actorIndex.ts): each page must equal one computed the plain way
// from its actor's mentions (below), the index must be reused while nothing changes and
// replaced when an article or a grouping changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { actorPage, evidenceJson, ruleUsageJson } from "../../loaders/actorIndex.ts";
import { EVIDENCE_PER_GROUP } from "../../loaders/actorPage.ts";
import { GROUPINGS, loadCorpus, readArticle } from "../../loaders/corpus.ts";
import { articleParts, loadAllRules } from "../../loaders/digest.ts";
import { inSentence, mentionEvidence } from "../../loaders/evidence.ts";
import { summariseStance } from "../../loaders/measures/stance.ts";
import { outlineSentences } from "../../loaders/outline.ts";
import { ruleUsage } from "../../loaders/ruleUsage.ts";
import { Shortlist, strongest } from "../../loaders/strongest.ts";
import type { ArticleMention } from "../../loaders/pipeline.ts";
import { uncached } from "./uncached.ts";

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "parallax-actor-index-"));
  cpSync("data", join(root, "data"), { recursive: true });
  return root;
}

/**
 * The page computed the plain way, without caches: every mention of the actor gathered,
 * then filtered per group, per article and per topic, each cell summarised from its list.
 */
function plainPage(id: string, root: string) {
  return uncached(() => {
    const corpus = loadCorpus(root);
    const { rules, topicRules } = loadAllRules(root);
    const actor = rules.actors.byId.get(id)!;
    const mine: Array<{ m: ArticleMention; start: number; text: string; topics: string[] }> = [];
    for (const meta of corpus.articles) {
      const parts = articleParts(readArticle(meta, root), root, { rules, topicRules, framingRules: loadAllRules(root).framingRules });
      const sentences = outlineSentences(parts.outline);
      for (const m of parts.mentions.filter((x) => x.actor === id)) {
        const topics = parts.topics.find((t) => t.sentence === m.sentence)?.topics.map((t) => t.topic) ?? [];
        mine.push({ m, start: sentences[m.sentence].start, text: sentences[m.sentence].text, topics });
      }
    }
    const metaOf = new Map(corpus.articles.map((a) => [a.id, a]));
    const groupsOf = (grouping: string) => (grouping === "group" ? corpus.groups : corpus.origins);
    const byGrouping = Object.fromEntries(
      GROUPINGS.map((grouping) => [
        grouping,
        groupsOf(grouping).map((g) => {
          const rows = mine.filter((x) => String(metaOf.get(x.m.article)![grouping]) === g.id);
          const cues = new Map<string, { rule: string; count: number; weight: number }>();
          for (const c of rows.flatMap((x) => x.m.cues).filter((c) => c.rule !== "sentence-tone")) {
            const e = cues.get(c.rule) ?? { rule: c.rule, count: 0, weight: 0 };
            e.count++;
            e.weight = Math.round((e.weight + c.weight) * 1000) / 1000;
            cues.set(c.rule, e);
          }
          const quoted = strongest(rows.map((x) => x.m), EVIDENCE_PER_GROUP);
          return {
            id: g.id,
            label: g.label,
            color: g.color,
            ...summariseStance(rows.map((x) => x.m)),
            cues: [...cues.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
            evidence: quoted.map((m) => rows.find((x) => x.m === m)!).map((x) => inSentence(x.m, x)),
          };
        }),
      ]),
    );
    const byArticle = corpus.articles
      .map((meta) => {
        const rows = mine.filter((x) => x.m.article === meta.id).map((x) => x.m);
        const mean = rows.length ? Math.round((rows.reduce((s, m) => s + m.score, 0) / rows.length) * 1000) / 1000 : null;
        const count = (label: string) => rows.filter((m) => m.stance === label).length;
        return { article: meta.id, title: meta.title, group: meta.group, author_origin: meta.author_origin, mentions: rows.length, mean, favorable: count("favorable"), unfavorable: count("unfavorable") };
      })
      .filter((a) => a.mentions > 0);
    const byTopic = Object.fromEntries(
      GROUPINGS.map((grouping) => [
        grouping,
        topicRules.topics
          .flatMap((t) =>
            groupsOf(grouping).map((g) => {
              const rows = mine.filter((x) => x.topics.includes(t.id) && String(metaOf.get(x.m.article)![grouping]) === g.id).map((x) => x.m);
              return { topic: t.id, topic_label: t.label, group: g.id, group_label: g.label, ...summariseStance(rows) };
            }),
          )
          .filter((c) => c.mentions > 0),
      ]),
    );
    return {
      actor: { id: actor.id, label: actor.label, kind: actor.kind, note: actor.note ?? null, aliases: actor.aliases },
      byTopic,
      mentions: mine.length,
      byGrouping,
      byArticle,
    };
  });
}

test("actor pages from the index equal pages computed the plain way; the index is reused, then replaced after an edit", () => {
  const root = project();
  const indexes = () => readdirSync(join(root, ".cache", "actors"));
  try {
    for (const id of ["russia", "csto", "karabakh-armenians"]) {
      const page = actorPage(id, root);
      assert.equal(JSON.stringify(page), JSON.stringify(plainPage(id, root)), id);
      assert.equal(JSON.stringify(page), JSON.stringify(uncached(() => actorPage(id, root))), `${id}, with caching off`);
    }
    const [first] = indexes();
    assert.equal(indexes().length, 1);
    const before = actorPage("russia", root);
    assert.ok(before.byGrouping.group.some((g) => g.evidence.length > 0) && before.byTopic.group.length > 0, "the page quotes sentences and has topic cells");
    const written = statSync(join(root, ".cache", "actors", first, "russia.json")).mtimeMs;
    actorPage("russia", root);
    assert.equal(statSync(join(root, ".cache", "actors", first, "russia.json")).mtimeMs, written, "reused, not rewritten");

    // an analyst's edit: a sentence added to The Cradle's article (which ends with its argument, not with notes)
    const corpus = readFileSync(join(root, "data", "corpus.yaml"), "utf8");
    const file = /id: cradle[\s\S]*?file:\s*(\S+)/.exec(corpus)![1];
    const path = join(root, "data", "articles", file);
    writeFileSync(path, readFileSync(path, "utf8") + "\n\nRussia's aggression against its neighbours failed.\n");
    const after = actorPage("russia", root);
    assert.deepEqual(indexes().length, 1, "the old index is removed");
    assert.notEqual(indexes()[0], first, "a new index");
    assert.equal(JSON.stringify(after), JSON.stringify(plainPage("russia", root)));
    assert.equal(after.mentions, before.mentions + 1, "the added sentence's mention is counted");

    // the groups decide the cells and the sentences quoted: moving an article to another origin files a new index
    const moved = indexes()[0];
    writeFileSync(join(root, "data", "corpus.yaml"), corpus.replace(/(id: cradle[\s\S]*?author_origin:\s*)(\S+)/, (_, head: string, origin: string) => `${head}${origin === "iranian" ? "turkish" : "iranian"}`));
    assert.equal(JSON.stringify(actorPage("russia", root)), JSON.stringify(plainPage("russia", root)));
    assert.notEqual(indexes()[0], moved, "a new index after a change of groups");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the overview's evidence and the rule usage filed by the actor index's pass equal their own passes over the corpus", () => {
  const root = project();
  try {
    // an article with topics and no actor mention: its topic rules still count
    writeFileSync(join(root, "data", "articles", "no-actor.txt"), "The corridor and the railway link were discussed at length by the ministers.\n");
    const corpus = readFileSync(join(root, "data", "corpus.yaml"), "utf8");
    const entry = /\n(  - id: cradle[\s\S]*?)(?=\n  - id: |\n[a-z]|$)/.exec(corpus)![1];
    writeFileSync(join(root, "data", "corpus.yaml"), corpus.replace(entry, `${entry}\n${entry.replace("id: cradle", "id: no-actor").replace(/file:\s*\S+/, "file: no-actor.txt")}`));
    const evidence = evidenceJson(root);
    const usage = ruleUsageJson(root);
    assert.equal(evidence, JSON.stringify(mentionEvidence(root)));
    assert.equal(usage, JSON.stringify(uncached(() => ruleUsage(root))));
    assert.ok(JSON.parse(evidence).mentions.length > 20 && JSON.parse(usage).topics.some((t: { total: number }) => t.total > 0));
    assert.equal(readdirSync(join(root, ".cache", "actors")).length, 1, "one index for the pages, the evidence and the usage");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an actor page's evidence: the k strongest mentions, in the order a full sort gives", () => {
  // ties on strength are the rule (cue weights repeat): article and offset decide them
  const rows = Array.from({ length: 500 }, (_, i) => ({ article: `a-${(i * 7) % 13}`, start: (i * 31) % 997, score: [-0.8, 0.5, -0.5, 0.8, 0.1, 0][i % 6] }) as ArticleMention);
  const sorted = [...rows].sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.article.localeCompare(b.article) || a.start - b.start);
  for (const k of [1, 25, 499, 500, 600]) assert.deepEqual(strongest(rows, k), sorted.slice(0, k), `k = ${k}`);
  assert.deepEqual(strongest([], 25), []);
});

test("a shortlist admits exactly what it would keep, and keeps nothing when k is 0", () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({ article: `a-${(i * 11) % 17}`, start: (i * 37) % 991, score: [-0.8, 0.5, -0.5, 0.8, 0.1, 0][i % 6] }));
  for (const k of [0, 1, 25]) {
    const list = new Shortlist<(typeof rows)[number]>(k, (m) => m);
    for (const m of rows) {
      const before = [...list.items];
      const admitted = list.admits(m);
      list.offer(m);
      assert.equal(admitted, list.items.includes(m), `k = ${k}`);
      if (!admitted) assert.deepEqual(list.items, before);
    }
    assert.deepEqual(list.items, strongest(rows, k));
  }
});
