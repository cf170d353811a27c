// "Where sources diverge most": per actor, the two groups whose mean stance differs most,
// with both intervals and one evidence sentence for each side.
import {sentenceWithCues} from "./evidence.js";

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

const fmt = (x) => (x > 0 ? "+" : "") + x.toFixed(2);
const interval = (c) => (c.ci ? `[${fmt(c.ci[0])}, ${fmt(c.ci[1])}]` : `(${c.ci_note ?? "no interval"})`);

export function divergenceList(data, {grouping = "group", minMentions = 3, limit = 8} = {}) {
  const {groups, divergence} = data.byGrouping[grouping];
  const label = new Map(groups.map((g) => [g.id, g]));
  const actorLabel = new Map(data.actors.map((a) => [a.id, a.label]));
  const rows = divergence.filter((d) => d.cells.every((c) => c.mentions >= minMentions)).slice(0, limit);
  const root = el("ol", {className: "divergence-list"});
  if (!rows.length) return el("p", {className: "muted", textContent: `No actor has at least ${minMentions} mentions in two groups.`});
  for (const d of rows) {
    const [hi, lo] = d.cells;
    const li = el("li", {className: "card"});
    const title = el("h3", {},
      el("a", {href: `./actors/${encodeURIComponent(d.actor)}`, textContent: actorLabel.get(d.actor) ?? d.actor}),
      `: a gap of ${d.gap.toFixed(2)} between ${label.get(d.high)?.label} (${fmt(hi.mean)}) and ${label.get(d.low)?.label} (${fmt(lo.mean)})`);
    const note = el("p", {className: "muted",
      textContent: `${label.get(d.high)?.label}: ${hi.mentions} mentions in ${hi.articles} article(s), interval ${interval(hi)}. ` +
        `${label.get(d.low)?.label}: ${lo.mentions} mentions in ${lo.articles} article(s), interval ${interval(lo)}. ` +
        (d.overlap === null ? "At least one side has a single article: the gap cannot be tested." : d.overlap ? "The intervals overlap: the gap may be noise." : "The intervals do not overlap.")});
    li.append(title, note);
    const sides = el("div", {className: "grid grid-cols-2"});
    for (const [side, group] of [["high", d.high], ["low", d.low]]) {
      const ev = d.evidence[side];
      const box = el("div", {className: "evidence"});
      const h = el("h4", {textContent: label.get(group)?.label ?? group});
      h.style.color = label.get(group)?.color;
      box.append(h);
      if (ev) {
        box.append(sentenceWithCues(ev));
        box.append(el("div", {className: "evidence-meta"}, `${ev.stance} ${fmt(ev.score)} · `, el("a", {href: `./articles/${encodeURIComponent(ev.article)}#m-${ev.rawStart}`, textContent: ev.article})));
      }
      sides.append(box);
    }
    li.append(sides);
    root.append(li);
  }
  return root;
}
