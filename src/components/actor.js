// An actor's page: stance by group (mean score with its spread of labels), by article,
// the cues that drove it in each group, and evidence sentences linking to the reader.
import * as Plot from "@observablehq/plot";
import {sentenceWithCues} from "./evidence.js";

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

const STANCE_COLORS = {unfavorable: "var(--stance-unfavorable)", neutral: "var(--theme-foreground-faint)", favorable: "var(--stance-favorable)"};

export function stanceByGroupChart(groups, {width} = {}) {
  const rows = groups.flatMap((g) => ["unfavorable", "neutral", "favorable"].map((stance) => ({group: g.label, stance, n: g[stance]})));
  return Plot.plot({
    width,
    height: 60 + groups.length * 36,
    marginLeft: 110,
    x: {label: "mentions by stance", grid: true},
    y: {label: null, domain: groups.map((g) => g.label)},
    color: {domain: ["unfavorable", "neutral", "favorable"], range: [STANCE_COLORS.unfavorable, STANCE_COLORS.neutral, STANCE_COLORS.favorable], legend: true},
    marks: [Plot.barX(rows, {y: "group", x: "n", fill: "stance", tip: true, order: ["unfavorable", "neutral", "favorable"]}), Plot.ruleX([0])]
  });
}

export function meanByGroupChart(groups, {width} = {}) {
  const rows = groups.filter((g) => g.mean !== null);
  return Plot.plot({
    width,
    height: 60 + groups.length * 36,
    marginLeft: 110,
    x: {domain: [-1, 1], label: "mean stance score (−1 unfavorable … +1 favorable)", grid: true},
    y: {label: null, domain: groups.map((g) => g.label)},
    marks: [
      Plot.ruleX([0], {stroke: "var(--theme-foreground-muted)"}),
      Plot.ruleY(rows, {y: "label", x1: (d) => d.ci?.[0] ?? d.mean, x2: (d) => d.ci?.[1] ?? d.mean, stroke: "color", strokeWidth: 2}),
      Plot.dot(rows, {y: "label", x: "mean", fill: "color", r: 6, tip: true, title: (d) => `${d.label}: mean ${d.mean} over ${d.mentions} mentions in ${d.articles} article(s)${d.ci ? `, 95% interval ${d.ci[0]} to ${d.ci[1]}` : d.ci_note ? ` (${d.ci_note})` : ""}`}),
      Plot.text(rows, {y: "label", x: 1, text: (d) => `n=${d.mentions}, ${d.articles} art.`, textAnchor: "end", dy: -12, fill: "var(--theme-foreground-muted)"})
    ]
  });
}

export function byArticleChart(articles, colorOf, {width} = {}) {
  return Plot.plot({
    width,
    height: 60 + articles.length * 30,
    marginLeft: 220,
    x: {domain: [-1, 1], label: "mean stance score", grid: true},
    y: {label: null, domain: articles.map((a) => a.title), tickFormat: (t) => (t.length > 34 ? t.slice(0, 33) + "…" : t)},
    marks: [
      Plot.ruleX([0]),
      Plot.barX(articles, {y: "title", x: "mean", fill: (d) => colorOf(d), tip: true, title: (d) => `${d.title}: mean ${d.mean}, ${d.mentions} mentions (${d.favorable} favorable, ${d.unfavorable} unfavorable)`})
    ]
  });
}

export function actorHeader(data) {
  return el("div", {className: "actor-page"},
    el("h1", {textContent: data.actor.label}),
    el("p", {className: "muted", textContent: `${data.actor.kind}${data.actor.note ? ` · ${data.actor.note}` : ""} · ${data.mentions} mentions in the corpus`}));
}

