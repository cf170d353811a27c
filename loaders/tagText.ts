// Stance for free text and for a given target span: what the command line and the gold
// evaluation use. The article pipeline uses the same functions over segmented articles.
import { findMentions, type Mention } from "./actors.ts";
import type { ActorRules } from "./rules/actorRules.ts";
import type { StanceRules } from "./rules/stanceRules.ts";
import { splitSentences } from "./segment.ts";
import { isContractedPronoun, tagSentence, type StanceTag } from "./stance.ts";
import { capitalisedVocabulary, tokenize } from "./tokenize.ts";
import type { Token } from "./types.ts";

export interface Rules {
  actors: ActorRules;
  stance: StanceRules;
}

export interface TaggedMention extends Mention, StanceTag {}

/** Straight quotes for analysis, as the cleaning stage does for articles (same length). */
export function normaliseQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F\u2033]/g, '"').replace(/\u00A0/g, " ");
}

const TITLES = new Set(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "st", "jr", "sr", "pres", "amb", "adm", "maj", "capt", "rev"]);

/**
 * Capitalised words inside the sentence that are not actor mentions: other people and
 * organisations compete with the actors for the subject and object roles.
 */
export function otherEntities(
  tokens: Token[],
  taken: Array<{ tokenStart: number; tokenEnd: number }>,
  isCue: (lower: string) => boolean = () => false,
): Array<{ tokenStart: number; tokenEnd: number; possessive: boolean }> {
  const busy = new Set<number>();
  for (const m of taken) for (let i = m.tokenStart; i < m.tokenEnd; i++) busy.add(i);
  const out: Array<{ tokenStart: number; tokenEnd: number; possessive: boolean }> = [];
  for (let i = 0; i < tokens.length; i++) {
    // a capitalised cue word is a headline's Title Case ("McConnell Misses Deadline"), not a name
    if (busy.has(i) || tokens[i].kind !== "word" || !/^\p{Lu}/u.test(tokens[i].text) || isCue(tokens[i].lower)) continue;
    // a capitalised first word is usually just the start of the sentence
    if (i === 0 || (tokens[i - 1].kind === "punct" && /["'(]/.test(tokens[i - 1].text) && i === 1)) continue;
    let j = i + 1;
    for (;;) {
      // "Mr. Trump", "Sen. Cruz": a title's abbreviation dot stays inside the name
      if (tokens[j]?.text === "." && TITLES.has(tokens[j - 1].lower) && tokens[j + 1] && !busy.has(j + 1) && /^\p{Lu}/u.test(tokens[j + 1].text)) j++;
      else if (j < tokens.length && !busy.has(j) && tokens[j].kind === "word" && /^\p{Lu}/u.test(tokens[j].text) && !isCue(tokens[j].lower) && !tokens[j - 1].possessive) j++;
      else break;
    }
    // "President Trump", "Mr. Putin": capitalised words running into a mention are its title
    if (busy.has(j) || (tokens[j]?.text === "." && busy.has(j + 1) && TITLES.has(tokens[j - 1].lower))) {
      i = j - 1;
      continue;
    }
    out.push({ tokenStart: i, tokenEnd: j, possessive: tokens[j - 1].possessive });
    i = j - 1;
  }
  return out;
}

/** A demonym followed by a lower-case word ("Israeli drones", "Turkish-made") modifies that noun. */
function isModifier(m: Mention, tokens: Token[]): boolean {
  if (!m.rule.startsWith("alias:demonyms:")) return false;
  const next = tokens[m.tokenEnd];
  return !!next && (next.text === "-" || (next.kind === "word" && /^\p{Ll}/u.test(next.text)));
}

const PERSON_TITLES = new Set(["president", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "representative", "gov", "governor", "judge", "justice", "secretary", "speaker", "chairman", "chairwoman", "minister", "prime", "king", "queen", "prince", "princess", "pope", "general", "gen", "ambassador", "mayor", "sheikh", "ayatollah"]);

/** A leader alias is a person, any other alias a state or body; a titled name ("President Trump") is a person. */
function personOf(tokens: Token[], from: number, rule?: string): boolean | undefined {
  if (rule?.startsWith("alias:leaders:")) return true;
  if (rule?.startsWith("alias:")) return false;
  return PERSON_TITLES.has(tokens[from]?.lower ?? "") || PERSON_TITLES.has(tokens[from - 1]?.lower ?? "") || (tokens[from - 1]?.text === "." && TITLES.has(tokens[from - 2]?.lower ?? "")) ? true : undefined;
}

const isCueWord = (rules: Rules) => (lower: string) => rules.stance.wordIndex.has(lower);

/** Tags every actor mention in one sentence's tokens. */
export function tagTokens(tokens: Token[], text: string, offset: number, rules: Rules): TaggedMention[] {
  const mentions = findMentions(tokens, rules.actors, text, offset);
  const holders = mentions.map((m) => ({ ...m, modifier: isModifier(m, tokens), person: personOf(tokens, m.tokenStart, m.rule) }));
  const others = otherEntities(tokens, mentions, isCueWord(rules)).map((e) => ({ ...e, person: personOf(tokens, e.tokenStart) }));
  const tags = tagSentence(tokens, holders, rules.stance, others);
  return mentions.map((m, i) => ({ ...m, ...tags[i] }));
}

/** Every actor mention in a free text, sentence by sentence. */
export function tagText(raw: string, rules: Rules): Array<TaggedMention & { sentence: string }> {
  const text = normaliseQuotes(raw);
  const vocabulary = capitalisedVocabulary(text);
  const out: Array<TaggedMention & { sentence: string }> = [];
  for (const [s, e] of splitSentences(text)) {
    const sentence = text.slice(s, e);
    for (const m of tagTokens(tokenize(sentence, s, vocabulary), text, 0, rules)) out.push({ ...m, sentence });
  }
  return out;
}

/** Stance towards a given span of a sentence, whether or not it names a known actor. */
export function tagTarget(raw: string, target: { start: number; end: number }, rules: Rules): StanceTag {
  const text = normaliseQuotes(raw);
  const tokens = tokenize(text, 0, capitalisedVocabulary(text));
  let from = tokens.findIndex((t) => t.end > target.start);
  if (from < 0) from = tokens.length - 1;
  let to = from;
  while (to < tokens.length && tokens[to].start < target.end) to++;
  if (to === from) to = from + 1;
  // "Ossoff" as target, or a span with punctuation around it ('" Mann'): keep the words
  while (from < to - 1 && tokens[from].kind === "punct") from++;
  const found = findMentions(tokens, rules.actors, text, 0);
  // the target is a demonym modifying a noun ("Israeli drones") as in the article pipeline
  const same = found.find((m) => m.tokenStart === from && m.tokenEnd === to);
  const holder = { tokenStart: from, tokenEnd: to, possessive: (tokens[to - 1]?.possessive ?? false) && !isContractedPronoun(tokens[to - 1]), modifier: !!same && isModifier(same, tokens), person: personOf(tokens, from, same?.rule) };
  const mentions = found.filter((m) => m.tokenEnd <= from || m.tokenStart >= to).map((m) => ({ ...m, modifier: isModifier(m, tokens), person: personOf(tokens, m.tokenStart, m.rule) }));
  const others = [...mentions, ...otherEntities(tokens, [...mentions, holder], isCueWord(rules)).map((e) => ({ ...e, person: personOf(tokens, e.tokenStart) }))];
  return tagSentence(tokens, [holder], rules.stance, others)[0];
}
