// Firing counts per rule, stacked by group: which rules carry the results, and for whom.
import * as Plot from "@observablehq/plot";

export function ruleFiringChart(rules, groups, {width} = {}) {
  const rows = rules.flatMap((r) => groups.map((g) => ({rule: r.id, group: g.label, count: r.byGroup[g.id] ?? 0})));
  return Plot.plot({
    width,
    height: Math.max(160, rules.length * 22 + 40),
    marginLeft: 150,
    x: {label: "times fired (mentions)", grid: true},
    y: {label: null, domain: rules.map((r) => r.id)},
    color: {domain: groups.map((g) => g.label), range: groups.map((g) => g.color), legend: true},
    marks: [Plot.barX(rows, {y: "rule", x: "count", fill: "group", tip: true}), Plot.ruleX([0])]
  });
}
