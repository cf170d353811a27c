// One article as the reader page shows it, in two layers the page loads as two files:
//
// - the text (articleText): metadata, the actors' names, the body block by block with its
//   topics, and the apparatus. From the cleaned text (without decoding its tokens), the
//   corpus description, and the actor and topic rules: no stance rule.
// - the stances (articleStances): the mention counts and each block's mentions with their
//   cues. From the mentions part and where each mention lies in the text: the actor and
//   stance rules, not the topic rules.
//
// So after a stance-rule edit only the stance layer of each article is made again
// (scripts/freshen.ts follows each loader's declared reads). Both come from the same
// cached parts the corpus-wide tables read, so the reader agrees with them.
import { articleLayout, cleanedArticle } from "./articleCache.ts";
import { loadCorpus, readArticle } from "./corpus.ts";
import { articleMentions, articleTopics, loadStanceRuleSet, loadTopicRuleSet } from "./digest.ts";
import { InputError } from "./inputError.ts";
import { readerStances, readerText } from "./readerView.ts";
import type { RawArticle } from "./types.ts";

function articleOf(id: string, root: string): { article: RawArticle; corpus: ReturnType<typeof loadCorpus> } {
  const corpus = loadCorpus(root);
  const meta = corpus.articles.find((a) => a.id === id);
  if (!meta) throw new InputError("data/corpus.yaml", null, `no article with id "${id}"`, "check the link or the article's id");
  return { article: readArticle(meta, root), corpus };
}

/** The reader's text layer of article `id`. */
export function articleText(id: string, root = process.cwd()) {
  const { article, corpus } = articleOf(id, root);
  const { clean, sentences } = cleanedArticle(article, root);
  const rules = loadTopicRuleSet(root);
  const group = corpus.groups.find((g) => g.id === article.meta.group);
  const origin = corpus.origins.find((g) => g.id === article.meta.author_origin);
  return {
    meta: { ...article.meta, group_label: group?.label ?? article.meta.group, group_color: group?.color, origin_label: origin?.label ?? article.meta.author_origin },
    actors: rules.actors.actors.map((a) => ({ id: a.id, label: a.label })),
    ...readerText(clean, article.raw, sentences, articleTopics(article, root, rules), rules.topicRules),
  };
}

/** The reader's stance layer of article `id`: its mentions filed under the text layer's blocks. */
export function articleStances(id: string, root = process.cwd()) {
  const { article } = articleOf(id, root);
  return readerStances(articleLayout(article, root), articleMentions(article, root, loadStanceRuleSet(root)));
}

/** Both layers as one article, each block with its mentions: what the page shows (for tests and tools). */
export function articleReader(id: string, root = process.cwd()) {
  const text = articleText(id, root);
  const stances = articleStances(id, root);
  const { meta, actors, topics, blocks, apparatus } = text;
  return { meta, actors, counts: stances.counts, topics, blocks: blocks.map((b, i) => ({ ...b, mentions: stances.mentions[i] })), apparatus };
}
