// Loads data/rules/topics.yaml: topics, each a list of rules (words and/or a token
// pattern). Validated against a schema; a pattern that can match nothing, or an ACTOR
// test naming an actor that actors.yaml does not define, stops the build with the file
// and line. The term compiler here is shared with framing.yaml (framingRules.ts).
import { join } from "node:path";
import { InputError } from "../inputError.ts";
import { compilePattern, PATTERN_SCHEMA, phrasePattern, VALUE_TEST_DEF, type CompiledPattern, type TokenSpec, type ValueTest } from "../matcher.ts";
import { tokenize } from "../tokenize.ts";
import { parseYaml, readYamlFile, type YamlSource } from "../yamlFile.ts";
import type { ActorRules } from "./actorRules.ts";

/** A rule that recognises a term: words or phrases, and/or a token pattern. */
export interface TermDef {
  id: string;
  words?: string[];
  pattern?: TokenSpec[];
  note: string;
}

export interface TopicDef {
  id: string;
  label: string;
  description: string;
  rules: TermDef[];
}

interface TopicsFile {
  topics: TopicDef[];
}

export const ID_PATTERN = "^[a-z0-9][a-z0-9-]*$";

/** Schema of one term rule; `extra` adds fields (framing labels have a `label`). */
export function termSchema(extra: Record<string, object> = {}, required: string[] = []) {
  return {
    type: "object",
    additionalProperties: false,
    required: ["id", "note", ...required],
    anyOf: [{ required: ["words"] }, { required: ["pattern"] }],
    properties: {
      id: { type: "string", pattern: ID_PATTERN },
      words: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
      pattern: PATTERN_SCHEMA,
      note: { type: "string", minLength: 1 },
      ...extra,
    },
  };
}

export const TOPICS_SCHEMA = {
  $defs: { valueTest: VALUE_TEST_DEF },
  type: "object",
  additionalProperties: false,
  required: ["topics"],
  properties: {
    topics: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "label", "description", "rules"],
        properties: {
          id: { type: "string", pattern: ID_PATTERN },
          label: { type: "string", minLength: 1 },
          description: { type: "string", minLength: 1 },
          rules: { type: "array", minItems: 1, items: termSchema() },
        },
      },
    },
  },
} as const;

export interface CompiledTerm {
  id: string;
  note: string;
  /** one pattern per word or phrase, then the user's pattern */
  patterns: CompiledPattern[];
  line: number | null;
}

export interface CompiledTopic {
  id: string;
  label: string;
  description: string;
  rules: CompiledTerm[];
  line: number | null;
}

export interface TopicRules {
  file: string;
  topics: CompiledTopic[];
  /** true when some rule tests ACTOR: the caller must pass the mentions */
  usesActors: boolean;
}

function actorIds(v: ValueTest): string[] {
  if (typeof v === "string") return [v];
  if (typeof v === "boolean") return [];
  return [...(v.IN ?? []), ...(v.NOT_IN ?? [])];
}

/**
 * Compiles one term rule at `path` in a rule file: each word or phrase becomes a pattern
 * on BASE (any case, possessive allowed on the last word); `wrap` turns a pattern into
 * the one actually matched (framing's quoted labels add quotation marks around it).
 */
export function compileTerm(
  file: string,
  src: YamlSource<unknown>,
  path: (string | number)[],
  def: TermDef,
  actors: ActorRules,
  wrap: (p: TokenSpec[]) => TokenSpec[] = (p) => p,
): CompiledTerm & { usesActors: boolean } {
  const patterns: CompiledPattern[] = [];
  (def.words ?? []).forEach((w, j) => {
    const parts = tokenize(w).map((t) => t.lower);
    if (parts.length === 0) throw new InputError(file, src.lineOf([...path, "words", j]), `rule "${def.id}" has a word with no letters or digits: ${JSON.stringify(w)}`, "remove it or write the word");
    patterns.push(compilePattern(wrap(phrasePattern(parts))));
  });
  let usesActors = false;
  if (def.pattern) {
    if (def.pattern.every((s) => s.OP === "?" || s.OP === "*"))
      throw new InputError(file, src.lineOf([...path, "pattern"]), `pattern of rule "${def.id}" has only optional tokens, so it can match nothing`, `make at least one token required (remove its OP, or use OP: "+")`);
    def.pattern.forEach((spec, k) => {
      if (spec.ACTOR === undefined) return;
      usesActors = true;
      for (const a of actorIds(spec.ACTOR))
        if (!actors.byId.has(a.toLowerCase()))
          throw new InputError(file, src.lineOf([...path, "pattern", k, "ACTOR"]), `unknown actor "${a}" in rule "${def.id}"`, `use an actor id from ${actors.file}`);
    });
    patterns.push(compilePattern(wrap(def.pattern)));
  }
  return { id: def.id, note: def.note, patterns, line: src.lineOf(path), usesActors };
}

export function loadTopicRules(actors: ActorRules, root = process.cwd()): TopicRules {
  const file = join(root, "data/rules/topics.yaml");
  return compileTopicRules(file, readYamlFile<TopicsFile>(file, TOPICS_SCHEMA, root), actors);
}

export function parseTopicRules(file: string, text: string, actors: ActorRules): TopicRules {
  return compileTopicRules(file, parseYaml<TopicsFile>(file, text, TOPICS_SCHEMA), actors);
}

function compileTopicRules(file: string, src: YamlSource<TopicsFile>, actors: ActorRules): TopicRules {
  const topicIds = new Set<string>();
  let usesActors = false;
  const topics = src.data.topics.map((t, i): CompiledTopic => {
    if (topicIds.has(t.id)) throw new InputError(file, src.lineOf(["topics", i, "id"]), `duplicate topic id "${t.id}"`, "give each topic its own id");
    topicIds.add(t.id);
    const ruleIds = new Set<string>();
    const rules = t.rules.map((r, j) => {
      if (ruleIds.has(r.id)) throw new InputError(file, src.lineOf(["topics", i, "rules", j, "id"]), `duplicate rule id "${r.id}" in topic "${t.id}"`, "give each rule of a topic its own id");
      ruleIds.add(r.id);
      const { usesActors: u, ...term } = compileTerm(file, src, ["topics", i, "rules", j], r, actors);
      usesActors ||= u;
      return term;
    });
    return { id: t.id, label: t.label, description: t.description, rules, line: src.lineOf(["topics", i]) };
  });
  return { file, topics, usesActors };
}
