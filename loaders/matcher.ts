// Token patterns in the style of spaCy's Matcher: a pattern is a list of token specs, each
// naming attributes a token must have, with an optional OP ("?", "*", "+", "!"). Users
// write these in YAML; nothing here compiles user text into a regular expression, and the
// matcher memoises (spec, token) pairs, so a pattern costs at most O(specs × tokens) per
// start position and no rule can hang the build.
import type { Token } from "./types.ts";

export type ValueTest = string | boolean | { IN?: string[]; NOT_IN?: string[] };

export interface TokenSpec {
  /** exact text as written */
  TEXT?: ValueTest;
  /** lowercase form */
  LOWER?: ValueTest;
  /** lowercase form without a possessive ending ("russia" for "Russia's" and "Russias") */
  BASE?: ValueTest;
  /** Porter stem */
  STEM?: ValueTest;
  IS_PUNCT?: boolean;
  IS_TITLE?: boolean;
  POSSESSIVE?: boolean;
  /** the token is part of a mention of this actor id (true: of any actor) */
  ACTOR?: ValueTest;
  OP?: "?" | "*" | "+" | "!";
}

export const SPEC_KEYS = ["TEXT", "LOWER", "BASE", "STEM", "IS_PUNCT", "IS_TITLE", "POSSESSIVE", "ACTOR", "OP"] as const;

/** JSON schema for a pattern, shared by every rule file. */
export const PATTERN_SCHEMA = {
  type: "array",
  minItems: 1,
  maxItems: 16,
  items: {
    type: "object",
    additionalProperties: false,
    minProperties: 1,
    properties: {
      TEXT: { $ref: "#/$defs/valueTest" },
      LOWER: { $ref: "#/$defs/valueTest" },
      BASE: { $ref: "#/$defs/valueTest" },
      STEM: { $ref: "#/$defs/valueTest" },
      IS_PUNCT: { type: "boolean" },
      IS_TITLE: { type: "boolean" },
      POSSESSIVE: { type: "boolean" },
      ACTOR: { $ref: "#/$defs/valueTest" },
      OP: { enum: ["?", "*", "+", "!"] },
    },
  },
} as const;

export const VALUE_TEST_DEF = {
  oneOf: [
    { type: "string", minLength: 1 },
    { type: "boolean" },
    {
      type: "object",
      additionalProperties: false,
      minProperties: 1,
      properties: {
        IN: { type: "array", items: { type: "string" }, minItems: 1 },
        NOT_IN: { type: "array", items: { type: "string" }, minItems: 1 },
      },
    },
  ],
} as const;

/** Per-token facts the matcher may need beyond the token itself. */
export interface MatchContext {
  /** actor id of the mention covering token i, if any */
  actorAt?: (i: number) => string | undefined;
}

export interface Match {
  start: number; // token index
  end: number; // token index, exclusive
}

// "*" and "+" span at most this many tokens, so a pattern's cost stays linear in the
// sentence length even for a sentence of thousands of tokens.
const MAX_REPEAT = 32;

type CompiledTest = (value: string) => boolean;

interface CompiledSpec {
  tests: Array<(t: Token, i: number, ctx: MatchContext) => boolean>;
  op: "1" | "?" | "*" | "+" | "!";
}

export interface CompiledPattern {
  specs: CompiledSpec[];
  /** the first spec's literal values, to skip start positions quickly */
  firstLower?: Set<string>;
  /** the same for a first spec on BASE (phrase cues: "did little to") */
  firstBase?: Set<string>;
}

function compileValue(v: ValueTest, lowerCase: boolean): CompiledTest {
  const norm = (s: string) => (lowerCase ? s.toLowerCase() : s);
  if (typeof v === "string") {
    const want = norm(v);
    return (x) => x === want;
  }
  if (typeof v === "boolean") return (x) => (x !== "") === v;
  const inSet = v.IN ? new Set(v.IN.map(norm)) : null;
  const outSet = v.NOT_IN ? new Set(v.NOT_IN.map(norm)) : null;
  return (x) => (!inSet || inSet.has(x)) && (!outSet || !outSet.has(x));
}

export function compilePattern(specs: TokenSpec[]): CompiledPattern {
  const compiled = specs.map((spec): CompiledSpec => {
    const tests: CompiledSpec["tests"] = [];
    if (spec.TEXT !== undefined) {
      const f = compileValue(spec.TEXT, false);
      tests.push((t) => f(t.text));
    }
    if (spec.LOWER !== undefined) {
      const f = compileValue(spec.LOWER, true);
      tests.push((t) => f(t.lower));
    }
    if (spec.BASE !== undefined) {
      const f = compileValue(spec.BASE, true);
      tests.push((t) => f(t.base));
    }
    if (spec.STEM !== undefined) {
      const f = compileValue(spec.STEM, true);
      tests.push((t) => f(t.stem));
    }
    if (spec.IS_PUNCT !== undefined) tests.push((t) => (t.kind === "punct") === spec.IS_PUNCT);
    if (spec.IS_TITLE !== undefined) tests.push((t) => /^\p{Lu}/u.test(t.text) === spec.IS_TITLE);
    if (spec.POSSESSIVE !== undefined) tests.push((t) => t.possessive === spec.POSSESSIVE);
    if (spec.ACTOR !== undefined) {
      const f = compileValue(spec.ACTOR, true);
      tests.push((_t, i, ctx) => f(ctx.actorAt?.(i) ?? ""));
    }
    return { tests, op: spec.OP ?? "1" };
  });
  const first = specs[0];
  let firstLower: Set<string> | undefined;
  if (first && (first.OP === undefined || first.OP === "+") && typeof first.LOWER === "string") firstLower = new Set([first.LOWER.toLowerCase()]);
  else if (first && (first.OP === undefined || first.OP === "+") && typeof first.LOWER === "object" && first.LOWER.IN)
    firstLower = new Set(first.LOWER.IN.map((s) => s.toLowerCase()));
  let firstBase: Set<string> | undefined;
  if (first && (first.OP === undefined || first.OP === "+") && typeof first.BASE === "string") firstBase = new Set([first.BASE.toLowerCase()]);
  else if (first && (first.OP === undefined || first.OP === "+") && typeof first.BASE === "object" && first.BASE.IN)
    firstBase = new Set(first.BASE.IN.map((s) => s.toLowerCase()));
  return { specs: compiled, firstLower, firstBase };
}

