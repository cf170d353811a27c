// Evidence view: an actor's mentions grouped by source group, each sentence with the
// mention underlined and the cue words that decided its stance marked. Built from text
// nodes only: article text is never parsed as HTML.
import * as d3 from "d3";

const STANCE_CLASS = {favorable: "stance-favorable", neutral: "stance-neutral", unfavorable: "stance-unfavorable"};

/** One sentence as a <p>: plain text, the mention in <u>, cue spans in <mark>. */
export function sentenceWithCues(row) {
  const p = document.createElement("p");
  p.className = "evidence-sentence";
  const marks = [{start: row.start, end: row.end, kind: "mention"}];
  for (const [start, end, rule, role, weight] of row.cues) {
    if (rule === "sentence-tone") continue;
    marks.push({start, end, kind: "cue", title: `${rule} (${role}) ${weight > 0 ? "+" : ""}${weight}`, weight});
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue; // overlapping spans: keep the first
    p.append(document.createTextNode(row.sentence.slice(at, m.start)));
    const el = document.createElement(m.kind === "mention" ? "u" : "mark");
    el.textContent = row.sentence.slice(m.start, m.end);
    if (m.kind === "cue") {
      el.title = m.title;
      el.className = m.weight < 0 ? "cue cue-negative" : "cue cue-positive";
    } else {
      el.className = `mention ${STANCE_CLASS[row.stance]}`;
    }
    p.append(el);
    at = m.end;
  }
  p.append(document.createTextNode(row.sentence.slice(at)));
  return p;
}

/** Columns of evidence, one per group, for the rows of one actor. */
export function evidenceByGroup(rows, groups, {groupKey = "group", limit = 12, counts = null, actorHref = null, readerBase = null} = {}) {
  const root = document.createElement("div");
  root.className = "grid grid-cols-2 evidence";
  for (const g of groups) {
    const mine = rows.filter((r) => r[groupKey] === g.id);
    const card = document.createElement("div");
    card.className = "card";
    const h = document.createElement("h2");
    h.textContent = g.label;
    h.style.color = g.color;
    // full counts when the loader kept only the strongest rows
    const c = counts?.[g.id] ?? {mentions: mine.length, ...Object.fromEntries(d3.rollup(mine, (v) => v.length, (d) => d.stance))};
    const sub = document.createElement("h3");
    sub.textContent = c.mentions
      ? `${c.mentions} mentions: ${c.favorable ?? 0} favorable, ${c.neutral ?? 0} neutral, ${c.unfavorable ?? 0} unfavorable`
      : "no mentions";
    card.append(h, sub);
    // strongest portrayals first, so the evidence that moves the average is on top
    for (const r of [...mine].sort((a, b) => Math.abs(b.score) - Math.abs(a.score)).slice(0, limit)) {
      const item = document.createElement("div");
      item.className = "evidence-item";
      const meta = document.createElement("div");
      meta.className = "evidence-meta";
      // the article's name opens the reader at this mention when the page says where readers live
      const article = readerBase == null ? document.createTextNode(r.article) : Object.assign(document.createElement("a"), {href: `${readerBase}${encodeURIComponent(r.article)}#m-${r.rawStart}`, textContent: r.article});
      meta.append(`${r.stance} ${r.score > 0 ? "+" : ""}${r.score.toFixed(2)} · `, article, ` · ${r.rules.join(", ") || "no rule fired"}`);
      item.append(sentenceWithCues(r), meta);
      card.append(item);
    }
    const shown = Math.min(limit, mine.length);
    if ((c.mentions ?? 0) > shown) {
      const more = document.createElement("p");
      more.className = "muted";
      more.append(`… and ${c.mentions - shown} more`);
      if (actorHref) {
        const a = document.createElement("a");
        a.href = actorHref;
        a.textContent = " on the actor's page";
        more.append(a);
      }
      card.append(more);
    }
    root.append(card);
  }
  return root;
}
