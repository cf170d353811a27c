// Topics of a sentence: every topic one of whose rules (data/rules/topics.yaml) matches
// the sentence's tokens, with the ids of the rules that matched and where. Pure: tokens
// (and the actor mentions of the sentence, for ACTOR tests) in, topic hits out.
import { findMatches, type MatchContext } from "./matcher.ts";
import type { PreparedArticle } from "./pipeline.ts";
import type { TopicRules } from "./rules/topicRules.ts";
import type { Token } from "./types.ts";

export interface TopicHit {
  topic: string;
  /** ids of the topic's rules that matched, in file order */
  rules: string[];
  /** token spans [start, end) of the matches, in sentence order */
  spans: Array<[number, number]>;
}

/** ACTOR context from body-offset mentions: token i is part of the mention that covers its start. */
export function actorContext(tokens: Token[], mentions: ReadonlyArray<{ start: number; end: number; actor: string }>): MatchContext {
  if (mentions.length === 0) return {};
  const at = tokens.map((t) => mentions.find((m) => t.start >= m.start && t.start < m.end)?.actor);
  return { actorAt: (i) => at[i] };
}

export function sentenceTopics(tokens: Token[], rules: TopicRules, ctx: MatchContext = {}): TopicHit[] {
  const hits: TopicHit[] = [];
  for (const topic of rules.topics) {
    const matched: string[] = [];
    const spans: Array<[number, number]> = [];
    for (const rule of topic.rules) {
      let any = false;
      for (const p of rule.patterns)
        for (const m of findMatches(p, tokens, ctx)) {
          any = true;
          spans.push([m.start, m.end]);
        }
      if (any) matched.push(rule.id);
    }
    if (matched.length > 0) {
      spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      hits.push({ topic: topic.id, rules: matched, spans: dedupe(spans) });
    }
  }
  return hits;
}

function dedupe(spans: Array<[number, number]>): Array<[number, number]> {
  return spans.filter((s, i) => i === 0 || s[0] !== spans[i - 1][0] || s[1] !== spans[i - 1][1]);
}

export interface SentenceTopics {
  article: string;
  sentence: number;
  topics: TopicHit[];
}

type SentenceMention = { article: string; sentence: number; start: number; end: number; actor: string };

/** Mentions keyed by "article\0sentence": the actors a sentence's ACTOR patterns can see. */
export function mentionsBySentence(mentions: ReadonlyArray<SentenceMention>): Map<string, SentenceMention[]> {
  const bySentence = new Map<string, SentenceMention[]>();
  for (const m of mentions) {
    const key = `${m.article}\u0000${m.sentence}`;
    const list = bySentence.get(key) ?? [];
    list.push(m);
    bySentence.set(key, list);
  }
  return bySentence;
}

/** Topics of every sentence of the corpus that has one, in article and sentence order. */
export function tagTopics(
  prepared: ReadonlyArray<Pick<PreparedArticle, "article" | "segmented">>,
  mentions: ReadonlyArray<{ article: string; sentence: number; start: number; end: number; actor: string }>,
  rules: TopicRules,
): SentenceTopics[] {
  const bySentence = mentionsBySentence(mentions);
  const out: SentenceTopics[] = [];
  for (const p of prepared) {
    const id = p.article.meta.id;
    for (const s of p.segmented.sentences) {
      const ctx = actorContext(s.tokens, bySentence.get(`${id}\u0000${s.index}`) ?? []);
      const topics = sentenceTopics(s.tokens, rules, ctx);
      if (topics.length > 0) out.push({ article: id, sentence: s.index, topics });
    }
  }
  return out;
}
