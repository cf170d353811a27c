// npm run -s eval:mentions [-- FILE]   precision and recall of actor-mention detection
// against data/gold/mentions.jsonl ({article, start, end, text, actor} in raw-file offsets).
// A found mention counts when its raw span and its actor both match a gold one exactly;
// only articles that appear in the gold file are scored, and only inside the span of
// the raw file that the gold covers (first to last gold offset) plus the body around it.
import { readFileSync } from "node:fs";
import { runPipeline } from "../pipeline.ts";
import { InputError } from "../inputError.ts";
import { runCli } from "./main.ts";

interface GoldMention {
  article: string;
  start: number;
  end: number;
  text: string;
  actor: string;
}

await runCli(() => {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "data/gold/mentions.jsonl";
  const gold: GoldMention[] = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as GoldMention;
      } catch {
        throw new InputError(file, i + 1, "not valid JSON", "one JSON object per line");
      }
    });
  const articles = new Set(gold.map((g) => g.article));
  const { mentions } = runPipeline();
  const found = mentions.filter((m) => articles.has(m.article));
  const key = (a: string, s: number, e: number, actor: string) => `${a}|${s}|${e}|${actor}`;
  const goldKeys = new Set(gold.map((g) => key(g.article, g.start, g.end, g.actor)));
  const foundKeys = new Set(found.map((m) => key(m.article, m.rawStart, m.rawEnd, m.actor)));
  const tp = [...foundKeys].filter((k) => goldKeys.has(k)).length;
  const precision = foundKeys.size ? tp / foundKeys.size : 0;
  const recall = goldKeys.size ? tp / goldKeys.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  process.stdout.write(`articles    ${[...articles].join(", ")}\ngold        ${goldKeys.size}\nfound       ${foundKeys.size}\nmatched     ${tp}\nprecision   ${precision.toFixed(3)}\nrecall      ${recall.toFixed(3)}\nF1          ${f1.toFixed(3)}\n`);
  if (process.argv.includes("--errors")) {
    for (const g of gold) if (!foundKeys.has(key(g.article, g.start, g.end, g.actor))) process.stdout.write(`missed     ${g.article} ${g.start}-${g.end} "${g.text}" ${g.actor}\n`);
    for (const m of found) if (!goldKeys.has(key(m.article, m.rawStart, m.rawEnd, m.actor))) process.stdout.write(`spurious   ${m.article} ${m.rawStart}-${m.rawEnd} "${m.text}" ${m.actor} (${m.via})\n`);
  }
});
