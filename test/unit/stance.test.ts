import { test } from "node:test";
import assert from "node:assert/strict";
import { loadRules } from "../../loaders/rules/index.ts";
import { parseStanceRules } from "../../loaders/rules/stanceRules.ts";
import { tagTarget, tagText } from "../../loaders/tagText.ts";
import { InputError } from "../../loaders/inputError.ts";
import { readFileSync } from "node:fs";

const rules = loadRules();

/** stance of the first mention whose text is `mention` */
function stanceOf(text: string, mention: string): string {
  const m = tagText(text, rules).find((x) => x.text === mention);
  assert.ok(m, `no mention "${mention}" in: ${text}`);
  return m.stance;
}

test("target-dependent: the aggressor, not the attacked", () => {
  const s = "Azerbaijan's latest aggression against Armenia comes as no surprise to South Caucasus watchers.";
  assert.equal(stanceOf(s, "Azerbaijan"), "unfavorable");
  assert.equal(stanceOf(s, "Armenia"), "neutral");
});

test("liberation by an actor is favorable to it", () => {
  assert.equal(stanceOf("In 2020, during the operation initiated by Azerbaijan for the liberation of its occupied lands, talks stalled.", "Azerbaijan"), "favorable");
});

test("passive, failing and ineffective actors", () => {
  assert.equal(stanceOf("So what has surprised many observers is Russia's passive response to this round of border clashes.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Moscow's most substantive failure was its silence.", "Moscow"), "unfavorable");
  assert.equal(stanceOf("Russian security guarantees did little to prevent the war.", "Russian"), "unfavorable");
});

test("a contrast with another actor is not a judgement", () => {
  const s = "Unlike Iran, Russia did not oppose the Zangezur Corridor.";
  assert.equal(stanceOf(s, "Russia"), "neutral");
  assert.equal(stanceOf(s, "Iran"), "neutral");
});

test("negation flips a cue in its scope", () => {
  assert.equal(stanceOf("The CSTO was effective in 2022.", "CSTO"), "favorable");
  assert.equal(stanceOf("The CSTO was not effective in 2022.", "CSTO"), "unfavorable");
  assert.equal(stanceOf("The CSTO did not provide assistance to Armenia.", "CSTO"), "unfavorable");
});

test("keeping one's word is weak praise, and breaking it a clear failure: 'did not honour its commitments', 'has not lived up to'", () => {
  assert.equal(stanceOf("Russia did not honour its security commitments to Armenia.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Russia did not honour its security commitments to Armenia.", "Armenia"), "neutral");
  assert.equal(stanceOf("The CSTO failed to meet its obligations.", "CSTO"), "unfavorable");
  assert.equal(stanceOf("Moscow has not lived up to its promises.", "Moscow"), "unfavorable");
  assert.equal(stanceOf("Turkey kept its word.", "Turkey"), "favorable");
  // "honoured" alone is still the praise cue's: the one honoured gains
  assert.equal(stanceOf("Baku honoured the Turkish delegation.", "Turkish"), "favorable");
});

test("a possessor or adjective owns its noun wherever the noun phrase stands: 'responded to Azerbaijan's aggression' is Azerbaijan's, not Russia's", () => {
  for (const s of ["Russia responded to Azerbaijan's aggression.", "Russia responded to Azerbaijani aggression."]) {
    const [russia, azerbaijan] = tagText(s, rules);
    assert.equal(russia.stance, "neutral", s);
    assert.equal(azerbaijan.stance, "unfavorable", s);
  }
  assert.equal(stanceOf("In response to Azerbaijan's aggression, Armenia mobilised.", "Azerbaijan"), "unfavorable");
  // ... but after "to", a noun of lexicon.received_after_to is received: "came to Armenia's aid"
  assert.equal(stanceOf("The CSTO refused to come to Armenia's aid.", "Armenia"), "neutral");
  assert.equal(stanceOf("The CSTO refused to come to Armenia's aid.", "CSTO"), "unfavorable");
});

test("a negation before the owner of an unfavorable noun denies the verb, not the noun: 'did not condemn Baku's aggression'", () => {
  assert.equal(stanceOf("Moscow did not condemn Baku's aggression.", "Baku"), "unfavorable");
  assert.equal(stanceOf("The CSTO failed to respond to Azerbaijan's incursions into Armenia.", "Azerbaijan"), "unfavorable");
  assert.equal(stanceOf("Russia refused to criticise Azerbaijani aggression.", "Azerbaijani"), "unfavorable");
  // the negator opening the noun phrase still negates it; a favorable noun stays negated
  assert.notEqual(stanceOf("There was no Azerbaijani aggression.", "Azerbaijani"), "unfavorable");
  assert.equal(stanceOf("Armenia did not receive Russia's support.", "Russia"), "unfavorable");
  assert.notEqual(stanceOf("Azerbaijan has not shown aggression.", "Azerbaijan"), "unfavorable");
});

test("stopping or halting what the actor does negates it, in every inflection: 'agreed to stop shelling', 'halts the offensive'", () => {
  assert.notEqual(stanceOf("Baku agreed to stop shelling Armenian villages.", "Baku"), "unfavorable");
  assert.notEqual(stanceOf("Russia stopped the attacks on Georgia.", "Russia"), "unfavorable");
  assert.notEqual(stanceOf("Azerbaijan halts the offensive.", "Azerbaijan"), "unfavorable");
  assert.notEqual(stanceOf("Iran is curbing the shelling.", "Iran"), "unfavorable");
});

test("a verb that negates another's noun takes it as given: 'Russia prevented Azerbaijan's aggression'", () => {
  assert.equal(stanceOf("Russia prevented Azerbaijan's aggression.", "Azerbaijan"), "unfavorable");
  assert.equal(stanceOf("The ceasefire stopped Azerbaijan's aggression.", "Azerbaijan"), "unfavorable");
  assert.equal(stanceOf("Turkey curbed Iran's aggression.", "Iran"), "unfavorable");
  // the actor's own plight or deed, through a pronoun, is still undone
  assert.notEqual(stanceOf("These resources help Israel reduce its dependence on other countries.", "Israel"), "unfavorable");
  assert.notEqual(stanceOf("There was no Azerbaijani aggression.", "Azerbaijani"), "unfavorable");
});

test("a harm named as the object of a verb of judging is not the judge's act: 'Russia condemned the attacks'", () => {
  assert.equal(stanceOf("Russia condemned the attacks.", "Russia"), "neutral");
  assert.equal(stanceOf("Armenia denounced the blockade.", "Armenia"), "neutral");
  assert.notEqual(stanceOf("Armenia feared an invasion.", "Armenia"), "unfavorable");
  // a verb that does the harm, or a copula, still gives it to the subject
  assert.equal(stanceOf("Russia launched an invasion.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Russia escalated the attacks.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Azerbaijan is an aggressor.", "Azerbaijan"), "unfavorable");
});

test("committing a crime or an abuse is wrongdoing, not commitment: 'committed war crimes', 'human rights abuses'", () => {
  assert.equal(stanceOf("Russian forces committed war crimes in Ukraine.", "Russian"), "unfavorable");
  assert.equal(stanceOf("Azerbaijan committed human rights abuses.", "Azerbaijan"), "unfavorable");
  assert.equal(stanceOf("Azerbaijan perpetrated atrocities against Armenians.", "Azerbaijan"), "unfavorable");
  assert.equal(stanceOf("The report documents abuses by Azerbaijani forces.", "Azerbaijani"), "unfavorable");
  // commitment to something stays principled
  assert.equal(stanceOf("Armenia remains committed to peace.", "Armenia"), "favorable");
});

test("a subordinator opens a clause without a comma: 'Iran watched while the invasion continued'", () => {
  assert.equal(stanceOf("Iran watched while the invasion continued.", "Iran"), "neutral");
  assert.equal(stanceOf("Armenia mobilised because the attacks continued.", "Armenia"), "neutral");
  assert.equal(stanceOf("Russia waited until the aggression ended.", "Russia"), "neutral");
  // whose term quotation marks hold up is looked for in their own clause
  assert.equal(stanceOf('Iran was engaged as a stakeholder while "outside powers" were kept at arm\'s length.', "Iran"), "neutral");
  // "because of" is a preposition; a clause with no subject of its own shares the one before it
  assert.equal(stanceOf("Armenia suffered because of Azerbaijan's aggression.", "Azerbaijan"), "unfavorable");
  assert.equal(stanceOf("Russia armed Azerbaijan while attacking Georgia.", "Russia"), "unfavorable");
});

test("'after', 'since', 'before', 'once' open a clause when a subject and a finite verb follow: 'Armenia mobilised after the attacks began'", () => {
  assert.equal(stanceOf("Armenia mobilised after the attacks began.", "Armenia"), "neutral");
  assert.equal(stanceOf("Georgia has changed since the occupation ended.", "Georgia"), "neutral");
  // a holder right after it is that clause's subject
  assert.equal(stanceOf("Armenia mobilised after Azerbaijan attacked the border.", "Azerbaijan"), "unfavorable");
  assert.equal(tagTarget("Grant Hayes was seen after he was arrested by authorities.", { start: 0, end: 11 }, rules).stance, "unfavorable");
  // as a preposition it opens nothing
  assert.equal(stanceOf("After the war, Azerbaijan's aggression continued.", "Azerbaijan"), "unfavorable");
});

