// The reader page loads two layers (loaders/reader.ts): the text, made without any stance
// rule, and the stances, made without the topic rules. Each layer reads less than the
// page did, so each shortcut is checked against the plain computation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanedArticle, prepareArticle } from "../../loaders/articleCache.ts";
import { loadCorpus, readArticle } from "../../loaders/corpus.ts";
import { articleMentions, articlePart, articleTopics, loadAllRules, loadStanceRuleSet, loadTopicRuleSet } from "../../loaders/digest.ts";
import { articleStances, articleText } from "../../loaders/reader.ts";
import { readerStances } from "../../loaders/readerView.ts";
import { tagTopics } from "../../loaders/topics.ts";
import { uncached } from "./uncached.ts";

const root = process.cwd();
const articles = loadCorpus(root).articles.map((meta) => readArticle(meta, root));

test("topics found with the actors alone equal topics found with the tagged mentions", () => {
  uncached(() => {
    const all = loadAllRules(root);
    let sentences = 0;
    let withoutActors = 0;
    for (const a of articles) {
      const plain = articlePart(a, root, all, "topics");
      assert.deepEqual(articleTopics(a, root, loadTopicRuleSet(root)), plain, a.meta.id);
      sentences += plain.length;
      withoutActors += tagTopics([{ article: a, ...prepareArticle(a, root) }], [], all.topicRules).length;
    }
    assert.ok(sentences > 100, `${sentences} sentences with a topic`);
    // so the comparison covers topics that only ACTOR patterns find
    assert.ok(withoutActors < sentences, `${sentences} sentences with a topic, ${withoutActors} without the actors`);
  });
});

test("the stance layer places mentions as the full cleaned text does, in the text layer's blocks", () => {
  for (const a of articles) {
    // first, so the article's cache entry exists: the layer below decodes it
    const { clean } = cleanedArticle(a, root);
    const stances = articleStances(a.meta.id, root);
    const text = articleText(a.meta.id, root);
    assert.equal(stances.mentions.length, text.blocks.length, a.meta.id);
    // the layout's offsets (a typed array filled from the cache entry's runs) against the cleaned article's own
    assert.deepEqual(stances, readerStances(clean, articleMentions(a, root, loadStanceRuleSet(root))), a.meta.id);
    const shown = stances.mentions.flat();
    assert.equal(shown.length, stances.counts.mentions, `${a.meta.id}: every mention lies in a block`);
    assert.ok(shown.every((m) => m.rawPieces.length >= 1 && m.rawPieces[0][0] === m.rawStart && m.rawPieces.at(-1)![1] === m.rawEnd), a.meta.id);
    // each mention's offsets point at its text in the block it is filed under
    stances.mentions.forEach((ms, i) => ms.forEach((m) => assert.ok(m.end <= text.blocks[i].text.length && m.start >= 0, a.meta.id)));
  }
});
