// The corpus as the data loaders read it: per article its outline, tagged mentions,
// sentence topics and framing-label uses, each a cached part (loaders/partCache.ts), and
// never the tokens. An article is cleaned and tokenized (loaders/articleCache.ts) only
// when one of its parts is missing, so after `npm run build` has warmed the caches each
// loader streams small parts instead of re-running the pipeline, and holds a corpus of
// thousands of articles in a few hundred MB.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareArticle } from "./articleCache.ts";
import { loadCorpus, readArticle } from "./corpus.ts";
import { findLabelUses, type LabelUse } from "./framing.ts";
import { outlineOf, outlineSentences, type Outline, type VocabularyEntry } from "./outline.ts";
import { cachedPart, partFiles, PARTS, storePartBytes } from "./partCache.ts";
import { tagArticle, type ArticleMention, type PreparedArticle } from "./pipeline.ts";
import { findMentions } from "./actors.ts";
import { stampOf, unchanged, type FileStamp } from "./fileStamp.ts";
import { loadActorRules, type ActorRules } from "./rules/actorRules.ts";
import { loadRules } from "./rules/index.ts";
import { retagFromEarlier, retagBytesFromEarlier } from "./retag.ts";
import { loadFramingRules, type FramingRules } from "./rules/framingRules.ts";
import { loadTopicRules, type TopicRules } from "./rules/topicRules.ts";
import type { Rules } from "./tagText.ts";
import { tagTopics, type SentenceTopics } from "./topics.ts";
import type { ApparatusKind, ArticleMeta, Corpus, RawArticle } from "./types.ts";

export interface AllRules {
  rules: Rules;
  topicRules: TopicRules;
  framingRules: FramingRules;
}

const RULE_FILES = ["actors.yaml", "stance.yaml", "topics.yaml", "framing.yaml"];
/** The last rules loaded from each set of rule files, with the files' stamps and bytes they came from. */
const keptRules = new Map<string, { root: string; stamps: FileStamp[]; texts: Array<Buffer | null>; value: unknown }>();

/**
 * `load()`, or its last result while `files` (under data/rules) have the same bytes: a
 * process that serves many pages (the pre-runner, the benchmark, a test) would otherwise
 * spend most of its time re-parsing the same YAML. The rules are only read downstream.
 * Files whose stamps vouch for them are not even read again (loaders/fileStamp.ts).
 */
function whileUnchanged<T>(root: string, files: string[], load: () => T): T {
  const paths = files.map((f) => join(root, "data", "rules", f));
  const stamps = paths.map(stampOf);
  const memo = files.join("\0");
  const last = keptRules.get(memo);
  if (last?.root === root && stamps.every((s, i) => unchanged(last.stamps[i], s))) return last.value as T;
  // the files' bytes, compared as bytes (decoding and joining them cost 1 ms a call)
  const texts = paths.map((p) => {
    try {
      return readFileSync(p);
    } catch {
      return null; // the loaders report it with the file's name
    }
  });
  if (last?.root === root && texts.every((t, i) => (t === null ? last.texts[i] === null : last.texts[i]?.equals(t)))) {
    last.stamps = stamps;
    return last.value as T;
  }
  const value = load();
  keptRules.set(memo, { root, stamps, texts, value });
  return value;
}

/** Every rule file, parsed and validated (kept while their text is unchanged). */
export function loadAllRules(root = process.cwd()): AllRules {
  return whileUnchanged(root, RULE_FILES, () => {
    const rules = loadRules(root);
    return { rules, topicRules: loadTopicRules(rules.actors, root), framingRules: loadFramingRules(rules.actors, root) };
  });
}

/** The actor and stance rules alone: what an article's mentions depend on. */
export function loadStanceRuleSet(root = process.cwd()): Rules {
  return whileUnchanged(root, ["actors.yaml", "stance.yaml"], () => loadRules(root));
}

/** The actor and topic rules alone: what an article's sentence topics depend on. */
export function loadTopicRuleSet(root = process.cwd()): { actors: ActorRules; topicRules: TopicRules } {
  return whileUnchanged(root, ["actors.yaml", "topics.yaml"], () => {
    const actors = loadActorRules(root);
    return { actors, topicRules: loadTopicRules(actors, root) };
  });
}

export interface ArticleParts {
  outline: Outline;
  mentions: ArticleMention[];
  topics: SentenceTopics[];
  labels: LabelUse[];
}

/** The mentions part; after a cue edit only the sentences the edit reaches are tagged again (loaders/retag.ts). */
function mentionsPart(article: RawArticle, root: string, rules: Rules, prep: () => PreparedArticle): ArticleMention[] {
  return cachedPart(PARTS.mentions, article, root, () => retagFromEarlier(article, root, rules, prep) ?? tagArticle(prep(), rules));
}

