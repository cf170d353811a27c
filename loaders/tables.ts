// The comparison tables the pages load, one function per output file in src/data/:
// stance matrices, divergences, topic coverage, contested terms and distinctive words,
// each under both groupings (outlet affiliation `group`, author origin `author_origin`).
// Every number comes from the corpus through the pipeline; every float is rounded to 4
// decimals and every list has a fixed order, so the same inputs give byte-identical JSON.
import { BOOTSTRAP_DEFAULTS, type BootstrapOptions } from "./measures/bootstrap.ts";
import { countInto, pairwiseJensenShannon, shares } from "./measures/distributions.ts";
import { closerToMean, DEFAULT_MIN_MENTIONS, divergence, type DivergenceSide } from "./measures/divergence.ts";
import { DEFAULT_ALPHA0, fightinWords } from "./measures/fightinWords.ts";
import { round4 } from "./measures/numbers.ts";
import { stanceCells, type Dimension, type StanceCell } from "./measures/stance.ts";
import { GROUPINGS, loadCorpus, type Grouping } from "./corpus.ts";
import { type Digest, type DigestedArticle } from "./digest.ts";
import { loadSlimDigest } from "./analysisIndex.ts";
import { VOCABULARY_EXAMPLES, type VocabularyEntry } from "./outline.ts";
import type { ArticleMention } from "./pipeline.ts";
import { fileStanceLayer, layerFiledByTables } from "./reader.ts";
import type { GroupInfo } from "./types.ts";


/**
 * What every table is computed from: the corpus digest (loaders/digest.ts: mentions,
 * topics, framing-label uses and sentence texts, no tokens) and, for the word tables,
 * each group's vocabulary summed while the digest streams past.
 */
export interface Analysis extends Digest {
  /** each group's vocabulary: only when asked for (loadAnalysis(root, { words: true })) */
  words: Record<Grouping, Map<string, WordOccurrences>> | null;
}

/**
 * Loads the digest for the tables. The vocabulary sums are the largest thing a loader can
 * hold, and only the word tables read them, so they are made only when `words` is set.
 */
export function loadAnalysis(root = process.cwd(), { words = false } = {}): Analysis {
  // mentions without their cues: no table reads them (evidence and rule pages stream those)
  const corpus = loadCorpus(root);
  const byGrouping = words
    ? (Object.fromEntries(
        GROUPINGS.map((g) => [g, new Map((g === "group" ? corpus.groups : corpus.origins).map((x) => [x.id, emptyOccurrences()]))]),
      ) as Record<Grouping, Map<string, WordOccurrences>>)
    : null;
  const digest = loadSlimDigest(root, {
    onVocabulary: byGrouping
      ? (meta, vocabulary) => {
          for (const g of GROUPINGS) {
            const occ = byGrouping[g].get(String(meta[g]));
            if (occ) addVocabulary(occ, meta.id, vocabulary);
          }
        }
      : undefined,
    // the stance tables' pass alone: it runs after every stance edit, the word table's does not
    onMentions: words ? undefined : (article, mentions, index) => void (layerFiledByTables(index) && fileStanceLayer(article, mentions, root)),
  });
  return { ...digest, words: byGrouping };
}

const metaOf = (a: Analysis) => new Map(a.articles.map((p) => [p.article.meta.id, p.article.meta]));
const groupsOf = (a: Analysis, g: Grouping): GroupInfo[] => (g === "group" ? a.corpus.groups : a.corpus.origins);
const actorOrder = (a: Analysis) => a.rules.actors.actors.map((x) => x.id);
const topicOrder = (a: Analysis) => a.topicRules.topics.map((t) => t.id);
const articleOrder = (a: Analysis) => a.articles.map((p) => p.article.meta.id);
const articlesById = new WeakMap<Analysis, Map<string, DigestedArticle>>();
/** An article of the analysis by id (one lookup table per analysis). */
function articleOf(a: Analysis, id: string): DigestedArticle | undefined {
  let byId = articlesById.get(a);
  if (!byId) articlesById.set(a, (byId = new Map(a.articles.map((p) => [p.article.meta.id, p]))));
  return byId.get(id);
}
const sentenceKey = (article: string, sentence: number) => `${article}:${sentence}`;

