// Everything one actor's page shows, computed from the tagged mentions: how each group
// (by outlet or by author origin) portrays the actor, per article, the cues that drove it
// in each group, per topic, and the evidence sentences with their offsets for
// highlighting and for the link to the article reader.
//
// Built mention by mention, in corpus order, so that every actor's page is made in the
// same single pass over the corpus (loaders/actorIndex.ts): each cell keeps running totals
// (StanceTally), each group a shortlist of its strongest mentions, and nothing keeps the
// mentions themselves. A pure computation over plain data.
import { inSentence } from "./evidence.ts";
import { GROUPINGS } from "./corpus.ts";
import { StanceTally } from "./measures/stance.ts";
import type { ArticleMention } from "./pipeline.ts";
import type { ActorDef } from "./rules/actorRules.ts";
import type { TopicRules } from "./rules/topicRules.ts";
import { Shortlist } from "./strongest.ts";
import type { ArticleMeta, Corpus } from "./types.ts";

/** Evidence sentences an actor page quotes per group: enough to read, bounded so a page stays small at scale. */
export const EVIDENCE_PER_GROUP = 25;

/** A shortlisted mention with its sentence, kept as JSON text: a copy, where the sentence is a slice that would keep its whole article's text in memory. */
interface Quotable {
  mention: ArticleMention;
  sentenceStart: number;
  sentenceJson: string;
}

interface GroupCell {
  tally: StanceTally;
  cues: Map<string, { rule: string; count: number; weight: number }>;
  evidence: Shortlist<Quotable>;
}

interface ArticleCell {
  mentions: number;
  sum: number;
  favorable: number;
  unfavorable: number;
}

export class ActorPage {
  private mentions = 0;
  /** per grouping: the cell of each group value */
  private readonly groups = GROUPINGS.map(() => new Map<string, GroupCell>());
  /** per grouping: per group value, the tally of each topic */
  private readonly topics = GROUPINGS.map(() => new Map<string, Map<string, StanceTally>>());
  private readonly articles = new Map<string, ArticleCell>();

  constructor(
    private readonly actor: ActorDef,
    private readonly corpus: Corpus,
    private readonly topicRules: TopicRules,
  ) {}

  /** One of the actor's mentions, in corpus order, with where its sentence starts, the sentence's topics and its text. */
  add(meta: ArticleMeta, m: ArticleMention, sentenceStart: number, topics: readonly string[], sentenceText: string): void {
    this.mentions++;
    for (let i = 0; i < GROUPINGS.length; i++) {
      const group = String(meta[GROUPINGS[i]]);
      let cell = this.groups[i].get(group);
      if (!cell) this.groups[i].set(group, (cell = { tally: new StanceTally(), cues: new Map(), evidence: new Shortlist<Quotable>(EVIDENCE_PER_GROUP, (q) => q.mention) }));
      cell.tally.add(m);
      for (const c of m.cues) {
        if (c.rule === "sentence-tone") continue;
        let e = cell.cues.get(c.rule);
        if (!e) cell.cues.set(c.rule, (e = { rule: c.rule, count: 0, weight: 0 }));
        e.count++;
        e.weight = Math.round((e.weight + c.weight) * 1000) / 1000;
      }
      if (cell.evidence.admits(m)) cell.evidence.offer({ mention: m, sentenceStart, sentenceJson: JSON.stringify(sentenceText) });
      let byTopic = this.topics[i].get(group);
      if (!byTopic) this.topics[i].set(group, (byTopic = new Map()));
      for (const t of topics) {
        let tally = byTopic.get(t);
        if (!tally) byTopic.set(t, (tally = new StanceTally()));
        tally.add(m);
      }
    }
    let a = this.articles.get(m.article);
    if (!a) this.articles.set(m.article, (a = { mentions: 0, sum: 0, favorable: 0, unfavorable: 0 }));
    a.mentions++;
    a.sum += m.score;
    if (m.stance === "favorable") a.favorable++;
    else if (m.stance === "unfavorable") a.unfavorable++;
  }

  /** The page's data, once every mention has been added. */
  page() {
    const { actor, corpus, topicRules } = this;
    const groupsOf = (i: number) => (GROUPINGS[i] === "group" ? corpus.groups : corpus.origins);
    const byGrouping = Object.fromEntries(
      GROUPINGS.map((grouping, i) => [
        grouping,
        groupsOf(i).map((g) => {
          const cell = this.groups[i].get(g.id);
          return {
            id: g.id,
            label: g.label,
            color: g.color,
            // mentions, articles, mean, counts per label and the article-bootstrap interval
            ...(cell?.tally ?? new StanceTally()).summary(),
            cues: [...(cell?.cues.values() ?? [])].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
            evidence: (cell?.evidence.items ?? []).map((q) => inSentence(q.mention, { start: q.sentenceStart, text: JSON.parse(q.sentenceJson) as string })),
          };
        }),
      ]),
    );
    const byArticle = corpus.articles.flatMap((meta) => {
      const a = this.articles.get(meta.id);
      if (!a) return [];
      return [
        {
          article: meta.id,
          title: meta.title,
          group: meta.group,
          author_origin: meta.author_origin,
          mentions: a.mentions,
          mean: Math.round((a.sum / a.mentions) * 1000) / 1000,
          favorable: a.favorable,
          unfavorable: a.unfavorable,
        },
      ];
    });
    // stance within each topic, per group: which subjects drive the portrayal
    const byTopic = Object.fromEntries(
      GROUPINGS.map((grouping, i) => [
        grouping,
        topicRules.topics.flatMap((t) =>
          groupsOf(i).flatMap((g) => {
            const tally = this.topics[i].get(g.id)?.get(t.id);
            return tally ? [{ topic: t.id, topic_label: t.label, group: g.id, group_label: g.label, ...tally.summary() }] : [];
          }),
        ),
      ]),
    );
    return {
      actor: { id: actor.id, label: actor.label, kind: actor.kind, note: actor.note ?? null, aliases: actor.aliases },
      byTopic,
      mentions: this.mentions,
      byGrouping,
      byArticle,
    };
  }
}

export type ActorPageData = ReturnType<ActorPage["page"]>;