/** One article's parts, each from the cache or computed (cleaning and tokenizing the article at most once). */
export function articleParts(article: RawArticle, root: string, all: AllRules): ArticleParts {
  let prepared: PreparedArticle | null = null;
  const prep = () => (prepared ??= { article, ...prepareArticle(article, root) });
  const outline = cachedPart(PARTS.outline, article, root, () => outlineOf(prep()));
  const mentions = mentionsPart(article, root, all.rules, prep);
  const topics = cachedPart(PARTS.topics, article, root, () => tagTopics([prep()], mentions, all.topicRules));
  const labels = cachedPart(PARTS.framing, article, root, () => findLabelUses([prep()], mentions, all.framingRules));
  return { outline, mentions, topics, labels };
}

/** One part of an article: from the cache, or computed (with what it needs: topics and labels read the mentions). */
export function articlePart<K extends keyof ArticleParts>(article: RawArticle, root: string, all: AllRules, part: K): ArticleParts[K] {
  let prepared: PreparedArticle | null = null;
  const prep = () => (prepared ??= { article, ...prepareArticle(article, root) });
  const get = {
    outline: () => cachedPart(PARTS.outline, article, root, () => outlineOf(prep())),
    mentions: () => mentionsPart(article, root, all.rules, prep),
    topics: () => cachedPart(PARTS.topics, article, root, () => tagTopics([prep()], mentionsPart(article, root, all.rules, prep), all.topicRules)),
    labels: () => cachedPart(PARTS.framing, article, root, () => findLabelUses([prep()], mentionsPart(article, root, all.rules, prep), all.framingRules)),
  };
  return get[part]() as ArticleParts[K];
}

/** The mentions and topics parts alone (the actor index and the evidence read nothing else of the parts). */
export function mentionsAndTopics(article: RawArticle, root: string, all: AllRules): Pick<ArticleParts, "mentions" | "topics"> {
  let prepared: PreparedArticle | null = null;
  const prep = () => (prepared ??= { article, ...prepareArticle(article, root) });
  const mentions = mentionsPart(article, root, all.rules, prep);
  return { mentions, topics: cachedPart(PARTS.topics, article, root, () => tagTopics([prep()], mentions, all.topicRules)) };
}

/** The article's mentions part, with the actor and stance rules alone (loadStanceRuleSet). */
export function articleMentions(article: RawArticle, root: string, rules: Rules): ArticleMention[] {
  let prepared: PreparedArticle | null = null;
  return mentionsPart(article, root, rules, () => (prepared ??= { article, ...prepareArticle(article, root) }));
}

/**
 * The article's topics part, with the actor and topic rules alone. When the part is
 * missing, the ACTOR tests see the actors found in each sentence: topics read the spans of
 * the mentions, never their stance, so no stance rule is read (the part's key has none).
 */
export function articleTopics(article: RawArticle, root: string, rules: { actors: ActorRules; topicRules: TopicRules }): SentenceTopics[] {
  return cachedPart(PARTS.topics, article, root, () => {
    const p = { article, ...prepareArticle(article, root) };
    const spans = p.segmented.sentences.flatMap((s) => findMentions(s.tokens, rules.actors, s.text, s.start).map((m) => ({ article: article.meta.id, sentence: s.index, start: m.start, end: m.end, actor: m.actor })));
    return tagTopics([p], spans, rules.topicRules);
  });
}

/**
 * Computes the article's missing parts without reading the cached ones no missing part
 * needs (the warm step after a cue edit: the outline, topics and framing parts stay as
 * they are, and parsing them would only cost time). Topics and framing read the mentions.
 * False when every part was cached.
 */
export function fillParts(article: RawArticle, root: string, all: AllRules): boolean {
  const [outline, mentions, topics, framing] = partFiles(article, root).map((f) => !existsSync(f));
  if (!outline && !mentions && !topics && !framing) return false;
  let prepared: PreparedArticle | null = null;
  const prep = () => (prepared ??= { article, ...prepareArticle(article, root) });
  if (outline) cachedPart(PARTS.outline, article, root, () => outlineOf(prep()));
  if (!mentions && !topics && !framing) return true;
  // after a cue edit only the mentions part is missing, and nothing here reads its value
  if (!topics && !framing && storePartBytes(PARTS.mentions, article, root, (out) => retagBytesFromEarlier(article, root, all.rules, out))) return true;
  const tagged = mentionsPart(article, root, all.rules, prep);
  if (topics) cachedPart(PARTS.topics, article, root, () => tagTopics([prep()], tagged, all.topicRules));
  if (framing) cachedPart(PARTS.framing, article, root, () => findLabelUses([prep()], tagged, all.framingRules));
  return true;
}

/**
 * Each article's mentions (and with `topics` its sentence topics), in corpus order, from
 * those parts alone: a loader that streams over every mention and quotes a few sentences
 * (the overview's evidence, the rule counts) need not read the outline and framing parts
 * of every article, 75 MB at 1,000 articles. The sentences it quotes: `sentencesOf`.
 */
