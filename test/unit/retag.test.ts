// After a cue edit only the sentences the edit can reach are tagged again (loaders/retag.ts):
// the result must equal tagging every sentence under the new rules, for every kind of cue
// edit an analyst makes, and an edit the reach cannot bound must re-tag everything. A
// weight edit reaches only the mentions where the cue gave evidence in that role, and
// reweighs them without tagging again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareArticle } from "../../loaders/articleCache.ts";
import { prepareArticles, tagArticle } from "../../loaders/pipeline.ts";
import { loadRules } from "../../loaders/rules/index.ts";
import { parseStanceRules } from "../../loaders/rules/stanceRules.ts";
import { cueAnchors, editReach, firedRanges, firedSentences, mentionRanges, retagWithin, sentencesWithin, type Reach } from "../../loaders/retag.ts";
import { partStats } from "../../loaders/partCache.ts";
import { writeSyntheticCorpus } from "../../loaders/bench/synthetic.ts";
import type { Rules } from "../../loaders/tagText.ts";
import { uncached } from "./uncached.ts";

const rules = loadRules();
const stanceText = readFileSync("data/rules/stance.yaml", "utf8");
const withStance = (text: string): Rules => ({ actors: rules.actors, stance: parseStanceRules(rules.stance.file, text, rules.actors) });
const { prepared } = uncached(() => prepareArticles());

/** The first cue's first weight, scaled (the benchmark's edit). */
const nudged = stanceText.replace(/^(\s+agent:\s*)(-?\d+(?:\.\d+)?)\s*$/m, (_, k: string, w: string) => `${k}${Number(w) * 0.9}`);
const NEW_CUE = `  - id: test-new-cue
    words: [ambitions, ambition, ambitious, reluctant, reluctance]
    agent: -0.4
    note: "added by the test"

`;
const firstCue = stanceText.indexOf("  - id: ", stanceText.indexOf("\ncues:"));
const EDITS: Record<string, string> = {
  "a weight nudged": nudged,
  // its evidence no longer a multiple of 0.001: a score sums the unrounded weights
  "a weight given five decimals": stanceText.replace(/^(\s+agent:\s*)(-?\d+(?:\.\d+)?)\s*$/m, (_, k: string, w: string) => `${k}${Number(w) * 0.91371}`),
  "a cue added first": stanceText.slice(0, firstCue) + NEW_CUE + stanceText.slice(firstCue),
  "a cue removed": stanceText.replace(/  - id: attacks\n[\s\S]*?\n\n/, ""),
  "a word added to a cue": stanceText.replace("words: [aggression, ", "words: [aggression, talks, "),
  "a pattern changed": stanceText.replace("{LOWER: {IN: [attack, strike, assault, combat, kamikaze, bomber, bombers]}}", "{LOWER: {IN: [attack, strike, assault, combat, kamikaze, bomber, bombers, military]}}"),
  "a cue renamed": stanceText.replace("- id: attacks\n", "- id: violent-attacks\n"),
  "a patient weight nudged": stanceText.replace("    patient: -0.45\n", "    patient: -0.6\n"),
  "both weights of a cue nudged": stanceText.replace("    agent: -0.9\n    patient: 0.1\n", "    agent: -0.7\n    patient: 0.3\n"),
  "an if_negated weight changed": stanceText.replace("    if_negated: -0.25\n", "    if_negated: -0.6\n"),
  "a weight nudged and a word added to another cue": nudged.replace("words: [atrocity, ", "words: [atrocity, talks, "),
  "a weight's sign flipped": stanceText.replace("    patient: -0.45\n", "    patient: 0.3\n"),
  "a weight set to zero": stanceText.replace("    patient: -0.45\n", "    patient: 0\n"),
  "a weight removed": stanceText.replace("    agent: -0.9\n    patient: 0.1\n", "    patient: 0.1\n"),
};
/** The edits that change weights alone, each still set, of the same sign and non-zero: they reach by the evidence given. */
const REWEIGHTED = ["a weight nudged", "a weight given five decimals", "a patient weight nudged", "both weights of a cue nudged", "an if_negated weight changed"];

