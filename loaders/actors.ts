// Finds actor mentions in a sentence's tokens: disambiguation patterns first (in file
// order), then the longest alias at each remaining position.
import { findMatches } from "./matcher.ts";
import type { ActorRules, CompiledAlias } from "./rules/actorRules.ts";
import type { Token } from "./types.ts";

export interface Mention {
  actor: string;
  /** body offsets (or offsets in whatever text the tokens came from) */
  start: number;
  end: number;
  text: string;
  /** token range within the sentence, end exclusive */
  tokenStart: number;
  tokenEnd: number;
  possessive: boolean;
  /** what found it: "alias:<group>:<alias>" or "disambiguation:<id>" */
  rule: string;
}

/**
 * Mentions in `tokens`, whose offsets point into a text of which `text` is the part
 * starting at `offset` (a sentence and its body offset, or a whole string and 0).
 */
export function findMentions(tokens: Token[], rules: ActorRules, text: string, offset = 0): Mention[] {
  const claimed = new Array<boolean>(tokens.length).fill(false);
  const mentions: Mention[] = [];

  for (const d of rules.disambiguation) {
    for (const m of findMatches(d.compiled, tokens)) {
      let from = m.start;
      let to = m.end;
      if (d.span === "first") to = from + 1;
      else if (d.span === "last") from = to - 1;
      if (claimed.slice(from, to).some(Boolean)) continue;
      for (let i = from; i < to; i++) claimed[i] = true;
      if (d.actor !== "none") mentions.push(makeMention(tokens, from, to, d.actor, `disambiguation:${d.id}`, text, offset));
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    if (claimed[i] || tokens[i].kind !== "word") continue;
    const candidates = [
      ...(rules.aliasIndex.get(tokens[i].lower) ?? []),
      ...(tokens[i].possessive ? rules.aliasIndex.get(tokens[i].base) ?? [] : []),
    ];
    const hit = candidates.find((a) => aliasMatchesAt(a, tokens, i, claimed));
    if (!hit) continue;
    const end = i + hit.words.length;
    for (let k = i; k < end; k++) claimed[k] = true;
    mentions.push(makeMention(tokens, i, end, hit.actor, `alias:${hit.group}:${hit.alias}`, text, offset));
    i = end - 1;
  }
  return mentions.sort((a, b) => a.tokenStart - b.tokenStart);
}

function aliasMatchesAt(alias: CompiledAlias, tokens: Token[], at: number, claimed: boolean[]): boolean {
  const n = alias.words.length;
  if (at + n > tokens.length) return false;
  for (let k = 0; k < n; k++) {
    const t = tokens[at + k];
    if (claimed[at + k]) return false;
    const last = k === n - 1;
    const form = last && t.possessive && t.lower !== alias.words[k] ? t.base : t.lower;
    if (form !== alias.words[k]) return false;
    if (!caseOk(alias, k, t, last && form === t.base && t.possessive)) return false;
  }
  return true;
}

function caseOk(alias: CompiledAlias, k: number, t: Token, viaBase: boolean): boolean {
  const written = alias.written[k];
  const text = viaBase ? t.text.slice(0, written.length) : t.text;
  switch (alias.caseMode) {
    case "exact":
      return text === written;
    case "capitalised":
      // only the words the alias capitalises must be capitalised ("Republic of Armenia")
      return !/^\p{Lu}/u.test(written) || /^\p{Lu}/u.test(text);
    case "any":
      return true;
  }
}

function makeMention(tokens: Token[], from: number, to: number, actor: string, rule: string, text: string, offset: number): Mention {
  const first = tokens[from];
  const last = tokens[to - 1];
  const possessive = last.possessive;
  // the span stops before the possessive ending: "Russia" in "Russia's" and "Russias"
  const end = possessive ? last.end - (/'s$/i.test(last.text) ? 2 : 1) : last.end;
  return { actor, start: first.start, end, text: text.slice(first.start - offset, end - offset), tokenStart: from, tokenEnd: to, possessive, rule };
}
