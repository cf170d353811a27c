// npm run -s eval:mentions [-- FILE] [--errors]   precision and recall of actor-mention
// detection against data/gold/mentions.jsonl ({article, start, end, text, actor}, raw-file
// offsets). A found mention counts when its raw span and its actor both match exactly.
import { mentionAccuracy } from "../accuracy.ts";
import { runCli } from "./main.ts";

await runCli(() => {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "data/gold/mentions.jsonl";
  const r = mentionAccuracy(file);
  const f1 = r.precision + r.recall ? (2 * r.precision * r.recall) / (r.precision + r.recall) : 0;
  process.stdout.write(
    `articles    ${r.articles.join(", ")}\ngold        ${r.gold}\nfound       ${r.found}\nmatched     ${r.matched}\n` +
      `precision   ${r.precision.toFixed(3)}\nrecall      ${r.recall.toFixed(3)}\nF1          ${f1.toFixed(3)}\n`,
  );
  if (process.argv.includes("--errors")) {
    for (const m of r.missed) process.stdout.write(`missed     ${m.article} @${m.start} "${m.text}" ${m.actor}\n`);
    for (const m of r.spurious) process.stdout.write(`spurious   ${m.article} @${m.start} "${m.text}" ${m.actor} (${m.via})\n`);
  }
});