test("what a holder is a victim or target of is done to it: 'Armenia is a victim of aggression'", () => {
  assert.equal(stanceOf("Armenia is a victim of aggression.", "Armenia"), "neutral");
  assert.equal(stanceOf("Armenia was subjected to attacks.", "Armenia"), "neutral");
  assert.equal(stanceOf("Georgia stood firm in the face of aggression.", "Georgia"), "neutral");
  // the adjective or possessor right before the cue is still its agent, in an appositive too
  const s = "Georgia, a victim of Russian aggression, joined the talks.";
  assert.equal(stanceOf(s, "Georgia"), "neutral");
  assert.equal(stanceOf(s, "Russian"), "unfavorable");
  assert.equal(stanceOf("Armenia is a victim of Azerbaijan's aggression.", "Azerbaijan"), "unfavorable");
});

test("the language of a failing guarantor: a paper tiger, in tatters, standing idly by, left to fend for itself, capitulating", () => {
  assert.equal(stanceOf("The CSTO proved to be a paper tiger.", "CSTO"), "unfavorable");
  assert.equal(stanceOf("Russia's credibility as a security guarantor lies in tatters.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Russia's peacekeepers stood idly by.", "Russia"), "unfavorable");
  const [csto, armenia] = tagText("The CSTO left Armenia to fend for itself.", rules);
  assert.equal(csto.stance, "unfavorable");
  assert.equal(armenia.stance, "neutral");
  assert.equal(stanceOf("Pashinyan capitulated to the demands.", "Pashinyan"), "unfavorable");
  // "lies" of place is no falsehood
  assert.equal(stanceOf("Armenia lies between Turkey and Azerbaijan.", "Armenia"), "neutral");
  assert.equal(stanceOf("The solution to the conflict lies in Moscow.", "Moscow"), "neutral");
  assert.equal(stanceOf("Moscow lies about its role.", "Moscow"), "unfavorable");
});

test("a stance shown to be a front is hypocrisy: a fiction, a facade, a smokescreen, lip service", () => {
  assert.equal(stanceOf("Iran's so-called neutrality is a fiction.", "Iran"), "unfavorable");
  assert.equal(stanceOf("Baku's peace agenda is a smokescreen.", "Baku"), "unfavorable");
  assert.equal(stanceOf("The West pays lip service to democracy.", "West"), "unfavorable");
});

test("'stood by Armenia' is loyalty, 'stood by as Baku advanced' passivity", () => {
  assert.equal(stanceOf("France stood by Armenia.", "France"), "favorable");
  assert.equal(stanceOf("Moscow stood by its ally.", "Moscow"), "favorable");
  assert.equal(stanceOf("Russia did not stand by Armenia.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Russian peacekeepers stood by as Azerbaijan advanced.", "Russian"), "unfavorable");
  assert.equal(stanceOf("Russia stood by while Baku attacked.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Russia stood by.", "Russia"), "unfavorable");
});

test("the one abandoned, ignored or betrayed is not passive or hypocritical: a passive verb's subject is what was done to", () => {
  for (const [s, victim, agent] of [
    ["Armenia was abandoned by Russia.", "Armenia", "Russia"],
    ["Iran's red lines have been ignored by Baku.", "Iran", "Baku"],
  ]) {
    assert.equal(stanceOf(s, victim), "neutral", s);
    assert.equal(stanceOf(s, agent), "unfavorable", s);
  }
  assert.equal(stanceOf("Armenia has been betrayed by its allies.", "Armenia"), "neutral");
  // ... while the cue still describes its actor as an adjective and after "of"
  assert.equal(stanceOf("The hypocritical West lectured Baku.", "West"), "unfavorable");
  assert.equal(stanceOf("A passive Russia watched.", "Russia"), "unfavorable");
  assert.equal(stanceOf("The passivity of Russia was striking.", "Russia"), "unfavorable");
});

test("rejecting or sabotaging what is constructive negates it: 'Baku rejected dialogue', 'Russia sabotaged the peace talks'", () => {
  assert.equal(stanceOf("Baku rejected dialogue.", "Baku"), "unfavorable");
  assert.equal(stanceOf("Russia sabotaged the peace talks.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Moscow torpedoed the talks.", "Moscow"), "unfavorable");
  assert.equal(stanceOf("Iran plays the spoiler in the region.", "Iran"), "unfavorable");
});

test("thwarting, foiling or averting what is done negates it, as preventing does: 'Armenia thwarted the offensive'", () => {
  assert.notEqual(stanceOf("Armenia thwarted the offensive.", "Armenia"), "unfavorable");
  assert.notEqual(stanceOf("Georgian police foiled the attacks.", "Georgian"), "unfavorable");
  assert.notEqual(stanceOf("Yerevan averted an escalation.", "Yerevan"), "unfavorable");
  assert.notEqual(stanceOf("Israel's foreign minister recently pointed the finger at Iran for foiled attacks on its embassies.", "Israel"), "unfavorable");
});

test("a noun phrase opened by 'any' names a possible act, not one done: 'respond to any Russian aggression'", () => {
  assert.equal(stanceOf("Georgia vowed to respond to any Russian aggression.", "Russian"), "neutral");
  assert.equal(stanceOf("Baku ordered its army to suppress any Armenian provocations.", "Armenian"), "neutral");
  assert.equal(stanceOf("Tehran warned Baku that any Azerbaijani incursion would be met with force.", "Azerbaijani"), "neutral");
  // under a negation "any" is a negative polarity item: the support was withheld
  assert.equal(stanceOf("Armenia did not receive any Russian support.", "Russian"), "unfavorable");
  assert.equal(stanceOf("Russia launched an attack on Georgia.", "Russia"), "unfavorable");
});

test("levers are leverage: 'holds levers over Yerevan' is effective, 'reduced Russia's levers' a loss", () => {
  assert.equal(stanceOf("Moscow still holds levers over Yerevan.", "Moscow"), "favorable");
  assert.equal(stanceOf("Moscow still holds levers over Yerevan.", "Yerevan"), "neutral");
  assert.equal(stanceOf("The sanctions reduced Russia's levers in the region.", "Russia"), "unfavorable");
  // levers against another stay a threat
  assert.equal(stanceOf("Iran's levers against Azerbaijan are many.", "Iran"), "unfavorable");
});

test("a possessor that names no actor owns its noun too: 'Israel aims to reduce the regime's clout' says nothing of Israel's clout", () => {
  assert.equal(stanceOf("Israel aims to reduce the regime's clout in the Caucasus.", "Israel"), "neutral");
  assert.equal(stanceOf("Armenia condemned the neighbour's aggression.", "Armenia"), "neutral");
  // a possessor that is an actor still owns it, and a noun with no possessor is still the subject's
  assert.equal(stanceOf("Russia's aggression shocked the world.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Russia launched an attack on Georgia.", "Russia"), "unfavorable");
});

test("a name right after 'that' is the subject of the clause it opens, not the object of the cue before: 'the principle that Armenia ...'", () => {
  assert.equal(stanceOf("Iran defends the principle that Armenia keeps its road.", "Armenia"), "neutral");
  assert.equal(stanceOf("Baku welcomed the principle that Yerevan recognises its borders.", "Yerevan"), "neutral");
  // the cue still reaches a holder it is said of
  assert.equal(stanceOf("Baku welcomed Yerevan's principled stance.", "Yerevan"), "favorable");
});

test("the holder of a view is not the one its 'of' phrase describes: 'the western perception of a victory', 'Iran's view of the offensive'", () => {
  assert.equal(stanceOf("The war fed the Western perception of a tactical victory over Moscow.", "Western"), "neutral");
  assert.notEqual(stanceOf("Iran's view of the Azerbaijani offensive is well known.", "Iran"), "unfavorable");
  assert.equal(stanceOf("Iran's view of the Azerbaijani offensive is well known.", "Azerbaijani"), "unfavorable");
  // a possessor still owns a cue noun of its own, and its complement
  assert.equal(stanceOf("The West's victory over Moscow was decisive.", "West"), "favorable");
  assert.equal(stanceOf("Russia's invasion of Georgia shocked the world.", "Russia"), "unfavorable");
});

test("the partner 'with' whom one cooperates takes part in the cooperation: 'cooperation with Azerbaijan', 'partnered with Israel'", () => {
  assert.equal(stanceOf("Israel has fostered intelligence cooperation with Azerbaijan.", "Azerbaijan"), "favorable");
  assert.equal(stanceOf("Baku chose security partnerships with Turkey over the old alliance.", "Turkey"), "favorable");
  assert.equal(stanceOf("Russia cooperated with Georgia on border controls.", "Georgia"), "favorable");
  // "with" after other words names no partner in the act
  assert.equal(stanceOf("Georgia voiced its anger with Russia.", "Russia"), "neutral");
  assert.equal(stanceOf("Azerbaijan fought with Armenia.", "Armenia"), "neutral");
  // the first part of a hyphenated modifier is not the partner: the noun after it is
  assert.equal(stanceOf("Yerevan kept its partnership with the Moscow-led alliance.", "Moscow"), "neutral");
});

