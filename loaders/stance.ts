// Target-dependent stance: how a sentence portrays each actor it mentions. A cue (from
// stance.yaml) counts for an actor only through a role the actor plays towards it:
// agent (subject, possessor, modifier, "by X") or patient (object, "against X", "on X").
// Modifiers then scale it: negation in scope flips it, a hedge or attribution weakens it,
// a concessive clause or one overruled by "but" weakens it. Distancing quotation marks
// count against the actor whose term they hold up. natural's AFINN lexicon serves as a
// weak fallback for words no cue covers, through the same roles.
import { findMatches, type MatchContext } from "./matcher.ts";
import { afinnVocabulary, posTags } from "./natural.ts";
import type { CompiledCue, StanceRules } from "./rules/stanceRules.ts";
import type { Token } from "./types.ts";

export type StanceLabel = "favorable" | "neutral" | "unfavorable";
export type Role = "agent" | "patient";

export interface Evidence {
  /** cue id, "scare-quotes" or "afinn" */
  rule: string;
  role: Role | "owner";
  /** contribution to the score after modifiers: for a cue, its weight (`of`) times `scale` */
  weight: number;
  /**
   * A cue's: what its weight is multiplied by (the modifiers' factors), and which of its
   * weights that is when not the role's (a withheld cue under negation: `if_negated`). So
   * a cue's weight edited in place reweighs the evidence exactly as tagging again would
   * (loaders/retag.ts reweighed).
   */
  scale?: number;
  of?: "if_negated";
  /** token range of the cue in the sentence */
  tokenStart: number;
  tokenEnd: number;
  /** negation, hedge, concession, ironic-quotes */
  modifiers: string[];
}

export interface StanceTag {
  stance: StanceLabel;
  score: number;
  evidence: Evidence[];
  /** rule names that fired, for display: "aggressor (agent)", "negation" */
  rules: string[];
}

/** Anything that can hold a role: an actor mention or another named entity. */
interface Holder {
  tokenStart: number;
  tokenEnd: number;
  possessive: boolean;
  /** an adjective modifying a noun ("Israeli drones"): the noun, not the actor, is the subject */
  modifier?: boolean;
  /** a person (a leader, a titled name), a state or body (false), or unknown */
  person?: boolean;
}

interface CueHit {
  cue: Pick<CompiledCue, "id" | "agent" | "patient" | "of" | "for" | "from" | "if_negated" | "yields">;
  start: number;
  end: number;
  ironic: boolean;
  /** in a noun phrase opened by "any" outside a negation: a possible act, not one done */
  hypothetical?: boolean;
}

interface SentenceFrame {
  tokens: Token[];
  clause: number[];
  clauseWeight: number[];
  /** clause index -> holder the relative clause attaches to */
  antecedent: Map<number, Holder>;
  /** clause after "but"/"yet" -> [the clause before it, the token the new clause starts at] */
  contrasted: Map<number, [number, number]>;
  negated: boolean[];
  /** the negator that last reached each token */
  negator: string[];
  hedgedClause: Set<number>;
  /** clauses reporting someone else's view ("Iran considers X a threat") */
  attributedClause: Set<number>;
  /** the first word that reports a view (the sentence's length when none does) */
  attributionStart: number;
  quotes: Array<[number, number]>;
  /** part-of-speech tags (Penn Treebank), computed on first use */
  pos?: string[];
}