test("each test edit changes the rules file", () => {
  for (const [name, text] of Object.entries(EDITS)) assert.notEqual(text, stanceText, name);
});

test("re-tagging the reach of a cue edit equals re-tagging every sentence", () => {
  const before = withStance(stanceText);
  for (const [name, text] of Object.entries(EDITS)) {
    const after = withStance(text);
    const reach = editReach(before.stance, after.stance);
    assert.ok(reach && reach.words.size + reach.fired.size > 0, `${name}: bounded`);
    assert.equal(reach.words.size === 0, REWEIGHTED.includes(name), `${name}: ${REWEIGHTED.includes(name) ? "no" : "some"} words reached`);
    let kept = 0;
    let sentences = 0;
    let changed = 0;
    const reweighedBefore = partStats.mentionsReweighed;
    const retaggedBefore = partStats.sentencesRetagged;
    for (const p of prepared) {
      const previous = tagArticle(p, before);
      const full = tagArticle(p, after);
      const partial = retagWithin(p, after, previous, reach);
      // the same objects, and written the same (key order: the warm step writes them)
      assert.deepEqual(partial, full, `${name}: ${p.article.meta.id}`);
      assert.equal(JSON.stringify(partial), JSON.stringify(full), `${name}: ${p.article.meta.id}`);
      sentences += p.segmented.sentences.length;
      const fired = firedSentences(previous, reach);
      for (const s of sentencesWithin(p, reach)) fired.add(s.index);
      kept += p.segmented.sentences.length - fired.size;
      if (JSON.stringify(full) !== JSON.stringify(previous)) changed++;
    }
    assert.ok(kept > sentences / 2, `${name}: most sentences kept (${kept} of ${sentences})`);
    if (name !== "a cue renamed" && name !== "a pattern changed") assert.ok(changed > 0, `${name}: the edit changes some article's tags`);
    if (REWEIGHTED.includes(name)) assert.equal(partStats.sentencesRetagged, retaggedBefore, `${name}: nothing tagged again`);
    if (reach.fired.size) assert.ok(partStats.mentionsReweighed > reweighedBefore, `${name}: mentions reweighed`);
  }
});

test("every cue span tagged is its weight times its scale, and the seed articles hold every kind of factor (negation, if_negated, hedge, attribution, concession, coreference, unrounded weights)", () => {
  // the test above compares reweighing with tagging again; here: what reweighing relies on,
  // and that the seed articles hold each kind of factor, so that comparison covers it
  const rules = withStance(stanceText);
  const cues = new Map(rules.stance.cues.map((c) => [c.id, c]));
  const seen = new Map<string, number>();
  const see = (k: string) => seen.set(k, (seen.get(k) ?? 0) + 1);
  for (const p of prepared)
    for (const m of tagArticle(p, rules))
      for (const c of m.cues) {
        // what reweighing relies on: a cue's evidence is its weight times its scale, exactly
        const cue = cues.get(c.rule);
        if (cue) assert.equal(c.exact ?? c.weight, (c.of === "if_negated" ? cue.if_negated! : cue[c.role as "agent" | "patient"]!) * (c.scale ?? 1), `${m.article} ${m.sentence} ${c.rule}`);
        if (c.scale !== undefined) see("scale");
        if (c.of === "if_negated") see("if_negated");
        if (c.exact !== undefined) see("exact");
        for (const x of c.modifiers) see(x);
      }
  for (const k of ["scale", "if_negated", "exact", "negation", "hedge", "attributed", "concession", "coreference", "ironic-quotes"]) assert.ok((seen.get(k) ?? 0) > 0, `${k}: ${[...seen].join(" ")}`);
  // a reweighed span's weight: its `of` weight times its scale, unrounded in `exact`
  const before = withStance(stanceText);
  const text = stanceText.replace("    if_negated: -0.25\n", "    if_negated: -0.6\n");
  const after = withStance(text);
  const reach = editReach(before.stance, after.stance)!;
  let reweighedIfNegated = 0;
  for (const p of prepared) {
    const was = tagArticle(p, before);
    const now = retagWithin(p, after, was, reach)!;
    now.forEach((m, i) => m.cues.forEach((c, j) => {
      if (c.of === "if_negated" && reach.fired.has(c.rule)) {
        assert.notEqual(c.weight, was[i].cues[j].weight, `${p.article.meta.id} ${m.sentence} ${c.rule}`);
        reweighedIfNegated++;
      }
    }));
  }
  assert.ok(reweighedIfNegated > 0, "an if_negated weight reweighed");
});

