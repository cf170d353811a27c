// Topics: how much of each group's writing is about each topic (coverage heatmap), and,
// within one topic, how each group portrays the actors it discusses.
import * as Plot from "@observablehq/plot";

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

export function coverageHeatmap(data, {grouping = "group", width} = {}) {
  const {groups} = data.groupings[grouping];
  const label = new Map(data.topics.map((t) => [t.id, t.label]));
  const rows = groups.flatMap((g) => g.topics.map((t) => ({group: g.label, topic: label.get(t.topic), coverage: t.coverage, sentences: t.sentences, total: g.sentences})));
  return Plot.plot({
    width,
    height: 40 + data.topics.length * 28,
    marginLeft: 230,
    marginTop: width < 500 ? 70 : 40,
    padding: 0.06,
    x: {domain: groups.map((g) => g.label), axis: "top", label: null, tickRotate: width < 500 ? -35 : 0},
    y: {domain: data.topics.map((t) => t.label), label: null},
    color: {type: "linear", scheme: "blues", domain: [0, Math.max(0.05, ...rows.map((r) => r.coverage))], legend: true, label: "share of the group's sentences on the topic", tickFormat: "%"},
    marks: [
      Plot.cell(rows, {x: "group", y: "topic", fill: "coverage", title: (d) => `${d.topic}, ${d.group}: ${d.sentences} of ${d.total} sentences (${(100 * d.coverage).toFixed(1)}%)`}),
      Plot.text(rows, {x: "group", y: "topic", text: (d) => (d.sentences ? `${(100 * d.coverage).toFixed(0)}%` : ""), fill: (d) => (d.coverage > 0.12 ? "white" : "currentColor")})
    ]
  });
}

/** One column per group: the actors of the topic with their mean stance, then example sentences. */
export function topicByGroup(data, topic, {grouping = "group", actors = [], minMentions = 1} = {}) {
  const {groups, stance} = data.groupings[grouping];
  const actorLabel = new Map(actors.map((a) => [a.id, a.label]));
  const root = el("div", {className: "grid grid-cols-2"});
  for (const g of groups) {
    const card = el("div", {className: "card"});
    const h = el("h2", {textContent: g.label});
    h.style.color = g.color;
    const t = g.topics.find((x) => x.topic === topic);
    card.append(h, el("h3", {textContent: `${t?.sentences ?? 0} of ${g.sentences} sentences on this topic, in ${g.articles} article(s)`}));
    const cells = stance.filter((c) => c.group === g.id && c.topic === topic && c.mentions >= minMentions).sort((a, b) => b.mentions - a.mentions);
    if (cells.length) {
      card.append(Plot.plot({
        width: 360,
        height: 30 + cells.length * 22,
        marginLeft: 110,
        x: {domain: [-1, 1], label: "mean stance", grid: true},
        y: {domain: cells.map((c) => actorLabel.get(c.actor) ?? c.actor), label: null},
        color: {type: "linear", domain: [-0.6, 0.6], scheme: "RdBu", clamp: true},
        marks: [
          Plot.ruleX([0]),
          Plot.barX(cells, {y: (c) => actorLabel.get(c.actor) ?? c.actor, x: "mean", fill: "mean", title: (c) => `${actorLabel.get(c.actor) ?? c.actor}: mean ${c.mean} over ${c.mentions} mentions (${c.favorable} favorable, ${c.neutral} neutral, ${c.unfavorable} unfavorable)${c.ci ? `, 95% interval ${c.ci[0]} to ${c.ci[1]}` : c.ci_note ? ` (${c.ci_note})` : ""}`}),
          Plot.text(cells, {y: (c) => actorLabel.get(c.actor) ?? c.actor, x: 1, text: (c) => `n=${c.mentions}`, textAnchor: "end", fill: "var(--theme-foreground-muted)"})
        ]
      }));
    } else card.append(el("p", {className: "muted", textContent: "No actor mentions on this topic."}));
    for (const ex of g.examples?.[topic] ?? []) {
      const p = el("p", {className: "topic-sentence", textContent: ex.text});
      p.append(" ", el("a", {href: `./articles/${encodeURIComponent(ex.article)}`, textContent: `(${ex.article})`}));
      card.append(p);
    }
    root.append(card);
  }
  return root;
}