// The closed-class words of English stay in code, here and beside the functions that read
// them: determiners, pronouns (PRONOUNS, FIRST_PERSON, REFLEXIVES, CONTRACTING_PRONOUNS),
// auxiliaries and copulas, the subordinators that close a negation's scope, relative
// openers, the words that open a subject (SUBJECT_WORDS), clause punctuation. They are
// the grammar the roles are built on, not rules of this corpus: no corpus adds a
// determiner, and the code around each set is written for exactly those words. The
// open-class vocabulary an analyst tunes (negators, hedges, verbs of saying, reporting,
// opinion, enabling, demanding and joint action, ...) is data: the lexicon lists of
// data/rules/stance.yaml, read through `rules.lexicon`.
const DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "your", "both", "all", "some", "many", "other", "such"]);
const NEGATION_TRANSPARENT = new Set(["longer", "to", "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "any"]);
const NEGATION_STOP = new Set(["while", "whereas", "because", "since", "when", "which", "who", "whom", "whose", "although", "though", "but", "yet", "if", "unless", "until"]);
// subordinators that open a clause wherever they stand ("since", "after", "before" are
// prepositions as often, and "as" is no subordinator in "seen as")
const SUBORDINATORS = new Set(["while", "whereas", "because", "although", "though", "when", "until", "unless", "if"]);
// ... and these open one when a subject and a finite verb follow ("after the attacks began")
const PREPOSITIONAL_SUBORDINATORS = new Set(["since", "after", "before", "once"]);
const CLAUSE_PUNCT = new Set([";", ":", "–", "—", "(", ")"]);
const MAX_SUBJECT_GAP = 15;

export function labelFor(score: number, threshold: number): StanceLabel {
  return score >= threshold ? "favorable" : score <= -threshold ? "unfavorable" : "neutral";
}

/**
 * Stance towards each target in one sentence. `targets` are the holders to tag (usually
 * the actor mentions); `others` are further named entities that compete for roles.
 */
export function tagSentence(tokens: Token[], targets: Holder[], rules: StanceRules, others: Holder[] = []): StanceTag[] {
  const named = [...targets, ...others];
  const pronouns = [...pronounHolders(tokens, named, rules), ...speakerPronouns(tokens, named, rules)];
  const holders = [...named, ...pronouns.map((p) => p.holder)];
  const frame = buildFrame(tokens, holders, rules);
  const hits = findCueHits(tokens, holders, rules, frame);
  // words that reach some holder through a role are about that holder: they do not
  // colour the sentence's general tone for the others
  const attached = new Set<number>();
  for (const hit of hits)
    if (hit.cue.id !== "afinn" || holders.some((h) => !overlaps(hit, h) && roleOf(hit, h, holders, frame, rules)))
      for (let i = hit.start; i < hit.end; i++) attached.add(i);
  return targets.map((target) => {
    const own = tagTarget(target, holders, hits, frame, rules, attached);
    // a pronoun given as the target ("in his article", "He was ...") stands for its
    // antecedent: the cues that reach the antecedent, or another pronoun standing for it,
    // reach it too (not their AFINN fallback: words near another mention are mostly topic)
    if (target.tokenEnd === target.tokenStart + 1 && PRONOUNS.has(tokens[target.tokenStart].lower)) {
      const mine = pronounHolders(tokens, named.filter((h) => h !== target), rules).find((p) => p.holder.tokenStart === target.tokenStart);
      const ante = mine && holders.find((h) => h === mine.antecedent);
      if (ante) {
        const ownRefs = new Set(pronouns.filter((p) => p.antecedent === target).map((p) => p.holder));
        const sources = [ante, ...pronouns.filter((p) => p.antecedent === ante || p.antecedent === target).map((p) => p.holder)];
        const evidence = own.evidence.filter((e) => e.rule !== "sentence-tone");
        const ownHits = new Set(hits.filter((h) => !overlaps(h, target) && roleOf(h, target, holders, frame, rules)).map((h) => h.start));
        for (const src of sources)
          for (const e of tagTarget(src, holders, hits, frame, rules, attached).evidence)
            if (e.rule !== "sentence-tone" && (e.rule !== "afinn" || ownRefs.has(src)) && !ownHits.has(e.tokenStart) && !evidence.some((x) => x.tokenStart === e.tokenStart && x.rule === e.rule)) evidence.push({ ...e, modifiers: [...e.modifiers, "coreference"] });
        if (evidence.length > 0) return summarise(evidence, rules);
      }
    }
    const refs = pronouns.filter((p) => p.antecedent === target).map((p) => p.holder);
    // "Bannon's actual comments ... Bannon's interview": a person's name (or surname) again
    // in the sentence is the same person, like a pronoun standing for it (not a state or a
    // body: "Iran ... Iran" are labelled each on its own)
    const surname = (h: Holder) => tokens[h.tokenEnd - 1].lower.replace(/'s?$/, "");
    if (target.person !== false && !PRONOUNS.has(tokens[target.tokenStart].lower))
      for (const o of others) if (o.person !== false && o.tokenEnd - o.tokenStart <= 2 && surname(o) === surname(target) && /^\p{Lu}/u.test(tokens[o.tokenEnd - 1].text)) refs.push(o);
    if (refs.length === 0) return own;
    // "Russia ... its passive response": what reaches the pronoun reaches its antecedent
    const evidence = own.evidence.filter((e) => e.rule !== "sentence-tone");
    // a cue the antecedent already has a role in, even a weightless one, is not its
    // pronoun's too: "Georgia, under fire from its neighbour" (the subject, not the source)
    const ownHits = new Set(hits.filter((h) => !overlaps(h, target) && roleOf(h, target, holders, frame, rules)).map((h) => h.start));
    for (const ref of refs)
      for (const e of tagTarget(ref, holders, hits, frame, rules, attached).evidence)
        if (e.rule !== "sentence-tone" && !ownHits.has(e.tokenStart) && !evidence.some((x) => x.tokenStart === e.tokenStart && x.rule === e.rule)) evidence.push({ ...e, modifiers: [...e.modifiers, "coreference"] });
    if (evidence.length === 0) return own;
    return summarise(evidence, rules);
  });
}

const PRONOUNS = new Map<string, "possessive" | "subject">([
  ["its", "possessive"], ["their", "possessive"], ["his", "possessive"], ["her", "possessive"],
  ["it", "subject"], ["they", "subject"], ["he", "subject"], ["she", "subject"],
]);

const PLURAL = new Set(["they", "their", "them"]);
const NEUTER = new Set(["it", "its"]);

// The function words after "it is", "it was", "it's" that mark "it" as an empty subject
// ("it is not clear", "it has been", "it is to", "it was that", "it is no secret", "it is
// also", "it is only", "it is a/an/the ..."): negation, auxiliary, infinitive marker,
// complementizer, determiners and focus adverbs are closed-class grammar and stay in code.
// The open-class predicates ("worth", "clear", "likely", "time", ...) are vocabulary: the
// lexicon list empty_subject_predicates of data/rules/stance.yaml.
const EMPTY_SUBJECT_FUNCTION_WORDS = new Set(["not", "been", "to", "that", "no", "also", "only", "a", "an", "the"]);

/** Whether the word after "it is" / "it's" makes "it" an empty subject ("it is worth noting"). */
function opensEmptySubject(next: Token | undefined, rules: StanceRules): boolean {
  return next !== undefined && (rules.lexicon.empty_subject_predicates.has(next.lower) || EMPTY_SUBJECT_FUNCTION_WORDS.has(next.lower));
}

/**
 * Third-person pronouns after a named holder stand for the nearest holder before them in
 * the sentence ("Moscow has thus far assumed its passive posture"): they take part in
 * roles as holders of their own, and their evidence counts for the antecedent.
 */
function pronounHolders(tokens: Token[], named: Holder[], rules: StanceRules): Array<{ holder: Holder; antecedent: Holder }> {
  const out: Array<{ holder: Holder; antecedent: Holder }> = [];
  const busy = new Set<number>();
  for (const h of named) for (let i = h.tokenStart; i < h.tokenEnd; i++) busy.add(i);
  tokens.forEach((t, i) => {
    // "he's", "she's": a pronoun with a contracted "is" or "has" is a subject
    const contracted = isContractedPronoun(t);
    const kind = contracted ? "subject" : PRONOUNS.get(t.lower);
    if (!kind || busy.has(i) || !rules.lexicon.coreference.has(contracted ? t.base : t.lower)) return;
    // "it is worth noting", "it was clear that": an empty subject refers to nothing
    if (contracted && t.base === "it" && opensEmptySubject(tokens[i + 1], rules)) return;
    if (t.lower === "it" && /^(is|was|seems|seemed|appears|appeared|remains|remained|would|will|may|might|could|has|had|'s)$/.test(tokens[i + 1]?.lower ?? "") && opensEmptySubject(tokens[i + 2], rules)) return;
    // a subject or possessor is the likelier antecedent than a noun after a preposition
    // ("Turkey failed in Libya and its weakness showed")
    // number and gender: "they" is no single person, "he" and "she" are no state
    // ("it's" agrees as "it")
    const word = contracted ? t.base : t.lower;
    const agrees = (h: Holder) => (PLURAL.has(word) || NEUTER.has(word) ? h.person !== true : h.person !== false);
    const before = named.filter((h) => h.tokenEnd <= i && agrees(h)).sort((a, b) => b.tokenEnd - a.tokenEnd);
    let antecedent: Holder | undefined = before.find((h) => h.possessive || !isPrepositionalObject(h, tokens, rules)) ?? before[0];
    // "Tehran claims to defend Armenia's sovereignty, but its real aim ...": after "but" or
    // "and" opening a new clause, the subject that opened the sentence is the likelier
    // antecedent than a possessor inside its object
    const opener = before.find((h) => h.tokenStart === 0 || (h.tokenStart === 1 && tokens[0].lower === "the"));
    const joint = tokens[i - 1]?.lower;
    if (antecedent?.possessive && opener && opener !== antecedent && !opener.possessive && (joint === "but" || joint === "and" || joint === "yet")) antecedent = opener;
    // "Over his long career, he ...", "In its statement, Baku ...": a possessive in a phrase
    // that opens the sentence points ahead to the subject after its comma
    if (!antecedent && kind === "possessive") {
      const comma = tokens.findIndex((x, k) => k > i && x.text === ",");
      const opening = comma > 0 && isPreposition(tokens[0].lower, rules) && !tokens.slice(0, comma).some((x) => x.kind === "punct");
      if (opening) antecedent = named.find((h) => h.tokenStart === comma + 1 && !h.possessive && agrees(h));
    }
    if (!antecedent) return;
    out.push({ holder: { tokenStart: i, tokenEnd: i + 1, possessive: kind === "possessive" }, antecedent });
  });
  return out;
}

const FIRST_PERSON = new Map<string, boolean>([["i", false], ["me", false], ["my", true], ["myself", false]]);

/**
 * "“I just wanted to show solidarity,” she told HuffPost": in a quotation whose speaker is
 * a holder named right after it (or right before a verb of saying that opens it), "I",
 * "me" and "my" stand for the speaker.
 */
function speakerPronouns(tokens: Token[], named: Holder[], rules: StanceRules): Array<{ holder: Holder; antecedent: Holder }> {
  const out: Array<{ holder: Holder; antecedent: Holder }> = [];
  const { speech_verbs } = rules.lexicon;
  const marks = tokens.map((t, i) => (t.text === '"' ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k + 1 < marks.length; k += 2) {
    const [qs, qe] = [marks[k], marks[k + 1]];
    let after = qe + 1;
    if (tokens[after]?.text === ",") after++;
    // '"...," she said', '"...," said Smith', 'Smith said: "..."', 'Smith said, "..."'
    let speaker = named.find((h) => h.tokenStart === after && speech_verbs.has(tokens[h.tokenEnd]?.lower ?? ""))
      ?? (speech_verbs.has(tokens[after]?.lower ?? "") ? named.find((h) => h.tokenStart === after + 1) : undefined);
    if (!speaker) {
      let before = qs - 1;
      if (tokens[before]?.text === "," || tokens[before]?.text === ":") before--;
      if (speech_verbs.has(tokens[before]?.lower ?? "")) speaker = named.find((h) => h.tokenEnd === before);
    }
    if (!speaker) continue;
    for (let i = qs + 1; i < qe; i++) {
      const possessive = FIRST_PERSON.get(tokens[i].lower);
      if (possessive === undefined || tokens[i].kind !== "word") continue;
      // "I think that would be a healthy thing for her to resign": what the speaker thinks
      // is about someone else
      let v = i + 1;
      while (/ly$/.test(tokens[v]?.lower ?? "") || /^(do|did|n't|really|just|also|still|not)$/.test(tokens[v]?.lower ?? "")) v++;
      if (rules.lexicon.opinion_verbs.has(tokens[v]?.lower ?? "")) continue;
      out.push({ holder: { tokenStart: i, tokenEnd: i + 1, possessive }, antecedent: speaker });
    }
  }
  return out;
}

function isPrepositionalObject(h: Holder, tokens: Token[], rules: StanceRules): boolean {
  const j = prevContentIndex(tokens, h.tokenStart - 1, 0);
  return j >= 0 && isPreposition(tokens[j].lower, rules);
}

function summarise(evidence: Evidence[], rules: StanceRules): StanceTag {
  const rulesFired = [...new Set(evidence.flatMap((e) => [`${e.rule} (${e.role})`, ...e.modifiers]))];
  let sum = 0;
  for (const e of evidence) sum += e.weight;
  return { ...scoreOf(sum, rules), evidence, rules: rulesFired };
}

/** The score and label of evidence whose weights (added in order) sum to `sum`: bounded and rounded. */
export function scoreOf(sum: number, rules: StanceRules): { stance: StanceLabel; score: number } {
  const score = round(Math.max(-1, Math.min(1, sum)));
  return { stance: labelFor(score, rules.settings.threshold), score };
}

function tagTarget(target: Holder, holders: Holder[], hits: CueHit[], frame: SentenceFrame, rules: StanceRules, attached: Set<number>): StanceTag {
  const { settings } = rules;
  const evidence: Evidence[] = [];
  for (const hit of hits) {
    if (overlaps(hit, target)) continue;
    const role = roleOf(hit, target, holders, frame, rules);
    if (!role) continue;
    const base = role === "agent" ? hit.cue.agent : hit.cue.patient;
    if (!base || hit.hypothetical) continue;
    const modifiers: string[] = [];
    // the factors gathered first and the weight multiplied by them once, so that the
    // evidence of an edited weight is that weight times the same `scale`
    let scale = 1;
    let of: "if_negated" | undefined;
    if (hit.ironic && base > 0) {
      scale = -0.5;
      modifiers.push("ironic-quotes");
    }
    if (frame.negated[hit.start] && !presupposedOwnNoun(target, hit, role, base, frame, rules)) {
      // "went ahead without U.S. support" says the support was absent, not withheld
      const withheld = hit.cue.if_negated !== undefined && frame.negator[hit.start] !== "without";
      // "made Iran's marginalization unworkable": a predicate of collapse undoes a plight in full
      const undone = frame.negator[hit.start] === "reverser";
      if (withheld) {
        scale = Math.sign(base);
        of = "if_negated";
      } else scale = -scale * (base * scale < 0 && !undone ? settings.negated_negative_factor ?? settings.negation_factor : settings.negation_factor);
      modifiers.push("negation");
    }
    const clause = frame.clause[hit.start];
    if (frame.attributedClause.has(clause) && !holdsTheView(target, hit, frame, rules)) {
      scale *= settings.attribution_factor;
      modifiers.push("attributed");
    } else if (frame.hedgedClause.has(clause)) {
      scale *= settings.hedge_factor;
      modifiers.push("hedge");
    }
    if (frame.clauseWeight[clause] < 1) {
      scale *= frame.clauseWeight[clause];
      modifiers.push("concession");
    }
    const w = (of ? hit.cue.if_negated! : base) * scale;
    evidence.push({ rule: hit.cue.id, role, weight: w, tokenStart: hit.start, tokenEnd: hit.end, modifiers, scale, ...(of && { of }) });
  }
  for (const [qs, qe] of frame.quotes) {
    if (quoteOwner(qs, holders, frame, rules) !== target) continue;
    // "experts believe that Yerevan is engaging ... to sign a "peace treaty"": in a view the
    // author reports, the quotation marks are as distant as the rest of it
    const clause = frame.clause[qs];
    const modifiers: string[] = [];
    let w = settings.scare_quote_weight;
    if (frame.attributedClause.has(clause) && qs > frame.attributionStart) {
      w *= settings.attribution_factor;
      modifiers.push("attributed");
    }
    evidence.push({ rule: "scare-quotes", role: "owner", weight: w, tokenStart: qs, tokenEnd: qe, modifiers });
  }
  // nothing in the sentence reaches the actor through a role: the tone of the whole
  // sentence is a weak hint (a lexicon baseline), never more than that
  if (evidence.length === 0 && settings.sentence_fallback_weight > 0) {
    const tone = sentenceTone(frame, target, attached, rules);
    if (tone !== 0) evidence.push({ rule: "sentence-tone", role: "owner", weight: tone * settings.sentence_fallback_weight, tokenStart: 0, tokenEnd: frame.tokens.length, modifiers: [] });
  }
  return summarise(evidence, rules);
}

/**
 * "failed to stop Azerbaijan's aggression", "did not condemn Baku's blockade": an
 * unfavorable noun that its possessor (or an adjective) owns is taken as given, and a
 * negation before the owner denies the verb, not the aggression. "no Azerbaijani
 * aggression" (the negator opens the noun phrase) and "Russia's lack of aggression" (it
 * stands inside) still negate it; a favorable noun stays negated ("did not receive
 * Russia's support": the support was withheld).
 */
function presupposedOwnNoun(target: Holder, hit: CueHit, role: Role, base: number, frame: SentenceFrame, rules: StanceRules): boolean {
  if (role !== "agent" || base >= 0 || target.tokenEnd > hit.start) return false;
  const owns = target.possessive ? ownsCue(target, hit, rules, frame) : target.modifier === true && target.tokenEnd === hit.start;
  // the negation reached the owner, so it stands before the noun phrase ...
  if (!owns || !frame.negated[target.tokenStart]) return false;
  // ... but not right before it as a negative determiner or particle ("no Azerbaijani
  // aggression", "without Baku's blockade"). A verb there acts on another's noun and
  // takes it as given ("Russia prevented Azerbaijan's aggression", "curbed Iran's
  // meddling"); a pronoun owner is mostly the verb's own subject, whose plight or deed the
  // verb undoes ("Israel reduced its dependence", "Baku halted its offensive")
  let j = target.tokenStart - 1;
  while (j >= 0 && DETERMINERS.has(frame.tokens[j].lower)) j--;
  if (j < 0 || !isNegator(frame.tokens[j], rules)) return true;
  return !NOUN_NEGATORS.has(frame.tokens[j].lower) && !PRONOUNS.has(frame.tokens[target.tokenStart].lower);
}

/** The negators that deny the noun phrase they open: closed-class determiners and particles. */
const NOUN_NEGATORS = new Set(["no", "not", "never", "without", "neither", "nor"]);

/** Mean AFINN polarity (-1..1) of the sentence's words outside the target, negation scoped. */
function sentenceTone(frame: SentenceFrame, target: Holder, attached: Set<number>, rules: StanceRules): number {
  afinn ??= afinnVocabulary();
  let sum = 0;
  let words = 0;
  frame.tokens.forEach((t, i) => {
    if (t.kind !== "word" || (i >= target.tokenStart && i < target.tokenEnd)) return;
    words++;
    if (attached.has(i) || ignored(t, rules) || isNegator(t, rules)) return;
    const v = afinn![t.lower] ?? afinn![t.base] ?? 0;
    sum += frame.negated[i] ? -v : v;
  });
  return words ? Math.max(-1, Math.min(1, sum / 5 / Math.sqrt(words))) : 0;
}

function isNegator(t: Token, rules: StanceRules): boolean {
  return rules.lexicon.negators.has(t.lower);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000 || 0;
}

function overlaps(a: { start: number; end: number }, h: Holder): boolean {
  return a.start < h.tokenEnd && h.tokenStart < a.end;
}

// ---------------------------------------------------------------- sentence frame

function buildFrame(tokens: Token[], holders: Holder[], rules: StanceRules): SentenceFrame {
  const { lexicon, settings } = rules;
  const n = tokens.length;
  const clause = new Array<number>(n).fill(0);
  const clauseWeight: number[] = [1];
  const antecedent = new Map<number, Holder>();
  const contrasted = new Map<number, [number, number]>();
  let current = 0;
  let concessiveOpen = false; // a concessive clause runs to the next comma
  const newClause = (weight = 1) => {
    clauseWeight.push(weight);
    current = clauseWeight.length - 1;
  };
  // "a small but sturdy lead": "but" or "yet" between two adjectives before their noun
  // joins them inside one noun phrase; it opens no clause
  let pos: string[] | undefined;
  const betweenAdjectives = (i: number) => {
    if (i < 1 || i + 2 >= n || !/^(but|yet)$/.test(tokens[i].lower)) return false;
    pos ??= posTags(tokens.map((x) => x.text));
    // the tagger often reads the noun after two adjectives as a verb ("sturdy lead/VB")
    return /^JJ/.test(pos[i - 1]) && /^JJ/.test(pos[i + 1]) && /^(NN|VBP?$)/.test(pos[i + 2]);
  };
  // "after the attacks began": a subject and a finite verb before any punctuation
  const finiteClauseAt = (k: number) => {
    if (!startsSubject(tokens[k])) return false;
    pos ??= posTags(tokens.map((x) => x.text));
    for (let m = k + 1; m < Math.min(n, k + 6) && tokens[m].kind !== "punct"; m++) if (/^(VB[DZP]|MD)$/.test(pos[m])) return true;
    return false;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.kind === "punct" && CLAUSE_PUNCT.has(t.text)) {
      newClause();
      concessiveOpen = false;
    } else if (t.text === "," && concessiveOpen) {
      newClause();
      concessiveOpen = false;
    } else if (lexicon.contrast.has(t.lower) && !(prev?.text === "," && next?.text === ",") && !(t.lower === "yet" && next?.lower === "to") && !betweenAdjectives(i)) {
      // "A, but B": B is what the sentence asserts; A is conceded ("has yet to deliver" is
      // no contrast but a negator, in the lexicon)
      for (let c = 0; c <= current; c++) clauseWeight[c] = Math.min(clauseWeight[c], settings.concession_factor);
      const before = current;
      newClause();
      contrasted.set(current, [before, i + 1]);
    } else if (lexicon.concessive.has(t.lower) && (i === 0 || prev?.text === "," || CLAUSE_PUNCT.has(prev?.text ?? ""))) {
      newClause(settings.concession_factor);
      concessiveOpen = true;
    } else if (i > 0 && prev?.kind === "word" && (next?.kind === "word" || next?.text === "\"") && ((SUBORDINATORS.has(t.lower) && !(t.lower === "because" && next.lower === "of")) || (PREPOSITIONAL_SUBORDINATORS.has(t.lower) && finiteClauseAt(i + 1)))) {
      // "Iran watched while the invasion continued", "Armenia mobilised because the attacks
      // went on": a subordinator opens a clause of its own even without a comma (conceded
      // after "although", "though", "whereas", "while"); a clause with no subject of its own
      // shares the one before it, as after "but" ("armed Baku while claiming neutrality")
      const before = current;
      newClause(lexicon.concessive.has(t.lower) ? settings.concession_factor : 1);
      contrasted.set(current, [before, i + 1]);
    } else if (lexicon.relative.has(t.lower) && prev?.text === ",") {
      newClause();
      const ante = holders.filter((h) => h.tokenEnd <= i - 1 && h.tokenEnd >= i - 4).sort((a, b) => b.tokenEnd - a.tokenEnd)[0];
      if (ante) antecedent.set(current, ante);
    }
    clause[i] = current;
  }

  const negated = new Array<boolean>(n).fill(false);
  const negator = new Array<string>(n).fill("");
  const phrases = [...lexicon.negators].filter((w) => w.includes(" ")).map((w) => w.split(/\s+/));
  for (let i = 0; i < n; i++) {
    // a phrase ("rather than", "instead of") negates from its last word on
    const phrase = phrases.find((p) => p.every((w, k) => tokens[i + k]?.lower === w));
    if (phrase) {
      const last = i + phrase.length - 1;
      for (let j = last + 1; j < negationScopeEnd(tokens, clause, last, settings.negation_window); j++) negated[j] = !negated[j];
      i = last;
      continue;
    }
    if (!isNegator(tokens[i], rules)) continue;
    if (tokens[i].lower === "not" && tokens[i + 1]?.lower === "only") continue; // "not only ... but also"
    // "without having to adhere to", "without needing to": free of an obligation, which says
    // nothing against what the actor does
    if (listedAt(lexicon.free_of_obligation, tokens, i)) continue;
    // "was halted by a Russian-brokered ceasefire": a passive negator's "by" phrase names who negates
    if (tokens[i + 1]?.lower === "by") continue;
    // "unable or unwilling to act": coordinated negators share one scope, they do not negate each other
    if (/^(or|and|nor)$/.test(tokens[i + 1]?.lower ?? "") && tokens[i + 2] && isNegator(tokens[i + 2], rules)) continue;
    // two negators over the same word cancel out: "unable to prevent Armenia's defeat"
    // the window counts words that carry content: "refused to come to Armenia's aid" is
    // four of them, the infinitive "to" and determiners are not counted
    for (let j = i + 1; j < negationScopeEnd(tokens, clause, i, settings.negation_window); j++) {
      negated[j] = !negated[j];
      negator[j] = tokens[i].lower;
    }
  }

  // "her credibility is totally shot", "Georgia's popularity has plummeted": a predicate of
  // collapse denies the noun it is said of, as a negator before it would
  for (let i = 1; i < n; i++) {
    if (!lexicon.reversers.has(tokens[i].lower)) continue;
    let k = i - 1;
    while (k > 0 && clause[k] === clause[i] && (AUXILIARIES.has(tokens[k].lower) || PREDICATE_ADVERBS.has(tokens[k].lower) || /^[a-z]+ly$/.test(tokens[k].lower))) k--;
    if (tokens[k].kind === "word" && clause[k] === clause[i] && !AUXILIARIES.has(tokens[k].lower)) {
      negated[k] = !negated[k];
      negator[k] = "reverser";
    }
  }

  const hedgedClause = new Set<number>();
  for (let i = 0; i < n; i++) if (lexicon.hedges.has(tokens[i].lower)) hedgedClause.add(clause[i]);

  // "X believes/considers/fears (that) ...": the rest of the sentence is X's view, not
  // the author's; "said that" counts, a bare "said" (a quotation's tag) does not
  const attributedClause = new Set<number>();
  let attributionStart = n;
  for (let i = 0; i < n; i++) {
    const t = tokens[i].lower;
    const reported = lexicon.attribution.has(t) || (lexicon.reporting_verbs.has(t) && tokens[i + 1]?.lower === "that") || selfPresentation(tokens, i, rules);
    if (!reported) continue;
    attributionStart = Math.min(attributionStart, i);
    for (let c = clause[i]; c < clauseWeight.length; c++) attributedClause.add(c);
  }

  // the part-of-speech tags, when this frame needed them already: the roles reuse them
  return { tokens, clause, clauseWeight, antecedent, contrasted, negated, negator, hedgedClause, attributedClause, attributionStart, quotes: scareQuotes(tokens, clause, rules), pos };
}

/**
 * The exclusive end of what a negator at token `at` reaches: `window` content words (the
 * infinitive "to" and determiners are not counted) in its clause, closed early by a new
 * clause inside the sentence ("failed in Libya and its weakness showed").
 */
function negationScopeEnd(tokens: Token[], clause: number[], at: number, window: number): number {
  let counted = 0;
  for (let j = at + 1; j < tokens.length && clause[j] === clause[at]; j++) {
    if (NEGATION_STOP.has(tokens[j].lower)) return j;
    if ((tokens[j].lower === "and" || tokens[j].lower === "or" || tokens[j].text === ",") && startsSubject(tokens[j + 1])) return j;
    if (!NEGATION_TRANSPARENT.has(tokens[j].lower) && ++counted >= window) return j + 1;
  }
  let j = at + 1;
  while (j < tokens.length && clause[j] === clause[at]) j++;
  return j;
}

const TITLE_FUNCTION_WORDS = new Set(["a", "an", "the", "of", "to", "and", "for", "in", "on", "at", "with", "or"]);

/** "Stability and Cooperation", "Pivot to the Pacific": a quoted title of two words or more names a thing. */
function isTitle(span: Token[]): boolean {
  const words = span.filter((t) => t.kind === "word");
  return words.length >= 2 && words.every((t) => /^\p{Lu}/u.test(t.text) || TITLE_FUNCTION_WORDS.has(t.lower)) && /^\p{Lu}/u.test(words[0].text) && /^\p{Lu}/u.test(words[words.length - 1].text);
}

/** Short quoted spans (1 to 4 words) inside a sentence: distancing, not a quotation. */
function scareQuotes(tokens: Token[], clause: number[], rules: StanceRules): Array<[number, number]> {
  const { speech_verbs, reporting_verbs } = rules.lexicon;
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text !== '"' && t.text !== "'") continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const opens = next && next.start === t.end && (!prev || prev.end < t.start || prev.kind === "punct");
    const closes = prev && prev.end === t.start;
    if (open < 0 && opens) open = i;
    else if (open >= 0 && closes) {
      const inside = tokens.slice(open + 1, i).filter((x) => x.kind !== "punct").length;
      // ... nor after a verb of saying further back in its clause ("He said the people who
      // aren't "comfortable" signing up"): the speaker's words, reported
      const reported = tokens.slice(Math.max(0, open - 6), open).some((x) => speech_verbs.has(x.lower)) || tokens.slice(0, open).some((x, k) => clause[k] === clause[open] && reporting_verbs.has(x.lower));
      if (inside >= 1 && inside <= 4 && !reported && !isTitle(tokens.slice(open + 1, i)) && !(open === 0 && i === tokens.length - 1)) spans.push([open, i + 1]);
      open = -1;
    }
  }
  return spans;
}

// ---------------------------------------------------------------- cues

let afinn: Record<string, number> | null = null;

/** Words the AFINN fallback leaves alone: the news topic ("war") and non-evaluative uses ("like"). */
function ignored(t: Token, rules: StanceRules): boolean {
  return rules.lexicon.fallback_ignore.has(t.lower) || rules.lexicon.fallback_ignore.has(t.base);
}

function findCueHits(tokens: Token[], holders: Holder[], rules: StanceRules, frame: SentenceFrame): CueHit[] {
  const hits: CueHit[] = [];
  const covered = new Array<boolean>(tokens.length).fill(false);
  const inHolder = new Array<boolean>(tokens.length).fill(false);
  for (const h of holders) for (let i = h.tokenStart; i < h.tokenEnd; i++) inHolder[i] = true;
  // a cue inside quotation marks, or a favourable one whose object the author holds up in
  // them ("endorsed the "reintegration" of Karabakh"), is ironic
  const ironic = (i: number, end = -1) => {
    let k = end;
    while (k >= 0 && k < tokens.length && DETERMINERS.has(tokens[k].lower)) k++;
    return frame.quotes.some(([qs, qe]) => (i > qs && i < qe) || qs === k);
  };
  const ctx: MatchContext = {};

  for (const cue of rules.patternCues) {
    for (const p of cue.patterns) {
      for (const m of findMatches(p, tokens, ctx)) {
        if (covered.slice(m.start, m.end).some(Boolean)) continue;
        for (let i = m.start; i < m.end; i++) covered[i] = true;
        hits.push({ cue, start: m.start, end: m.end, ironic: ironic(m.start, m.end) });
      }
    }
  }
  // a headline capitalises most of its words: there the capitals say nothing
  const words = tokens.filter((t) => t.kind === "word");
  const headline = words.filter((t) => /^\p{Lu}/u.test(t.text)).length > words.length / 2;
  // "the Democratic district attorney", "Heritage Action": inside a sentence in ordinary
  // case a capitalised word is part of a name, not a judgement
  const inName = (i: number) => !headline && i > 0 && /^\p{Lu}/u.test(tokens[i].text) && !/^["'(\u2014\u2013:.-]$/.test(tokens[i - 1].text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered[i] || inHolder[i] || t.kind !== "word") continue;
    const cues = rules.wordIndex.get(t.lower) ?? rules.wordIndex.get(t.base);
    // "the occupied lands": a participle after a determiner describes a noun ... but "the
    // state that invaded", "It was Georgia that violated": "that" after a noun or a name is
    // a relative pronoun, and what follows it a verb
    if (cues && /ed$/.test(t.lower) && i > 0 && DETERMINERS.has(tokens[i - 1].lower) && !(tokens[i - 1].lower === "that" && relativeThat(i - 1, tokens, inHolder, frame))) continue;
    if (cues && inName(i)) continue;
    if (cues) {
      covered[i] = true;
      for (const cue of cues) hits.push({ cue, start: i, end: i + 1, ironic: ironic(i, i + 1) });
    }
  }
  // "to suppress any Armenian provocations", "will respond to any aggression": a noun
  // phrase opened by "any" names whatever might happen, no act that was done ("did not
  // receive any support" is negated instead, and says the support was withheld)
  if (tokens.some((t) => t.lower === "any"))
    for (const hit of hits) {
      let k = hit.start - 1;
      while (k >= 0 && hit.start - k <= 3 && tokens[k].lower !== "any" && tokens[k].kind === "word" && !isPreposition(tokens[k].lower, rules) && !AUXILIARIES.has(tokens[k].lower) && !RELATIVE_OPENERS.has(tokens[k].lower)) k--;
      if (k >= 0 && tokens[k].lower === "any" && !frame.negated[hit.start]) hit.hypothetical = true;
    }
  // "cannot draw a wedge" says the actor falls short; "cannot remain passive" says what
  // the flipped cue says: a yielding cue counts only when what it negates holds no cue
  const yielding = hits.filter((h) => h.cue.yields);
  for (const y of yielding) {
    const end = negationScopeEnd(tokens, frame.clause, y.end - 1, rules.settings.negation_window);
    if (hits.some((h) => h !== y && h.start >= y.end && h.start < end)) hits.splice(hits.indexOf(y), 1);
  }
  if (rules.settings.fallback_weight > 0) {
    afinn ??= afinnVocabulary();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (covered[i] || inHolder[i] || t.kind !== "word" || isNegator(t, rules) || ignored(t, rules) || inName(i)) continue;
      const v = afinn[t.lower] ?? afinn[t.base];
      if (!v) continue;
      const w = (v / 5) * rules.settings.fallback_weight;
      hits.push({ cue: { id: "afinn", agent: w, patient: w / 2 }, start: i, end: i + 1, ironic: ironic(i) });
    }
  }
  return hits;
}

/** "that" at i opens a relative clause: it follows a name or a noun ("the state that invaded"). */
function relativeThat(i: number, tokens: Token[], inHolder: boolean[], frame: SentenceFrame): boolean {
  if (i < 1) return false;
  if (inHolder[i - 1]) return true;
  frame.pos ??= posTags(tokens.map((x) => x.text));
  return /^NNS?$/.test(frame.pos[i - 1]) || tokens[i - 1].lower === "one";
}

// ---------------------------------------------------------------- roles

function prevContentIndex(tokens: Token[], from: number, lower: number): number {
  let j = from;
  while (j >= lower && DETERMINERS.has(tokens[j].lower)) j--;
  return j;
}

function isEligibleSubject(h: Holder, frame: SentenceFrame, rules: StanceRules): "subject" | "by" | null {
  const { tokens } = frame;
  const j = prevContentIndex(tokens, h.tokenStart - 1, 0);
  if (j < 0) return "subject";
  const w = tokens[j].lower;
  // "in the Nagorno-Karabakh conflict": the second part of a hyphenated name stands where
  // the whole compound stands
  if (w === "-" && tokens[j].start === tokens[j - 1]?.end && tokens[j].end === tokens[h.tokenStart].start) {
    let k = j - 1;
    while (k > 0 && tokens[k - 1].text === "-" && tokens[k - 1].start === tokens[k - 2]?.end) k -= 2;
    return isEligibleSubject({ tokenStart: k, tokenEnd: j, possessive: false }, frame, rules);
  }
  // "after he was arrested": a subordinator that opened a clause is no preposition
  if (PREPOSITIONAL_SUBORDINATORS.has(w) && j > 0 && frame.clause[j] !== frame.clause[j - 1]) return "subject";
  if (rules.lexicon.agent_prepositions.has(w)) return "by";
  if (absoluteWith(h, frame, rules)) return "subject";
  // "Moscow cooperates with Tehran to circumvent sanctions": the partner of a joint action
  // does what follows it, as a "by" phrase would
  if (w === "with" && listedBefore(rules.lexicon.joint_action, tokens, j)) return "by";
  // "the demand for Ortega to resign", "called for Baku to withdraw": the holder between a
  // demand's "for" and an infinitive is the subject of that infinitive
  if (w === "for" && !h.possessive && frame.tokens[h.tokenEnd]?.lower === "to" && rules.lexicon.demands.has(tokens[j - 1]?.lower ?? "")) return "subject";
  if (rules.lexicon.patient_prepositions.has(w) || rules.lexicon.other_prepositions.has(w)) return null;
  // the object of a verb ("Azerbaijan defeated Armenia") is not the subject of what follows
  // ... except after a verb of enabling: "allows Azerbaijan to form partnerships" makes
  // Azerbaijan the subject of "form"
  if (!h.possessive && isObjectOfVerb(j, frame) && !startsClause(h, frame) && !(rules.lexicon.enabling_verbs.has(w) && tokens[h.tokenEnd]?.lower === "to")) return null;
  return "subject";
}

/**
 * A cue right after a phrase of lexicon.undergoes ("victim of", "subjected to"), with
 * determiners, adjectives and a holder owning the cue in between: "a victim of Russian
 * aggression".
 */
function undergoes(hit: CueHit, holders: Holder[], frame: SentenceFrame, rules: StanceRules): boolean {
  const { tokens } = frame;
  frame.pos ??= posTags(tokens.map((x) => x.text));
  let k = hit.start;
  while (k > 0 && (DETERMINERS.has(tokens[k - 1].lower) || /^JJ/.test(frame.pos[k - 1]) || holders.some((h) => h.tokenStart <= k - 1 && k - 1 < h.tokenEnd && (h.possessive || h.modifier)))) k--;
  return listedBefore(rules.lexicon.undergoes, tokens, k);
}

/** A word or phrase of the list ("cooperated", "teamed up") spelled by the tokens right before `end`. */
function listedBefore(list: Set<string>, tokens: Token[], end: number): boolean {
  if (end > 0 && list.has(tokens[end - 1].lower)) return true;
  for (const words of phrasesOf(list)) if (words.length > 1 && words.length <= end && spells(words, tokens, end - words.length)) return true;
  return false;
}

/** A word or phrase of the list ("without having to") spelled by the tokens from `start` on. */
function listedAt(list: Set<string>, tokens: Token[], start: number): boolean {
  for (const words of phrasesOf(list)) if (spells(words, tokens, start)) return true;
  return false;
}

// each list's entries split into words once per rules version, not on every call: the
// checks above run for every holder and negator of every sentence tagged
const phrases = new WeakMap<Set<string>, string[][]>();
function phrasesOf(list: Set<string>): string[][] {
  let split = phrases.get(list);
  if (!split) phrases.set(list, (split = [...list].map((entry) => entry.split(/\s+/))));
  return split;
}

/** The tokens from `start` on are these words (lower case). */
function spells(words: string[], tokens: Token[], start: number): boolean {
  return words.every((w, k) => tokens[start + k]?.lower === w);
}

/**
 * "With Clinton clinging to a narrow lead, Trump ...": a holder after "with" or "without"
 * opening a phrase and followed by a participle is the subject of that participle (only up
 * to the comma that closes the phrase).
 */
function absoluteWith(h: Holder, frame: SentenceFrame, rules: StanceRules): boolean {
  const { tokens } = frame;
  const j = prevContentIndex(tokens, h.tokenStart - 1, 0);
  if (j < 0 || h.possessive || !rules.lexicon.absolute_openers.has(tokens[j].lower) || (j > 0 && tokens[j - 1].text !== ",")) return false;
  frame.pos ??= posTags(tokens.map((x) => x.text));
  return frame.pos[h.tokenEnd] === "VBG";
}

const AUXILIARIES = new Set(["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'s", "'re", "'ve", "'d", "'ll"]);

function isObjectOfVerb(j: number, frame: SentenceFrame): boolean {
  const t = frame.tokens[j];
  if (t.kind !== "word" || AUXILIARIES.has(t.lower)) return false;
  frame.pos ??= posTags(frame.tokens.map((x) => x.text));
  return /^VB[DPZ]?$/.test(frame.pos[j]) || (frame.pos[j] === "VBN" && !isAuxiliaryBefore(j, frame));
}

/** A holder followed by a verb is the subject of a clause of its own: "said Kelly behaved", "believe Iran has". */
function startsClause(h: Holder, frame: SentenceFrame): boolean {
  frame.pos ??= posTags(frame.tokens.map((x) => x.text));
  let k = h.tokenEnd;
  // "believe the Trump administration has violated": the rest of the holder's noun phrase
  for (let n = 0; n < 2 && /^NNS?$/.test(frame.pos[k] ?? "") && /^\p{Ll}/u.test(frame.tokens[k].text); n++) k++;
  while (k < frame.tokens.length && (/^RB/.test(frame.pos[k]) || frame.tokens[k].text === '"' || frame.tokens[k].text === "'")) k++;
  // the tagger often reads a past tense right after a name as a participle ("Clinton used
  // a private address"); without a "by" after it, it is the verb of a clause
  if (frame.pos[k] === "VBN" && frame.tokens[k + 1]?.lower !== "by" && !/^(VB|MD)/.test(frame.pos[k + 1] ?? "")) return true;
  return /^(VB[DPZ]?|MD)$/.test(frame.pos[k] ?? "") || AUXILIARIES.has(frame.tokens[k]?.lower ?? "");
}

function isAuxiliaryBefore(j: number, frame: SentenceFrame): boolean {
  const prev = frame.tokens[j - 1]?.lower;
  return !!prev && AUXILIARIES.has(prev);
}

/** Holders coordinated with `h` ("Turkey and Israel", "NATO (including Turkey) and Israel"). */
function coordinated(h: Holder, holders: Holder[], frame: SentenceFrame, rules: StanceRules): Holder[] {
  const sorted = [...holders].sort((a, b) => a.tokenStart - b.tokenStart);
  const group = new Set<Holder>([h]);
  const linked = (a: Holder, b: Holder) => {
    let gap = frame.tokens.slice(a.tokenEnd, b.tokenStart);
    // "Pelosi and Mr. Trump", "Iran and President Aliyev": a title before a name is part of it
    let k = gap.length;
    while (k > 1 && (gap[k - 1].text === "." || (gap[k - 1].kind === "word" && /^\p{Lu}/u.test(gap[k - 1].text)))) k--;
    if (k < gap.length && (rules.lexicon.coordinators.has(gap[k - 1].lower) || gap[k - 1].text === ",")) gap = gap.slice(0, k);
    // "Israel's Heron drones", "Russia's Putin": a name owned by the possessor before it
    // heads the same noun phrase, so they share its roles
    if (gap.length === 0 && a.possessive) return true;
    if (gap.length === 0 || gap.length > 3) return false;
    if (!gap.every((t) => rules.lexicon.coordinators.has(t.lower) || DETERMINERS.has(t.lower) || t.text === "(" || t.text === ")")) return false;
    // "as" links only in "as well as": "replaced Russia as Armenia's partner" is no list
    const words = gap.map((t) => t.lower).join(" ");
    if ((words.includes("as") || words.includes("well")) && !words.includes("as well as")) return false;
    // a lone comma lists only when the list goes on ("Iran, Turkey and Russia"); otherwise
    // it ends a phrase ("After the collapse of the Soviet Union, Iran ...")
    if (gap.every((t) => t.text === ",")) {
      const after = frame.tokens[b.tokenEnd]?.lower;
      return after === "," || after === "and" || after === "or";
    }
    return true;
  };
  let i = sorted.indexOf(h);
  for (let k = i; k > 0 && linked(sorted[k - 1], sorted[k]); k--) group.add(sorted[k - 1]);
  for (let k = i; k < sorted.length - 1 && linked(sorted[k], sorted[k + 1]); k++) group.add(sorted[k + 1]);
  return [...group];
}

function isPassive(hit: CueHit, frame: SentenceFrame, rules: StanceRules): boolean {
  const t = frame.tokens[hit.start];
  if (!/(ed|en)$/.test(t.lower)) return false;
  for (let j = hit.start - 1; j >= Math.max(0, hit.start - 3); j--) {
    if (rules.lexicon.passive_auxiliaries.has(frame.tokens[j].lower) || isContractedPronoun(frame.tokens[j])) return true;
    // "was Georgia that invaded": a name or a relative pronoun between ends the verb group
    if (/^(that|which|who)$/.test(frame.tokens[j].lower) || /^\p{Lu}/u.test(frame.tokens[j].text)) return false;
  }
  return false;
}

const CONTRACTING_PRONOUNS = new Set(["he", "she", "it", "that", "there", "who", "what"]);

/** "he's", "it's", "that's": a pronoun with a contracted "is" or "has", never a possessive. */
export function isContractedPronoun(t: Token): boolean {
  return t.possessive && t.lower !== t.base && CONTRACTING_PRONOUNS.has(t.base);
}

/**
 * The subject of a cue: its agent, or in the passive its patient ("Armenia was attacked").
 * A participle of a cue that says nothing about a patient describes the subject's state
 * ("Carson is overshadowed", "Russia was weakened"): the subject then has the cue.
 */
function passiveRole(hit: CueHit, frame: SentenceFrame, rules: StanceRules): Role {
  if (!isPassive(hit, frame, rules)) return "agent";
  return hit.cue.patient === undefined ? "agent" : "patient";
}

function roleOf(hit: CueHit, target: Holder, holders: Holder[], frame: SentenceFrame, rules: StanceRules): Role | null {
  const own = directRole(hit, target, holders, frame, rules);
  if (own) return own;
  // coordinated holders share a role: "supported by NATO (including Turkey) and Israel"
  for (const other of coordinated(target, holders, frame, rules)) {
    if (other === target) continue;
    const r = directRole(hit, other, holders, frame, rules);
    if (r) return r;
  }
  return null;
}

function directRole(hit: CueHit, target: Holder, holders: Holder[], frame: SentenceFrame, rules: StanceRules): Role | null {
  const { tokens, clause } = frame;
  const hitClause = clause[hit.start];
  const targetClause = clause[target.tokenStart];
  const { lexicon } = rules;

  if (targetClause !== hitClause) {
    // the subject of a relative clause is its antecedent: "the CSTO, which refused to ..."
    const ante = frame.antecedent.get(hitClause);
    if (ante && ante === target) return passiveRole(hit, frame, rules);
    // "Turkey was successful in Syria, but failed in Libya": a clause after "but" with no
    // subject of its own shares the subject of the clause before it
    const contrast = frame.contrasted.get(hitClause);
    if (contrast && contrast[0] === targetClause && subjectless(contrast[1], hit.start, holders, frame) && mainSubject(targetClause, holders, frame, rules).includes(target))
      return passiveRole(hit, frame, rules);
    return null;
  }

  if (target.tokenEnd <= hit.start) {
    // "a victim of Russian aggression": an adjective right before the cue is its agent,
    // inside an appositive too
    if (target.modifier && target.tokenEnd === hit.start) return "agent";
    // "Armenia is a victim of aggression", "Georgia, a victim of Russian aggression,":
    // what the holder is a victim or target of is done to it (lexicon.undergoes)
    if (!target.possessive && undergoes(hit, holders, frame, rules)) return hit.cue.patient !== undefined ? "patient" : null;
    // "Iran, Armenia's only regional partner, must ...": an appositive describes the
    // holder it follows, even when it names another holder itself
    const apposed = appositiveHead(hit, holders, frame, rules);
    if (apposed) return apposed === target || coordinated(apposed, holders, frame, rules).includes(target) ? "agent" : null;
    const gap = tokens.slice(target.tokenEnd, hit.start);
    // "challenges military-backed", "the Iranian-sponsored platforms": the second part of a
    // hyphenated adjective describes the noun after it; only the first part (an actor
    // there: "Russian-backed") is its agent, never the clause's subject
    if (compoundTail(hit, tokens) && target.tokenEnd !== hit.start - 1) return null;
    // "came to Armenia's aid", "rushed to Kyiv's defence", "to Tehran's detriment": a
    // possessor after "to" receives what such a noun names; it is its patient, not its
    // agent ("responded to Azerbaijan's aggression" is still Azerbaijan's)
    if (receivesAfterTo(target, hit, frame, rules)) return hit.cue.patient !== undefined ? "patient" : "agent";
    // "Russian aggression", "Russia's failure", "Moscow's most substantive failure"
    // ... but "Russia is no longer Armenia's elder brother" is about Russia, not Armenia
    if (target.possessive && inPredicate(target, frame) && hasCopularSubject(target, holders, frame)) return null;
    // "Armenia's foremost partner", "Israel's ally": the noun names someone else
    if (target.possessive && lexicon.relational_nouns.has(tokens[hit.end - 1].lower) && !gap.some((t) => isPreposition(t.lower, rules))) return null;
    if (gap.length === 0) return "agent";
    // "the western perception of a tactical victory", "Iran's view of the attacks": the
    // possessor or adjective holds the view; what is viewed is not its own
    if ((target.possessive || target.modifier) && ofViewNoun(gap, rules)) return null;
    const phrase = withoutParentheses(gap).filter((t) => t.text !== "-");
    if (target.possessive && possessedPhrase(phrase, rules))
      // "its neighbour besieged and overwhelmed by Turkey": a participle with a "by" phrase
      // is done to what the possessor owns
      return reducedPassive(hit, frame) ? (hit.cue.patient !== undefined ? "patient" : "agent") : "agent";
    // "Russia's perceived interests, distractions, and disputes": a possessor owns each
    // noun of the list it opens, as long as no other holder starts a new one
    if (target.possessive && isPossessedList(phrase, rules) && !holders.some((h) => h !== target && h.tokenStart >= target.tokenEnd && h.tokenEnd <= hit.start)) return "agent";
    // "Israeli and Turkish-made drones, and artillery strikes": an adjective is the
    // subject's modifier only when its noun phrase runs straight into the cue
    if (target.modifier && gap.some((t) => t.kind === "punct" && t.text !== "-")) return null;
    // "Chinese drills or preparations for a mass invasion": without a verb in between the
    // cue is still inside the noun phrase the adjective opens
    if (target.modifier && gap.length <= 8 && !holders.some((h) => h !== target && h.tokenStart >= target.tokenEnd && h.tokenEnd <= hit.start)) {
      frame.pos ??= posTags(frame.tokens.map((x) => x.text));
      if (!frame.pos.slice(target.tokenEnd, hit.start).some((p) => /^(VB|MD)/.test(p))) return "agent";
    }
    // "criticized the CSTO for its inaction": a possessor right before the cue owns it, and
    // so does an adjective ("responded to Azerbaijani aggression"), unless it stands in a
    // predicate after "is": "Russia is no longer Armenia's elder brother" describes Russia
    if (holders.some((h) => h !== target && (h.possessive || (h.modifier && h.tokenEnd === hit.start)) && h.tokenStart > target.tokenEnd - 1 && ownsCue(h, hit, rules, frame) && !coordinated(h, holders, frame, rules).includes(target) && !inPredicate(h, frame))) return null;
    // "Israel aims to reduce the Shia powerhouse's clout": a possessor that names no holder
    // owns the cue just as well, and the clause's subject does not take it
    if (ownedByOther(target, hit, holders, frame, rules)) return null;
    const eligibility = isEligibleSubject(target, frame, rules);
    // "agreed on terms for significant cooperation", "talks about a partnership": a cue in a
    // phrase of topic after another noun names what is discussed, not what the subject does
    if (eligibility === "subject" && !target.possessive && topicPhrase(hit, frame)) return null;
    // "Russia condemned the attacks", "Armenia feared an invasion": a harm named by a noun
    // that a verb of judging or fearing takes as its object is what the subject judges, not
    // its act
    if (eligibility === "subject" && !target.possessive && (hit.cue.agent ?? 0) < 0 && judgedObject(hit, frame, rules)) return null;
    // "the operation initiated by Azerbaijan for the liberation of ...": a "by" phrase
    // reaches only the cues right after it
    if (eligibility === "by") return gap.length <= 5 ? "agent" : null;
    if (!eligibility) return null;
    if (absoluteWith(target, frame, rules) && gap.some((t) => t.text === ",")) return null;
    // the nearest eligible holder before the cue is its subject, with those coordinated
    const candidates = holders.filter((h) => h.tokenEnd <= hit.start && clause[h.tokenStart] === hitClause && isEligibleSubject(h, frame, rules) === "subject" && !(h.possessive && inPredicate(h, frame)));
    const nearest = candidates.sort((a, b) => b.tokenEnd - a.tokenEnd)[0];
    if (!nearest || !coordinated(nearest, holders, frame, rules).includes(target)) return null;
    // a subject far from its cue is more often the subject of another verb
    if (gap.length > MAX_SUBJECT_GAP) return null;
    // "He said the 20 percent who can't enroll ...": the speaker is not the subject of
    // what the reported clause says (a pronoun standing for the speaker still is)
    if (gap.some((t) => lexicon.reporting_verbs.has(t.lower))) return null;
    // "Iran considers Azerbaijan a threat", "Armenia accused Baku of aggression": the one
    // holding a view is not the subject of what its view says ("is seen as", "sees itself
    // as" still describe it)
    if (gap.some((t, k) => holdsViewOf(target.tokenEnd + k, hit, holders, frame, rules))) return null;
    return passiveRole(hit, frame, rules);
  }

  if (hit.end <= target.tokenStart) {
    const opening = openingPhrase(frame, rules);
    if (opening > 0 && hit.end <= opening && prevContentIndex(tokens, target.tokenStart - 1, 0) === opening && !holders.some((h) => h.tokenEnd <= hit.start && directRole(hit, h, holders, frame, rules)))
      return /(ed|en)$/.test(tokens[0].lower) && hit.cue.patient !== undefined ? "patient" : "agent";
    const gap = tokens.slice(hit.end, target.tokenStart);
    if (gap.some((t) => t.kind === "punct" && t.text !== "-" && t.text !== "'" && t.text !== '"')) return null;
    // "a partnership that shields the country from Russia": a finite verb between the cue
    // and the holder heads the phrase the holder is in
    frame.pos ??= posTags(tokens.map((x) => x.text));
    if (frame.pos.slice(hit.end, target.tokenStart).some((p) => /^(VB[DPZ]|MD)$/.test(p))) return null;
    if (gap.some((t, k) => RELATIVE_OPENERS.has(t.lower) && k < gap.length - 1 && !DETERMINERS.has(gap[k + 1].lower))) return null;
    // "the principle that Tehran will never acquire ...", "fears that Russia ...": a name
    // right after "that" is the subject of the clause "that" opens, not the cue's object
    if (gap.length > 0 && RELATIVE_OPENERS.has(gap[gap.length - 1].lower) && !target.modifier && !target.possessive) return null;
    // the first holder after a cue takes it: "defeated Armenia ... over Georgia"
    const group = coordinated(target, holders, frame, rules);
    if (holders.some((h) => h.tokenStart >= hit.end && h.tokenEnd <= target.tokenStart && !h.possessive && !group.includes(h))) return null;
    let j = prevContentIndex(tokens, target.tokenStart - 1, hit.end);
    let prev = j >= hit.end ? tokens[j].lower : null;
    // "partnerships with countries like Israel", "attacks on cities such as Stepanakert": an
    // example after "like" or "such as" stands where the noun it exemplifies stands
    if (prev === "like" || (prev === "as" && tokens[j - 1]?.lower === "such")) {
      const noun = prev === "as" ? j - 2 : j - 1;
      frame.pos ??= posTags(tokens.map((x) => x.text));
      const k = noun > hit.end && /^NNS?$/.test(frame.pos[noun]) ? prevContentIndex(tokens, noun - 1, hit.end) : -1;
      if (k >= hit.end && isPreposition(tokens[k].lower, rules)) {
        j = k;
        prev = tokens[k].lower;
      }
    }
    // "a partnership that shields the country from Russia": a preposition after a relative
    // pronoun or a verb that comes between belongs to that clause, not to the cue ("of X"
    // still reaches back: "fearing the advance of the Azerbaijani army")
    if (prev && prev !== "of" && isPreposition(prev, rules) && !lexicon.agent_prepositions.has(prev) && j > hit.end) {
      frame.pos ??= posTags(tokens.map((x) => x.text));
      for (let k = hit.end; k < j; k++) if ((/^VB[DZP]?$/.test(frame.pos[k]) && !AUXILIARIES.has(tokens[k].lower)) || /^(that|which|who|whom)$/.test(tokens[k].lower)) return null;
    }
    if (prev && lexicon.agent_prepositions.has(prev)) return "agent";
    // "attacked the Russian-backed separatists", "in favor of the NATO-inclined opposition":
    // the first part of a hyphenated modifier describes the noun after it, which the cue
    // reaches instead
    if (compoundModifier(target, tokens)) return null;
    // "cooperation with Azerbaijan", "partnered with Israel": the partner of a joint action
    // takes part in it as the subject does
    if (prev === "with" && listedBefore(lexicon.joint_action, tokens, hit.end)) return "agent";
    // "pressure from Baku" (the source acts), "shields the country from Russia" (the danger)
    if (prev === "from") return hit.cue.from ?? (hit.cue.patient !== undefined && hit.cue.id !== "afinn" ? "agent" : null);
    // "the failure of Russia" (agent) but "the invasion of Ukraine" (patient); "of" after a
    // verb ("the sole response was the dispatch of the CSTO") belongs to another noun
    if (prev === "of" && gap.some((t) => AUXILIARIES.has(t.lower))) return null;
    if (prev === "of") return hit.cue.of ?? (hit.cue.patient !== undefined ? "patient" : "agent");
    // "an opportunity for Iran": the beneficiary, for cues that say so
    if (prev === "for" && hit.cue.for) return hit.cue.for;
    if (prev && lexicon.patient_prepositions.has(prev)) return "patient";
    if (prev && lexicon.other_prepositions.has(prev)) return null;
    // a lexicon adjective right before the actor describes it ("a defiant Trump", "the
    // corrupt mayor Brown", "the hypocritical West"), a verb before it acts on it ("hurt
    // Brown"); a cue word in -ed or -ing the tagger may call an adjective is left to the
    // rules below ("grilled Dean")
    if (hit.end - hit.start === 1 && gap.every((t) => DETERMINERS.has(t.lower)) && (hit.cue.id === "afinn" || !/(ed|ing)$/.test(tokens[hit.start].lower))) {
      frame.pos ??= posTags(tokens.map((x) => x.text));
      if (/^JJ/.test(frame.pos[hit.start])) return "agent";
    }
    // a direct object, or an attributive adjective ("the ineffective CSTO")
    if (gap.length <= 4 && hit.cue.patient !== undefined) return "patient";
    // an adjective right before the actor describes it ("the ineffective CSTO"); a verb
    // form ("mischaracterized Bannon's") does not
    const cueWord = tokens[hit.end - 1].lower;
    if (hit.end - hit.start === 1 && gap.filter((t) => !DETERMINERS.has(t.lower)).length === 0 && !/(ed|ing)$/.test(cueWord)) return "agent";
    // first holder after a coordinated chain: "by NATO and Israel"
    return null;
  }
  return null;
}

/**
 * The holder an appositive noun phrase holding the cue stands beside: "Iran, Armenia's
 * only regional partner, must ..." (a comma right after the holder, a noun phrase with no
 * verb, closed by a comma or the end of the clause). A list ("Iran, Turkey and Russia") or
 * a relative clause is no appositive.
 */
function appositiveHead(hit: CueHit, holders: Holder[], frame: SentenceFrame, rules: StanceRules): Holder | undefined {
  const { tokens, clause } = frame;
  let comma = hit.start - 1;
  while (comma >= 0 && tokens[comma].text !== "," && clause[comma] === clause[hit.start] && tokens[comma].kind !== "punct") comma--;
  if (comma < 1 || tokens[comma].text !== "," || clause[comma] !== clause[hit.start]) return undefined;
  const head = holders.find((h) => h.tokenEnd === comma && !h.possessive);
  if (!head) return undefined;
  const first = tokens[comma + 1];
  // a list goes on with another holder that is not a possessor; a relative pronoun opens a clause
  if (holders.some((h) => h.tokenStart === comma + 1 && !h.possessive) || rules.lexicon.relative.has(first.lower) || rules.lexicon.coordinators.has(first.lower)) return undefined;
  let end = hit.end;
  while (end < tokens.length && tokens[end].kind !== "punct" && end - comma <= 10) end++;
  if (end - comma > 10 || (end < tokens.length && tokens[end].text !== ",")) return undefined;
  frame.pos ??= posTags(tokens.map((x) => x.text));
  // a phrase opening with a preposition or a participle ("without U.S. support", "ignoring
  // Islamism") is an adverbial or a list of actions, not a noun phrase
  if (isPreposition(first.lower, rules) || /^(VBG|VBN|IN|TO|RB)$/.test(frame.pos[comma + 1])) return undefined;
  for (let i = comma + 1; i < end; i++) if (/^(VB[DPZ]?|MD)$/.test(frame.pos[i]) || AUXILIARIES.has(tokens[i].lower) || rules.lexicon.coordinators.has(tokens[i].lower)) return undefined;
  return head;
}

/**
 * "Struggling to rebound ..., Cruz's campaign has", "Derided as a poor copy ..., Maduro
 * has": a sentence that opens with a participle phrase describes the subject after its
 * comma. Returns the comma's index, or -1.
 */
function openingPhrase(frame: SentenceFrame, rules: StanceRules): number {
  const { tokens } = frame;
  const first = tokens[0];
  if (!first || first.kind !== "word" || !/^[a-z]{2,}(ing|ed|en)$/.test(first.lower) || rules.lexicon.not_participles.has(first.lower)) return -1;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].text === ",") return frame.clause[i] === frame.clause[0] ? i : -1;
    if (tokens[i].kind === "punct" && CLAUSE_PUNCT.has(tokens[i].text)) return -1;
  }
  return -1;
}

const SUBJECT_WORDS = new Set(["the", "a", "an", "this", "that", "these", "those", "it", "they", "he", "she", "we", "i", "you", "there", "its", "their", "his", "her", "our", "my", "your", "one", "some", "many", "most", "few", "none", "nobody", "no", "each", "every", "such", "what", "which", "who"]);

function startsSubject(t: Token | undefined): boolean {
  return !!t && (SUBJECT_WORDS.has(t.lower) || (t.kind === "word" && /^\p{Lu}/u.test(t.text)));
}

/** No new subject between the start of a clause and a cue: no holder, no determiner or pronoun, no name. */
function subjectless(from: number, to: number, holders: Holder[], frame: SentenceFrame): boolean {
  // a verb before any subject word starts a predicate: what follows it is its object
  // ("but lacked the stature"), not a new subject
  frame.pos ??= posTags(frame.tokens.map((x) => x.text));
  let end = to;
  for (let i = from; i < to; i++) if (/^VB[DZP]?$/.test(frame.pos[i]) || frame.tokens[i].lower === "to") { end = i; break; }
  if (holders.some((h) => h.tokenStart >= from && h.tokenStart < end)) return false;
  for (let i = from; i < end; i++) {
    const t = frame.tokens[i];
    if (SUBJECT_WORDS.has(t.lower) || (t.kind === "word" && /^\p{Lu}/u.test(t.text))) return false;
  }
  return true;
}

/** The first holder of a clause that stands as a subject, with those coordinated with it. */
function mainSubject(c: number, holders: Holder[], frame: SentenceFrame, rules: StanceRules): Holder[] {
  const first = holders
    .filter((h) => frame.clause[h.tokenStart] === c && isEligibleSubject(h, frame, rules) === "subject" && !h.modifier)
    .sort((a, b) => a.tokenStart - b.tokenStart)[0];
  return first ? coordinated(first, holders, frame, rules) : [];
}

/** "came to Armenia's aid": a possessor right after "to" and before a noun it receives (lexicon.received_after_to). */
function receivesAfterTo(h: Holder, hit: CueHit, frame: SentenceFrame, rules: StanceRules): boolean {
  return h.possessive && h.tokenEnd === hit.start && frame.tokens[h.tokenStart - 1]?.lower === "to" && rules.lexicon.received_after_to.has(frame.tokens[hit.start].lower);
}

/** The words after a possessor or adjective open with a noun of viewing and its "of": "perception of a". */
function ofViewNoun(gap: Token[], rules: StanceRules): boolean {
  let k = 0;
  while (k < gap.length - 1 && gap[k].kind === "word" && !rules.lexicon.view_nouns.has(gap[k].lower) && k < 2) k++;
  return rules.lexicon.view_nouns.has(gap[k].lower) && gap[k + 1]?.lower === "of";
}

/** A possessive word that is no holder ("the country's", "Washington's") owning the cue after the target. */
function ownedByOther(target: Holder, hit: CueHit, holders: Holder[], frame: SentenceFrame, rules: StanceRules): boolean {
  const { tokens } = frame;
  for (let k = hit.start - 1; k >= Math.max(target.tokenEnd, hit.start - 5); k--) {
    const t = tokens[k];
    if (!t.possessive || t.kind !== "word" || isContractedPronoun(t) || holders.some((h) => h.tokenStart <= k && k < h.tokenEnd)) continue;
    if (possessedPhrase(withoutParentheses(tokens.slice(k + 1, hit.start)).filter((x) => x.text !== "-"), rules)) return true;
  }
  return false;
}

function ownsCue(h: Holder, hit: CueHit, rules: StanceRules, frame: SentenceFrame): boolean {
  if (h.tokenEnd > hit.start || receivesAfterTo(h, hit, frame, rules)) return false;
  const phrase = withoutParentheses(frame.tokens.slice(h.tokenEnd, hit.start)).filter((t) => t.text !== "-");
  return possessedPhrase(phrase, rules);
}

/**
 * The words between a possessor and a cue it owns: up to four words, no preposition but
 * one "of" after the possessed noun ("Moscow's perceived lack of adequate mediation",
 * "Russia's use of force"): the possessor owns the noun and its complement.
 */
function possessedPhrase(phrase: Token[], rules: StanceRules): boolean {
  const ofs = phrase.filter((t) => t.lower === "of").length;
  return phrase.length <= 4 && phrase.every((t, k) => t.kind === "word" && (!isPreposition(t.lower, rules) || (t.lower === "of" && ofs === 1 && k > 0)));
}

/** A short list of nouns after a possessor: words, commas and "and"/"or" only, each item at most three words. */
function isPossessedList(phrase: Token[], rules: StanceRules): boolean {
  if (!phrase.some((t) => t.text === ",")) return false;
  let item = 0;
  for (const t of phrase) {
    if (t.text === "," || t.lower === "and" || t.lower === "or") item = 0;
    else if (t.kind !== "word" || isPreposition(t.lower, rules) || SUBJECT_WORDS.has(t.lower) || ++item > 3) return false;
  }
  return phrase.length <= 10;
}

const COPULAS = new Set(["is", "are", "was", "were", "be", "been", "being", "remains", "remained", "remain", "became", "become", "becomes", "seems", "seemed", "'s"]);
const PREDICATE_ADVERBS = new Set(["no", "longer", "not", "never", "also", "still", "now", "just", "only", "merely", "simply", "once", "again", "already", "effectively", "essentially"]);

/** A possessor opening the predicate of "is": "is no longer Armenia's elder brother". */
function inPredicate(h: Holder, frame: SentenceFrame): boolean {
  let j = h.tokenStart - 1;
  while (j >= 0 && (DETERMINERS.has(frame.tokens[j].lower) || PREDICATE_ADVERBS.has(frame.tokens[j].lower))) j--;
  return j > 0 && COPULAS.has(frame.tokens[j].lower);
}

/** The subject of the copula before a predicate holder is itself a holder: the predicate is about it. */
function hasCopularSubject(h: Holder, holders: Holder[], frame: SentenceFrame): boolean {
  let j = h.tokenStart - 1;
  while (j >= 0 && (DETERMINERS.has(frame.tokens[j].lower) || PREDICATE_ADVERBS.has(frame.tokens[j].lower))) j--;
  return holders.some((o) => o !== h && o.tokenEnd === j && frame.clause[o.tokenStart] === frame.clause[h.tokenStart]);
}

/** A past participle followed by its "by" phrase ("besieged and overwhelmed by Turkey"). */
function reducedPassive(hit: CueHit, frame: SentenceFrame): boolean {
  const { tokens } = frame;
  if (!/(ed|en)$/.test(tokens[hit.end - 1].lower)) return false;
  for (let k = hit.end; k < Math.min(tokens.length, hit.end + 4); k++) {
    if (tokens[k].lower === "by") return true;
    if (tokens[k].kind === "punct") return false;
  }
  return false;
}

/** A holder opening a hyphenated adjective: "Russian-backed", "NATO-inclined". */
function compoundModifier(h: Holder, tokens: Token[]): boolean {
  const dash = tokens[h.tokenEnd];
  const next = tokens[h.tokenEnd + 1];
  return !!dash && !!next && dash.text === "-" && dash.start === tokens[h.tokenEnd - 1].end && next.start === dash.end && next.kind === "word" && /^\p{Ll}/u.test(next.text);
}

/** A participle that ends a hyphenated adjective: "military-backed", "Russian-led". */
const RELATIVE_OPENERS = new Set(["that", "which", "who", "whom"]);

function compoundTail(hit: CueHit, tokens: Token[]): boolean {
  const dash = tokens[hit.start - 1];
  const before = tokens[hit.start - 2];
  return !!dash && !!before && dash.text === "-" && dash.end === tokens[hit.start].start && before.end === dash.start && before.kind === "word" && /(ed|en)$/.test(tokens[hit.end - 1].lower);
}

const ARTICLES = new Set(["the", "a", "an", "this", "that", "these", "those"]);

/**
 * A cue noun with an article right after a verb that judges what follows it without being
 * judged for it ("condemned the attacks", "feared an invasion": one of its cues has a
 * patient weight and none for its agent).
 */
function judgedObject(hit: CueHit, frame: SentenceFrame, rules: StanceRules): boolean {
  const { tokens } = frame;
  frame.pos ??= posTags(tokens.map((x) => x.text));
  if (!/^NN/.test(frame.pos[hit.end - 1])) return false;
  let j = hit.start - 1;
  while (j >= 0 && /^(JJ|RB|VBN|VBG)/.test(frame.pos[j]) && !ARTICLES.has(tokens[j].lower)) j--;
  if (j < 1 || !ARTICLES.has(tokens[j].lower)) return false;
  const judges = rules.wordIndex.get(tokens[j - 1].lower) ?? rules.wordIndex.get(tokens[j - 1].base);
  return !!judges && judges.some((c) => !c.agent && (c.patient ?? 0) < 0);
}

const TOPIC_PREPOSITIONS = new Set(["for", "on", "about", "regarding", "concerning"]);

/** A cue after a preposition of topic that follows a noun: "terms for significant cooperation". */
function topicPhrase(hit: CueHit, frame: SentenceFrame): boolean {
  const { tokens } = frame;
  frame.pos ??= posTags(tokens.map((x) => x.text));
  let j = hit.start - 1;
  while (j >= 0 && (DETERMINERS.has(tokens[j].lower) || /^(JJ|RB)/.test(frame.pos[j]))) j--;
  return j > 0 && TOPIC_PREPOSITIONS.has(tokens[j].lower) && /^NNS?$/.test(frame.pos[j - 1]);
}

function withoutParentheses(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === "(") depth++;
    else if (t.text === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) out.push(t);
  }
  return out;
}

