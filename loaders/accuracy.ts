// Measured accuracy for the Method page, computed at build time from the gold files:
// stance on data/gold/stance.jsonl (and on ../shared/eval/*.jsonl when it is there), and
// actor-mention detection on data/gold/mentions.jsonl. Nothing here is typed in by hand.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readRecords } from "./cli/records.ts";
import { evaluate, type Evaluation } from "./evaluate.ts";
import { loadDigest } from "./digest.ts";
import { loadRules } from "./rules/index.ts";
import { tagTarget } from "./tagText.ts";

export interface StanceAccuracy extends Evaluation {
  file: string;
  errors: Array<{ id: string; text: string; target: string; gold: string; predicted: string; score: number; rules: string[] }>;
}

export function stanceAccuracy(file: string, root = process.cwd()): StanceAccuracy {
  const rules = loadRules(root);
  const records = readRecords(file);
  const rows = records.filter((r) => r.label).map((r) => ({ r, tag: tagTarget(r.text, r.target, rules) }));
  const e = evaluate(rows.map(({ r, tag }) => ({ gold: r.label!, predicted: tag.stance })));
  return {
    file: relative(root, file),
    ...e,
    errors: rows
      .filter(({ r, tag }) => r.label !== tag.stance)
      .map(({ r, tag }) => ({ id: r.id, text: r.text, target: r.target.text, gold: r.label!, predicted: tag.stance, score: tag.score, rules: tag.rules })),
  };
}

export interface MentionAccuracy {
  file: string;
  articles: string[];
  gold: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  missed: Array<{ article: string; text: string; actor: string; start: number }>;
  spurious: Array<{ article: string; text: string; actor: string; start: number; via: string }>;
}

export function mentionAccuracy(file: string, root = process.cwd()): MentionAccuracy {
  const gold = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { article: string; start: number; end: number; text: string; actor: string });
  const articles = [...new Set(gold.map((g) => g.article))].sort();
  const { mentions } = loadDigest(root);
  const found = mentions.filter((m) => articles.includes(m.article));
  const key = (a: string, s: number, e: number, actor: string) => `${a}|${s}|${e}|${actor}`;
  const goldKeys = new Set(gold.map((g) => key(g.article, g.start, g.end, g.actor)));
  const foundKeys = new Set(found.map((m) => key(m.article, m.rawStart, m.rawEnd, m.actor)));
  const matched = [...foundKeys].filter((k) => goldKeys.has(k)).length;
  return {
    file: relative(root, file),
    articles,
    gold: goldKeys.size,
    found: foundKeys.size,
    matched,
    precision: foundKeys.size ? matched / foundKeys.size : 0,
    recall: goldKeys.size ? matched / goldKeys.size : 0,
    missed: gold.filter((g) => !foundKeys.has(key(g.article, g.start, g.end, g.actor))).map((g) => ({ article: g.article, text: g.text, actor: g.actor, start: g.start })),
    spurious: found
      .filter((m) => !goldKeys.has(key(m.article, m.rawStart, m.rawEnd, m.actor)))
      .map((m) => ({ article: m.article, text: m.text, actor: m.actor, start: m.rawStart, via: m.via })),
  };
}

/** The external development set, outside the project: scripts/freshen.ts hashes it too. */
export const EXTERNAL_EVAL = "../shared/eval/newsmtsc-rw-dev.jsonl";

/** Everything the Method page reports, for whichever gold files exist. */
export function accuracyReport(root = process.cwd()) {
  const own = join(root, "data/gold/stance.jsonl");
  const mentions = join(root, "data/gold/mentions.jsonl");
  const external = join(root, EXTERNAL_EVAL);
  return {
    stance: existsSync(own) ? stanceAccuracy(own, root) : null,
    external: existsSync(external) ? { name: "NewsMTSC rw dev (external, US political news)", ...stanceAccuracy(external, root), errors: [] } : null,
    mentions: existsSync(mentions) ? mentionAccuracy(mentions, root) : null,
  };
}
