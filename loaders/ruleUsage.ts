// How often each rule fires, per group, with sample matches: what the Rules page shows so
// that an analyst can see which rules carry the results and which never fire.
import { loadDigest } from "./digest.ts";
import type { ArticleMention } from "./pipeline.ts";

/** Mentions counted per key (an actor, the rule that found them) and per group. */
function countByGroup(mentions: ArticleMention[], keyOf: (m: ArticleMention) => string, groupOf: Map<string, string>): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const m of mentions) {
    const counts = out.get(keyOf(m)) ?? {};
    const g = groupOf.get(m.article)!;
    counts[g] = (counts[g] ?? 0) + 1;
    out.set(keyOf(m), counts);
  }
  return out;
}

export function ruleUsage(root = process.cwd()) {
  const { corpus, articles: prepared, rules, mentions } = loadDigest(root);
  const groupOf = new Map(prepared.map((p) => [p.article.meta.id, p.article.meta.group]));
  const byId = new Map(prepared.map((p) => [p.article.meta.id, p]));
  const sentenceOf = (article: string, index: number) => byId.get(article)!.segmented.sentences[index];

  // stance cues and the built-in signals (negation, hedge …) as they fired on mentions
  const fired = new Map<string, { byGroup: Record<string, number>; samples: Array<{ article: string; sentence: string; cue: string; mention: string; weight: number }> }>();
  for (const m of mentions) {
    for (const c of m.cues) {
      const entry = fired.get(c.rule) ?? { byGroup: {}, samples: [] };
      const g = groupOf.get(m.article)!;
      entry.byGroup[g] = (entry.byGroup[g] ?? 0) + 1;
      if (entry.samples.length < 3) {
        const s = sentenceOf(m.article, m.sentence);
        entry.samples.push({ article: m.article, sentence: s.text, cue: s.text.slice(c.start - s.start, c.end - s.start), mention: m.text, weight: c.weight });
      }
      fired.set(c.rule, entry);
    }
  }
  const stance = rules.stance.cues.map((cue) => ({
    id: cue.id,
    note: cue.note,
    agent: cue.agent ?? null,
    patient: cue.patient ?? null,
    words: cue.words?.length ?? 0,
    pattern: cue.pattern ? JSON.stringify(cue.pattern) : null,
    total: Object.values(fired.get(cue.id)?.byGroup ?? {}).reduce((a, b) => a + b, 0),
    byGroup: fired.get(cue.id)?.byGroup ?? {},
    samples: fired.get(cue.id)?.samples ?? [],
  }));
  const builtIn = ["scare-quotes", "afinn", "sentence-tone"].map((id) => ({
    id,
    total: Object.values(fired.get(id)?.byGroup ?? {}).reduce((a, b) => a + b, 0),
    byGroup: fired.get(id)?.byGroup ?? {},
    samples: fired.get(id)?.samples ?? [],
  }));

  // actor aliases and disambiguation patterns, counted on the mentions they found
  const via = countByGroup(mentions, (m) => m.via, groupOf);
  const disambiguation = rules.actors.disambiguation.map((d) => ({
    id: d.id,
    actor: d.actor,
    note: d.note ?? "",
    byGroup: via.get(`disambiguation:${d.id}`) ?? {},
  }));
  const byActor = countByGroup(mentions, (m) => m.actor, groupOf);
  const actors = rules.actors.actors.map((a) => ({
    id: a.id,
    label: a.label,
    kind: a.kind,
    aliases: Object.values(a.aliases).flat().length,
    byGroup: byActor.get(a.id) ?? {},
  }));
  return { groups: corpus.groups, stance, builtIn, actors, disambiguation, settings: rules.stance.settings };
}
