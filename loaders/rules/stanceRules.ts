// Loads data/rules/stance.yaml: the settings, the function-word lists the engine uses for
// negation, contrast, hedging and roles, and the cues. Validated against a schema; an
// unknown actor or a malformed pattern stops the build with the file and line.
import { join } from "node:path";
import { InputError } from "../inputError.ts";
import { compilePattern, PATTERN_SCHEMA, phrasePattern, VALUE_TEST_DEF, type CompiledPattern, type TokenSpec } from "../matcher.ts";
import { tokenize } from "../tokenize.ts";
import { parseYaml, readYamlFile, type YamlSource } from "../yamlFile.ts";
import type { ActorRules } from "./actorRules.ts";

export interface StanceSettings {
  /** |score| below this is neutral */
  threshold: number;
  /** how many content words after a negator it reaches (the infinitive "to" and determiners are not counted) */
  negation_window: number;
  /** a negated cue counts this much, with its sign flipped */
  negation_factor: number;
  /** a negated unfavorable cue counts this much, flipped: not attacking is not praise
   * ("want to avoid escalation"); optional, negation_factor when absent */
  negated_negative_factor?: number;
  /** cues in a hedged claim ("allegedly", "so-called") count this much */
  hedge_factor: number;
  /** cues in someone else's reported view ("Iran considers X a threat") count this much */
  attribution_factor: number;
  /** cues in a concessive clause ("although ...") or before "but" count this much */
  concession_factor: number;
  /** weight of the distancing quotation marks signal */
  scare_quote_weight: number;
  /** weight of natural's AFINN lexicon, used only for words no cue covers */
  fallback_weight: number;
  /** weight of the whole sentence's AFINN tone, used only when nothing reaches the actor */
  sentence_fallback_weight: number;
}

export interface StanceLexicon {
  negators: string[];
  contrast: string[];
  concessive: string[];
  hedges: string[];
  attribution: string[];
  relative: string[];
  patient_prepositions: string[];
  agent_prepositions: string[];
  other_prepositions: string[];
  passive_auxiliaries: string[];
  coordinators: string[];
  /** words the AFINN fallback skips: the topic of the news ("war", "conflict") and words
   * AFINN scores that are rarely evaluative ("like", "want"); optional */
  fallback_ignore?: string[];
  /** third-person pronouns that stand for the nearest actor before them ("its", "their"); optional */
  coreference?: string[];
  /** nouns naming someone else in relation to the possessor ("Armenia's partner", "Israel's
   * ally"): the possessor is not the one the cue describes; optional */
  relational_nouns?: string[];
  /** verbs that, followed by a reflexive pronoun ("positions itself as", "casts himself
   * as"), open the actor's self-image: what follows is the actor's claim, attributed even
   * for the actor; optional */
  self_presentation?: string[];
  /** predicates of collapse that deny the noun they are said of ("her credibility is
   * shot", "its popularity plummeted"), as a negator before it would; optional */
  reversers?: string[];
  /** verbs whose quotation marks after them report speech ('called it a "prison"'), not
   * distance, and that name the speaker of a quotation ('"...," she said'); optional */
  speech_verbs?: string[];
  /** verbs of saying that report someone's words ("said that ...", "He said the people
   * ..."): what follows is the speaker's view, and the speaker not its subject; optional */
  reporting_verbs?: string[];
  /** verbs of opinion after "I" in a quotation ('"I think she should resign," Smith said'):
   * what follows is about someone else, so "I" there is not the speaker's holder; optional */
  opinion_verbs?: string[];
  /** verbs of enabling ("allows Azerbaijan to form partnerships"): the holder after them
   * is the subject of the infinitive; optional */
  enabling_verbs?: string[];
  /** words of demanding ("the demand for Ortega to resign", "called for Baku to
   * withdraw"): the holder after their "for" is the subject of the infinitive; optional */
  demands?: string[];
  /** words and phrases of joint action ("cooperates with", "teamed up with"): the partner
   * after their "with" does what follows, as a "by" phrase would, and takes part in the
   * joint action itself ("cooperation with Azerbaijan"); optional */
  joint_action?: string[];
  /** phrases opening with a negator that free the actor of an obligation ("without having
   * to adhere to"): they negate nothing; optional */
  free_of_obligation?: string[];
  /** words opening an absolute phrase ("With Clinton clinging to a narrow lead, Trump
   * ..."): the holder after them is the subject of the participle, up to the comma; optional */
  absolute_openers?: string[];
  /** words in -ing, -ed or -en that open a sentence as a preposition does ("Following the
   * war, Baku ..."): not a participle phrase describing the subject after the comma; optional */
  not_participles?: string[];
  /** predicates after "it is", "it was", "it's", "it seems" ... that make "it" an empty
   * subject ("it is worth noting", "it was clear that"): that "it" refers to nothing, so it
   * is no pronoun for an actor; optional */
  empty_subject_predicates?: string[];
  /** nouns that, after "to X's", make X the one who receives what they name ("came to
   * Armenia's aid", "to Tehran's detriment"): X is their patient, where any other noun there
   * is X's own ("responded to Azerbaijan's aggression"); optional */
  received_after_to?: string[];
  /** phrases after which a cue is what the holder before them undergoes ("Armenia is a
   * victim of aggression", "subjected to attacks"): it is the cue's patient; optional */
  undergoes?: string[];
  /** nouns of viewing ("the western perception of a victory", "Iran's view of the
   * attacks"): the possessor or adjective before them holds the view and is not the one
   * the cue in their "of" phrase describes; optional */
  view_nouns?: string[];
}

