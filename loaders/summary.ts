// The corpus at a glance, one row per article: what the index page's table and chart show.
import { loadSlimDigest } from "./analysisIndex.ts";
import type { Digest } from "./digest.ts";
import { APPARATUS_KINDS } from "./outline.ts";
import type { ApparatusKind, GroupInfo } from "./types.ts";

export { APPARATUS_KINDS };

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

export function corpusSummary(root = process.cwd()): CorpusSummary {
  // counts only: no mention is kept
  return summariseCorpus(loadSlimDigest(root, { mentions: false }));
}

export interface CorpusSummary {
  groups: GroupInfo[];
  origins: GroupInfo[];
  articles: ArticleSummary[];
}

/** The corpus table from a digest (its mentions, if any, are not read). */
export function summariseCorpus({ corpus, articles: digested }: Pick<Digest, "corpus" | "articles">): CorpusSummary {
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

/** The article table's columns, in the order each packed row holds them. */
export const SUMMARY_COLUMNS = ["id", "group", "author_origin", "title", "outlet", "author", "published", "words", "sentences", "paragraphs", "apparatus"] as const;

export interface PackedSummary {
  groups: GroupInfo[];
  origins: GroupInfo[];
  columns: typeof SUMMARY_COLUMNS;
  /** the order of each row's apparatus counts */
  apparatus_kinds: ApparatusKind[];
  rows: Array<Array<string | number | number[]>>;
}

/**
 * The summary as the pages load it: one array per article instead of one object, without
 * the group label the groups already give, so the overview stays within its data budget
 * (500 KB at 1,000 articles). src/components/corpus.js unpacks it.
 */
export function packSummary(summary: CorpusSummary): PackedSummary {
  return {
    groups: summary.groups,
    origins: summary.origins,
    columns: SUMMARY_COLUMNS,
    apparatus_kinds: APPARATUS_KINDS,
    rows: summary.articles.map((a) => SUMMARY_COLUMNS.map((c) => (c === "apparatus" ? APPARATUS_KINDS.map((k) => a.apparatus[k] ?? 0) : a[c]))),
  };
}
