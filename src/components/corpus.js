// The corpus summary as the loader packs it (loaders/summary.ts, packSummary): one array
// per article. Unpacked here into one object per article, with the group's label, as the
// pages use it.
export function unpackSummary({groups, origins, columns, apparatus_kinds, rows}) {
  const label = new Map(groups.map((g) => [g.id, g.label]));
  const articles = rows.map((row) => {
    const a = Object.fromEntries(columns.map((c, i) => [c, row[i]]));
    a.apparatus = Object.fromEntries(apparatus_kinds.map((k, i) => [k, a.apparatus[i]]));
    a.group_label = label.get(a.group) ?? a.group;
    return a;
  });
  return {groups, origins, articles};
}