const REFLEXIVES = new Set(["itself", "themselves", "himself", "herself"]);

/** "Iran positions itself as the representative of ...": the actor's self-image, its own claim. */
function selfPresentation(tokens: Token[], i: number, rules: StanceRules): boolean {
  return rules.lexicon.self_presentation.has(tokens[i].lower) && REFLEXIVES.has(tokens[i + 1]?.lower ?? "");
}

/**
 * The holder of an attributed view is the subject before the reporting verb: its own view
 * is not hearsay about it ... unless the view is of itself ("sees itself as a partner").
 */
function holdsTheView(target: Holder, hit: CueHit, frame: SentenceFrame, rules: StanceRules): boolean {
  for (let i = target.tokenEnd; i < Math.min(frame.tokens.length, target.tokenEnd + 4); i++) {
    if (selfPresentation(frame.tokens, i, rules)) return false;
    const t = frame.tokens[i].lower;
    if (rules.lexicon.attribution.has(t) || rules.lexicon.reporting_verbs.has(t)) return i < hit.start;
  }
  return false;
}

/**
 * An active verb of holding or voicing a view at token i, with the one it is about right
 * after it ("considers Azerbaijan a threat", "accused Baku of") or an "as" before the cue
 * ("regards the sanctions as illegal"): what follows describes its object, not its subject.
 */
