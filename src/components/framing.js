// Framing: the contested labels each group uses for the same thing, and the words that
// set each group apart.
import * as Plot from "@observablehq/plot";

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

/** The contested-terms table: one row per concept; per group, its labels with counts; an example each. */
export function contestedTermsTable(data, {grouping = "group", groups = []} = {}) {
  const table = el("table", {className: "contested"});
  const head = el("tr", {}, el("th", {textContent: "Concept"}), el("th", {textContent: "Labels"}), ...groups.map((g) => {
    const th = el("th", {textContent: g.label});
    th.style.color = g.color;
    return th;
  }));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const fam of data.families) {
    if (!fam.uses) continue;
    const labelName = new Map(fam.labels.map((l) => [l.id, l.label]));
    const tr = el("tr");
    tr.append(el("td", {}, el("strong", {textContent: fam.label}), el("br"), el("span", {className: "muted", textContent: fam.description ?? ""})));
    tr.append(el("td", {textContent: fam.labels.map((l) => l.label).join(" / ")}));
    for (const g of groups) {
      const row = fam.groupings[grouping].find((x) => x.group === g.id);
      const td = el("td");
      for (const l of row?.labels ?? []) {
        if (!l.count) continue;
        const ex = fam.sentences.find((s) => s.label === l.label && s[grouping] === g.id);
        const item = el("div", {className: "label-use"}, el("strong", {textContent: labelName.get(l.label) ?? l.label}), ` ${l.count}× (${Math.round(100 * l.share)}%)`);
        if (ex) item.title = ex.text;
        td.append(item);
      }
      if (!td.childNodes.length) td.append(el("span", {className: "muted", textContent: "–"}));
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  // wide tables scroll inside their box instead of widening the page
  return el("div", {className: "contested-wrap"}, table);
}

/** Diverging bars of log-odds z-scores: the words each group uses more (right) than the rest. */
export function distinctiveWordsChart(group, {width, onSelect} = {}) {
  const words = group.words.slice(0, 15);
  const chart = Plot.plot({
    width,
    height: 30 + words.length * 20,
    marginLeft: 110,
    x: {label: "z-score (log-odds with informative Dirichlet prior)", grid: true},
    y: {domain: words.map((w) => w.form), label: null},
    marks: [
      Plot.ruleX([0]),
      Plot.barX(words, {y: "form", x: "z", fill: group.color, title: (w) => `${w.form}: z ${w.z}, ${w.count} uses in this group, ${w.count_rest} elsewhere. Click for sentences.`}),
    ]
  });
  if (onSelect)
    chart.querySelectorAll("g[aria-label='bar'] rect").forEach((rect, i) => {
      rect.style.cursor = "pointer";
      rect.addEventListener("click", () => onSelect(words[i]));
    });
  return chart;
}

export function divergenceMatrix(pairs, groups, {width, title} = {}) {
  const label = new Map(groups.map((g) => [g.id, g.label]));
  const rows = pairs.flatMap((p) => [{a: label.get(p.a), b: label.get(p.b), jsd: p.jsd}, {a: label.get(p.b), b: label.get(p.a), jsd: p.jsd}]);
  return Plot.plot({
    width: Math.min(width, 520),
    height: 60 + groups.length * 40,
    marginLeft: 110,
    marginTop: 40,
    x: {domain: groups.map((g) => g.label), axis: "top", label: null},
    y: {domain: groups.map((g) => g.label), label: null},
    color: {scheme: "oranges", domain: [0, 1], legend: true, label: title},
    marks: [
      Plot.cell(rows, {x: "b", y: "a", fill: "jsd", title: (d) => `${d.a} – ${d.b}: ${d.jsd}`}),
      Plot.text(rows, {x: "b", y: "a", text: (d) => (d.jsd === null ? "" : d.jsd.toFixed(2))})
    ]
  });
}