test("an example after 'like' or 'such as' stands where the noun it exemplifies stands: 'partnerships with countries like Israel'", () => {
  assert.equal(stanceOf("Azerbaijan formed strategic partnerships with countries like Israel.", "Israel"), "favorable");
  assert.equal(stanceOf("Turkey signed cooperation agreements with states such as Azerbaijan.", "Azerbaijan"), "favorable");
  // a "like" after no noun is a comparison
  assert.equal(stanceOf("Azerbaijan formed strategic partnerships, like Israel.", "Israel"), "neutral");
});

test("a junior partner is a subordinate, not a cooperative partner: 'Georgia is Turkey's junior partner'", () => {
  assert.equal(stanceOf("Georgia is Turkey's junior partner.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Armenia remained Moscow's junior partner in the alliance.", "Armenia"), "unfavorable");
  assert.equal(stanceOf("Georgia is a reliable partner.", "Georgia"), "favorable");
});

test("backing off or backing down is a retreat, as pulling back is: 'Moscow backed down after the ultimatum'", () => {
  assert.equal(stanceOf("Moscow backed down after the ultimatum.", "Moscow"), "unfavorable");
  assert.equal(stanceOf("Baku backs off its demands for a corridor.", "Baku"), "unfavorable");
});

test("acting with skill is effective: 'deftly balanced', 'skillfully leveraged'", () => {
  assert.equal(stanceOf("Aliyev skillfully leveraged the gas exports.", "Aliyev"), "favorable");
  assert.equal(stanceOf("Ankara adeptly played both sides.", "Ankara"), "favorable");
});

test("after 'but' opening a clause, 'its' goes back to the sentence's subject, not to a possessor in its object", () => {
  const [tehran, armenia] = tagText("Tehran claims to defend Armenia's sovereignty, but its real aim is to block Turkey.", rules);
  assert.equal(tehran.stance, "unfavorable");
  assert.ok(tehran.rules.includes("coreference"));
  assert.ok(!armenia.rules.includes("coreference"));
});

test("contrast: what 'but' asserts outweighs what it concedes", () => {
  const tag = tagText("Turkey was successful in Syria, but Turkey failed in Libya and its weakness showed.", rules);
  assert.equal(tag[0].stance, "favorable");
  assert.ok(tag[0].rules.includes("concession"));
  assert.equal(tag[1].stance, "unfavorable");
});

test("hedging and attribution weaken a cue", () => {
  const plain = tagText("Iran is supporting Armenian aggression.", rules)[0];
  const hedged = tagText("Iran is allegedly hostile to Baku.", rules)[0];
  assert.ok(hedged.rules.includes("hedge"));
  assert.ok(Math.abs(hedged.score) < 0.6);
  assert.ok(plain);
  // a critic is not judged by criticising; the criticised is
  const s = "Pashinyan criticized the CSTO for its inaction.";
  assert.equal(stanceOf(s, "CSTO"), "unfavorable");
  assert.equal(stanceOf(s, "Pashinyan"), "neutral");
});

test("distancing quotation marks count against the actor whose term they hold up", () => {
  const tag = tagText('Baku is pushing its "corridor" through Syunik.', rules)[0];
  assert.equal(tag.text, "Baku");
  assert.ok(tag.rules.includes("scare-quotes (owner)"));
  assert.equal(tag.stance, "unfavorable");
});

test("a given target span is tagged whether or not it is a known actor", () => {
  const text = "Senator Smith praised the reform, while Jones condemned it.";
  const smith = tagTarget(text, { start: 8, end: 13 }, rules);
  assert.equal(typeof smith.score, "number");
  assert.ok(smith.score >= -1 && smith.score <= 1);
  const jones = tagTarget(text, { start: 40, end: 45 }, rules);
  assert.ok(["favorable", "neutral", "unfavorable"].includes(jones.stance));
});