/** Groups of a grouping with their article counts (the denominators every reader needs). */
function groupList(a: Analysis, g: Grouping) {
  const meta = [...metaOf(a).values()];
  return groupsOf(a, g).map((x) => ({ ...x, articles: meta.filter((m) => m[g] === x.id).length }));
}

function articleList(a: Analysis) {
  return a.articles.map((p) => ({
    id: p.article.meta.id,
    title: p.article.meta.title,
    group: p.article.meta.group,
    author_origin: p.article.meta.author_origin,
    sentences: p.segmented.sentences.length,
  }));
}

const bootstrapInfo = (o: BootstrapOptions = {}) => ({ ...BOOTSTRAP_DEFAULTS, ...o, unit: "article" as const, method: "percentile, resampling articles with replacement" });

// A dimension's values per mention come from a lookup made once: the tables file every
// mention several times, and a fresh array (or key string) per mention and filing is most
// of what filing costs.
function groupDimension(a: Analysis, g: Grouping): Dimension<ArticleMention> {
  const valuesOf = new Map(a.articles.map((p) => [p.article.meta.id, [String(p.article.meta[g])]]));
  return { name: "group", values: (m) => valuesOf.get(m.article)!, order: groupsOf(a, g).map((x) => x.id) };
}
function actorDimension(a: Analysis): Dimension<ArticleMention> {
  const valuesOf = new Map<string, string[]>();
  const values = (m: ArticleMention) => valuesOf.get(m.actor) ?? valuesOf.set(m.actor, [m.actor]).get(m.actor)!;
  return { name: "actor", values, order: actorOrder(a) };
}

/** Each sentence's topics, by article and sentence index. */
type TopicsBySentence = Map<string, Array<string[] | undefined>>;
const NO_TOPICS: readonly string[] = Object.freeze([]);
function topicsBySentence(a: Analysis): TopicsBySentence {
  const out: TopicsBySentence = new Map();
  for (const s of a.sentenceTopics) {
    let list = out.get(s.article);
    if (!list) out.set(s.article, (list = []));
    list[s.sentence] = s.topics.map((t) => t.topic);
  }
  return out;
}
const topicsOf = (bySentence: TopicsBySentence, m: ArticleMention): readonly string[] => bySentence.get(m.article)?.[m.sentence] ?? NO_TOPICS;
function topicDimension(a: Analysis, bySentence = topicsBySentence(a)): Dimension<ArticleMention> {
  return { name: "topic", values: (m) => topicsOf(bySentence, m), order: topicOrder(a) };
}

export type TopicCells = Record<Grouping, StanceCell[]>;
/**
 * Stance by (group, topic, actor) under each grouping. The topics table and the per-topic
 * gaps show the same cells: computed once for both they cost half (at 1,000 articles the
 * pair took ~8 s, most of it these cells).
 */
export function topicStanceCells(a: Analysis, options: BootstrapOptions = {}, bySentence = topicsBySentence(a)): TopicCells {
  return Object.fromEntries(GROUPINGS.map((g) => [g, stanceCells(a.mentions, [groupDimension(a, g), topicDimension(a, bySentence), actorDimension(a)], options)])) as TopicCells;
}

// ---------------------------------------------------------------- stance-matrix.json

/** Stance by (group, actor) under both groupings, and by (article, actor). */
export function stanceMatrixTable(a: Analysis, options: BootstrapOptions = {}) {
  return {
    actors: a.rules.actors.actors.map((x) => ({ id: x.id, label: x.label, kind: x.kind })),
    articles: articleList(a),
    bootstrap: bootstrapInfo(options),
    groupings: Object.fromEntries(
      GROUPINGS.map((g) => [g, { groups: groupList(a, g), cells: stanceCells(a.mentions, [groupDimension(a, g), actorDimension(a)], options) }]),
    ),
    // one article per cell: its interval is marked unavailable ("one article"), by design
    article_cells: stanceCells(a.mentions, [{ name: "article", values: (m) => [m.article], order: articleOrder(a) }, actorDimension(a)], options),
  };
}

/** The overview's matrix: stance by (group, actor) only; the per-article cells grow with the corpus. (`matrix`: the full table when already computed.) */
export function overviewStanceMatrix(a: Analysis, options: BootstrapOptions = {}, matrix = stanceMatrixTable(a, options)) {
  const { article_cells: _cells, articles: _articles, ...rest } = matrix;
  return rest;
}

