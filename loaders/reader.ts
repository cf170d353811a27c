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
//
// The stance layers are also filed by the passes that read every article's mentions anyway
// (the actor index, loaders/actorIndex.ts, two in three; the stance tables, loaders/tables.ts,
// the third), and by a stance-layer loader that had to compute one, so that after a
// stance-rule edit the thousand stance layer loaders read a file each instead of each
// parsing an article's mentions again:
//
//   .cache/stances/<key>.json   one article's stance layer, as its loader emits it
//
// keyed by the article's mentions part (its cache name stands for the article, the actor
// and stance rules and the tagging code) and the code under loaders/. A layer not filed
// (yet) is computed as before.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { articleKey, articleLayout, cleanedArticle } from "./articleCache.ts";
import { loadCorpus, readArticle } from "./corpus.ts";
import { articleMentions, articleTopics, loadStanceRuleSet, loadTopicRuleSet } from "./digest.ts";
import { codeVersion } from "./indexDir.ts";
import { InputError } from "./inputError.ts";
import { currentPartFiles, partPath, PARTS, partsDir, partVersion } from "./partCache.ts";
import type { ArticleMention } from "./pipeline.ts";
import { readerStances, readerText } from "./readerView.ts";
import type { ArticleMeta, RawArticle } from "./types.ts";

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
  return stanceLayer(articleOf(id, root).article, root);
}

/** The stance layer of `article`, from `mentions` (its mentions part's) or its mentions read now. */
function stanceLayer(article: RawArticle, root: string, mentions = articleMentions(article, root, loadStanceRuleSet(root))) {
  return readerStances(articleLayout(article, root), mentions);
}

/** Where the stance layer made from the mentions part `mentionsPart` (its file) is filed. */
function layerFile(parts: string, mentionsPart: string): string {
  const key = createHash("sha256").update("stance-layer\0").update(basename(mentionsPart)).update("\0").update(codeVersion()).digest("hex").slice(0, 40);
  return join(parts, "..", "stances", `${key}.json`);
}

/** Where the stance layer of the article `meta` names is filed, for its text as it is now; null with caching off. */
function filedLayer(meta: ArticleMeta, root: string): string | null {
  const parts = partsDir(root);
  return parts && layerFile(parts, currentPartFiles(meta, root, [PARTS.mentions])[0]);
}

/**
 * The stance layer of article `id` as JSON text: filed by the actor index or the stance
 * tables, or computed, and then filed, so that a pass reaching the article later (in a
 * cold build the loaders run beside them) does not make it again.
 */
export function stanceLayerJson(id: string, root = process.cwd()): string {
  const meta = loadCorpus(root).articles.find((a) => a.id === id);
  const file = meta && filedLayer(meta, root);
  if (file)
    try {
      return readFileSync(file, "utf8");
    } catch {
      // not filed: computed below
    }
  const { article } = articleOf(id, root);
  const text = JSON.stringify(stanceLayer(article, root));
  writeLayer(stanceLayerFile(article, root), text);
  return text;
}

/**
 * Whether the stance tables' pass (loaders/tables.ts), not the actor index's, files the
 * stance layer of the article at `index` in the corpus: every third. Both passes read
 * every article's mentions, in two loader processes at once, and the actor index's is the
 * longer (at 1,000 articles, with every layer, 7.9-10.9 s against the tables' 6.6-8.5 s).
 */
export const layerFiledByTables = (index: number) => index % 3 === 2;

/** Where the stance layer of `article` (its text as read, with the rules as they are) is filed; null with caching off. */
export function stanceLayerFile(article: RawArticle, root: string): string | null {
  const parts = partsDir(root);
  // keyed by the text the mentions were read for (the file may have changed since)
  return parts && layerFile(parts, partPath(parts, PARTS.mentions, articleKey(article), partVersion(PARTS.mentions, root)));
}

/**
 * Files the stance layer of `article`, whose mentions part holds `mentions` (the actor
 * index's pass, loaders/actorIndex.ts, or the stance tables'), and returns where; written
 * to a temporary file renamed into place, so a loader never reads half of one. One filed
 * already is the same (its key covers what it is made from) and is kept: after a topic
 * or framing edit the index is made again, its mentions parts unchanged.
 */
export function fileStanceLayer(article: RawArticle, mentions: ArticleMention[], root: string): string | null {
  const file = stanceLayerFile(article, root);
  if (file && !existsSync(file)) writeLayer(file, JSON.stringify(stanceLayer(article, root, mentions)));
  return file;
}

/** Writes a stance layer's text to `file` (none with caching off) through a temporary file renamed into place. */
function writeLayer(file: string | null, text: string): void {
  if (!file) return;
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    // a read-only checkout: each loader computes its layer
    process.stderr.write(`note: stance layer not filed (${(e as Error).message})\n`);
  }
}

/** Removes the filed stance layers but `keep` (those of the corpus and rules as they are now). */
export function pruneStanceLayers(keep: Set<string>, root: string): void {
  const parts = partsDir(root);
  if (!parts) return;
  const dir = join(parts, "..", "stances");
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const f of entries) if (/^[0-9a-f]{40}\.json$/.test(f) && !keep.has(join(dir, f))) rmSync(join(dir, f), { force: true });
}

/** Both layers as one article, each block with its mentions: what the page shows (for tests and tools). */
export function articleReader(id: string, root = process.cwd()) {
  const text = articleText(id, root);
  const stances = articleStances(id, root);
  const { meta, actors, topics, blocks, apparatus } = text;
  return { meta, actors, counts: stances.counts, topics, blocks: blocks.map((b, i) => ({ ...b, mentions: stances.mentions[i] })), apparatus };
}