export interface CueDef {
  id: string;
  words?: string[];
  pattern?: TokenSpec[];
  /** how the cue portrays the actor that does or has it (subject, possessor, "by X") */
  agent?: number;
  /** how it portrays the actor it is done to (object, "against X", "on X") */
  patient?: number;
  /** what "cue of X" makes X: "the failure of Russia" (agent), "the invasion of Ukraine" (patient) */
  of?: "agent" | "patient";
  /** what "cue for X" makes X: "an opportunity for Iran" (agent: the beneficiary) */
  for?: "agent" | "patient";
  /** what "cue from X" makes X: "pressure from Baku" (agent, the default for cues with a
   * patient weight), "shields the country from Russia" (patient: the danger kept off) */
  from?: "agent" | "patient";
  /** weight (sign of the role's weight times this) when the cue is negated, instead of
   * flipping it: "did not help" says more than "helped" */
  if_negated?: number;
  /** the cue is itself a negator ("cannot", "failed to"): it counts only when the words it
   * negates hold no other cue, which then speaks for itself ("cannot remain passive") */
  yields?: boolean;
  /** restrict the cue to these actors */
  actors?: string[];
  note: string;
}

interface StanceFile {
  settings: StanceSettings;
  lexicon: StanceLexicon;
  cues: CueDef[];
}

const words = { type: "array", items: { type: "string", minLength: 1 } };
/** The lexicon lists a stance.yaml must have, and those it may leave out (then empty). */
const REQUIRED_LISTS: Array<keyof StanceLexicon> = ["negators", "contrast", "concessive", "hedges", "attribution", "relative", "patient_prepositions", "agent_prepositions", "other_prepositions", "passive_auxiliaries", "coordinators"];
const OPTIONAL_LISTS: Array<keyof StanceLexicon> = ["fallback_ignore", "coreference", "relational_nouns", "self_presentation", "reversers", "speech_verbs", "reporting_verbs", "opinion_verbs", "enabling_verbs", "demands", "joint_action", "free_of_obligation", "absolute_openers", "not_participles", "empty_subject_predicates", "received_after_to", "undergoes", "view_nouns"];
const weight = { type: "number", minimum: -1, maximum: 1 };

export const STANCE_SCHEMA = {
  $defs: { valueTest: VALUE_TEST_DEF },
  type: "object",
  additionalProperties: false,
  required: ["settings", "lexicon", "cues"],
  properties: {
    settings: {
      type: "object",
      additionalProperties: false,
      required: ["threshold", "negation_window", "negation_factor", "hedge_factor", "attribution_factor", "concession_factor", "scare_quote_weight", "fallback_weight", "sentence_fallback_weight"],
      properties: {
        threshold: { type: "number", minimum: 0, maximum: 1 },
        negation_window: { type: "integer", minimum: 0, maximum: 20 },
        negation_factor: { type: "number", minimum: 0, maximum: 1 },
        negated_negative_factor: { type: "number", minimum: 0, maximum: 1 },
        hedge_factor: { type: "number", minimum: 0, maximum: 1 },
        attribution_factor: { type: "number", minimum: 0, maximum: 1 },
        concession_factor: { type: "number", minimum: 0, maximum: 1 },
        scare_quote_weight: weight,
        fallback_weight: { type: "number", minimum: 0, maximum: 1 },
        sentence_fallback_weight: { type: "number", minimum: 0, maximum: 1 },
      },
    },
    lexicon: {
      type: "object",
      additionalProperties: false,
      required: REQUIRED_LISTS,
      properties: Object.fromEntries([...REQUIRED_LISTS, ...OPTIONAL_LISTS].map((k) => [k, words])),
    },
    cues: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "note"],
        oneOf: [{ required: ["words"] }, { required: ["pattern"] }],
        anyOf: [{ required: ["agent"] }, { required: ["patient"] }],
        properties: {
          id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
          words: { ...words, minItems: 1 },
          pattern: PATTERN_SCHEMA,
          agent: weight,
          patient: weight,
          of: { enum: ["agent", "patient"] },
          if_negated: weight,
          for: { enum: ["agent", "patient"] },
          from: { enum: ["agent", "patient"] },
          yields: { type: "boolean" },
          actors: { type: "array", items: { type: "string" }, minItems: 1 },
          note: { type: "string", minLength: 1 },
        },
      },
    },
  },
} as const;

