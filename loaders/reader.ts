// One article as the reader page shows it: its metadata, the actors, and the reader's view
// of the body (loaders/readerView.ts), computed from the cleaned text (without decoding its
// tokens) and the same cached mentions and topics parts the corpus-wide tables read, so
// the reader agrees with them.
import { cleanedArticle } from "./articleCache.ts";
import { loadCorpus, readArticle } from "./corpus.ts";
import { loadAllRules, mentionsAndTopics } from "./digest.ts";
import { InputError } from "./inputError.ts";
import { readerView } from "./readerView.ts";

export function articleReader(id: string, root = process.cwd()) {
  const corpus = loadCorpus(root);
  const meta = corpus.articles.find((a) => a.id === id);
  if (!meta) throw new InputError("data/corpus.yaml", null, `no article with id "${id}"`, "check the link or the article's id");
  const article = readArticle(meta, root);
  const { clean, sentences } = cleanedArticle(article, root);
  const all = loadAllRules(root);
  const { mentions, topics } = mentionsAndTopics(article, root, all);
  const group = corpus.groups.find((g) => g.id === article.meta.group);
  const origin = corpus.origins.find((g) => g.id === article.meta.author_origin);
  return {
    meta: { ...article.meta, group_label: group?.label ?? article.meta.group, group_color: group?.color, origin_label: origin?.label ?? article.meta.author_origin },
    actors: all.rules.actors.actors.map((a) => ({ id: a.id, label: a.label })),
    ...readerView(clean, article.raw, sentences, mentions, topics, all.topicRules),
  };
}
