import { test } from "node:test";
import assert from "node:assert/strict";
import { findMentions } from "../../loaders/actors.ts";
import { findLabelUses, sentenceLabels } from "../../loaders/framing.ts";
import { InputError } from "../../loaders/inputError.ts";
import type { PreparedArticle } from "../../loaders/pipeline.ts";
import { loadActorRules } from "../../loaders/rules/actorRules.ts";
import { loadFramingRules, parseFramingRules } from "../../loaders/rules/framingRules.ts";
import { normaliseQuotes } from "../../loaders/tagText.ts";
import { capitalisedVocabulary, tokenize } from "../../loaders/tokenize.ts";
import { actorContext } from "../../loaders/topics.ts";

const actors = loadActorRules();
const rules = loadFramingRules(actors);

/** "family:label=text" for every label use in a free sentence */
function labelsOf(raw: string): string[] {
  const text = normaliseQuotes(raw);
  const tokens = tokenize(text, 0, capitalisedVocabulary(text));
  const ctx = actorContext(tokens, findMentions(tokens, actors, text));
  return sentenceLabels(tokens, rules, ctx).map((h) => `${h.family}:${h.label}=${text.slice(tokens[h.tokenStart].start, tokens[h.tokenEnd - 1].end)}`);
}

test("the required families are defined", () => {
  const ids = rules.families.map((f) => f.id);
  for (const id of ["karabakh-name", "capital-name", "corridor", "war-2020", "war-name", "karabakh-armenians-name", "occupied", "iran-north", "turkic", "azerbaijan-name", "scare-quoted"]) assert.ok(ids.includes(id), id);
  assert.ok(rules.families.find((f) => f.id === "azerbaijan-name")!.labels.some((l) => l.id === "republic-of-baku"));
});

test("within a family the longest label wins: Nagorno-Karabakh is not also Karabakh", () => {
  assert.deepEqual(labelsOf("Nagorno-Karabakh, which Armenians call Artsakh, and Karabakh."), [
    "karabakh-name:nagorno-karabakh=Nagorno-Karabakh",
    "karabakh-name:artsakh=Artsakh",
    "karabakh-name:karabakh=Karabakh",
  ]);
  assert.deepEqual(labelsOf("The 44-day war ended."), ["war-name:44-day-war=44-day war"]);
});

test("scare quotes: a label counts only inside quotation marks, with punctuation inside the closing mark", () => {
  assert.deepEqual(labelsOf("Baku demands a “corridor” through Syunik."), ["corridor:syunik=Syunik", "scare-quoted:corridor=\"corridor\""]);
  assert.deepEqual(labelsOf("Baku demands a corridor through Syunik."), ["corridor:syunik=Syunik"]);
  assert.deepEqual(labelsOf("a narrative of a “corridor,” and a 'peace treaty'"), ["scare-quoted:corridor=\"corridor,\"", "scare-quoted:peace-treaty='peace treaty'"]);
});

test("labels written over actors: separatists only where actors.yaml reads them as the Karabakh Armenians", () => {
  assert.deepEqual(labelsOf("The area is held by separatists."), ["karabakh-armenians-name:separatists=separatists"]);
  assert.deepEqual(labelsOf("Kurdish separatists attacked."), []);
  assert.deepEqual(labelsOf("Experts speak of the Republic of Baku, not Azerbaijan."), ["azerbaijan-name:republic-of-baku=Republic of Baku", "azerbaijan-name:azerbaijan=Azerbaijan"]);
  assert.deepEqual(labelsOf("Baku talks of South Azerbaijan."), ["iran-north:south-azerbaijan=South Azerbaijan"]);
});

test("findLabelUses gives body offsets and the matched text", () => {
  const body = "Intro. Stepanakert, or Khankendi.";
  const prepared = [
    {
      article: { meta: { id: "a1" }, raw: body },
      segmented: {
        id: "a1",
        paragraphs: [],
        sentences: [
          { index: 0, paragraph: 0, start: 0, end: 6, text: "Intro.", tokens: tokenize("Intro.", 0) },
          { index: 1, paragraph: 0, start: 7, end: 33, text: "Stepanakert, or Khankendi.", tokens: tokenize("Stepanakert, or Khankendi.", 7) },
        ],
      },
    },
  ] as unknown as PreparedArticle[];
  const uses = findLabelUses(prepared, [], rules);
  assert.deepEqual(uses, [
    { family: "capital-name", label: "stepanakert", article: "a1", sentence: 1, start: 7, end: 18, text: "Stepanakert" },
    { family: "capital-name", label: "khankendi", article: "a1", sentence: 1, start: 23, end: 32, text: "Khankendi" },
  ]);
  for (const u of uses) assert.equal(body.slice(u.start, u.end), u.text);
});

// ---------------------------------------------------------------- invalid files

function inputError(text: string): InputError {
  try {
    parseFramingRules("framing.yaml", text, actors);
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  assert.fail("no error");
}

const header = "families:\n  - id: f\n    label: F\n    description: d\n    labels:\n";

test("an unknown field in a family or a label is reported with its line", () => {
  const e = inputError("families:\n  - id: f\n    label: F\n    description: d\n    quotes: true\n    labels:\n      - {id: a, label: A, note: n, words: [x]}\n");
  assert.equal(e.line, 5);
  assert.match(e.message, /^framing\.yaml:5: .*unknown field "quotes"/);
  const l = inputError(header + "      - id: a\n        label: A\n        note: n\n        words: [x]\n        weight: 2\n");
  assert.equal(l.line, 10);
});

test("a label needs its display label, and a malformed pattern is reported", () => {
  assert.match(inputError(header + "      - {id: a, note: n, words: [x]}\n").message, /missing required field "label"/);
  const e = inputError(header + "      - id: a\n        label: A\n        note: n\n        pattern:\n          - {LOWER: x, OP: \"++\"}\n");
  assert.equal(e.line, 10);
});

test("an unknown actor names the file and line", () => {
  const e = inputError(header + "      - id: a\n        label: A\n        note: n\n        pattern: [{ACTOR: artsakh}]\n");
  assert.equal(e.line, 9);
  assert.match(e.message, /^framing\.yaml:9: unknown actor "artsakh"/);
});