test("a weight edit reaches the sentences where the cue gave evidence in that role, fewer than those holding its words", () => {
  const before = withStance(stanceText);
  const reach = editReach(before.stance, withStance(EDITS["a weight nudged"]).stance)!;
  assert.deepEqual([...reach.fired].map(([id, roles]) => [id, [...roles]]), [["aggressor", ["agent"]]]);
  const words = cueAnchors(before.stance.cues.find((c) => c.id === "aggressor")!)!;
  let fired = 0;
  let holding = 0;
  for (const p of prepared) {
    const previous = tagArticle(p, before);
    assert.equal(sentencesWithin(p, reach).length, 0, "no sentence reached by words");
    const within = firedSentences(previous, reach);
    for (const s of within) assert.ok(previous.some((m) => m.sentence === s && m.cues.some((c) => c.rule === "aggressor" && c.role === "agent")), `${p.article.meta.id} ${s}`);
    fired += within.size;
    holding += p.segmented.sentences.filter((s) => s.tokens.some((t) => words.has(t.lower) || words.has(t.base))).length;
  }
  assert.ok(fired > 0 && fired < holding, `${fired} sentences with the cue's evidence, ${holding} with its words`);
});

test("a weight whose sign flips or that becomes zero reaches by words: another cue's role can turn on it", () => {
  // "condemned the aggression": a word of a cue with a negative patient weight alone before
  // the noun of a cue with a negative agent weight says its subject judges, not commits, it
  // (loaders/stance.ts judgedObject). With that weight flipped or zero, Russia is the
  // aggressor, though no mention had evidence from "condemned" before.
  const article = { meta: { ...prepared[0].article.meta, id: "judged" }, raw: "Russia condemned the aggression.\n\nArmenia welcomed the talks.\n" };
  const p = { article, ...uncached(() => prepareArticle(article)) };
  const before = withStance(stanceText);
  const previous = tagArticle(p, before);
  for (const name of ["a weight's sign flipped", "a weight set to zero"]) {
    const after = withStance(EDITS[name]);
    const full = tagArticle(p, after);
    assert.notDeepEqual(full.map((m) => m.cues), previous.map((m) => m.cues), `${name}: the sentence tags otherwise`);
    assert.deepEqual(retagWithin(p, after, previous, editReach(before.stance, after.stance)!), full, name);
  }
});

test("a reweighed score is the sum of the unrounded weights, as tagging makes it", () => {
  // two hedged hits of a weight of five decimals: -0.365484 each, shown as -0.365; the
  // score is -0.731, not the -0.73 the shown weights add up to
  const article = { meta: { ...prepared[0].article.meta, id: "unround" }, raw: "Azerbaijan allegedly escalated the blockade.\n" };
  const p = { article, ...uncached(() => prepareArticle(article)) };
  const before = withStance(stanceText);
  const after = withStance(EDITS["a weight given five decimals"]);
  const full = tagArticle(p, after);
  const shown = full[0].cues.reduce((s, c) => s + c.weight, 0);
  assert.equal(full[0].cues.length, 2);
  assert.notEqual(full[0].score, Math.round(shown * 1000) / 1000, "the shown weights sum otherwise");
  assert.deepEqual(retagWithin(p, after, tagArticle(p, before), editReach(before.stance, after.stance)!), full);
});

