// How often each rule fires, per group, with sample matches: what the Rules page shows so
// that an analyst can see which rules carry the results and which never fire.
import { forEachArticleMentions, sentencesOf } from "./digest.ts";

export function ruleUsage(root = process.cwd()) {
  // one pass over every mention and sentence topic: counts per cue, rule and actor, and
  // the first samples, whose sentences alone are read afterwards
  const fired = new Map<string, { byGroup: Record<string, number>; samples: Array<{ article: string; sentence: number; cue: [number, number]; mention: string; weight: number }> }>();
  const via = new Map<string, Record<string, number>>();
  const byActor = new Map<string, Record<string, number>>();
  const count = (into: Map<string, Record<string, number>>, key: string, g: string) => {
    const counts = into.get(key) ?? {};
    counts[g] = (counts[g] ?? 0) + 1;
    into.set(key, counts);
  };
  // sentences each topic rule matched, per group
  const topicFired = new Map<string, Record<string, number>>();
  const { corpus, all } = forEachArticleMentions(root, { topics: true }, (meta, mentions, topics) => {
    const g = meta.group;
    for (const m of mentions) {
      for (const c of m.cues) {
        const entry = fired.get(c.rule) ?? { byGroup: {}, samples: [] };
        entry.byGroup[g] = (entry.byGroup[g] ?? 0) + 1;
        if (entry.samples.length < 3) entry.samples.push({ article: m.article, sentence: m.sentence, cue: [c.start, c.end], mention: m.text, weight: c.weight });
        fired.set(c.rule, entry);
      }
      count(via, m.via, g);
      count(byActor, m.actor, g);
    }
    for (const s of topics) for (const hit of s.topics) for (const r of hit.rules) count(topicFired, `${hit.topic}/${r}`, g);
  });
  const { rules, topicRules } = all;
  const sentences = sentencesOf(corpus, root);
  const sample = (x: { article: string; sentence: number; cue: [number, number]; mention: string; weight: number }) => {
    const s = sentences(x.article)[x.sentence];
    return { article: x.article, sentence: s.text, cue: s.text.slice(x.cue[0] - s.start, x.cue[1] - s.start), mention: x.mention, weight: x.weight };
  };

  const stance = rules.stance.cues.map((cue) => ({
    id: cue.id,
    note: cue.note,
    agent: cue.agent ?? null,
    patient: cue.patient ?? null,
    words: cue.words?.length ?? 0,
    pattern: cue.pattern ? JSON.stringify(cue.pattern) : null,
    total: Object.values(fired.get(cue.id)?.byGroup ?? {}).reduce((a, b) => a + b, 0),
    byGroup: fired.get(cue.id)?.byGroup ?? {},
    samples: (fired.get(cue.id)?.samples ?? []).map(sample),
  }));
  const builtIn = ["scare-quotes", "afinn", "sentence-tone"].map((id) => ({
    id,
    total: Object.values(fired.get(id)?.byGroup ?? {}).reduce((a, b) => a + b, 0),
    byGroup: fired.get(id)?.byGroup ?? {},
    samples: (fired.get(id)?.samples ?? []).map(sample),
  }));

  // actor aliases and disambiguation patterns, counted on the mentions they found
  const disambiguation = rules.actors.disambiguation.map((d) => ({
    id: d.id,
    actor: d.actor,
    note: d.note ?? "",
    byGroup: via.get(`disambiguation:${d.id}`) ?? {},
  }));
  const actors = rules.actors.actors.map((a) => ({
    id: a.id,
    label: a.label,
    kind: a.kind,
    aliases: Object.values(a.aliases).flat().length,
    byGroup: byActor.get(a.id) ?? {},
  }));
  const topics = topicRules.topics.flatMap((t) =>
    t.rules.map((r) => {
      const byGroup = topicFired.get(`${t.id}/${r.id}`) ?? {};
      return { id: `${t.id}/${r.id}`, note: r.note, byGroup, total: Object.values(byGroup).reduce((a, b) => a + b, 0) };
    }),
  );
  return { groups: corpus.groups, topics, stance, builtIn, actors, disambiguation, settings: rules.stance.settings };
}
