// npm run -s tag -- "<text>"        each actor mention with stance, score and rules
// npm run -s tag -- --jsonl FILE    {id, text, target} records in, {id, stance, score, rules} out
import { loadRules } from "../rules/index.ts";
import { tagTarget, tagText } from "../tagText.ts";
import { InputError } from "../inputError.ts";
import { runCli } from "./main.ts";
import { readRecords } from "./records.ts";

const USAGE = `usage: npm run -s tag -- "<text>"
       npm run -s tag -- --jsonl FILE`;

await runCli(() => {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === "--help") {
    process.stderr.write(USAGE + "\n");
    process.exit(args.length === 0 ? 2 : 0);
  }
  const rules = loadRules();
  if (args[0] === "--jsonl") {
    if (!args[1]) throw new InputError("(arguments)", null, "--jsonl needs a file", USAGE);
    for (const r of readRecords(args[1])) {
      const tag = tagTarget(r.text, r.target, rules);
      process.stdout.write(JSON.stringify({ id: r.id, stance: tag.stance, score: tag.score, rules: tag.rules }) + "\n");
    }
    return;
  }
  const text = args.join(" ");
  const rows = tagText(text, rules);
  if (rows.length === 0) {
    process.stdout.write("no actor mentioned\n");
    return;
  }
  const table = rows.map((m) => ({ mention: m.text, actor: m.actor, stance: m.stance, score: m.score.toFixed(2), rules: m.rules.join(", ") || "-" }));
  printTable(table);
});

function printTable(rows: Array<Record<string, string>>): void {
  const cols = Object.keys(rows[0]);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i])).join("  ").trimEnd();
  process.stdout.write(line(cols) + "\n" + line(width.map((w) => "-".repeat(w))) + "\n");
  for (const r of rows) process.stdout.write(line(cols.map((c) => r[c])) + "\n");
}
