// Everything one actor's page shows, computed from the tagged mentions: how each group
// (by outlet or by author origin) portrays the actor, per article, the cues that drove it
// in each group, and the evidence sentences with their offsets for highlighting and for
// the link to the article reader.
import { InputError } from "./inputError.ts";
import { inSentence } from "./evidence.ts";
import { actorMentions, EVIDENCE_PER_GROUP, type FiledMention } from "./actorIndex.ts";
import type { ArticleMention } from "./pipeline.ts";
import { summariseStance } from "./measures/stance.ts";
import { strongest } from "./strongest.ts";
import { GROUPINGS } from "./corpus.ts";

/** One actor's page, from that actor's filed mentions (loaders/actorIndex.ts). */
export function actorPage(id: string, root = process.cwd()) {
  const { corpus, rules, topicRules, mentions: filed, sentenceText } = actorMentions(id, root);
  const actor = rules.actors.byId.get(id);
  if (!actor) throw new InputError("data/rules/actors.yaml", null, `no actor with id "${id}"`, "check the link or the actor's id");
  const metaOf = new Map(corpus.articles.map((a) => [a.id, a]));
  const mine = filed.map((f) => f.mention);
  const filedOf = new Map<ArticleMention, FiledMention>(filed.map((f) => [f.mention, f]));

  const evidenceRow = (m: ArticleMention) => inSentence(m, { start: filedOf.get(m)!.sentenceStart, text: sentenceText(m) });

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
          return {
            id: g.id,
            label: g.label,
            color: g.color,
            // mentions, articles, mean, counts per label and the article-bootstrap interval
            ...summariseStance(rows),
            cues: [...cues.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
            evidence: strongest(rows, EVIDENCE_PER_GROUP).map(evidenceRow),
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
  const byArticle = corpus.articles
    .map((meta) => {
      const rows = mineByArticle.get(meta.id) ?? [];
      return {
        article: meta.id,
        title: meta.title,
        group: meta.group,
        author_origin: meta.author_origin,
        mentions: rows.length,
        mean: rows.length ? Math.round((rows.reduce((s, m) => s + m.score, 0) / rows.length) * 1000) / 1000 : null,
        favorable: rows.filter((m) => m.stance === "favorable").length,
        unfavorable: rows.filter((m) => m.stance === "unfavorable").length,
      };
    })
    .filter((a) => a.mentions > 0);

  // stance within each topic, per group: which subjects drive the portrayal
  // the actor's mentions by (grouping, group, topic), once
  const byKey = new Map<string, ArticleMention[]>();
  for (const f of filed)
    for (const grouping of GROUPINGS)
      for (const t of f.topics) {
        const key = `${grouping}\u0000${metaOf.get(f.mention.article)![grouping]}\u0000${t}`;
        const list = byKey.get(key);
        if (list) list.push(f.mention);
        else byKey.set(key, [f.mention]);
      }
  const byTopic = Object.fromEntries(
    GROUPINGS.map((grouping) => [
      grouping,
      topicRules.topics.flatMap((t) =>
        (grouping === "group" ? corpus.groups : corpus.origins).map((g) => {
          const rows = byKey.get(`${grouping}\u0000${g.id}\u0000${t.id}`) ?? [];
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
