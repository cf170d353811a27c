// Every actor mention with its sentence and cue spans, shaped for the pages: offsets are
// made relative to the sentence so a page can highlight without the article body.
import { runPipeline } from "./pipeline.ts";

export interface EvidenceRow {
  article: string;
  group: string;
  author_origin: string;
  sentence: string;
  sentenceIndex: number;
  actor: string;
  mention: string;
  /** mention span within `sentence` */
  start: number;
  end: number;
  /** same span in the raw article file */
  rawStart: number;
  rawEnd: number;
  stance: string;
  score: number;
  rules: string[];
  via: string;
  /** cue spans within `sentence`: [start, end, rule, role, weight] */
  cues: Array<[number, number, string, string, number]>;
}

export function mentionEvidence(root = process.cwd()) {
  const { corpus, prepared, rules, mentions } = runPipeline(root);
  const byId = new Map(prepared.map((p) => [p.article.meta.id, p]));
  const rows: EvidenceRow[] = mentions.map((m) => {
    const p = byId.get(m.article)!;
    const s = p.segmented.sentences[m.sentence];
    return {
      article: m.article,
      group: p.article.meta.group,
      author_origin: p.article.meta.author_origin,
      sentence: s.text,
      sentenceIndex: m.sentence,
      actor: m.actor,
      mention: m.text,
      start: m.start - s.start,
      end: m.end - s.start,
      rawStart: m.rawStart,
      rawEnd: m.rawEnd,
      stance: m.stance,
      score: m.score,
      rules: m.rules,
      via: m.via,
      cues: m.cues.map((c) => [c.start - s.start, c.end - s.start, c.rule, c.role, c.weight]),
    };
  });
  return {
    groups: corpus.groups,
    origins: corpus.origins,
    actors: rules.actors.actors.map((a) => ({ id: a.id, label: a.label, kind: a.kind })),
    articles: prepared.map((p) => ({ id: p.article.meta.id, title: p.article.meta.title, group: p.article.meta.group, author_origin: p.article.meta.author_origin })),
    mentions: rows,
  };
}
