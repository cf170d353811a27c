// Everything one actor's page shows, computed from the tagged mentions: how each group
// (by outlet or by author origin) portrays the actor, per article, the cues that drove it
// in each group, and the evidence sentences with their offsets for highlighting and for
// the link to the article reader.
import { InputError } from "./inputError.ts";
import { inSentence } from "./evidence.ts";
import { loadDigest, type Digest } from "./digest.ts";
import type { ArticleMention } from "./pipeline.ts";
import { summariseStance } from "./measures/stance.ts";

export const GROUPINGS = ["group", "author_origin"] as const;

/** Evidence sentences kept per group: enough to read, bounded so a page stays small at scale. */
const EVIDENCE_PER_GROUP = 25;

/** One actor's page; the digest keeps only that actor's mentions unless one is passed in. */
export function actorPage(id: string, digest?: Digest, root = process.cwd()) {
  const { corpus, articles: prepared, rules, mentions, topicRules, sentenceTopics } = digest ?? loadDigest(root, { keepMention: (m) => m.actor === id });
  const actor = rules.actors.byId.get(id);
  if (!actor) throw new InputError("data/rules/actors.yaml", null, `no actor with id "${id}"`, "check the link or the actor's id");
  const metaOf = new Map(prepared.map((p) => [p.article.meta.id, p.article.meta]));
  const sentenceOf = new Map(prepared.map((p) => [p.article.meta.id, p.segmented.sentences]));
  const mine = mentions.filter((m) => m.actor === id);

  const evidenceRow = (m: ArticleMention) => inSentence(m, sentenceOf.get(m.article)![m.sentence]);

  const byGrouping = Object.fromEntries(
    GROUPINGS.map((grouping) => {
      const groups = grouping === "group" ? corpus.groups : corpus.origins;
      const keyOf = (m: ArticleMention) => String(metaOf.get(m.article)![grouping]);
      return [
        grouping,
        groups.map((g) => {
          const rows = mine.filter((m) => keyOf(m) === g.id);
          const cues = new Map<string, { rule: string; count: number; weight: number }>();
          for (const m of rows)
            for (const c of m.cues) {
              if (c.rule === "sentence-tone") continue;
              const e = cues.get(c.rule) ?? { rule: c.rule, count: 0, weight: 0 };
              e.count++;
              e.weight = Math.round((e.weight + c.weight) * 1000) / 1000;
              cues.set(c.rule, e);
            }
          const strongest = [...rows].sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.article.localeCompare(b.article) || a.start - b.start);
          return {
            id: g.id,
            label: g.label,
            color: g.color,
            // mentions, articles, mean, counts per label and the article-bootstrap interval
            ...summariseStance(rows),
            cues: [...cues.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
            evidence: strongest.slice(0, EVIDENCE_PER_GROUP).map(evidenceRow),
          };
        }),
      ];
    }),
  );

  const mineByArticle = new Map<string, ArticleMention[]>();
  for (const m of mine) {
    const list = mineByArticle.get(m.article);
    if (list) list.push(m);
    else mineByArticle.set(m.article, [m]);
  }
  const byArticle = prepared
    .map((p) => {
      const rows = mineByArticle.get(p.article.meta.id) ?? [];
      return {
        article: p.article.meta.id,
        title: p.article.meta.title,
        group: p.article.meta.group,
        author_origin: p.article.meta.author_origin,
        mentions: rows.length,
        mean: rows.length ? Math.round((rows.reduce((s, m) => s + m.score, 0) / rows.length) * 1000) / 1000 : null,
        favorable: rows.filter((m) => m.stance === "favorable").length,
        unfavorable: rows.filter((m) => m.stance === "unfavorable").length,
      };
    })
    .filter((a) => a.mentions > 0);

  // stance within each topic, per group: which subjects drive the portrayal
  const topicsOf = new Map(sentenceTopics.map((s) => [`${s.article}:${s.sentence}`, s.topics.map((t) => t.topic)]));
  // the actor's mentions filed by (grouping, group, topic), once
  const filed = new Map<string, ArticleMention[]>();
  for (const m of mine)
    for (const grouping of GROUPINGS)
      for (const t of topicsOf.get(`${m.article}:${m.sentence}`) ?? []) {
        const key = `${grouping}\u0000${metaOf.get(m.article)![grouping]}\u0000${t}`;
        const list = filed.get(key);
        if (list) list.push(m);
        else filed.set(key, [m]);
      }
  const byTopic = Object.fromEntries(
    GROUPINGS.map((grouping) => [
      grouping,
      topicRules.topics.flatMap((t) =>
        (grouping === "group" ? corpus.groups : corpus.origins).map((g) => {
          const rows = filed.get(`${grouping}\u0000${g.id}\u0000${t.id}`) ?? [];
          return { topic: t.id, topic_label: t.label, group: g.id, group_label: g.label, ...summariseStance(rows) };
        }),
      ).filter((c) => c.mentions > 0),
    ]),
  );

  return {
    actor: { id: actor.id, label: actor.label, kind: actor.kind, note: actor.note ?? null, aliases: actor.aliases },
    byTopic,
    mentions: mine.length,
    byGrouping,
    byArticle,
  };
}