/** Stance by (article, actor): the per-article cells on their own, for download and analysis. */
export function articleStanceTable(a: Analysis, options: BootstrapOptions = {}, matrix = stanceMatrixTable(a, options)) {
  const { actors, articles, bootstrap, article_cells } = matrix;
  return { actors, articles, bootstrap, article_cells };
}

// ---------------------------------------------------------------- divergence.json

function evidenceFor(a: Analysis, m: ArticleMention | null) {
  if (!m) return null;
  const s = articleOf(a, m.article)!.segmented.sentences[m.sentence];
  return { article: m.article, sentence: m.sentence, text: s.text, start: m.start - s.start, end: m.end - s.start, rawStart: m.rawStart, mention: m.text, score: round4(m.score), stance: m.stance };
}

/** Largest gaps between groups per actor and per actor × topic, with a sentence per side. */
export function divergenceTable(
  a: Analysis,
  {
    minMentions = DEFAULT_MIN_MENTIONS,
    parts = ["by_actor", "by_actor_topic"],
    topicCells,
    actorCells,
    ...options
  }: BootstrapOptions & {
    minMentions?: number;
    parts?: Array<"by_actor" | "by_actor_topic">;
    topicCells?: TopicCells;
    /** the (group, actor) cells of each grouping when already computed (the stance matrix's) */
    actorCells?: Record<Grouping, StanceCell[]>;
  } = {},
) {
  // each page loads one of the two lists: computing only that one halves the loader's work and memory
  const withActors = parts.includes("by_actor");
  const withTopics = parts.includes("by_actor_topic");
  const bySentence = withTopics ? topicsBySentence(a) : null;
  const cellsByTopic = withTopics ? (topicCells ?? topicStanceCells(a, options, bySentence!)) : null;
  const entries = (g: Grouping, withTopic: boolean) =>
    divergence(
      withTopic ? cellsByTopic![g] : (actorCells?.[g] ?? stanceCells(a.mentions, [groupDimension(a, g), actorDimension(a)], options)),
      withTopic ? ["actor", "topic"] : ["actor"],
      { minMentions },
    );
  const lists = GROUPINGS.map((g) => ({ g, byActor: withActors ? entries(g, false) : [], byTopic: withTopics ? entries(g, true) : [] }));

  // The sentence standing for each side shown: the mention closest to the side's mean
  // (measures/divergence.ts representative), found in one pass over the mentions for the
  // few sides shown, by grouping, group, actor and topic (no topic: the side per actor).
  type Side = { mean: number; direction: 1 | -1; best: ArticleMention | null };
  const sides = new Map<Grouping, Map<string, Map<string, Map<string | null, Side>>>>();
  const sideOf = (g: Grouping, d: DivergenceSide, subject: Record<string, string>, direction: 1 | -1): Side => {
    const byGroup = sides.get(g) ?? sides.set(g, new Map()).get(g)!;
    const byActor = byGroup.get(d.group) ?? byGroup.set(d.group, new Map()).get(d.group)!;
    const byTopic = byActor.get(subject.actor) ?? byActor.set(subject.actor, new Map()).get(subject.actor)!;
    const side: Side = { mean: d.mean, direction, best: null };
    byTopic.set(subject.topic ?? null, side);
    return side;
  };
  const shown = lists.map(({ g, byActor, byTopic }) => ({
    g,
    byActor: byActor.map((d) => ({ d, high: sideOf(g, d.high, d.subject, 1), low: sideOf(g, d.low, d.subject, -1) })),
    byTopic: byTopic.map((d) => ({ d, high: sideOf(g, d.high, d.subject, 1), low: sideOf(g, d.low, d.subject, -1) })),
  }));
  const offer = (side: Side | undefined, m: ArticleMention) => {
    if (side && (!side.best || closerToMean(m, side.best, side.mean, side.direction))) side.best = m;
  };
  const groupOf = new Map(GROUPINGS.map((g) => [g, new Map(a.articles.map((p) => [p.article.meta.id, String(p.article.meta[g])]))]));
  for (const [g, byGroup] of sides) {
    const groupOfArticle = groupOf.get(g)!;
    for (const m of a.mentions) {
      const byTopic = byGroup.get(groupOfArticle.get(m.article)!)?.get(m.actor);
      if (!byTopic) continue;
      offer(byTopic.get(null), m);
      if (bySentence) for (const t of topicsOf(bySentence, m)) offer(byTopic.get(t), m);
    }
  }
  const row = ({ d, high, low }: (typeof shown)[number]["byActor"][number]) => ({
    ...d.subject,
    gap: d.gap,
    overlap: d.overlap,
    overlap_note: d.overlap_note,
    groups_compared: d.groups_compared,
    high: { ...d.high, evidence: evidenceFor(a, high.best) },
    low: { ...d.low, evidence: evidenceFor(a, low.best) },
  });
  return {
    min_mentions: minMentions,
    bootstrap: bootstrapInfo(options),
    articles: articleList(a),
    groupings: Object.fromEntries(
      shown.map(({ g, byActor, byTopic }) => [g, { groups: groupList(a, g), by_actor: byActor.map(row), by_actor_topic: byTopic.map(row) }]),
    ),
  };
}

