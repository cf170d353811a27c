// One article as the reader page shows it: its metadata, the actors, and the reader's view
// of the body (loaders/readerView.ts), read back from the article's `reader` part. After
// a rule edit the warm step files the new view beside the new mentions, so the 1,000
// reader pages of a large corpus each read one part instead of decoding their article.
import { loadCorpus, readArticle } from "./corpus.ts";
import { loadAllRules, readerPart } from "./digest.ts";
import { InputError } from "./inputError.ts";

export function articleReader(id: string, root = process.cwd()) {
  const corpus = loadCorpus(root);
  const meta = corpus.articles.find((a) => a.id === id);
  if (!meta) throw new InputError("data/corpus.yaml", null, `no article with id "${id}"`, "check the link or the article's id");
  const article = readArticle(meta, root);
  const all = loadAllRules(root);
  const view = readerPart(article, root, all);
  const group = corpus.groups.find((g) => g.id === article.meta.group);
  const origin = corpus.origins.find((g) => g.id === article.meta.author_origin);
  return {
    meta: { ...article.meta, group_label: group?.label ?? article.meta.group, group_color: group?.color, origin_label: origin?.label ?? article.meta.author_origin },
    actors: all.rules.actors.actors.map((a) => ({ id: a.id, label: a.label })),
    ...view,
  };
}
