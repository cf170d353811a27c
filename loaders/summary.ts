// The corpus at a glance, one row per article: what the index page's table and chart show.
import { loadDigest } from "./digest.ts";
import type { ApparatusKind, GroupInfo } from "./types.ts";

export { APPARATUS_KINDS } from "./outline.ts";

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
  // counts only: no mention is kept
  const { corpus, articles: digested } = loadDigest(root, { keepMention: () => false });
  const label = new Map(corpus.groups.map((g) => [g.id, g.label]));
  const articles = digested.map(({ article, segmented, words, paragraphs, apparatus }): ArticleSummary => {
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
      words,
      sentences: segmented.sentences.length,
      paragraphs,
      apparatus,
    };
  });
  return { groups: corpus.groups, origins: corpus.origins, articles };
}
