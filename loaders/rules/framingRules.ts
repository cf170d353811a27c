// Loads data/rules/framing.yaml: families of competing labels for one concept
// ("Karabakh" / "Nagorno-Karabakh" / "Artsakh"). Each label is a term rule like a topic
// rule (words and/or a pattern, see topicRules.ts). A family marked `quoted: true` counts
// its labels only when written inside quotation marks: the scare quotes are the framing.
import { join } from "node:path";
import { InputError } from "../inputError.ts";
import { VALUE_TEST_DEF, type TokenSpec } from "../matcher.ts";
import { parseYaml, readYamlFile, type YamlSource } from "../yamlFile.ts";
import type { ActorRules } from "./actorRules.ts";
import { compileTerm, ID_PATTERN, termSchema, type CompiledTerm, type TermDef } from "./topicRules.ts";

export interface LabelDef extends TermDef {
  label: string;
}

export interface FamilyDef {
  id: string;
  label: string;
  description: string;
  quoted?: boolean;
  labels: LabelDef[];
}

interface FramingFile {
  families: FamilyDef[];
}

export const FRAMING_SCHEMA = {
  $defs: { valueTest: VALUE_TEST_DEF },
  type: "object",
  additionalProperties: false,
  required: ["families"],
  properties: {
    families: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "label", "description", "labels"],
        properties: {
          id: { type: "string", pattern: ID_PATTERN },
          label: { type: "string", minLength: 1 },
          description: { type: "string", minLength: 1 },
          quoted: { type: "boolean" },
          labels: { type: "array", minItems: 1, items: termSchema({ label: { type: "string", minLength: 1 } }, ["label"]) },
        },
      },
    },
  },
} as const;

// Quotation marks as the cleaned body has them (straight), and as free text may have them.
const QUOTES = ['"', "'", "\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB"];
// punctuation written inside the closing quote: “corridor,”
const INNER_PUNCT = [",", ".", ";", ":", "?", "!"];

/** The label's tokens between quotation marks, with optional punctuation before the closing one. */
export function quotedPattern(p: TokenSpec[]): TokenSpec[] {
  return [{ TEXT: { IN: QUOTES } }, ...p, { TEXT: { IN: INNER_PUNCT }, OP: "?" }, { TEXT: { IN: QUOTES } }];
}

export interface CompiledLabel extends CompiledTerm {
  label: string;
}

export interface CompiledFamily {
  id: string;
  label: string;
  description: string;
  quoted: boolean;
  labels: CompiledLabel[];
  line: number | null;
}

export interface FramingRules {
  file: string;
  families: CompiledFamily[];
  usesActors: boolean;
}

export function loadFramingRules(actors: ActorRules, root = process.cwd()): FramingRules {
  const file = join(root, "data/rules/framing.yaml");
  return compileFramingRules(file, readYamlFile<FramingFile>(file, FRAMING_SCHEMA, root), actors);
}

export function parseFramingRules(file: string, text: string, actors: ActorRules): FramingRules {
  return compileFramingRules(file, parseYaml<FramingFile>(file, text, FRAMING_SCHEMA), actors);
}

function compileFramingRules(file: string, src: YamlSource<FramingFile>, actors: ActorRules): FramingRules {
  const familyIds = new Set<string>();
  let usesActors = false;
  const families = src.data.families.map((f, i): CompiledFamily => {
    if (familyIds.has(f.id)) throw new InputError(file, src.lineOf(["families", i, "id"]), `duplicate family id "${f.id}"`, "give each family its own id");
    familyIds.add(f.id);
    const labelIds = new Set<string>();
    const labels = f.labels.map((l, j): CompiledLabel => {
      if (labelIds.has(l.id)) throw new InputError(file, src.lineOf(["families", i, "labels", j, "id"]), `duplicate label id "${l.id}" in family "${f.id}"`, "give each label of a family its own id");
      labelIds.add(l.id);
      const { usesActors: u, ...term } = compileTerm(file, src, ["families", i, "labels", j], l, actors, f.quoted ? quotedPattern : undefined);
      usesActors ||= u;
      return { ...term, label: l.label };
    });
    return { id: f.id, label: f.label, description: f.description, quoted: f.quoted ?? false, labels, line: src.lineOf(["families", i]) };
  });
  return { file, families, usesActors };
}