export function actorView(data, {grouping = "group", width} = {}) {
  const groups = data.byGrouping[grouping];
  const colorOf = new Map(groups.map((g) => [g.id, g.color]));
  const root = el("div", {className: "actor-page"});
  const half = Math.max(280, Math.floor(width / 2) - 48);

  const charts = el("div", {className: "grid grid-cols-2"});
  const c1 = el("div", {className: "card"}, el("h2", {textContent: "Mean stance by group"}), el("h3", {textContent: "Dot: mean score; line: 95% interval over articles where it can be estimated"}));
  c1.append(meanByGroupChart(groups, {width: width > 640 ? half : width - 32}));
  const c2 = el("div", {className: "card"}, el("h2", {textContent: "Mentions by stance"}), el("h3", {textContent: "How many mentions each group tags favorable, neutral, unfavorable"}));
  c2.append(stanceByGroupChart(groups, {width: width > 640 ? half : width - 32}));
  charts.append(c1, c2);
  root.append(charts);

  const c3 = el("div", {className: "card"}, el("h2", {textContent: "By article"}), el("h3", {textContent: "Mean stance in each article that mentions the actor, coloured by its group"}));
  c3.append(byArticleChart(data.byArticle, (d) => colorOf.get(d[grouping]) ?? "gray", {width: width - 32}));
  root.append(c3);

  const topicCells = data.byTopic[grouping];
  if (topicCells.length) {
    const c4 = el("div", {className: "card"}, el("h2", {textContent: "By topic"}), el("h3", {textContent: "Mean stance towards the actor in sentences on each topic, per group; the number is the mentions behind it"}));
    const topicsShown = [...new Set(topicCells.map((c) => c.topic_label))];
    c4.append(Plot.plot({
      width: width - 32,
      height: 50 + topicsShown.length * 26,
      marginLeft: 230,
      padding: 0.06,
      x: {domain: groups.map((g) => g.label), axis: "top", label: null},
      y: {domain: topicsShown, label: null},
      color: {type: "linear", domain: [-0.6, 0.6], scheme: "RdBu", clamp: true, legend: true, label: "mean stance"},
      marks: [
        Plot.cell(topicCells, {x: "group_label", y: "topic_label", fill: "mean", title: (c) => `${c.topic_label}, ${c.group_label}: mean ${c.mean} over ${c.mentions} mentions${c.ci ? `, 95% interval ${c.ci[0]} to ${c.ci[1]}` : c.ci_note ? ` (${c.ci_note})` : ""}`}),
        Plot.text(topicCells, {x: "group_label", y: "topic_label", text: (c) => String(c.mentions)})
      ]
    }));
    root.append(c4);
  }

  root.append(el("h2", {textContent: "The cues behind it, by group"}));
  const cueGrid = el("div", {className: "grid grid-cols-4"});
  for (const g of groups) {
    const card = el("div", {className: "card"}, el("h3", {textContent: g.label}));
    card.style.borderTop = `3px solid ${g.color}`;
    if (!g.cues.length) card.append(el("p", {className: "muted", textContent: g.mentions ? "no cue fired" : "no mentions"}));
    const ul = el("ul", {className: "cue-list"});
    for (const c of g.cues.slice(0, 8)) ul.append(el("li", {textContent: `${c.rule}: ${c.count}× (${c.weight > 0 ? "+" : ""}${c.weight})`}));
    card.append(ul);
    cueGrid.append(card);
  }
  root.append(cueGrid);

  root.append(el("h2", {textContent: "Evidence, by group"}));
  root.append(el("p", {textContent: "The strongest portrayals first. The mention is underlined in its stance colour, the cue words are marked; follow a link to read the sentence in its article."}));
  const evidence = el("div", {className: "grid grid-cols-2 evidence"});
  for (const g of groups) {
    const card = el("div", {className: "card"});
    const h = el("h2", {textContent: g.label});
    h.style.color = g.color;
    card.append(h, el("h3", {textContent: g.mentions ? `${g.mentions} mentions: ${g.favorable} favorable, ${g.neutral} neutral, ${g.unfavorable} unfavorable` : "no mentions"}));
    for (const r of g.evidence) {
      const item = el("div", {className: "evidence-item"});
      item.append(sentenceWithCues(r));
      const link = el("a", {href: `../articles/${encodeURIComponent(r.article)}#m-${r.rawStart}`, textContent: r.article});
      item.append(el("div", {className: "evidence-meta"}, `${r.stance} ${r.score > 0 ? "+" : ""}${r.score.toFixed(2)} · `, link, ` · ${r.rules.join(", ") || "no rule fired"}`));
      card.append(item);
    }
    if (g.mentions > g.evidence.length) card.append(el("p", {className: "muted", textContent: `… and ${g.mentions - g.evidence.length} more in the articles`}));
    evidence.append(card);
  }
  root.append(evidence);
  return root;
}