export function forEachArticleMentions(
  root: string,
  options: { topics?: boolean },
  each: (meta: ArticleMeta, mentions: ArticleMention[], topics: SentenceTopics[]) => void,
): { corpus: Corpus; all: AllRules } {
  const corpus = loadCorpus(root);
  const all = loadAllRules(root);
  for (const meta of corpus.articles) {
    const article = readArticle(meta, root);
    if (options.topics) {
      const { mentions, topics } = mentionsAndTopics(article, root, all);
      each(meta, mentions, topics);
    } else each(meta, articlePart(article, root, all, "mentions"), []);
  }
  return { corpus, all };
}

/**
 * An article's sentences from its outline part, read when first asked for and kept: for
 * the few dozen sentences a page quotes.
 */
export function sentencesOf(corpus: Corpus, root: string): (article: string) => SentenceText[] {
  const metaOf = new Map(corpus.articles.map((a) => [a.id, a]));
  const known = new Map<string, SentenceText[]>();
  return (id) => {
    let sentences = known.get(id);
    if (!sentences) {
      const article = readArticle(metaOf.get(id)!, root);
      sentences = outlineSentences(cachedPart(PARTS.outline, article, root, () => outlineOf(prepareArticle(article, root))));
      known.set(id, sentences);
    }
    return sentences;
  };
}

/** A sentence without its tokens. */
export interface SentenceText {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** An article as the tables see it: metadata, sentences and counts (shaped like a prepared article, minus tokens). */
export interface DigestedArticle {
  article: { meta: ArticleMeta };
  segmented: { sentences: SentenceText[] };
  paragraphs: number;
  words: number;
  apparatus: Record<ApparatusKind, number>;
}

export interface Digest extends AllRules {
  corpus: Corpus;
  articles: DigestedArticle[];
  mentions: ArticleMention[];
  sentenceTopics: SentenceTopics[];
  labelUses: LabelUse[];
}

export interface DigestOptions {
  /**
   * Mentions to keep (an actor page keeps its actor's); default all. Also the place to
   * stream over every mention with its full detail and keep none.
   */
  keepMention?: (m: ArticleMention) => boolean;
  /** keep mentions without their cues, and topics without their spans: what the tables need, in a fraction of the memory */
  slim?: boolean;
  /** called with each article's vocabulary, which the digest itself does not keep */
  onVocabulary?: (meta: ArticleMeta, vocabulary: VocabularyEntry[]) => void;
  /** some article ids only (a reader page) */
  only?: string[];
}

/** The whole corpus, article by article: what every corpus-wide table is computed from. */
export function loadDigest(root = process.cwd(), options: DigestOptions = {}): Digest {
  const corpus = loadCorpus(root);
  const all = loadAllRules(root);
  const wanted = options.only ? { ...corpus, articles: corpus.articles.filter((a) => options.only!.includes(a.id)) } : corpus;
  const digest: Digest = { corpus, ...all, articles: [], mentions: [], sentenceTopics: [], labelUses: [] };
  const intern = new Map<string, string>();
  const shared = (x: string) => intern.get(x) ?? (intern.set(x, x), x);
  // one article's text at a time: only its parts stay
  for (const meta of wanted.articles) {
    const article = readArticle(meta, root);
    const parts = articleParts(article, root, all);
    const { outline } = parts;
    digest.articles.push({
      article: { meta: article.meta },
      segmented: { sentences: outlineSentences(outline) },
      paragraphs: outline.paragraphs,
      words: outline.words,
      apparatus: outline.apparatus,
    });
    for (const m of parts.mentions) if (!options.keepMention || options.keepMention(m)) digest.mentions.push(options.slim ? slimMention(m, shared) : m);
    for (const t of parts.topics) digest.sentenceTopics.push(options.slim ? { article: shared(t.article), sentence: t.sentence, topics: t.topics.map((x) => ({ topic: shared(x.topic), rules: x.rules.map(shared), spans: NONE })) } : t);
    for (const u of parts.labels) digest.labelUses.push(options.slim ? { ...u, family: shared(u.family), label: shared(u.label), article: shared(u.article), text: shared(u.text) } : u);
    options.onVocabulary?.(article.meta, outline.vocabulary);
  }
  return digest;
}

const NONE: never[] = [];
Object.freeze(NONE);

/** A mention with what the tables read: where, who, and the stance (repeated strings shared). */
export function slimMention(m: ArticleMention, shared: (s: string) => string): ArticleMention {
  const { sentence, start, end, rawStart, rawEnd, score } = m;
  return { article: shared(m.article), sentence, actor: shared(m.actor), text: shared(m.text), start, end, rawStart, rawEnd, stance: shared(m.stance) as ArticleMention["stance"], score, rules: NONE, via: "", cues: NONE };
}