/** The overview's list: gaps per actor (the per-topic gaps and the article list are in their own file). `matrix`: the stance matrix when already computed, whose cells it reuses. */
export function overviewDivergence(a: Analysis, matrix?: ReturnType<typeof stanceMatrixTable>) {
  const actorCells = matrix && (Object.fromEntries(GROUPINGS.map((g) => [g, matrix.groupings[g].cells])) as Record<Grouping, StanceCell[]>);
  const d = divergenceTable(a, { parts: ["by_actor"], actorCells });
  return {
    min_mentions: d.min_mentions,
    bootstrap: d.bootstrap,
    groupings: Object.fromEntries(Object.entries(d.groupings).map(([g, x]) => [g, { groups: x.groups, by_actor: x.by_actor }])),
  };
}

/** Gaps per actor within each topic. */
export function topicDivergence(a: Analysis, topicCells?: TopicCells) {
  const d = divergenceTable(a, { parts: ["by_actor_topic"], topicCells });
  return {
    min_mentions: d.min_mentions,
    bootstrap: d.bootstrap,
    articles: d.articles,
    groupings: Object.fromEntries(Object.entries(d.groupings).map(([g, x]) => [g, { groups: x.groups, by_actor_topic: x.by_actor_topic }])),
  };
}

// ---------------------------------------------------------------- topics.json

const TOPIC_EXAMPLES = 4;
function sentenceText(a: Analysis, article: string, index: number): string {
  return articleOf(a, article)?.segmented.sentences[index]?.text ?? "";
}

/** Topic shares and coverage per group, JSD between groups' topic mixes, and stance by (group, topic, actor). */
export function topicsTable(a: Analysis, options: BootstrapOptions = {}, topicCells = topicStanceCells(a, options)) {
  const meta = metaOf(a);
  const order = topicOrder(a);
  const topicCountsByArticle = new Map<string, Map<string, number>>();
  for (const s of a.sentenceTopics) {
    let counts = topicCountsByArticle.get(s.article);
    if (!counts) topicCountsByArticle.set(s.article, (counts = new Map()));
    for (const t of s.topics) countInto(counts, t.topic);
  }
  const sentencesOf = (ids: Set<string>) => a.articles.filter((p) => ids.has(p.article.meta.id)).reduce((n, p) => n + p.segmented.sentences.length, 0);
  const byGrouping = (g: Grouping) => {
    const groups = groupList(a, g).map((grp) => {
      const ids = new Set([...meta.values()].filter((m) => m[g] === grp.id).map((m) => m.id));
      const counts = new Map<string, number>();
      let tagged = 0;
      for (const s of a.sentenceTopics)
        if (ids.has(s.article)) {
          tagged++;
          for (const t of s.topics) countInto(counts, t.topic);
        }
      const sentences = sentencesOf(ids);
      // a few sentences per topic to read on the Topics page (the full trace is `sentences` below)
      const examples: Record<string, Array<{ article: string; sentence: number; text: string }>> = {};
      for (const s of a.sentenceTopics)
        if (ids.has(s.article))
          for (const t of s.topics) {
            const list = (examples[t.topic] ??= []);
            if (list.length < TOPIC_EXAMPLES) list.push({ article: s.article, sentence: s.sentence, text: sentenceText(a, s.article, s.sentence) });
          }
      return {
        ...grp,
        sentences,
        sentences_with_topic: tagged,
        examples,
        counts,
        topics: shares(counts, order).map((x) => ({ topic: x.key, sentences: x.count, share: x.share, coverage: sentences ? round4(x.count / sentences) : 0 })),
      };
    });
    return {
      groups: groups.map(({ counts: _c, ...rest }) => rest),
      jsd: pairwiseJensenShannon(groups.map((x) => ({ group: x.id, counts: x.counts }))),
      stance: topicCells[g],
    };
  };
  return {
    topics: a.topicRules.topics.map((t) => ({ id: t.id, label: t.label, description: t.description, rules: t.rules.map((r) => ({ id: r.id, note: r.note })) })),
    bootstrap: bootstrapInfo(options),
    articles: articleList(a).map((art) => {
      const counts = topicCountsByArticle.get(art.id) ?? new Map<string, number>();
      return { ...art, topics: shares(counts, order).map((x) => ({ topic: x.key, sentences: x.count, share: x.share })) };
    }),
    groupings: Object.fromEntries(GROUPINGS.map((g) => [g, byGrouping(g)])),
    // (each sentence's topics and rules are on its article's reader page: a corpus-wide
    // trace here would grow with the corpus, to megabytes at a thousand articles)
  };
}

