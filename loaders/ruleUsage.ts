// How often each rule fires, per group, with sample matches: what the Rules page shows so
// that an analyst can see which rules carry the results and which never fire.
import { forEachArticleMentions, sentencesOf, type AllRules, type SentenceText } from "./digest.ts";
import type { ArticleMention } from "./pipeline.ts";
import type { SentenceTopics } from "./topics.ts";
import type { ArticleMeta, Corpus } from "./types.ts";

type Sample = { article: string; sentence: number; cue: [number, number]; mention: string; weight: number };

/**
 * Rule usage gathered article by article in corpus order: counts per cue, rule and actor,
 * and the first samples, whose sentences alone are read at the end. Fed by a pass of its
 * own (ruleUsage) or by the actor index's pass (loaders/actorIndex.ts).
 */
export class RuleUsageTally {
  private readonly fired = new Map<string, { byGroup: Record<string, number>; samples: Sample[] }>();
  private readonly via = new Map<string, Record<string, number>>();
  private readonly byActor = new Map<string, Record<string, number>>();
  /** sentences each topic rule matched, per group */
  private readonly topicFired = new Map<string, Record<string, number>>();

  add(meta: ArticleMeta, mentions: readonly ArticleMention[], topics: readonly SentenceTopics[]): void {
    const g = meta.group;
    const { fired, via, byActor, topicFired } = this;
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
  }

  /** The Rules page's data, the samples' sentences read from `sentences`. */
  result(corpus: Corpus, all: AllRules, sentences: (article: string) => SentenceText[]) {
    const { fired, via, byActor, topicFired } = this;
    const { rules, topicRules } = all;
    const sample = (x: Sample) => {
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
}

const count = (into: Map<string, Record<string, number>>, key: string, g: string) => {
  const counts = into.get(key) ?? {};
  counts[g] = (counts[g] ?? 0) + 1;
  into.set(key, counts);
};

/** Rule usage from a pass of its own over every article's mentions and topics (the build reads it from the actor index). */
export function ruleUsage(root = process.cwd()) {
  const tally = new RuleUsageTally();
  const { corpus, all } = forEachArticleMentions(root, { topics: true }, (meta, mentions, topics) => tally.add(meta, mentions, topics));
  return tally.result(corpus, all, sentencesOf(corpus, root));
}