export interface CompiledCue extends CueDef {
  /** one compiled pattern per word or phrase, or the user's pattern */
  patterns: CompiledPattern[];
  /** single-word forms for the fast path */
  single: Set<string>;
  line: number | null;
}

export interface StanceRules {
  file: string;
  settings: StanceSettings;
  lexicon: Record<keyof StanceLexicon, Set<string>>;
  cues: CompiledCue[];
  /** single-word cue forms → cues, for a one-pass lookup */
  wordIndex: Map<string, CompiledCue[]>;
  /** multi-word and pattern cues */
  patternCues: CompiledCue[];
}

export function loadStanceRules(actors: ActorRules, root = process.cwd()): StanceRules {
  const file = join(root, "data/rules/stance.yaml");
  return compileStanceRules(file, readYamlFile<StanceFile>(file, STANCE_SCHEMA, root), actors);
}

export function parseStanceRules(file: string, text: string, actors: ActorRules): StanceRules {
  return compileStanceRules(file, parseYaml<StanceFile>(file, text, STANCE_SCHEMA), actors);
}

/** The rule names of the evidence the tagger finds without a cue (loaders/stance.ts): AFINN words, distancing quotes, a sentence's tone. */
const OWN_EVIDENCE = ["afinn", "scare-quotes", "sentence-tone"];

function compileStanceRules(file: string, src: YamlSource<StanceFile>, actors: ActorRules): StanceRules {
  const { settings, lexicon, cues } = src.data;
  const ids = new Set<string>();
  const compiled: CompiledCue[] = cues.map((cue, i) => {
    const line = src.lineOf(["cues", i]);
    if (ids.has(cue.id)) throw new InputError(file, src.lineOf(["cues", i, "id"]), `duplicate cue id "${cue.id}"`, "give each cue its own id");
    // the tagger names its own evidence so: a cue of that name would be counted as it (and reweighed as a cue)
    if (OWN_EVIDENCE.includes(cue.id)) throw new InputError(file, src.lineOf(["cues", i, "id"]), `cue id "${cue.id}" is the name of the tagger's own evidence (${OWN_EVIDENCE.join(", ")})`, "give the cue another id");
    ids.add(cue.id);
    (cue.actors ?? []).forEach((a, j) => {
      if (!actors.byId.has(a))
        throw new InputError(file, src.lineOf(["cues", i, "actors", j]), `unknown actor "${a}" in cue "${cue.id}"`, `use an id from ${actors.file}`);
    });
    const single = new Set<string>();
    const patterns: CompiledPattern[] = [];
    if (cue.pattern) patterns.push(compilePattern(cue.pattern));
    for (const w of cue.words ?? []) {
      const parts = tokenize(w).map((t) => t.lower);
      if (parts.length === 0) throw new InputError(file, line, `cue "${cue.id}" has an empty word`, "remove it");
      if (parts.length === 1) single.add(parts[0]);
      else patterns.push(compilePattern(phrasePattern(parts)));
    }
    return { ...cue, patterns, single, line };
  });
  const wordIndex = new Map<string, CompiledCue[]>();
  for (const cue of compiled)
    for (const w of cue.single) {
      const list = wordIndex.get(w) ?? [];
      list.push(cue);
      wordIndex.set(w, list);
    }
  const lex = Object.fromEntries(Object.entries({ ...Object.fromEntries(OPTIONAL_LISTS.map((k) => [k, []])), ...lexicon }).map(([k, v]) => [k, new Set((v as string[]).map((w) => w.toLowerCase()))])) as StanceRules["lexicon"];
  return { file, settings, lexicon: lex, cues: compiled, wordIndex, patternCues: compiled.filter((c) => c.patterns.length > 0) };
}
