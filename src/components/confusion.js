// Confusion matrix as a heatmap: rows are the gold labels, columns the tagger's.
import * as Plot from "@observablehq/plot";

const LABELS = ["favorable", "neutral", "unfavorable"];

export function confusionMatrix(evaluation, {width} = {}) {
  const rows = LABELS.flatMap((gold) => LABELS.map((predicted) => ({gold, predicted, n: evaluation.confusion[gold][predicted]})));
  return Plot.plot({
    width: Math.min(width ?? 420, 420),
    height: 240,
    marginLeft: 90,
    padding: 0.05,
    x: {label: "tagger →", domain: LABELS, axis: "top"},
    y: {label: "gold", domain: LABELS},
    color: {type: "linear", scheme: "blues", legend: false},
    marks: [
      Plot.cell(rows, {x: "predicted", y: "gold", fill: "n", tip: true}),
      Plot.text(rows, {x: "predicted", y: "gold", text: "n", fill: (d) => (d.n > 0.5 * Math.max(...rows.map((r) => r.n)) ? "white" : "black")})
    ]
  });
}
