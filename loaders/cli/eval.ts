// npm run -s eval -- FILE [--errors]   accuracy, macro-F1 and confusion matrix against a labelled JSONL
import { loadRules } from "../rules/index.ts";
import { tagTarget } from "../tagText.ts";
import { evaluate, formatEvaluation } from "../evaluate.ts";
import { InputError } from "../inputError.ts";
import { runCli } from "./main.ts";
import { readRecords } from "./records.ts";

await runCli(() => {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new InputError("(arguments)", null, "no file given", "npm run -s eval -- FILE [--errors]");
  const rules = loadRules();
  const records = readRecords(file);
  const unlabelled = records.find((r) => !r.label);
  if (unlabelled) throw new InputError(file, null, `record ${unlabelled.id} has no label`, "every record needs a label to evaluate");
  const pairs = records.map((r) => ({ r, tag: tagTarget(r.text, r.target, rules) }));
  process.stdout.write(formatEvaluation(evaluate(pairs.map(({ r, tag }) => ({ gold: r.label!, predicted: tag.stance })))) + "\n");
  if (args.includes("--errors")) {
    process.stdout.write("\nerrors:\n");
    for (const { r, tag } of pairs)
      if (tag.stance !== r.label)
        process.stdout.write(`${r.id}\tgold=${r.label}\tpred=${tag.stance} (${tag.score})\t[${r.target.text}]\t${r.text}\t${tag.rules.join(", ")}\n`);
  }
});
