// After a cue edit only the sentences the edit can reach are tagged again (loaders/retag.ts):
// the result must equal tagging every sentence under the new rules, for every kind of cue
// edit an analyst makes, and an edit the reach cannot bound must re-tag everything.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareArticles, tagArticle } from "../../loaders/pipeline.ts";
import { loadRules } from "../../loaders/rules/index.ts";
import { parseStanceRules } from "../../loaders/rules/stanceRules.ts";
import { editReach, retagWithin } from "../../loaders/retag.ts";
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
  "a cue added first": stanceText.slice(0, firstCue) + NEW_CUE + stanceText.slice(firstCue),
  "a cue removed": stanceText.replace(/  - id: attacks\n[\s\S]*?\n\n/, ""),
  "a word added to a cue": stanceText.replace("words: [aggression, ", "words: [aggression, talks, "),
  "a pattern changed": stanceText.replace("{LOWER: {IN: [attack, strike, assault, combat, kamikaze, bomber, bombers]}}", "{LOWER: {IN: [attack, strike, assault, combat, kamikaze, bomber, bombers, military]}}"),
  "a cue renamed": stanceText.replace("- id: attacks\n", "- id: violent-attacks\n"),
};

test("each test edit changes the rules file", () => {
  for (const [name, text] of Object.entries(EDITS)) assert.notEqual(text, stanceText, name);
});

test("re-tagging the reach of a cue edit equals re-tagging every sentence", () => {
  const before = withStance(stanceText);
  for (const [name, text] of Object.entries(EDITS)) {
    const after = withStance(text);
    const reach = editReach(before.stance, after.stance);
    assert.ok(reach && reach.size > 0, `${name}: bounded`);
    let kept = 0;
    let sentences = 0;
    let changed = 0;
    for (const p of prepared) {
      const previous = tagArticle(p, before);
      const full = tagArticle(p, after);
      const partial = retagWithin(p, after, previous, reach);
      assert.deepEqual(partial, full, `${name}: ${p.article.meta.id}`);
      sentences += p.segmented.sentences.length;
      kept += p.segmented.sentences.filter((s) => !s.tokens.some((t) => reach.has(t.lower) || reach.has(t.base))).length;
      if (JSON.stringify(full) !== JSON.stringify(previous)) changed++;
    }
    assert.ok(kept > sentences / 2, `${name}: most sentences kept (${kept} of ${sentences})`);
    if (name !== "a cue renamed" && name !== "a pattern changed") assert.ok(changed > 0, `${name}: the edit changes some article's tags`);
  }
});

test("edits the reach cannot bound re-tag everything", () => {
  const before = withStance(stanceText).stance;
  const unbounded: Record<string, string> = {
    "a setting": stanceText.replace(/threshold: 0\.\d+/, "threshold: 0.2"),
    "a lexicon": stanceText.replace("contrast: [but, ", "contrast: [but, although, "),
    "a word added to an optional lexicon list": stanceText.replace("speech_verbs: [said, ", "speech_verbs: [said, muttered, "),
    "an optional lexicon list left out": stanceText.replace(/^  joint_action: \[[^\]]*\]\n/m, ""),
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

test("a rebuild after a cue edit re-tags only the reached sentences, with the same parts as a cold run", () => {
  const root = mkdtempSync(join(tmpdir(), "parallax-retag-"));
  const cold = mkdtempSync(join(tmpdir(), "parallax-retag-cold-"));
  cpSync("data", join(root, "data"), { recursive: true });
  // the rule version is read once per process (loaders/partCache.ts): each warm step in its own
  const warm = (dir: string) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "-e", `import("${join(process.cwd(), "loaders/warmCaches.ts")}").then(async (m) => { const w = await m.warmCaches(${JSON.stringify(dir)}, 1); console.log(JSON.stringify(w.parts)); })`], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as { sentencesRetagged: number; sentencesKept: number };
  };
  try {
    const first = warm(root);
    assert.equal(first.sentencesKept + first.sentencesRetagged, 0, "cold: nothing to start from");
    writeFileSync(join(root, "data", "rules", "stance.yaml"), EDITS["a weight nudged"]);
    const edit = warm(root);
    assert.ok(edit.sentencesRetagged > 0 && edit.sentencesKept > edit.sentencesRetagged, `re-tagged ${edit.sentencesRetagged}, kept ${edit.sentencesKept}`);
    // the same data, edited rules, no earlier parts: every part file equal
    cpSync(join(root, "data"), join(cold, "data"), { recursive: true });
    warm(cold);
    const parts = (dir: string) => {
      const out = spawnSync(process.execPath, ["--import", "tsx", "-e", `import("${join(process.cwd(), "loaders/digest.ts")}").then((m) => { const d = m.loadDigest(${JSON.stringify(dir)}); console.log(JSON.stringify(d.mentions)); })`], { encoding: "utf8", maxBuffer: 1 << 28 });
      assert.equal(out.status, 0, out.stderr);
      return out.stdout;
    };
    assert.equal(parts(root), parts(cold));
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(cold, { recursive: true, force: true });
  }
});
