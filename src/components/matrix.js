// The stance matrix: actors down, groups across, each cell coloured by the mean stance on
// a diverging red–blue scale (readable with the common colour-vision deficiencies), with
// the number of mentions printed in it. A cell links to the actor's page. Cells with
// fewer mentions than the threshold are left grey: too few to read a mean into.
import * as Plot from "@observablehq/plot";

export function stanceMatrix(data, {grouping = "group", minMentions = 3, width} = {}) {
  const {groups, cells} = data.groupings[grouping];
  const actorLabel = new Map(data.actors.map((a) => [a.id, a.label]));
  const groupLabel = new Map(groups.map((g) => [g.id, g.label]));
  // actors with any mention, most mentioned first
  const totals = new Map();
  for (const c of cells) totals.set(c.actor, (totals.get(c.actor) ?? 0) + c.mentions);
  const actors = data.actors.map((a) => a.id).filter((id) => totals.get(id) > 0).sort((a, b) => totals.get(b) - totals.get(a));
  // the loader leaves out cells with no mention; every actor × group pair gets a cell here
  const byKey = new Map(cells.map((c) => [`${c.actor}|${c.group}`, c]));
  const full = actors.flatMap((actor) => groups.map((g) => byKey.get(`${actor}|${g.id}`) ?? {actor, group: g.id, mentions: 0, articles: 0, mean: null, favorable: 0, neutral: 0, unfavorable: 0, ci: null, ci_note: "no mentions"}));
  const shown = full.map((c) => ({
    ...c,
    actorLabel: actorLabel.get(c.actor),
    groupLabel: groupLabel.get(c.group),
    readable: c.mean !== null && c.mentions >= minMentions
  }));
  return Plot.plot({
    width,
    height: 40 + actors.length * 26,
    marginLeft: width < 500 ? 100 : 130,
    marginTop: width < 500 ? 70 : 40,
    padding: 0.06,
    // on a phone the group names would overlap: tilt them
    x: {domain: groups.map((g) => g.label), axis: "top", label: null, tickRotate: width < 500 ? -35 : 0},
    y: {domain: actors.map((a) => actorLabel.get(a)), label: null},
    color: {type: "linear", domain: [-0.6, 0.6], scheme: "RdBu", clamp: true, legend: true, label: "mean stance (unfavorable ← → favorable)"},
    marks: [
      Plot.cell(shown, {
        x: "groupLabel",
        y: "actorLabel",
        fill: (d) => (d.readable ? d.mean : null),
        stroke: "var(--theme-foreground-faint)",
        href: (d) => `./actors/${encodeURIComponent(d.actor)}`,
        title: (d) =>
          `${d.actorLabel} in ${d.groupLabel} sources: ${d.mentions} mentions in ${d.articles} article(s)` +
          (d.mean === null ? "" : `, mean ${d.mean}`) +
          (d.ci ? `, 95% interval ${d.ci[0]} to ${d.ci[1]}` : d.ci_note ? ` (${d.ci_note})` : "") +
          ` · ${d.favorable} favorable, ${d.neutral} neutral, ${d.unfavorable} unfavorable`
      }),
      Plot.text(shown, {x: "groupLabel", y: "actorLabel", text: (d) => (d.mentions ? String(d.mentions) : ""), fill: (d) => (d.readable && Math.abs(d.mean) > 0.35 ? "white" : "currentColor"), pointerEvents: "none"})
    ]
  });
}