test("the sentences a reweighted cue fired in are found in a mentions part's bytes as in its mentions", () => {
  const rules = withStance(stanceText);
  const used = new Set<string>();
  for (const p of prepared) for (const m of tagArticle(p, rules)) for (const c of m.cues) used.add(`${c.rule}\u0000${c.role}`);
  const pairs = [...used].map((u) => u.split("\u0000"));
  assert.ok(pairs.length > 5);
  const reaches: Reach[] = [
    ...pairs.slice(0, 12).map(([id, role]): Reach => ({ words: new Set(), fired: new Map([[id, new Set([role as "agent" | "patient"])]]) })),
    { words: new Set(), fired: new Map(pairs.map(([id]) => [id, new Set(["agent", "patient"] as const)])) },
  ];
  let found = 0;
  for (const p of prepared) {
    const mentions = tagArticle(p, rules);
    // a mention whose text holds what starts a cue
    const odd = { ...mentions[0], sentence: 99, text: `a {"rule":${JSON.stringify(pairs[0][0])},"role":"${pairs[0][1]}", here` };
    for (const value of [mentions, [...mentions, odd]]) {
      const bytes = Buffer.from(JSON.stringify({ key: "k1", value }));
      const ranges = mentionRanges(bytes, "k1", p.article.meta.id)!;
      for (const reach of reaches) {
        const expected = firedSentences(value, reach);
        assert.deepEqual(firedRanges(bytes, ranges, reach), expected, p.article.meta.id);
        found += expected.size;
      }
    }
  }
  assert.ok(found > 50, `${found}`);
});

test("edits the reach cannot bound re-tag everything", () => {
  const before = withStance(stanceText).stance;
  const unbounded: Record<string, string> = {
    "a setting": stanceText.replace(/threshold: 0\.\d+/, "threshold: 0.2"),
    "a lexicon": stanceText.replace("contrast: [but, ", "contrast: [but, although, "),
    "a word added to an optional lexicon list": stanceText.replace("speech_verbs: [said, ", "speech_verbs: [said, muttered, "),
    "an optional lexicon list left out": stanceText.replace(/^  joint_action: \[[^\]]*\]\n/m, ""),
    "a word removed from empty_subject_predicates": stanceText.replace("empty_subject_predicates: [worth, clear, ", "empty_subject_predicates: [worth, "),
    "a word removed from received_after_to": stanceText.replace("received_after_to: [aid, ", "received_after_to: ["),
    "cues reordered": (() => {
      const a = stanceText.indexOf("  - id: aggressor");
      const b = stanceText.indexOf("  - id: attacks");
      const c = stanceText.indexOf("  - id: ", b + 1);
      return stanceText.slice(0, a) + stanceText.slice(b, c) + stanceText.slice(a, b) + stanceText.slice(c);
    })(),
    "a pattern that may start anywhere": stanceText.slice(0, firstCue) + `  - id: test-anywhere\n    pattern: [{IS_TITLE: true}, {LOWER: stalled}]\n    agent: -0.4\n    note: "test"\n\n` + stanceText.slice(firstCue),
  };
  for (const [name, text] of Object.entries(unbounded)) {
    assert.notEqual(text, stanceText, name);
    assert.equal(editReach(before, withStance(text).stance), null, name);
  }
});

/**
 * A warm step in `root`, the cue edit `edit` (one of EDITS), a warm step again: it
 * re-tags only the sentences reached by words and reweighs the mentions reached by
 * evidence, and every part is byte for byte the part a cold warm step of the edited
 * project writes. `prepare` writes the project's data folder.
 */
