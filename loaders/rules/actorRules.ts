// Loads data/rules/actors.yaml: validated against a schema, then compiled into an alias
// table keyed by first word and a list of disambiguation patterns.
import { join } from "node:path";
import { InputError } from "../inputError.ts";
import { compilePattern, PATTERN_SCHEMA, VALUE_TEST_DEF, type CompiledPattern, type TokenSpec } from "../matcher.ts";
import { tokenize } from "../tokenize.ts";
import { parseYaml, readYamlFile, type YamlSource } from "../yamlFile.ts";

export const ACTOR_KINDS = ["state", "alliance", "organisation", "person", "people"] as const;
export const ALIAS_GROUPS = ["names", "demonyms", "capitals", "leaders", "institutions"] as const;
export type AliasGroup = (typeof ALIAS_GROUPS)[number];

export interface ActorDef {
  id: string;
  label: string;
  kind: (typeof ACTOR_KINDS)[number];
  note?: string;
  aliases: Partial<Record<AliasGroup, string[]>>;
}

export interface DisambiguationDef {
  id: string;
  pattern: TokenSpec[];
  actor: string; // an actor id or "none"
  span?: "all" | "first" | "last";
  note?: string;
}

interface ActorsFile {
  actors: ActorDef[];
  disambiguation?: DisambiguationDef[];
}

const aliasList = { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 };

export const ACTORS_SCHEMA = {
  $defs: { valueTest: VALUE_TEST_DEF },
  type: "object",
  additionalProperties: false,
  required: ["actors"],
  properties: {
    actors: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "label", "kind", "aliases"],
        properties: {
          id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
          label: { type: "string", minLength: 1 },
          kind: { enum: ACTOR_KINDS },
          note: { type: "string" },
          aliases: {
            type: "object",
            additionalProperties: false,
            minProperties: 1,
            properties: Object.fromEntries(ALIAS_GROUPS.map((g) => [g, aliasList])),
          },
        },
      },
    },
    disambiguation: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "pattern", "actor"],
        properties: {
          id: { type: "string", minLength: 1 },
          pattern: PATTERN_SCHEMA,
          actor: { type: "string" },
          span: { enum: ["all", "first", "last"] },
          note: { type: "string" },
        },
      },
    },
  },
} as const;

/** How an alias's case must be matched (see the header of actors.yaml). */
type CaseMode = "exact" | "capitalised" | "any";

export interface CompiledAlias {
  actor: string;
  alias: string;
  group: AliasGroup;
  words: string[]; // lowercase token texts
  written: string[]; // token texts as written in the rule
  caseMode: CaseMode;
}

export interface ActorRules {
  file: string;
  actors: ActorDef[];
  byId: Map<string, ActorDef>;
  /** aliases by their first word (lowercase), longest first */
  aliasIndex: Map<string, CompiledAlias[]>;
  disambiguation: Array<DisambiguationDef & { compiled: CompiledPattern }>;
}

export function loadActorRules(root = process.cwd()): ActorRules {
  const file = join(root, "data/rules/actors.yaml");
  return compileActorRules(file, readYamlFile<ActorsFile>(file, ACTORS_SCHEMA, root));
}

export function parseActorRules(file: string, text: string): ActorRules {
  return compileActorRules(file, parseYaml<ActorsFile>(file, text, ACTORS_SCHEMA));
}

function compileActorRules(file: string, src: YamlSource<ActorsFile>): ActorRules {
  const { actors, disambiguation = [] } = src.data;
  const byId = new Map<string, ActorDef>();
  actors.forEach((a, i) => {
    if (byId.has(a.id)) throw new InputError(file, src.lineOf(["actors", i, "id"]), `duplicate actor id "${a.id}"`, "give each actor its own id");
    byId.set(a.id, a);
  });

  const aliasIndex = new Map<string, CompiledAlias[]>();
  const seen = new Map<string, string>();
  actors.forEach((a, i) => {
    for (const group of ALIAS_GROUPS) {
      (a.aliases[group] ?? []).forEach((alias, j) => {
        const written = tokenize(alias).map((t) => t.text);
        const words = written.map((w) => w.toLowerCase());
        const key = words.join(" ") + "|" + caseModeOf(alias);
        const other = seen.get(key);
        if (other && other !== a.id)
          throw new InputError(file, src.lineOf(["actors", i, "aliases", group, j]), `alias "${alias}" is listed for both "${other}" and "${a.id}"`, "keep it under one actor, or add a disambiguation pattern");
        seen.set(key, a.id);
        const entry: CompiledAlias = { actor: a.id, alias, group, words, written, caseMode: caseModeOf(alias) };
        const list = aliasIndex.get(words[0]) ?? [];
        list.push(entry);
        aliasIndex.set(words[0], list);
      });
    }
  });
  for (const list of aliasIndex.values()) list.sort((x, y) => y.words.length - x.words.length);

  const compiled = disambiguation.map((d, i) => {
    if (d.actor !== "none" && !byId.has(d.actor))
      throw new InputError(file, src.lineOf(["disambiguation", i, "actor"]), `unknown actor "${d.actor}" in disambiguation "${d.id}"`, `use one of the actor ids above, or none`);
    return { ...d, compiled: compilePattern(d.pattern) };
  });
  return { file, actors, byId, aliasIndex, disambiguation: compiled };
}

function caseModeOf(alias: string): CaseMode {
  const letters = alias.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 2 && letters === letters.toUpperCase()) return "exact";
  if (/^\p{Lu}/u.test(alias)) return "capitalised";
  return "any";
}