/** Pattern of plain words: "did little to" → [{LOWER: did}, {LOWER: little}, {LOWER: to}]. */
export function phrasePattern(words: string[]): TokenSpec[] {
  return words.map((w) => ({ BASE: w }));
}

/**
 * All non-overlapping matches of a pattern in a token list, longest first at each start,
 * scanning left to right.
 */
export function findMatches(pattern: CompiledPattern, tokens: Token[], ctx: MatchContext = {}): Match[] {
  const out: Match[] = [];
  if (!mayOccur(pattern, tokens)) return out;
  const first = pattern.specs[0];
  // a start where the first spec must match a token and does not cannot begin a match
  const mustMatchFirst = first !== undefined && (first.op === "1" || first.op === "+");
  for (let start = 0; start < tokens.length; start++) {
    if (pattern.firstLower && !pattern.firstLower.has(tokens[start].lower)) continue;
    if (pattern.firstBase && !pattern.firstBase.has(tokens[start].base)) continue;
    if (mustMatchFirst && !specOk(first, tokens, start, ctx)) continue;
    const end = matchAt(pattern, tokens, start, ctx);
    if (end !== null && end > start) {
      out.push({ start, end });
      start = end - 1;
    }
  }
  return out;
}

// Every pattern is tried on every sentence; most patterns start with a literal word the
// sentence does not contain. The sentence's words, collected once and shared by all
// patterns, rule those out without a scan.
const sentenceWords = new WeakMap<Token[], { lower: Set<string>; base: Set<string> }>();

function mayOccur(pattern: CompiledPattern, tokens: Token[]): boolean {
  if (!pattern.firstLower && !pattern.firstBase) return true;
  let words = sentenceWords.get(tokens);
  if (!words) {
    words = { lower: new Set(), base: new Set() };
    for (const t of tokens) {
      words.lower.add(t.lower);
      words.base.add(t.base);
    }
    sentenceWords.set(tokens, words);
  }
  return someIn(pattern.firstLower, words.lower) && someIn(pattern.firstBase, words.base);
}

function someIn(wanted: Set<string> | undefined, present: Set<string>): boolean {
  if (!wanted) return true;
  for (const w of wanted) if (present.has(w)) return true;
  return false;
}

// Module-level functions rather than closures per call: matchAt runs at every token of
// every sentence for every pattern, and a closure per call (which tsx also names with
// Object.defineProperty) cost more than the matching itself.
function specOk(s: CompiledSpec, tokens: Token[], i: number, ctx: MatchContext): boolean {
  if (i >= tokens.length) return false;
  const t = tokens[i];
  for (const f of s.tests) if (!f(t, i, ctx)) return false;
  return true;
}

interface MatchState {
  specs: CompiledSpec[];
  tokens: Token[];
  ctx: MatchContext;
  memo: Map<number, number | null>;
}

/** Longest match beginning at token `start`, as its exclusive end index, or null. */
export function matchAt(pattern: CompiledPattern, tokens: Token[], start: number, ctx: MatchContext = {}): number | null {
  return best({ specs: pattern.specs, tokens, ctx, memo: new Map() }, 0, start);
}

function longer(result: number | null, r: number | null): number | null {
  return r !== null && (result === null || r > result) ? r : result;
}

/** best(si, ti): longest end reachable matching specs[si..] from token ti */
function best(st: MatchState, si: number, ti: number): number | null {
  const { specs, tokens, ctx, memo } = st;
  if (si === specs.length) return ti;
  const key = si * (tokens.length + 1) + ti;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const s = specs[si];
  let result: number | null = null;
  switch (s.op) {
    case "1":
      if (specOk(s, tokens, ti, ctx)) result = longer(result, best(st, si + 1, ti + 1));
      break;
    case "!":
      if (ti < tokens.length && !specOk(s, tokens, ti, ctx)) result = longer(result, best(st, si + 1, ti + 1));
      break;
    case "?":
      result = longer(result, best(st, si + 1, ti));
      if (specOk(s, tokens, ti, ctx)) result = longer(result, best(st, si + 1, ti + 1));
      break;
    case "*":
    case "+": {
      if (s.op === "*") result = longer(result, best(st, si + 1, ti));
      let j = ti;
      while (j - ti < MAX_REPEAT && specOk(s, tokens, j, ctx)) {
        j++;
        result = longer(result, best(st, si + 1, j));
      }
      break;
    }
  }
  memo.set(key, result);
  return result;
}