test("an invalid stance file names the file, the line and the problem", () => {
  const good = readFileSync("data/rules/stance.yaml", "utf8");
  const bad = good.replace("    agent: -0.8\n", "    agent: -0.8\n    polarity: 3\n");
  assert.throws(() => parseStanceRules("stance.yaml", bad, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: .*unknown field "polarity"/.test(e.message));
  const badPattern = good.replace("pattern: [{LOWER: {IN: [did, do, does, done, doing]}}", "pattern: [{LOWR: {IN: [did, do, does, done, doing]}}");
  assert.throws(() => parseStanceRules("stance.yaml", badPattern, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: .*unknown field "LOWR"/.test(e.message));
  const badActor = good.replace("  - id: did-little\n", "  - id: did-little\n    actors: [atlantis]\n");
  assert.throws(() => parseStanceRules("stance.yaml", badActor, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: unknown actor "atlantis"/.test(e.message));
  for (const own of ["afinn", "scare-quotes", "sentence-tone"]) {
    const named = good.replace("  - id: did-little\n", `  - id: ${own}\n`);
    const line = good.slice(0, good.indexOf("  - id: did-little\n")).split("\n").length;
    assert.throws(() => parseStanceRules("stance.yaml", named, rules.actors), (e: unknown) => e instanceof InputError && e.message.startsWith(`stance.yaml:${line}: cue id "${own}" is the name of the tagger's own evidence`), own);
  }
  assert.throws(() => parseStanceRules("stance.yaml", "settings: [\n", rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: invalid YAML/.test(e.message));
});

test("the AFINN fallback skips the news topic and the lexicon list is validated", () => {
  const tag = tagText("Georgia's war with Russia lasted five days, and the conflict left Georgia's army in tension.", rules)[0];
  assert.equal(tag.stance, "neutral");
  assert.ok(!tag.rules.some((r) => r.startsWith("afinn")));
  const good = readFileSync("data/rules/stance.yaml", "utf8");
  const bad = good.replace(/  fallback_ignore: \[[^\]]*\]/, "  fallback_ignore: war");
  assert.notEqual(bad, good);
  assert.throws(() => parseStanceRules("stance.yaml", bad, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: /.test(e.message));
});

test("a pronoun stands for the nearest actor named before it", () => {
  const tag = tagText("Moscow stayed out of the fight, and its passive stance angered Yerevan.", rules);
  assert.equal(tag[0].text, "Moscow");
  assert.equal(tag[0].stance, "unfavorable");
  assert.ok(tag[0].rules.includes("coreference"));
  assert.equal(stanceOf("Tbilisi hosted the talks because it was seen as a reliable partner.", "Tbilisi"), "favorable");
});

test("a negated unfavorable cue is no praise, a negated favorable cue is blame", () => {
  const tag = tagText("Georgia did not threaten its neighbours in 2008.", rules)[0];
  assert.ok(tag.rules.includes("negation"));
  assert.equal(tag.stance, "neutral");
  assert.equal(stanceOf("Georgia was not successful in 2008.", "Georgia"), "unfavorable");
});

test("a participle describing the subject's state counts for the subject", () => {
  const tag = tagText("After the vote, Georgia was weakened.", rules)[0];
  assert.equal(tag.stance, "unfavorable");
  assert.ok(tag.rules.includes("weak (agent)"));
  // a cue with its own patient weight keeps it: the one attacked is not judged
  assert.equal(stanceOf("In 2008, Georgia was attacked.", "Georgia"), "neutral");
});

test("evaluative verbs and words about persons: criticism, praise, merit, penalties", () => {
  const at = (text: string, name: string) => {
    const start = text.indexOf(name);
    return tagTarget(text, { start, end: start + name.length }, rules).stance;
  };
  assert.equal(at("The mayor lashed out at Brown over the budget.", "Brown"), "unfavorable");
  assert.equal(at("The mayor lashed out at Brown over the budget.", "mayor"), "neutral");
  assert.equal(at("Voters celebrated Brown after the vote.", "Brown"), "favorable");
  assert.equal(at("Brown is a courageous and respected legislator.", "Brown"), "favorable");
  assert.equal(at("Brown was taken into custody on Friday.", "Brown"), "unfavorable");
  assert.equal(at("Police detained Brown on Friday.", "Brown"), "unfavorable");
});

test("a clause after 'but' without a subject of its own shares the subject before it", () => {
  const tag = tagText("Armenia hosted the talks with Georgia, but soon became isolated.", rules);
  assert.equal(tag[0].text, "Armenia");
  assert.equal(tag[0].stance, "unfavorable");
  assert.equal(tag[1].stance, "neutral");
  // a clause with its own subject does not: "but the delegates were isolated"
  assert.equal(stanceOf("Armenia hosted the talks, but the delegates became isolated.", "Armenia"), "neutral");
});

test("negation scope counts content words; a possessor after 'to' receives the noun", () => {
  const s = "The CSTO refused to come to Armenia's aid.";
  assert.equal(stanceOf(s, "CSTO"), "unfavorable");
  assert.equal(stanceOf(s, "Armenia"), "neutral");
  assert.equal(stanceOf("Georgia did not rush to the aid of Armenia.", "Georgia"), "unfavorable");
});

test("negation stops where a new clause or a new subject starts", () => {
  assert.equal(stanceOf("Georgia did not sign, and its weakness showed.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia is not as strong as Turkey.", "Georgia"), "unfavorable");
});

test("quotation marks after a verb of naming report a term, they do not distance it", () => {
  assert.ok(!tagText('Tbilisi kept labelling the deal a "bridge".', rules)[0].rules.includes("scare-quotes (owner)"));
  assert.ok(tagText('Tbilisi kept pushing the deal as a "bridge".', rules)[0].rules.includes("scare-quotes (owner)"));
});

test("the defeated side is judged, the one a strength is held over is not", () => {
  const s = "Azerbaijan defeated Armenia in 2020 and gained leverage over Georgia.";
  assert.equal(stanceOf(s, "Azerbaijan"), "favorable");
  assert.equal(stanceOf(s, "Armenia"), "unfavorable");
  assert.equal(stanceOf(s, "Georgia"), "neutral");
});

test("the object of a verb is not the subject of what follows; a possessor owns its noun", () => {
  const s = "Azerbaijan defeated Armenia in 2020 and gained leverage over Georgia.";
  assert.equal(stanceOf(s, "Azerbaijan"), "favorable");
  assert.equal(stanceOf(s, "Armenia"), "unfavorable");
  assert.equal(stanceOf(s, "Georgia"), "neutral");
  // a reported clause keeps its subject: "said Georgia has ..."
  assert.equal(stanceOf("Observers said Georgia has been weakened.", "Georgia"), "unfavorable");
  const t = "Yerevan blamed Moscow for its passivity.";
  assert.equal(stanceOf(t, "Moscow"), "unfavorable");
  assert.equal(stanceOf(t, "Yerevan"), "neutral");
});

test("an actor under fire is a target of force; an actor under criticism is on the defensive", () => {
  assert.equal(stanceOf("Georgia, which is under constant fire and pressure from its neighbour, held elections.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia came under heavy criticism for the decision.", "Georgia"), "unfavorable");
});

test("losing one's place to another; 'as' coordinates only in 'as well as'; 'no longer' reaches past 'longer'", () => {
  const s = "India has replaced Russia as the main arms supplier of the region.";
  assert.equal(stanceOf(s, "Russia"), "unfavorable");
  assert.equal(stanceOf(s, "India"), "neutral");
  assert.equal(stanceOf("Turkey is no longer the strongest regional power.", "Turkey"), "unfavorable");
});

test("troops advancing into another's territory are the aggressor's", () => {
  const s = "In 2008, Russian troops advanced into Georgian territory.";
  assert.equal(stanceOf(s, "Russian"), "unfavorable");
  assert.equal(stanceOf(s, "Georgian"), "neutral");
});

test("incapacity: 'cannot', 'failed to' count against the actor unless what they negate is a cue", () => {
  assert.equal(stanceOf("Moscow cannot build a coalition in the Caspian region.", "Moscow"), "unfavorable");
  assert.equal(stanceOf("Ankara failed to open the border crossing last spring.", "Ankara"), "unfavorable");
  // the negated cue speaks instead: not staying passive is no failure
  const tag = tagText("Tehran cannot remain passive about the border.", rules)[0];
  assert.ok(!tag.rules.some((r) => r.startsWith("incapacity")));
  assert.notEqual(tag.stance, "unfavorable");
  // "able to" is capacity; negated, it falls short
  assert.equal(stanceOf("Georgia was not always able to keep its neighbours apart.", "Georgia"), "unfavorable");
  // a yielding cue's flag is validated
  const good = readFileSync("data/rules/stance.yaml", "utf8");
  const bad = good.replace("    yields: true\n", "    yields: sometimes\n");
  assert.notEqual(bad, good);
  assert.throws(() => parseStanceRules("stance.yaml", bad, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: /.test(e.message));
});

test("a limited reach said of the actor counts against it; 'limited' before a noun does not", () => {
  assert.equal(stanceOf("The CSTO's room for action in Central Asia has been severely limited.", "CSTO"), "unfavorable");
  assert.equal(stanceOf("France sent limited supplies of fuel to the region.", "France"), "neutral");
});

test("capability words: named they favour the actor, lacking they count against it; a clause after 'but' keeps its subject past the verb", () => {
  assert.equal(stanceOf("Georgia's prime minister brings years of expertise to the talks.", "Georgia"), "favorable");
  assert.equal(stanceOf("Armenia won the vote, but lacked the experience to govern the region.", "Armenia"), "neutral");
  const tag = tagText("Armenia held the talks in May, but lacked the experience to settle anything.", rules)[0];
  assert.ok(tag.rules.includes("standing (agent)"));
  assert.equal(tag.stance, "unfavorable");
});

test("sponsoring armed groups is no help; a name owned by a possessor shares its roles", () => {
  assert.equal(stanceOf("For years Moscow has funded separatist militias in the north.", "Moscow"), "unfavorable");
  assert.notEqual(stanceOf("For years Moscow has funded schools in the north.", "Moscow"), "unfavorable");
  const tag = tagText("France's Rafale Marine jets proved a decisive advantage in the exercise.", rules).find((m) => m.text === "France");
  assert.equal(tag?.stance, "favorable");
});

test("a sentence opening with a participle phrase describes the subject after its comma; 'struggling to' negates", () => {
  assert.equal(stanceOf("Criticized for its silence at the summit, Moscow sent a delegation to Yerevan.", "Moscow"), "unfavorable");
  assert.equal(stanceOf("Struggling to win over the voters of the north, Georgia changed its campaign.", "Georgia"), "unfavorable");
  // a possessor inside the opening phrase keeps its own cue
  const tags = tagText("Exploiting Russia's weakness in the region, Turkey opened a new trade route.", rules);
  assert.equal(tags.find((m) => m.text === "Turkey")?.stance, "unfavorable");
  assert.equal(tags.find((m) => m.text === "Russia")?.stance, "unfavorable");
  // "Following ..." opens a prepositional phrase, not a description
  assert.equal(stanceOf("Following the attacks in the south, Georgia closed its border.", "Georgia"), "neutral");
});

test("a capitalised cue word inside a sentence is part of a name; in a headline it is not", () => {
  assert.equal(stanceOf("Georgia met the Democratic Party delegation in Tbilisi.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia is a democratic country.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia Wins Decisive Victory In Tbilisi Vote", "Georgia"), "favorable");
});

test("a demonym target modifies its noun in the span tagger as in articles; its noun phrase may be long", () => {
  const s = "Yesterday Georgia fired at the village with artillery, Russian and Turkish-made rockets, and mortars.";
  const at = s.indexOf("Russian");
  assert.equal(tagTarget(s, { start: at, end: at + 7 }, rules).stance, "neutral");
  const t = "Russian border troops stationed near the town launched an offensive on Monday.";
  assert.equal(tagTarget(t, { start: 0, end: 7 }, rules).stance, "unfavorable");
});

test("the actor to be deterred or guarded against is the danger; 'from' after a cue follows the cue's 'from' field", () => {
  assert.equal(stanceOf("Moldova needs a strong army to deter Russia.", "Russia"), "unfavorable");
  assert.ok(!tagText("Georgia needs an army to deter Russia.", rules).find((m) => m.text === "Georgia")?.rules.some((r) => r.startsWith("deterrence")));
  assert.equal(stanceOf("The new base is a bulwark against Iran.", "Iran"), "unfavorable");
  // help given to someone against another is no praise for the other: "from" makes it the patient
  assert.equal(stanceOf("The treaty was signed to protect the country from Azerbaijan.", "Azerbaijan"), "neutral");
  const good = readFileSync("data/rules/stance.yaml", "utf8");
  const bad = good.replace("    from: patient\n", "    from: threat\n");
  assert.notEqual(bad, good);
  assert.throws(() => parseStanceRules("stance.yaml", bad, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: /.test(e.message));
});

test("a quoted title is a name, not distance; 'rarely' negates; taking (full) advantage of something exploits it", () => {
  assert.equal(stanceOf("Georgia's \"Peace and Prosperity Initiative\" was launched in May.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia's \"neutrality\" was announced in May.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Turkey rarely proves effective in the talks.", "Turkey"), "unfavorable");
  assert.equal(stanceOf("Ankara is taking full advantage of the crisis in the north.", "Ankara"), "unfavorable");
});

test("what an actor fears is a danger; the source of fire or pressure is the aggressor, its target is not judged", () => {
  assert.equal(stanceOf("Fearing a Turkish incursion, Georgia closed the border.", "Turkish"), "unfavorable");
  assert.equal(stanceOf("The talks stalled over concerns about Iranian missiles.", "Iranian"), "unfavorable");
  // the worried actor itself is no danger
  assert.notEqual(stanceOf("Baku is concerned about the new pipeline.", "Baku"), "unfavorable");
  const s = "The village remained under constant fire from Azerbaijan.";
  assert.equal(stanceOf(s, "Azerbaijan"), "unfavorable");
  assert.equal(stanceOf("Armenia is under constant fire and pressure.", "Armenia"), "neutral");
});

test("what is unworkable without an actor makes it indispensable; 'impossible to' negates", () => {
  assert.equal(stanceOf("The new trade route is unworkable without Georgian cooperation.", "Georgian"), "favorable");
  assert.equal(stanceOf("Georgia has become an indispensable partner for Brussels.", "Georgia"), "favorable");
  assert.equal(stanceOf("Tbilisi made it impossible to reach a compromise.", "Tbilisi"), "unfavorable");
});

test("news verbs and nouns AFINN scores ('launched', 'warnings', 'expand') are not judgements", () => {
  const tag = tagText("Georgia sent warnings to its neighbours and launched a new expanded patrol.", rules)[0];
  assert.ok(!tag.rules.some((r) => r.startsWith("afinn")));
  assert.equal(tag.stance, "neutral");
});

test("'inability to', 'failure to' negate what follows; a possessor owns each noun of the list it opens", () => {
  // two negations cancel: unable to prevent a defeat leaves the defeat
  assert.equal(stanceOf("The alliance's inability to prevent Georgia's defeat was plain.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Turkey's demands, delays and blunders ended the talks.", "Turkey"), "unfavorable");
  // another holder in the list takes its own items
  assert.equal(stanceOf("Turkey's demands, Georgia's delays and blunders ended the talks.", "Turkey"), "neutral");
});

test("a possessor inside the predicate of 'is' does not own the predicate: it describes the subject", () => {
  const s = "Turkey is no longer Georgia's most reliable ally.";
  assert.equal(stanceOf(s, "Turkey"), "unfavorable");
  assert.equal(stanceOf(s, "Georgia"), "neutral");
  // outside a predicate the possessor still owns its noun
  assert.equal(stanceOf("Turkey criticised Georgia's failure.", "Georgia"), "unfavorable");
});

test("the object of an enabling verb is the subject of the infinitive after it", () => {
  assert.equal(stanceOf("The new pipeline allows Georgia to strengthen its economy.", "Georgia"), "favorable");
  // an ordinary object is not the subject of what follows
  assert.equal(stanceOf("The new pipeline reached Georgia to strengthen the economy of Baku.", "Georgia"), "neutral");
});

test("a speaker is not the subject of the clause it reports; consolidating control is strength", () => {
  assert.equal(stanceOf("Pashinyan said the border guards had failed to stop the smugglers.", "Pashinyan"), "neutral");
  assert.equal(stanceOf("Pashinyan failed to stop the smugglers.", "Pashinyan"), "unfavorable");
  assert.equal(stanceOf("Georgia has consolidated control over its ports.", "Georgia"), "favorable");
});

test("brokering a ceasefire is constructive; 'rather than' and 'instead of' negate what follows", () => {
  assert.equal(stanceOf("The fighting was halted by a Georgian-brokered ceasefire.", "Georgian"), "favorable");
  assert.equal(stanceOf("Georgia was cautious rather than effective.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia was cautious and effective.", "Georgia"), "favorable");
  // a multi-word negator in the lexicon is validated like the others
  const good = readFileSync("data/rules/stance.yaml", "utf8");
  const bad = good.replace("negators: [not, rather than,", "negators: [not, {rather: than},");
  assert.notEqual(bad, good);
  assert.throws(() => parseStanceRules("stance.yaml", bad, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: /.test(e.message));
});

test("a demonym owns a cue inside the noun phrase it opens", () => {
  const s = "The report includes Russian drills and preparations for an invasion of the north.";
  const at = s.indexOf("Russian");
  assert.equal(tagTarget(s, { start: at, end: at + 7 }, rules).stance, "unfavorable");
});

test("willingness counts for the actor; a success for someone is theirs", () => {
  assert.equal(stanceOf("Georgia was willing to reopen the talks.", "Georgia"), "favorable");
  assert.equal(stanceOf("The vote was a clear victory for Georgia.", "Georgia"), "favorable");
});

test("an embarrassment 'for X' is X's", () => {
  assert.equal(stanceOf("The leaked letter was embarrassing for Georgia.", "Georgia"), "unfavorable");
});

test("a title before a name belongs to it: it is no holder of its own and does not break a coordination", () => {
  assert.equal(stanceOf("Pashinyan and President Aliyev are locked in a stalemate over the border.", "Pashinyan"), "unfavorable");
  assert.equal(stanceOf("Pashinyan and Mr. Aliyev are locked in a stalemate over the border.", "Pashinyan"), "unfavorable");
  const s = "Critics mocked Mr. Pashinyan on Tuesday.";
  const at = s.indexOf("Pashinyan");
  assert.equal(tagTarget(s, { start: at, end: at + 9 }, rules).stance, "unfavorable");
});

test("pronouns agree: 'they' is no single person, 'he' is no state", () => {
  // "their" cannot stand for President Aliyev; it stands for the state named before
  const tags = tagText("Georgia hosted President Aliyev; their failure was plain.", rules);
  assert.equal(tags.find((m) => m.text === "Aliyev")?.stance, "neutral");
  assert.equal(tags.find((m) => m.text === "Georgia")?.stance, "unfavorable");
  // "his" cannot stand for Russia
  const t = tagText("Pashinyan met Russia's envoy, and his failure was plain.", rules);
  assert.equal(t.find((m) => m.text === "Pashinyan")?.stance, "unfavorable");
  assert.equal(t.find((m) => m.text === "Russia")?.stance, "neutral");
});

test("a participle with its 'by' phrase is done to what the possessor owns", () => {
  assert.notEqual(stanceOf("Georgia's border posts attacked by militias were rebuilt.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia's border posts attacked the village.", "Georgia"), "unfavorable");
});

test("the name of a weapon ('attack helicopters') is no attack", () => {
  assert.equal(stanceOf("Georgia is buying attack helicopters from France.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia is planning an attack on the village.", "Georgia"), "unfavorable");
});

test("a relational noun after a possessor names someone else: 'Georgia's closest partner' is not Georgia", () => {
  assert.equal(stanceOf("Under the new treaty Georgia's closest partner, France, sent supplies.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia's reliable diplomacy impressed Brussels.", "Georgia"), "favorable");
  const good = readFileSync("data/rules/stance.yaml", "utf8");
  const bad = good.replace(/  relational_nouns: \[[^\]]*\]/, "  relational_nouns: partner");
  assert.notEqual(bad, good);
  assert.throws(() => parseStanceRules("stance.yaml", bad, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: /.test(e.message));
});

test("quotation marks after verbs of asking, or a few words after a verb of naming, report words", () => {
  assert.equal(stanceOf("The deputies urged Georgia to \"stand firm\" on the border.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia called the border post a \"prison\".", "Georgia"), "neutral");
});

test("the one praising shows goodwill: a weak favorable signal, weaker than for the one praised", () => {
  const tags = tagText("Georgia praised Armenia for the new border agreement.", rules);
  const g = tags.find((m) => m.text === "Georgia")!;
  const a = tags.find((m) => m.text === "Armenia")!;
  assert.equal(g.stance, "favorable");
  assert.ok(a.score > g.score);
});

test("a name after 'that' followed by a past tense starts a clause of its own; contradicting earlier claims is inconsistency", () => {
  assert.equal(stanceOf("Records indicate that Pashinyan used a second passport, contradicting earlier statements.", "Pashinyan"), "unfavorable");
});

test("a name heading a noun phrase ('the Pashinyan government') is the subject of the verb after the phrase", () => {
  const s = "Critics believe the Pashinyan government has violated the agreement.";
  const at = s.indexOf("Pashinyan");
  assert.equal(tagTarget(s, { start: at, end: at + 9 }, rules).stance, "unfavorable");
});

test("an appositive describes the holder it stands beside, even when it names another holder", () => {
  const s = "Georgia, Armenia's most reliable partner, will host the talks.";
  assert.equal(stanceOf(s, "Georgia"), "favorable");
  assert.equal(stanceOf(s, "Armenia"), "neutral");
  // a list of holders, or a phrase opening with a preposition or a participle, is no appositive
  assert.equal(stanceOf("Talks with Georgia, backing Armenia, and courting Turkey are costly.", "Georgia"), "neutral");
});

test("a possessive in a phrase opening the sentence points ahead to the subject after its comma", () => {
  assert.equal(stanceOf("Throughout his distinguished tenure, Pashinyan kept the office open.", "Pashinyan"), "favorable");
  assert.equal(stanceOf("Throughout the long tenure, Pashinyan kept the office open.", "Pashinyan"), "neutral");
});

test("the second part of a hyphenated name stands where the compound stands: no subject after 'in the'", () => {
  assert.equal(stanceOf("Paris remains engaged in the Russia-Georgia dispute, actively promoting dialogue.", "Paris"), "favorable");
  assert.equal(stanceOf("Paris remains engaged in the Russia-Georgia dispute, actively promoting dialogue.", "Georgia"), "neutral");
});

test("an actor's self-image ('sees itself as', 'positions itself as') is its own claim, attributed even for the actor", () => {
  const own = tagText("Georgia positions itself as a peacemaker in the region.", rules)[0];
  const plain = tagText("Georgia is a peacemaker in the region.", rules)[0];
  assert.ok(own.rules.includes("attributed"));
  assert.ok(own.score < plain.score);
  // a view of someone else stays the holder's own view, not hearsay about it
  assert.ok(!tagText("Georgia sees Armenia as a peacemaker in the region.", rules)[0].rules.includes("attributed"));
  const good = readFileSync("data/rules/stance.yaml", "utf8");
  const bad = good.replace(/  self_presentation: \[[^\]]*\]/, "  self_presentation: 7");
  assert.notEqual(bad, good);
  assert.throws(() => parseStanceRules("stance.yaml", bad, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: /.test(e.message));
});

test("'of X' after a copula belongs to the predicate noun, not to a cue in the subject", () => {
  assert.equal(stanceOf("Their weak reply was the dispatch of Georgia.", "Georgia"), "neutral");
  assert.equal(stanceOf("The failure of Georgia shocked the region.", "Georgia"), "unfavorable");
});

test("the one facing a threat or an obstacle ('faces a growing threat', 'has another obstacle') is not its source", () => {
  assert.equal(stanceOf("Georgia faces a growing threat from Russia.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia faces a growing threat from Russia.", "Russia"), "unfavorable");
  assert.equal(stanceOf("Georgia may have another obstacle ahead.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia is the main obstacle to the deal.", "Georgia"), "unfavorable");
});

test("what turns in an actor's favour benefits it, a signal that survives a hedge ('arguably in Georgia's favour')", () => {
  assert.equal(stanceOf("The new pipeline arguably shifted the balance in Georgia's favour.", "Georgia"), "favorable");
});

test("an actor said to be right ('was right to', 'is correct that') is favorable; 'was not right to' is no praise", () => {
  assert.equal(stanceOf("Georgia was right to stay out of the border quarrel.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia is quite correct that the tariffs hurt farmers.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia was not right to stay out of the border quarrel.", "Georgia"), "neutral");
});

test("the first to do something ('was the first country to open') leads the way; 'the first time' is no such claim", () => {
  assert.equal(stanceOf("Georgia was the first country to open a consulate in the valley.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia noted it was the first time to open a consulate in the valley.", "Georgia"), "neutral");
});

test("idioms of praise and betrayal: 'tipped its hat to X' favors X, 'threw X under the bus' counts against the one throwing", () => {
  const s = "Georgia tipped its hat to Armenia after the customs deal.";
  assert.equal(stanceOf(s, "Armenia"), "favorable");
  assert.equal(stanceOf(s, "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia quietly threw its old partner under the bus.", "Georgia"), "unfavorable");
});

test("nominalisations carry their adjective's judgement: 'the effectiveness of X', 'X's intransigence'", () => {
  assert.equal(stanceOf("Diplomats in the capital openly doubt the effectiveness of Georgia.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("The talks on the railway stalled over Georgia's intransigence.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Observers in the valley admired the decisiveness of Georgia.", "Georgia"), "favorable");
});

test("a preposition inside a relative clause after the cue belongs to that clause: 'praised the deal which brought trains to X' is no praise of X", () => {
  assert.equal(stanceOf("Georgia praised the customs agreement which brought new trains to Armenia.", "Armenia"), "neutral");
  assert.equal(stanceOf("Georgia praised the customs agreement with Armenia.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia praised the patience of Armenia.", "Armenia"), "favorable");
});

test("the one an investigation is opened into is in the dock, not the investigator", () => {
  const s = "Prosecutors in Kyiv opened an investigation into Georgia's shipping contracts.";
  assert.equal(stanceOf(s, "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia opened an investigation into the shipping contracts.", "Georgia"), "neutral");
});

test("a predicate of collapse denies the noun it is said of: 'Georgia's popularity has plummeted', 'its credibility is shot'", () => {
  assert.equal(stanceOf("After the port scandal, Georgia's credibility is largely gone.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia's reputation for honesty has quietly evaporated.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia's reputation for honesty has quietly grown.", "Georgia"), "favorable");
  const good = readFileSync("data/rules/stance.yaml", "utf8");
  const bad = good.replace(/  reversers: \[[^\]]*\]/, "  reversers: {shot: 1}");
  assert.notEqual(bad, good);
  assert.throws(() => parseStanceRules("stance.yaml", bad, rules.actors), (e: unknown) => e instanceof InputError && /stance\.yaml:\d+: .*reversers/.test(e.message));
});

test("the one holding a view of another is not the subject of what the view says: 'Georgia considers Armenia a threat'", () => {
  assert.equal(stanceOf("Georgia considers Armenia a threat to the pipeline.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia accused Armenia of aggression in the valley.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia regards the new tariffs as illegal.", "Georgia"), "neutral");
  // ... but a view said of the actor, or its view of itself, is about it
  assert.equal(stanceOf("Georgia is widely regarded as a threat to the pipeline.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia has been accused of aggression in the valley.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia sees itself as a peacemaker.", "Georgia"), "favorable");
});

test("an untenable or unsustainable state denies the noun it is said of: 'made X's isolation untenable' is no weakness of X", () => {
  // the plight undone in full reads as favorable (as the gold labels "made Iran's regional
  // marginalization unworkable")
  assert.equal(stanceOf("The new ferry line made Georgia's isolation untenable.", "Georgia"), "favorable");
  assert.equal(stanceOf("The new ferry line deepened Georgia's isolation.", "Georgia"), "unfavorable");
});

test("a possessor owns its noun's 'of' complement: 'Georgia's lack of restraint' is Georgia's, not the subject's", () => {
  const s = "Armenia spoke at length about Georgia's lack of restraint.";
  assert.equal(stanceOf(s, "Georgia"), "unfavorable");
  assert.equal(stanceOf(s, "Armenia"), "neutral");
});

test("a pronoun with a contracted 'is' or 'has' ('he's', 'it's') is a subject that stands for its antecedent, not a possessor", () => {
  assert.equal(stanceOf("Pashinyan told reporters on Monday that he's been humiliated by the border deal.", "Pashinyan"), "unfavorable");
  const he = tagTarget("He's been humiliated by the border deal.", { start: 0, end: 2 }, rules);
  assert.equal(he.stance, "unfavorable");
});

test("a contracted 'it's' agrees in number and gender as 'it' does: with a state, not a person", () => {
  const coreference = (s: string) => tagText(s, rules)[0].rules.includes("coreference");
  assert.equal(coreference("Russia signed the deal, and it's failing to honour it."), true);
  assert.equal(coreference("Putin signed the deal, and it's failing to honour it."), false);
  assert.equal(coreference("Putin signed the deal, and he's failing to honour it."), true);
});

test("coordinated negators share one scope: 'unable or unwilling to' does not cancel itself out", () => {
  assert.equal(stanceOf("Georgia proved unable or unwilling to open the border crossing.", "Georgia"), "unfavorable");
});

test("'has yet to' negates what follows instead of opening a contrast", () => {
  assert.equal(stanceOf("Georgia has yet to fulfil its promises on the railway.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia was weak, yet it prevailed in the end.", "Georgia"), "favorable");
});

test("'that' after a name or a noun is a relative pronoun: the past tense after it is a verb, not a participle", () => {
  assert.equal(stanceOf("In the end it was Georgia that invaded the valley.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia is the only state that invaded the valley.", "Georgia"), "unfavorable");
  // a determiner before a participle still makes it an adjective: "that occupied valley"
  assert.equal(stanceOf("Georgia visited that occupied valley.", "Georgia"), "neutral");
});

test("'in favor of X' favors X, not the one who decides ('stepped aside in favor of')", () => {
  const s = "Armenia stepped aside in favor of Georgia at the talks.";
  assert.equal(stanceOf(s, "Georgia"), "favorable");
  assert.equal(stanceOf(s, "Armenia"), "neutral");
});

test("the first part of a hyphenated modifier ('the NATO-inclined faction') is not what the cue before it reaches", () => {
  assert.equal(stanceOf("Armenia stepped aside in favor of the NATO-inclined faction.", "NATO"), "neutral");
});

test("a participle ending a hyphenated adjective ('the Russian-backed faction') describes its noun, not the clause's subject", () => {
  assert.equal(stanceOf("Armenia stepped aside in favor of the Russian-backed faction.", "Armenia"), "neutral");
  assert.equal(stanceOf("Georgia resigned after weeks of Armenian-led protests.", "Georgia"), "unfavorable");
});

test("a cue does not reach a holder after it across a clause boundary without punctuation: a relative pronoun or a finite verb", () => {
  assert.equal(stanceOf("Georgia signed a partnership that shields the valley from Russia.", "Russia"), "neutral");
  assert.equal(stanceOf("The cooperation grew when money came from Russia.", "Russia"), "neutral");
});

test("those voted, campaigned or protested against are opposed ('voted against Armenia'); the opponents are not judged by it", () => {
  const s = "Most delegates voted against Armenia in the final round.";
  assert.equal(stanceOf(s, "Armenia"), "unfavorable");
  assert.equal(stanceOf("Georgia campaigned against the new tariff.", "Georgia"), "neutral");
});

test("'without X's support' says the support was absent, not withheld; 'refused to support' still counts against", () => {
  assert.equal(stanceOf("Armenia rebuilt the bridge without Russian support.", "Russian"), "neutral");
  assert.equal(stanceOf("Russia refused to support the bridge.", "Russia"), "unfavorable");
});

test("scare quotes inside a view the author reports ('experts believe that X ... a \"treaty\"') are distanced like the rest of it", () => {
  assert.equal(stanceOf("Some analysts believe that Georgia is preparing a \"road map\" with its neighbours.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia is preparing a \"road map\" with its neighbours.", "Georgia"), "unfavorable");
});

test("quotation marks in what a speaker is reported to have said ('X said the farmers in the valley are \"slow\" ...') quote the speaker, they do not distance", () => {
  const s = "Georgia said the farmers in the valley are \"slow\" to sign up.";
  assert.equal(stanceOf(s, "Georgia"), "neutral");
});

test("a cue in a phrase of topic after another noun ('talks on closer cooperation') names what is discussed, not what the subject does", () => {
  assert.equal(stanceOf("Georgia opened talks on closer cooperation with the valley towns.", "Georgia"), "neutral");
  assert.equal(stanceOf("Georgia pursued closer cooperation with the valley towns.", "Georgia"), "favorable");
});

test("'the irony of X doing ...' points at a gap between the actor's word and deed", () => {
  assert.equal(stanceOf("The irony of Georgia buying gas from its old rival is plain.", "Georgia"), "unfavorable");
});

test("'a demand for X to resign': the holder between a demand's 'for' and an infinitive is its subject", () => {
  assert.equal(stanceOf("The strikes grew into a call for Pashinyan to resign.", "Pashinyan"), "unfavorable");
  assert.equal(stanceOf("The strikes ended with a bonus for Pashinyan to share.", "Pashinyan"), "neutral");
});

test("concealment ('covered up', 'kept X in the dark') counts against the one who hides, not the one kept uninformed", () => {
  const s = "The mayor's office kept Georgia in the dark about the spill.";
  assert.equal(stanceOf("The ministry kept parliament in the dark, and Georgia knew it.", "Georgia"), "neutral");
  assert.equal(stanceOf("For weeks Georgia kept its partners in the dark.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia covered up the spill for a week.", "Georgia"), "unfavorable");
  assert.equal(stanceOf(s, "Georgia"), "neutral");
});

test("'tearing X apart' counts against the one who does the harm, not what is torn apart", () => {
  const s = "Georgia's new grazing rules are tearing the valley villages apart.";
  assert.equal(stanceOf(s, "Georgia"), "unfavorable");
  assert.equal(stanceOf("The floods tore the Georgia pavilion apart.", "Georgia"), "neutral");
});

test("the one a verb of arrest or prosecution is done to ('moved to jail X', 'the prosecution of X') is portrayed as in the wrong", () => {
  assert.equal(stanceOf("The court moved to jail Pashinyan's former aide and to prosecute Pashinyan.", "Pashinyan"), "unfavorable");
  assert.equal(stanceOf("Prosecutors sought the prosecution of Georgia's former defence chief and of Georgia itself.", "Georgia"), "unfavorable");
});

test("inflammatory rhetoric ('rabble-rousing', 'a tirade', 'fearmongering') discredits the one who uses it", () => {
  assert.equal(stanceOf("Georgia's envoy delivered a long tirade at the summit.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Pashinyan recruited a slate of rabble-rousing candidates.", "Pashinyan"), "unfavorable");
});

test("walking back a pledge or an offer ('walked back', 'pulled back an offer', 'reneged') shows the actor in retreat", () => {
  assert.equal(stanceOf("Georgia has pulled back its offer of a new pipeline route.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Within a day Pashinyan walked back the remarks.", "Pashinyan"), "unfavorable");
});

test("a personality cult or a strongman's rule is illegitimate", () => {
  assert.equal(stanceOf("Aliyev's personality cult has grown since 2003.", "Aliyev"), "unfavorable");
  assert.equal(stanceOf("Aliyev rules the country as a strongman.", "Aliyev"), "unfavorable");
});

test("mocking, insulting or smearing someone reflects on the one who does it, as well as on the one mocked", () => {
  const s = "Georgia's ambassador mocked the Armenian delegation at the dinner.";
  assert.equal(stanceOf(s, "Georgia"), "unfavorable");
  assert.equal(stanceOf("Pashinyan criticized the new tariff at the dinner.", "Pashinyan"), "neutral");
  assert.equal(stanceOf("Pashinyan was mocked at the dinner.", "Pashinyan"), "unfavorable");
});

test("what is 'predicated on' or 'hinges on' another, or 'at the mercy of' it, is dependent", () => {
  assert.equal(stanceOf("Georgia's grain supply hinges on a single mountain pass.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("In winter the valley is at the mercy of Armenia's pipeline, and Georgia knows it.", "Georgia"), "neutral");
});

test("levers, tools or weapons 'against' another make their holder a threat, and so does weaponizing a resource", () => {
  const s = "Georgia's main levers against the valley towns are water and grain.";
  assert.equal(stanceOf(s, "Georgia"), "unfavorable");
  assert.equal(stanceOf("Pashinyan weaponized the gas supply against the valley towns.", "Pashinyan"), "unfavorable");
  // without "against" levers are no threat (since 'levers' joined 'leverage' as effective, they are favorable)
  assert.notEqual(stanceOf("Georgia's main levers in the talks are water and grain.", "Georgia"), "unfavorable");
});

test("a lexicon adjective right before the actor describes it ('a greedy X'): the agent's full weight, not a patient's half", () => {
  assert.equal(stanceOf("A greedy Pashinyan raised the tolls again.", "Pashinyan"), "unfavorable");
});

test("the partner 'with' whom a joint action is done ('cooperated with X to', 'teamed up with X to') does what follows, like its subject", () => {
  const s = "Russia teamed up with Georgia to smuggle arms across the border.";
  assert.equal(stanceOf("Russia cooperated with Georgia to circumvent the embargo.", "Georgia"), "unfavorable");
  assert.equal(stanceOf(s, "Georgia"), "unfavorable");
  assert.equal(stanceOf("Russia joined forces with Georgia to smuggle arms across the border.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Russia met with Georgia to circumvent the embargo.", "Georgia"), "neutral");
});

test("a favourable cue whose object the author holds up in quotation marks ('welcomed the \"settlement\"') is ironic", () => {
  assert.equal(stanceOf("Georgia welcomed the \"settlement\" of the valley.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia welcomed the settlement of the valley.", "Georgia"), "favorable");
});

test("smearing, vilifying or misrepresenting an actor ('smeared Georgia', 'mischaracterized Armenia's offer') wrongs it: the one doing it is unfair, the one smeared is not criticised", () => {
  const s = "Georgia smeared Armenia in a string of anonymous leaflets.";
  assert.equal(stanceOf(s, "Armenia"), "favorable");
  assert.equal(stanceOf(s, "Georgia"), "unfavorable");
  assert.equal(stanceOf("The pamphlet mischaracterized Armenia's offer on the border villages.", "Armenia"), "favorable");
  assert.equal(stanceOf("Georgia criticised Armenia in a string of anonymous leaflets.", "Armenia"), "unfavorable");
});

test("doing better than another or than expected ('performed better than', 'fared better') favors the actor; beating another is a defeat for the one beaten", () => {
  assert.equal(stanceOf("Georgia performed better than most of its neighbours in the rural districts.", "Georgia"), "favorable");
  const s = "Georgia beat Armenia in the final round of the tender.";
  assert.equal(stanceOf(s, "Georgia"), "favorable");
  assert.equal(stanceOf(s, "Armenia"), "unfavorable");
});

test("a lead in a race or a poll ('a narrow lead over', 'kept her lead') favors the one ahead; 'the lead author' is no lead", () => {
  assert.equal(stanceOf("Georgia kept a slight lead over Armenia in the count.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia is the lead author of the valley report.", "Georgia"), "neutral");
});

test("'but' between two adjectives before their noun ('a small but sturdy lead') joins them in one noun phrase: it concedes nothing", () => {
  const tag = tagText("Georgia kept a small but sturdy lead over Armenia in the count.", rules)[0];
  assert.equal(tag.text, "Georgia");
  assert.ok(!tag.rules.includes("concession"));
  assert.ok(tagText("Georgia was successful in Syria, but Armenia failed in Libya.", rules)[0].rules.includes("concession"));
});

test("'With X clinging to ..., Y ...': a holder after an opening 'with' and before a participle is the participle's subject, up to the comma", () => {
  const s = "With Georgia clinging to a slight lead, Armenia waited for the count.";
  assert.equal(stanceOf(s, "Georgia"), "favorable");
  assert.equal(stanceOf("With Georgia clinging to a slight lead, Armenia suffered a humiliating defeat.", "Georgia"), "favorable");
  assert.equal(stanceOf("Armenia met with Georgia to discuss a slight lead in the count.", "Georgia"), "neutral");
});

test("serving, giving or speaking up for others ('has fought for', 'volunteered at', 'serve in the military') favors the actor; 'volunteer militias' and 'his mentor' do not", () => {
  assert.equal(stanceOf("Georgia has fought for the valley farmers for decades.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia met the volunteer teams in the valley.", "Georgia"), "neutral");
});

test("being chosen for a role or given an award ('was picked to host', 'tapped to lead') favors the actor", () => {
  assert.equal(stanceOf("Georgia was picked to host the next regional summit.", "Georgia"), "favorable");
});

test("improving, modernising or transforming something ('its drive to modernise the army') favors the actor", () => {
  assert.equal(stanceOf("Georgia has modernised its border posts along the valley.", "Georgia"), "favorable");
});

test("a pronoun given as the target ('he', 'his') stands for its antecedent: the cues that reach the antecedent reach it", () => {
  const text = "The committee praised Smith before he left the hall.";
  const he = text.indexOf(" he ") + 1;
  assert.equal(tagTarget(text, { start: he, end: he + 2 }, rules).stance, "favorable");
  const other = "The committee praised Smith before Jones left the hall.";
  const jones = other.indexOf("Jones");
  assert.equal(tagTarget(other, { start: jones, end: jones + 5 }, rules).stance, "neutral");
});

test("in a quotation, 'I' and 'my' stand for the speaker named right after it or before the verb of saying that opens it; 'I think ...' is about someone else", () => {
  const span = (text: string, word: string) => {
    const i = text.lastIndexOf(word);
    return tagTarget(text, { start: i, end: i + word.length }, rules).stance;
  };
  assert.equal(span("\u201cI volunteered at the shelter every weekend,\u201d she said.", "she"), "favorable");
  assert.equal(span("Jones said: \u201cI volunteered at the shelter every weekend.\u201d", "Jones"), "favorable");
  assert.equal(span("\u201cI think the mayor should resign,\u201d she said.", "she"), "neutral");
});

test("the same person's name again in the sentence ('Smith ... Smith') is the same person: what reaches one mention reaches the other", () => {
  const text = "The report on Smith was late, and the board criticised Smith.";
  assert.equal(tagTarget(text, { start: 14, end: 19 }, rules).stance, "unfavorable");
  const other = "The report on Smith was late, and the board criticised Jones.";
  assert.equal(tagTarget(other, { start: 14, end: 19 }, rules).stance, "neutral");
});

test("'without having to' frees the actor of an obligation: it does not negate what follows against it", () => {
  assert.notEqual(stanceOf("Georgia held the valley without having to cooperate with its neighbours.", "Georgia"), "unfavorable");
  assert.equal(stanceOf("Georgia held the valley without any cooperation with its neighbours.", "Georgia"), "unfavorable");
});

test("a negated limit ('avoided being constrained', 'is not limited') says the actor is free to act: favorable", () => {
  assert.equal(stanceOf("Georgia avoided being constrained by the old alliance.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia was constrained by the old alliance.", "Georgia"), "unfavorable");
});

test("a predicate of collapse said of a plight undoes it in full ('made Georgia's isolation untenable'): favorable, unlike a merely avoided misdeed", () => {
  assert.equal(stanceOf("The new railway made Georgia's isolation untenable.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia avoided threats in the valley.", "Georgia"), "neutral");
});

test("dealing with a problem ('tackled the shortage', 'addresses concerns about') favors the actor; 'addressed the crowd' is no problem solved", () => {
  assert.equal(stanceOf("Georgia tackled the housing shortage in the valley.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia addressed the delegates in the valley.", "Georgia"), "neutral");
});

test("reducing a harm ('cut poverty', 'close loopholes to reduce the deficit', 'fighting corruption') favors the actor", () => {
  assert.equal(stanceOf("Georgia has cut poverty in the valley by half.", "Georgia"), "favorable");
  assert.equal(stanceOf("Georgia is fighting corruption in its courts.", "Georgia"), "favorable");
});

/**
 * stance.yaml with the lexicon list `key` written as `value` instead: stopped with the
 * file, the line of the list (or of its bad item) and what is wrong, never read as a
 * list of letters or crashing on it.
 */
function rejectsList(key: string, value: string, problem: string): void {
  const file = "data/rules/stance.yaml";
  const good = readFileSync(file, "utf8");
  const bad = good.replace(new RegExp(`^  ${key}: \\[[^\\]]*\\]`, "m"), `  ${key}: ${value}`);
  assert.notEqual(bad, good, `no list "${key}" in ${file}`);
  const line = bad.split("\n").findIndex((l) => l.startsWith(`  ${key}:`)) + 1;
  assert.throws(
    () => parseStanceRules(file, bad, rules.actors),
    (e: unknown) => e instanceof InputError && e.message.startsWith(`${file}:${line}: lexicon.${key}${problem}`),
  );
}

test("an unknown lexicon list (a misspelt name) stops the build at its line", () => {
  const file = "data/rules/stance.yaml";
  const bad = readFileSync(file, "utf8").replace(/^  speech_verbs:/m, "  speech_verb:");
  const line = bad.split("\n").findIndex((l) => l.startsWith("  speech_verb:")) + 1;
  assert.ok(line > 0);
  assert.throws(() => parseStanceRules(file, bad, rules.actors), (e: unknown) => e instanceof InputError && e.message.startsWith(`${file}:${line}: lexicon: unknown field "speech_verb"`));
});

test("lexicon.speech_verbs is validated: a single word instead of a list stops the build at its line", () => {
  rejectsList("speech_verbs", "said", ": must be array");
});

test("lexicon.reporting_verbs is validated: a number among its words stops the build at its line", () => {
  rejectsList("reporting_verbs", "[said, 7]", ".1: must be string");
});

test("lexicon.opinion_verbs is validated: a number instead of a list stops the build at its line", () => {
  rejectsList("opinion_verbs", "7", ": must be array");
});

test("lexicon.enabling_verbs is validated: a single word instead of a list stops the build at its line", () => {
  rejectsList("enabling_verbs", "allows", ": must be array");
});

test("lexicon.demands is validated: a list inside the list stops the build at its line", () => {
  rejectsList("demands", "[demand, [call, for]]", ".1: must be string");
});

test("lexicon.joint_action is validated: a phrase instead of a list stops the build at its line", () => {
  rejectsList("joint_action", "teamed up", ": must be array");
});

test("lexicon.free_of_obligation is validated: a phrase instead of a list stops the build at its line", () => {
  rejectsList("free_of_obligation", "without having to", ": must be array");
});

test("lexicon.absolute_openers is validated: a number among its words stops the build at its line", () => {
  rejectsList("absolute_openers", "[with, 0]", ".1: must be string");
});

test("lexicon.not_participles is validated: a single word instead of a list stops the build at its line", () => {
  rejectsList("not_participles", "following", ": must be array");
});

test("lexicon.received_after_to is validated: a number among its words stops the build at its line", () => {
  rejectsList("received_after_to", "[aid, 3]", ".1: must be string");
});

/** The shipped rules with one lexicon list's line of stance.yaml rewritten by `edit`; `word` must be in the list. */
function withLexiconList(key: string, word: string, edit: (line: string) => string): typeof rules {
  const file = "data/rules/stance.yaml";
  const text = readFileSync(file, "utf8");
  const line = text.match(new RegExp(`^  ${key}: \\[.*\\]$`, "m"))?.[0] ?? "";
  assert.ok(new RegExp(`[[ ]${word}[,\\]]`).test(line), `no "${word}" in ${key} of ${file}`);
  return { actors: rules.actors, stance: parseStanceRules(file, text.replace(line, edit(line)), rules.actors) };
}

test("lexicon.received_after_to is read from stance.yaml: without \"aid\" there, the one in \"came to Armenia's aid\" owns the aid", () => {
  const withoutAid = withLexiconList("received_after_to", "aid", (line) => line.replace("[aid, ", "["));
  const s = "The CSTO refused to come to Armenia's aid.";
  assert.equal(tagText(s, rules)[1].stance, "neutral");
  assert.equal(tagText(s, withoutAid)[1].stance, "unfavorable");
});

test("lexicon.undergoes is validated: a single phrase instead of a list stops the build at its line", () => {
  rejectsList("undergoes", "victim of", ": must be array");
});

test("lexicon.undergoes is read from stance.yaml: without \"victim of\" there, \"Armenia is a victim of aggression\" reads Armenia as the aggressor", () => {
  const without = withLexiconList("undergoes", "victim of", (line) => line.replace("[victim of, ", "["));
  const s = "Armenia is a victim of aggression.";
  assert.equal(tagText(s, rules)[0].stance, "neutral");
  assert.equal(tagText(s, without)[0].stance, "unfavorable");
});

test("lexicon.empty_subject_predicates is validated: a bare true (YAML's yes, not a word) or a single word instead of a list stops the build at its line", () => {
  rejectsList("empty_subject_predicates", "[worth, true]", ".1: must be string");
  rejectsList("empty_subject_predicates", "clear", ": must be array");
});

test("lexicon.empty_subject_predicates is read from stance.yaml: without \"clear\" there, \"it is clear that\" and \"it's clear that\" make \"it\" a pronoun for the actor before it; the function words (\"it is also ...\") stay in code", () => {
  const withoutClear = withLexiconList("empty_subject_predicates", "clear", (line) => line.replace(" clear,", ""));
  const emptied = withLexiconList("empty_subject_predicates", "clear", () => "  empty_subject_predicates: []");
  const coreference = (s: string, r: typeof rules) => tagText(s, r)[0].rules.includes("coreference");
  for (const s of ["Russia lost the war; it is clear that the army collapsed.", "Russia lost the war; it's clear that the army collapsed."]) {
    assert.equal(coreference(s, rules), false, s);
    assert.equal(coreference(s, withoutClear), true, s);
  }
  for (const s of ["Russia lost the war; it is also clear that the army collapsed.", "Russia lost the war; it's also clear that the army collapsed."]) assert.equal(coreference(s, emptied), false, s);
});

test("lexicon.view_nouns is validated: a single word instead of a list stops the build at its line", () => {
  rejectsList("view_nouns", "perception", ": must be array");
});

test("lexicon.view_nouns is read from stance.yaml: without \"perception\" there, \"the Western perception of a victory\" is the West's victory", () => {
  const without = withLexiconList("view_nouns", "perception", (line) => line.replace("[perception, ", "["));
  const s = "The war fed the Western perception of a tactical victory over Moscow.";
  assert.equal(tagText(s, rules).find((m) => m.text === "Western")?.stance, "neutral");
  assert.equal(tagText(s, without).find((m) => m.text === "Western")?.stance, "favorable");
});
