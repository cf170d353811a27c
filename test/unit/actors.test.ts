import { test } from "node:test";
import assert from "node:assert/strict";
import { findMentions } from "../../loaders/actors.ts";
import { loadActorRules, parseActorRules } from "../../loaders/rules/actorRules.ts";
import { capitalisedVocabulary, tokenize } from "../../loaders/tokenize.ts";
import { InputError } from "../../loaders/inputError.ts";

const rules = loadActorRules();
const mentions = (text: string) => findMentions(tokenize(text, 0, capitalisedVocabulary(text)), rules, text).map((m) => `${m.text}=${m.actor}`);

test("the required actors are defined", () => {
  for (const id of ["armenia", "azerbaijan", "iran", "turkey", "russia", "united-states", "israel", "european-union", "nato", "csto", "georgia", "india", "pakistan", "china", "france", "united-kingdom", "ukraine", "the-west", "karabakh-armenians"])
    assert.ok(rules.byId.has(id), id);
});

test("names, capitals, demonyms, leaders and institutions map to their actor", () => {
  assert.deepEqual(mentions("Baku and Yerevan, Aliyev and Nikol Pashinyan, the IRGC, the Kremlin and MI6 met in Tel Aviv with Erdoğan."), [
    "Baku=azerbaijan", "Yerevan=armenia", "Aliyev=azerbaijan", "Nikol Pashinyan=armenia", "IRGC=iran", "Kremlin=russia", "MI6=united-kingdom", "Tel Aviv=israel", "Erdoğan=turkey",
  ]);
});

test("possessives keep the span on the name, with and without the apostrophe", () => {
  const text = "Russia's focus and Russias focus; Turkeys NATO membership. Turkey and Russia.";
  const found = findMentions(tokenize(text, 0, capitalisedVocabulary(text)), rules, text);
  assert.deepEqual(found.map((m) => text.slice(m.start, m.end)), ["Russia", "Russia", "Turkey", "NATO", "Turkey", "Russia"]);
  assert.ok(found[0].possessive && found[1].possessive && found[2].possessive);
});

test("ambiguity is settled by rules", () => {
  assert.deepEqual(mentions("The Armenian separatists blocked the road held by separatists."), ["Armenian separatists=karabakh-armenians", "separatists=karabakh-armenians"]);
  assert.deepEqual(mentions("Tehran fears South Azerbaijan and the Azerbaijani minority in Iran."), ["Tehran=iran", "Iran=iran"]);
  assert.deepEqual(mentions("pan-Turkic aspirations and the Turkic world"), []);
  assert.deepEqual(mentions("a corridor of the Turkish world"), []);
  assert.deepEqual(mentions("the Baku-Tbilisi-Ceyhan pipeline"), []);
  assert.deepEqual(mentions("Kurdish separatists"), []);
  assert.deepEqual(mentions("The US said it would tell us."), ["US=united-states"]);
  assert.deepEqual(mentions("the turkey was roasted in the west of the country"), []);
});

test("hyphenated compounds give one mention per actor", () => {
  assert.deepEqual(mentions("the Armenia-Azerbaijan border, Russian-led pact, US-brokered deal, pro-Israel line"), [
    "Armenia=armenia", "Azerbaijan=azerbaijan", "Russian=russia", "US=united-states", "Israel=israel",
  ]);
});

test("an invalid actors file names the file, the line and the problem", () => {
  assert.throws(() => parseActorRules("actors.yaml", "actors:\n  - id: x\n    label: X\n    kind: planet\n    aliases: {names: [X]}\n"), (e: unknown) => e instanceof InputError && /actors\.yaml:4: .*kind: must be one of/.test(e.message));
  assert.throws(() => parseActorRules("actors.yaml", "actors:\n  - id: x\n    label: X\n    kind: state\n    aliasses: {names: [X]}\n"), (e: unknown) => e instanceof InputError && /actors\.yaml:5: .*unknown field "aliasses"/.test(e.message));
  assert.throws(
    () => parseActorRules("actors.yaml", "actors:\n  - id: x\n    label: X\n    kind: state\n    aliases: {names: [X]}\ndisambiguation:\n  - id: d\n    pattern: [{LOWER: a}]\n    actor: nobody\n"),
    (e: unknown) => e instanceof InputError && /actors\.yaml:9: unknown actor "nobody"/.test(e.message),
  );
});
