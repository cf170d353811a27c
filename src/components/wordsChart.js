import * as Plot from "@observablehq/plot";

// Words per article, one horizontal bar each, coloured by the group of the outlet
// (colours as declared in data/corpus.yaml). Articles are ordered by group, then by
// publication date, so each group's articles sit together.
export function wordsPerArticle(summary, {width} = {}) {
  const {groups, articles} = summary;
  // one bar per article stops being readable past a few dozen: then the distribution
  if (articles.length > MAX_BARS) return lengthHistogram(summary, {width});
  const groupOrder = new Map(groups.map((g, i) => [g.id, i]));
  const ordered = [...articles].sort(
    (a, b) =>
      (groupOrder.get(a.group) ?? Infinity) - (groupOrder.get(b.group) ?? Infinity) ||
      String(a.published).localeCompare(String(b.published)) ||
      a.id.localeCompare(b.id)
  );
  const narrow = width != null && width < 560;
  const maxLabel = narrow ? 18 : 34;
  const label = (d) => truncate(d.title, maxLabel);
  const longest = Math.max(0, ...ordered.map((d) => label(d).length));
  return Plot.plot({
    width,
    height: Math.max(120, ordered.length * 34 + 70),
    marginLeft: Math.min(narrow ? 130 : 260, 12 + longest * 6.4),
    marginRight: 56,
    x: {label: "Words in the cleaned text →", grid: true},
    y: {label: null, domain: ordered.map((d) => d.id), tickFormat: (id) => label(ordered.find((d) => d.id === id))},
    color: {
      legend: true,
      domain: groups.map((g) => g.label),
      range: groups.map((g) => g.color)
    },
    marks: [
      Plot.barX(ordered, {
        x: "words",
        y: "id",
        fill: "group_label",
        title: (d) => `${d.title}\n${d.outlet} · ${d.published}\n${d.group_label}\n${d.words.toLocaleString("en-US")} words`
      }),
      Plot.text(ordered, {
        x: "words",
        y: "id",
        text: (d) => d.words.toLocaleString("en-US"),
        dx: 4,
        textAnchor: "start",
        fill: "currentColor"
      }),
      Plot.ruleX([0])
    ]
  });
}

function truncate(text, n) {
  const s = String(text ?? "");
  return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + "…";
}

/** Articles shown one bar each; beyond this, a histogram of lengths per group. */
export const MAX_BARS = 60;

function lengthHistogram({groups, articles}, {width} = {}) {
  return Plot.plot({
    width,
    height: 280,
    x: {label: "Words in the cleaned text →"},
    y: {label: "↑ Articles", grid: true},
    color: {legend: true, domain: groups.map((g) => g.label), range: groups.map((g) => g.color)},
    marks: [
      Plot.rectY(articles, Plot.binX({y: "count"}, {x: "words", fill: "group_label", tip: true})),
      Plot.ruleY([0])
    ]
  });
}