// ---------------------------------------------------------------- framing.json

/** Example sentences kept per label and group (either grouping). */
const FRAMING_EXAMPLES = 5;

/** Who uses which label of each contested concept: per group (both groupings) and per article, with the sentences. */
export function framingTable(a: Analysis) {
  const meta = metaOf(a);
  const uses = a.labelUses;
  const examplesOf = (uses: typeof a.labelUses) => {
    const seen = new Map<string, number>();
    const take = (key: string) => {
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return n < FRAMING_EXAMPLES;
    };
    return uses.filter((u) => GROUPINGS.map((g) => take(`${g}\u0000${meta.get(u.article)![g]}\u0000${u.label}`)).some(Boolean));
  };
  const families = a.framingRules.families.map((f) => {
    const mine = uses.filter((u) => u.family === f.id);
    const labelOrder = f.labels.map((l) => l.id);
    const tally = (rows: typeof mine) => {
      const counts = new Map<string, number>();
      for (const u of rows) countInto(counts, u.label);
      return shares(counts, labelOrder).map((x) => ({ label: x.key, count: x.count, share: x.share, articles: new Set(rows.filter((u) => u.label === x.key).map((u) => u.article)).size }));
    };
    return {
      id: f.id,
      label: f.label,
      description: f.description,
      quoted: f.quoted,
      labels: f.labels.map((l) => ({ id: l.id, label: l.label, note: l.note })),
      uses: mine.length,
      groupings: Object.fromEntries(
        GROUPINGS.map((g) => [
          g,
          groupsOf(a, g).map((grp) => {
            const rows = mine.filter((u) => meta.get(u.article)![g] === grp.id);
            return { group: grp.id, uses: rows.length, labels: tally(rows) };
          }),
        ]),
      ),
      // uses in their sentences, offsets relative to the sentence: the first few of each
      // label in each group (either grouping), with the article's groups, so the page stays
      // small at any corpus size (no per-article list: readers show an article's own terms)
      sentences: examplesOf(mine).map((u) => {
        const s = articleOf(a, u.article)!.segmented.sentences[u.sentence];
        const m = meta.get(u.article)!;
        return { article: u.article, group: m.group, author_origin: m.author_origin, sentence: u.sentence, label: u.label, text: s.text, start: u.start - s.start, end: u.end - s.start, match: u.text };
      }),
    };
  });
  return { groupings: Object.fromEntries(GROUPINGS.map((g) => [g, groupList(a, g)])), families };
}

// ---------------------------------------------------------------- distinctive-words.json

export interface WordOccurrences {
  counts: Map<string, number>;
  forms: Map<string, Map<string, number>>;
  /** stem -> number of articles using it */
  articles: Map<string, number>;
  /** stem -> the first articles (corpus order) using it, with sentence indices: enough for the examples */
  where: Map<string, Array<[string, number[]]>>;
}