function holdsViewOf(i: number, hit: CueHit, holders: Holder[], frame: SentenceFrame, rules: StanceRules): boolean {
  const { tokens } = frame;
  const { lexicon } = rules;
  if (!lexicon.attribution.has(tokens[i].lower) || tokens[i].lower === "according" || selfPresentation(tokens, i, rules)) return false;
  let j = i - 1;
  while (j >= 0 && /^[a-z]+ly$/.test(tokens[j].lower)) j--;
  if (j < 0 || lexicon.passive_auxiliaries.has(tokens[j].lower) || tokens[j].text === ",") return false;
  let o = i + 1;
  while (o < hit.start && DETERMINERS.has(tokens[o].lower)) o++;
  return holders.some((h) => h.tokenStart === o && h.tokenEnd <= hit.start) || tokens.slice(i + 2, hit.start).some((t) => t.lower === "as");
}

function isPreposition(w: string, rules: StanceRules): boolean {
  const l = rules.lexicon;
  return l.patient_prepositions.has(w) || l.agent_prepositions.has(w) || l.other_prepositions.has(w);
}

/** Whose term a scare-quoted span holds up: the possessor right before it, else the clause's subject. */
function quoteOwner(qs: number, holders: Holder[], frame: SentenceFrame, rules: StanceRules): Holder | undefined {
  const before = holders.filter((h) => h.tokenEnd <= qs && frame.clause[h.tokenStart] === frame.clause[qs]);
  const possessor = before.find((h) => h.possessive && qs - h.tokenEnd <= 2);
  if (possessor) return possessor;
  // the actor right before the quoted word is the one using it: Moscow "persuaded" Armenia
  const adjacent = before.find((h) => h.tokenEnd === qs);
  if (adjacent) return adjacent;
  return before
    .filter((h) => isEligibleSubject(h, frame, rules) === "subject")
    .sort((a, b) => b.tokenEnd - a.tokenEnd)[0];
}