function editAndCompare(prepare: (root: string) => void, threads: number, articles: number, edit = "a weight nudged") {
  const root = mkdtempSync(join(tmpdir(), "parallax-retag-"));
  const cold = mkdtempSync(join(tmpdir(), "parallax-retag-cold-"));
  // the rule version is read once per process (loaders/partCache.ts): each warm step in its own
  const warm = (dir: string) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "-e", `import("${join(process.cwd(), "loaders/warmCaches.ts")}").then(async (m) => { const w = await m.warmCaches(${JSON.stringify(dir)}, ${threads}); console.log(JSON.stringify({ computed: w.computed, ...w.parts })); })`], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as { computed: number; sentencesRetagged: number; mentionsReweighed: number };
  };
  try {
    prepare(root);
    const first = warm(root);
    assert.equal(first.computed, articles);
    assert.equal(first.mentionsReweighed + first.sentencesRetagged, 0, "cold: nothing to start from");
    writeFileSync(join(root, "data", "rules", "stance.yaml"), EDITS[edit]);
    const after = warm(root);
    assert.equal(after.computed, articles);
    assert.ok(after.mentionsReweighed > 0, `reweighed ${after.mentionsReweighed}`);
    // a weight edit alone tags nothing again
    if (REWEIGHTED.includes(edit)) assert.equal(after.sentencesRetagged, 0);
    else assert.ok(after.sentencesRetagged > 0, `re-tagged ${after.sentencesRetagged}`);
    assert.equal(warm(root).computed, 0, "nothing left to do");
    // the same data, edited rules, no earlier parts: every part file equal
    cpSync(join(root, "data"), join(cold, "data"), { recursive: true });
    warm(cold);
    const parts = (dir: string) => {
      const out = spawnSync(process.execPath, ["--import", "tsx", "-e", `import("${join(process.cwd(), "loaders/digest.ts")}").then((m) => { const d = m.loadDigest(${JSON.stringify(dir)}); console.log(JSON.stringify(d.mentions)); })`], { encoding: "utf8", maxBuffer: 1 << 28 });
      assert.equal(out.status, 0, out.stderr);
      return out.stdout;
    };
    assert.equal(parts(root), parts(cold));
    // and the files themselves (the re-tagged mentions parts copy the earlier ones' bytes)
    let files = 0;
    for (const part of ["outline", "mentions", "topics", "framing"]) {
      for (const f of readdirSync(join(cold, ".cache", "parts", part))) {
        assert.ok(readFileSync(join(root, ".cache", "parts", part, f)).equals(readFileSync(join(cold, ".cache", "parts", part, f))), `${part}/${f}`);
        files++;
      }
    }
    assert.equal(files, 4 * articles);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(cold, { recursive: true, force: true });
  }
}

test("a rebuild after a weight edit reweighs only the reached mentions, with the same parts as a cold run", () => {
  editAndCompare((root) => cpSync("data", join(root, "data"), { recursive: true }), 1, prepared.length);
});

test("so does a rebuild after a weight edit and a word added to another cue, re-tagging the sentences with that word", () => {
  editAndCompare((root) => cpSync("data", join(root, "data"), { recursive: true }), 1, prepared.length, "a weight nudged and a word added to another cue");
});

test("so do two threads (this one and a worker after the edit, two workers cold), on a corpus large enough for them", () => {
  editAndCompare((root) => writeSyntheticCorpus(process.cwd(), root, 40, 3), 2, 40);
});

test("the mentions of a mentions part's bytes are found where its JSON has them", () => {
  const rules = withStance(stanceText);
  let found = 0;
  for (const p of prepared) {
    const mentions = tagArticle(p, rules);
    // a mention whose text holds what starts a mention, and one of a sentence beyond 9
    const odd = { ...mentions[0], sentence: 12, text: 'a {"article":"x","sentence":1} and \\"' };
    for (const value of [mentions, [], [odd], [...mentions, odd]]) {
      const bytes = Buffer.from(JSON.stringify({ key: "k1", value }));
      const ranges = mentionRanges(bytes, "k1", p.article.meta.id);
      assert.ok(ranges, p.article.meta.id);
      assert.deepEqual(
        ranges.map((r) => JSON.parse(bytes.toString("utf8", r.start, r.end))),
        value,
      );
      assert.deepEqual(
        ranges.map((r) => r.sentence),
        value.map((m) => m.sentence),
      );
      found += ranges.length;
      if (value.length === 0) continue;
      // anything else: not a part this code wrote for that article
      assert.equal(mentionRanges(bytes, "k2", p.article.meta.id), null, "another key");
      assert.equal(mentionRanges(bytes, "k1", "another-article"), null, "another article");
      assert.equal(mentionRanges(bytes.subarray(0, bytes.length - 1), "k1", p.article.meta.id), null, "truncated");
      assert.equal(mentionRanges(Buffer.from(JSON.stringify({ key: "k1", value: value.map(({ sentence, ...m }) => ({ ...m, sentence })) })), "k1", p.article.meta.id), null, "another key order");
    }
  }
  assert.ok(found > 100);
});