function emptyOccurrences(): WordOccurrences {
  return { counts: new Map(), forms: new Map(), articles: new Map(), where: new Map() };
}

/** Adds one article's vocabulary (loaders/outline.ts) to a group's word occurrences. */
export function addVocabulary(occ: WordOccurrences, article: string, vocabulary: readonly VocabularyEntry[]): void {
  for (const [stem, count, forms, sentences] of vocabulary) {
    occ.counts.set(stem, (occ.counts.get(stem) ?? 0) + count);
    let f = occ.forms.get(stem);
    if (!f) occ.forms.set(stem, (f = new Map()));
    for (let i = 0; i < forms.length; i += 2) f.set(String(forms[i]), (f.get(String(forms[i])) ?? 0) + Number(forms[i + 1]));
    occ.articles.set(stem, (occ.articles.get(stem) ?? 0) + 1);
    const where = occ.where.get(stem) ?? [];
    if (where.length < VOCABULARY_EXAMPLES) where.push([article, sentences]);
    occ.where.set(stem, where);
  }
}

/** Most frequent form, ties alphabetical. */
function commonest(forms: Map<string, number>): string {
  return [...forms].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
}

/** Up to `n` sentences, one per article in turn (first occurrences first), so one article does not supply them all. */
function spreadExamples(byArticle: ReadonlyArray<[string, number[]]>, n: number): Array<{ article: string; sentence: number }> {
  const out: Array<{ article: string; sentence: number }> = [];
  for (let round = 0; out.length < n; round++) {
    let any = false;
    for (const [id, list] of byArticle) {
      if (round < list.length && out.length < n) {
        out.push({ article: id, sentence: list[round] });
        any = true;
      }
    }
    if (!any) break;
  }
  return out;
}

/** Distinctive words per group against the rest (Fightin' Words z-scores) and JSD between groups' word distributions. */
export function distinctiveWordsTable(a: Analysis, { top = 20, alpha0 = DEFAULT_ALPHA0, examples = 3 } = {}) {
  const words = a.words;
  if (!words) throw new Error("distinctiveWordsTable needs the vocabulary: loadAnalysis(root, { words: true })");
  const usedSentences = new Set<string>();
  const byGrouping = (g: Grouping) => {
    const groups = groupList(a, g);
    const occ = words[g];
    const counts = new Map([...occ].map(([id, o]) => [id, o.counts as ReadonlyMap<string, number>]));
    return {
      groups: groups.map((grp) => {
        const o = occ.get(grp.id)!;
        const tokens = [...o.counts.values()].reduce((s, c) => s + c, 0);
        const words = fightinWords(counts, grp.id, { alpha0 })
          .filter((w) => w.count > 0)
          .slice(0, top)
          .map((w) => {
            const ex = spreadExamples(o.where.get(w.word)!, Math.min(examples, VOCABULARY_EXAMPLES));
            for (const e of ex) usedSentences.add(sentenceKey(e.article, e.sentence));
            return { word: w.word, form: commonest(o.forms.get(w.word)!), z: round4(w.z), delta: round4(w.delta), count: w.count, count_rest: w.count_rest, articles: o.articles.get(w.word)!, examples: ex };
          });
        return { ...grp, words_total: tokens, vocabulary: o.counts.size, words };
      }),
      jsd: pairwiseJensenShannon(groups.map((grp) => ({ group: grp.id, counts: counts.get(grp.id)! }))),
    };
  };
  const groupings = Object.fromEntries(GROUPINGS.map((g) => [g, byGrouping(g)]));
  // example sentences once each, keyed "article:index", in corpus order
  const sentences: Record<string, string> = {};
  for (const p of a.articles) for (const s of p.segmented.sentences) if (usedSentences.has(sentenceKey(p.article.meta.id, s.index))) sentences[sentenceKey(p.article.meta.id, s.index)] = s.text;
  return { method: { measure: "log-odds ratio, informative Dirichlet prior (Monroe, Colaresi & Quinn 2008)", prior: "corpus word shares", alpha0, words: "Porter stems, natural's English stopwords removed", top }, articles: articleList(a), groupings, sentences };
}
