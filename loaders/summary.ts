// The corpus at a glance, one row per article: what the index page's table and chart show.
import { prepareArticles } from "./pipeline.ts";
import type { ApparatusKind, GroupInfo } from "./types.ts";

export const APPARATUS_KINDS: ApparatusKind[] = ["reference", "note", "bio", "furniture", "caption", "blurb", "address"];

export interface ArticleSummary {
  id: string;
  group: string;
  group_label: string;
  author_origin: string;
  title: string;
  outlet: string;
  author: string;
  published: string;
  words: number;
  sentences: number;
  paragraphs: number;
  apparatus: Record<ApparatusKind, number>;
}

export function corpusSummary(root = process.cwd()): { groups: GroupInfo[]; origins: GroupInfo[]; articles: ArticleSummary[] } {
  const { corpus, prepared } = prepareArticles(root);
  const label = new Map(corpus.groups.map((g) => [g.id, g.label]));
  const articles = prepared.map(({ article, clean, segmented }): ArticleSummary => {
    const apparatus = Object.fromEntries(APPARATUS_KINDS.map((k) => [k, 0])) as Record<ApparatusKind, number>;
    for (const item of clean.apparatus) apparatus[item.kind]++;
    const m = article.meta;
    return {
      id: m.id,
      group: m.group,
      group_label: label.get(m.group) ?? m.group,
      author_origin: m.author_origin,
      title: m.title,
      outlet: m.outlet,
      author: m.author,
      published: m.published,
      words: segmented.sentences.reduce((n, s) => n + s.tokens.filter((t) => t.kind === "word").length, 0),
      sentences: segmented.sentences.length,
      paragraphs: segmented.paragraphs.filter((p) => p.kind !== "heading").length,
      apparatus,
    };
  });
  return { groups: corpus.groups, origins: corpus.origins, articles };
}
