import { test } from "node:test";
import assert from "node:assert/strict";
import { findMentions } from "../../loaders/actors.ts";
import { InputError } from "../../loaders/inputError.ts";
import { loadActorRules } from "../../loaders/rules/actorRules.ts";
import { loadTopicRules, parseTopicRules } from "../../loaders/rules/topicRules.ts";
import { capitalisedVocabulary, tokenize } from "../../loaders/tokenize.ts";
import { actorContext, sentenceTopics, tagTopics } from "../../loaders/topics.ts";
import type { PreparedArticle } from "../../loaders/pipeline.ts";

const actors = loadActorRules();
const rules = loadTopicRules(actors);

/** topic -> matched rule ids of a free sentence, with its actor mentions as ACTOR context */
function topicsOf(text: string): Record<string, string[]> {
  const tokens = tokenize(text, 0, capitalisedVocabulary(text));
  const ctx = actorContext(tokens, findMentions(tokens, actors, text));
  return Object.fromEntries(sentenceTopics(tokens, rules, ctx).map((h) => [h.topic, h.rules]));
}

test("the required topics are defined", () => {
  const ids = rules.topics.map((t) => t.id);
  for (const id of ["zangezur", "csto-guarantees", "israel-azerbaijan", "iran-azerbaijan", "karabakh-wars", "ukraine-spillover", "western-involvement", "armenia-realignment", "turkey-iran", "three-plus-three", "energy-trade"])
    assert.ok(ids.includes(id), id);
});

test("a sentence gets every topic one of whose rules matches, with the rules that matched", () => {
  assert.deepEqual(topicsOf("The Zangezur corridor would cross Syunik."), { zangezur: ["zangezur", "syunik", "transit"] });
  assert.deepEqual(topicsOf("Moscow supported the 3+3 format."), { "three-plus-three": ["three-plus-three"] });
  assert.deepEqual(topicsOf("The weather was mild."), {});
});

test("ACTOR rules match mentions under any alias, and only with the mentions given", () => {
  const t = topicsOf("Tel Aviv sold drones to Baku, which worries Tehran.");
  assert.deepEqual(t["israel-azerbaijan"], ["israel-and-azerbaijan"]);
  assert.deepEqual(t["iran-azerbaijan"], ["azerbaijan-and-iran"]);
  assert.deepEqual(topicsOf("The CSTO did not respond.")["csto-guarantees"], ["csto"]);
  // without mentions there is no actor to match
  const tokens = tokenize("The CSTO did not respond.");
  assert.deepEqual(sentenceTopics(tokens, rules), []);
});

test("match spans are token indices, sorted", () => {
  const tokens = tokenize("Syunik lies on the Zangezur route.");
  const [hit] = sentenceTopics(tokens, rules);
  assert.deepEqual(hit.spans, [[0, 1], [4, 5]]);
});

test("tagTopics walks the corpus, keeping article and sentence index", () => {
  const text = "Nothing here. Peacekeepers left Lachin.";
  const s1 = tokenize("Nothing here.", 0);
  const s2 = tokenize("Peacekeepers left Lachin.", 14);
  const prepared = [
    {
      article: { meta: { id: "a1" }, raw: text },
      segmented: {
        id: "a1",
        paragraphs: [],
        sentences: [
          { index: 0, paragraph: 0, start: 0, end: 13, text: "Nothing here.", tokens: s1 },
          { index: 1, paragraph: 0, start: 14, end: 39, text: "Peacekeepers left Lachin.", tokens: s2 },
        ],
      },
    },
  ] as unknown as PreparedArticle[];
  const out = tagTopics(prepared, [], rules);
  assert.deepEqual(out.map((s) => [s.article, s.sentence, s.topics.map((t) => [t.topic, t.rules])]), [["a1", 1, [["karabakh-wars", ["peacekeepers", "lachin"]]]]]);
});

// ---------------------------------------------------------------- invalid files

function inputError(text: string): InputError {
  try {
    parseTopicRules("topics.yaml", text, actors);
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  assert.fail("no error");
}

const header = "topics:\n  - id: t\n    label: T\n    description: d\n    rules:\n";

test("an unknown field is reported with its file and line", () => {
  const e = inputError(header + "      - id: r\n        note: n\n        word: [x]\n");
  assert.equal(e.line, 8);
  assert.match(e.message, /^topics\.yaml:8: .*unknown field "word"/);
});

test("a malformed pattern is reported at its line", () => {
  const e = inputError(header + "      - id: r\n        note: n\n        pattern:\n          - {LOWR: x}\n");
  assert.equal(e.line, 9);
  assert.match(e.message, /unknown field "LOWR"/);
  const op = inputError(header + "      - id: r\n        note: n\n        pattern: [{LOWER: x, OP: \"x\"}]\n");
  assert.equal(op.line, 8);
});

test("a pattern of optional tokens only is refused", () => {
  const e = inputError(header + "      - id: r\n        note: n\n        pattern: [{LOWER: x, OP: \"?\"}]\n");
  assert.equal(e.line, 8);
  assert.match(e.message, /only optional tokens/);
});

test("an unknown actor in an ACTOR test names the file and line", () => {
  const e = inputError(header + "      - id: r\n        note: n\n        pattern:\n          - {LOWER: x}\n          - {ACTOR: {IN: [iran, persia]}}\n");
  assert.equal(e.line, 10);
  assert.match(e.message, /^topics\.yaml:10: unknown actor "persia" in rule "r"/);
});

test("a rule needs words or a pattern, and ids are unique", () => {
  assert.equal(inputError(header + "      - id: r\n        note: n\n").line, 6);
  const dup = inputError(header + "      - {id: r, note: n, words: [x]}\n      - {id: r, note: n, words: [y]}\n");
  assert.equal(dup.line, 7);
  assert.match(dup.message, /duplicate rule id "r"/);
});
