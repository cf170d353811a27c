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

export function divergenceList(data, {grouping = "group", minMentions = 3, limit = 8, actors = []} = {}) {
  const {groups, by_actor} = data.groupings[grouping];
  const label = new Map(groups.map((g) => [g.id, g]));
  const actorLabel = new Map(actors.map((a) => [a.id, a.label]));
  const rows = by_actor.filter((d) => d.high.mentions >= minMentions && d.low.mentions >= minMentions).slice(0, limit);
  const root = el("ol", {className: "divergence-list"});
  if (!rows.length) return el("p", {className: "muted", textContent: `No actor has at least ${minMentions} mentions in two groups.`});
  for (const d of rows) {
    const hi = d.high, lo = d.low;
    const li = el("li", {className: "card"});
    const title = el("h3", {},
      el("a", {href: `./actors/${encodeURIComponent(d.actor)}`, textContent: actorLabel.get(d.actor) ?? d.actor}),
      `: a gap of ${d.gap.toFixed(2)} between ${label.get(hi.group)?.label} (${fmt(hi.mean)}) and ${label.get(lo.group)?.label} (${fmt(lo.mean)})`);
    const note = el("p", {className: "muted",
      textContent: `${label.get(hi.group)?.label}: ${hi.mentions} mentions in ${hi.articles} article(s), interval ${interval(hi)}. ` +
        `${label.get(lo.group)?.label}: ${lo.mentions} mentions in ${lo.articles} article(s), interval ${interval(lo)}. ` +
        (d.overlap === null ? `Not testable: ${d.overlap_note}.` : d.overlap ? "The intervals overlap: the gap may be noise." : "The intervals do not overlap.")});
    li.append(title, note);
    const sides = el("div", {className: "grid grid-cols-2"});
    for (const side of [hi, lo]) {
      const group = side.group;
      const ev = side.evidence && {...side.evidence, sentence: side.evidence.text, cues: []};
      const box = el("div", {className: "evidence"});
      const h = el("h4", {textContent: label.get(group)?.label ?? group});
      h.style.color = label.get(group)?.color;
      box.append(h);
      if (ev) {
        box.append(sentenceWithCues(ev));
        box.append(el("div", {className: "evidence-meta"}, `${ev.stance} ${fmt(ev.score)} · a typical sentence for this side · `, el("a", {href: `./articles/${encodeURIComponent(ev.article)}#m-${ev.rawStart}`, textContent: ev.article})));
      }
      sides.append(box);
    }
    li.append(sides);
    root.append(li);
  }
  return root;
}
