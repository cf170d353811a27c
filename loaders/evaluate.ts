// Accuracy, macro-F1 and the confusion matrix of stance predictions against gold labels.
import type { StanceLabel } from "./stance.ts";

export const LABELS: StanceLabel[] = ["favorable", "neutral", "unfavorable"];

export interface Evaluation {
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: Record<StanceLabel, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[gold][predicted] */
  confusion: Record<StanceLabel, Record<StanceLabel, number>>;
}

export function evaluate(pairs: Array<{ gold: StanceLabel; predicted: StanceLabel }>): Evaluation {
  const confusion = Object.fromEntries(LABELS.map((g) => [g, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as Evaluation["confusion"];
  for (const { gold, predicted } of pairs) confusion[gold][predicted]++;
  const n = pairs.length;
  const correct = LABELS.reduce((s, l) => s + confusion[l][l], 0);
  const perLabel = Object.fromEntries(
    LABELS.map((l) => {
      const tp = confusion[l][l];
      const predicted = LABELS.reduce((s, g) => s + confusion[g][l], 0);
      const support = LABELS.reduce((s, p) => s + confusion[l][p], 0);
      const precision = predicted ? tp / predicted : 0;
      const recall = support ? tp / support : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return [l, { precision, recall, f1, support }];
    }),
  ) as Evaluation["perLabel"];
  const macroF1 = LABELS.reduce((s, l) => s + perLabel[l].f1, 0) / LABELS.length;
  return { n, accuracy: n ? correct / n : 0, macroF1, perLabel, confusion };
}

export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [`records     ${e.n}`, `accuracy    ${pct(e.accuracy)}`, `macro-F1    ${pct(e.macroF1)}`, ""];
  lines.push("label        precision  recall  F1     support");
  for (const l of LABELS) {
    const p = e.perLabel[l];
    lines.push(`${l.padEnd(12)} ${pct(p.precision).padStart(9)}  ${pct(p.recall).padStart(6)}  ${pct(p.f1)}  ${String(p.support).padStart(7)}`);
  }
  lines.push("", "confusion (rows gold, columns predicted)");
  lines.push("".padEnd(12) + LABELS.map((l) => l.padStart(12)).join(""));
  for (const g of LABELS) lines.push(g.padEnd(12) + LABELS.map((p) => String(e.confusion[g][p]).padStart(12)).join(""));
  return lines.join("\n");
}
