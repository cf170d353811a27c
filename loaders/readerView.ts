// The reader's view of one article, computed from what the pipeline made of it: the body
// block by block in its ORIGINAL characters (curly quotes, dashes as the author wrote
// them), the actor mentions with their stance and cue spans, the topic tags, and the
// apparatus that cleaning set aside. Offsets in a block are the body offsets minus the
// block start: the display text has one character per body character, so highlights
// line up, and every mention carries its raw-file span.
//
// Two layers, each a pure function (loaders/reader.ts gathers what they read): the text
// (body, topics, apparatus: readerText) and the stances (mentions and cues: readerStances).
// The page loads them as two files, so a stance-rule edit rebuilds only the stance layer
// of each article.
import type { ArticleMention } from "./pipeline.ts";
import type { TopicRules } from "./rules/topicRules.ts";
import type { SentenceTopics } from "./topics.ts";
import type { CleanArticle } from "./types.ts";

/** The body span [start, end) in the characters of the raw file, line breaks as spaces. */
export function displayText(clean: CleanArticle, raw: string, start: number, end: number): string {
  const { body, rawOffsets } = clean;
  // the body's text, copied in runs: most characters are the raw file's own
  let out = "";
  let from = start;
  for (let i = start; i < end; i++) {
    const b = body[i];
    const r = raw[rawOffsets[i]];
    if (r === b) continue;
    // where cleaning straightened a quote, the raw character is what the author wrote;
    // replaced whitespace (a line break, NBSP) and inserted separators stay as in the body
    if (r !== undefined && !/\s/.test(r) && isSameQuote(b, r)) {
      out += body.slice(from, i) + r;
      from = i + 1;
    }
  }
  return out + body.slice(from, end);
}

function isSameQuote(body: string, raw: string): boolean {
  return (body === "'" && /[\u2018\u2019\u201B\u2032]/.test(raw)) || (body === '"' && /[\u201C\u201D\u201F\u2033]/.test(raw));
}

/**
 * The raw-file pieces a body span comes from: one piece normally, several when cleaning
 * joined text across a line break or removed material ("Mos-" … notes … "cow").
 */
export function rawPieces(clean: { body: string; rawOffsets: ArrayLike<number> }, start: number, end: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  for (let i = start; i < end; i++) {
    const r = clean.rawOffsets[i];
    const last = pieces[pieces.length - 1];
    if (last && r === last[1]) last[1] = r + 1;
    else if (!/\s/.test(clean.body[i])) pieces.push([r, r + 1]);
  }
  return pieces;
}

/**
 * The reader's text layer: the body block by block in the author's characters, each
 * block's topics, the article's topic counts and the apparatus. Nothing here depends on
 * the stance rules, so a cue edit leaves it as it is (the stance layer: readerStances).
 */
export function readerText(clean: CleanArticle, raw: string, sentences: ReadonlyArray<{ paragraph: number }>, sentenceTopics: SentenceTopics[], topicRules: TopicRules) {
  // topic tags: per sentence, shown on its paragraph, and counted for the article
  const topicLabel = new Map(topicRules.topics.map((t) => [t.id, t.label]));
  const topicCount = new Map<string, number>();
  const topicsByParagraph = new Map<number, Set<string>>();
  for (const st of sentenceTopics) {
    const paragraph = sentences[st.sentence].paragraph;
    for (const t of st.topics) {
      topicCount.set(t.topic, (topicCount.get(t.topic) ?? 0) + 1);
      topicsByParagraph.set(paragraph, (topicsByParagraph.get(paragraph) ?? new Set()).add(t.topic));
    }
  }
  return {
    topics: topicRules.topics.filter((t) => topicCount.has(t.id)).map((t) => ({ id: t.id, label: t.label, sentences: topicCount.get(t.id)! })),
    blocks: clean.blocks.map((b, i) => ({
      kind: b.kind,
      topics: [...(topicsByParagraph.get(i) ?? [])].map((t) => topicLabel.get(t) ?? t),
      start: b.start,
      text: displayText(clean, raw, b.start, b.end),
    })),
    apparatus: clean.apparatus.map((a) => ({ kind: a.kind, text: a.text })),
  };
}

/**
 * The reader's stance layer: the mention counts, and each block's mentions (in the text
 * layer's block order) with their stance, score, rules and cue spans, offsets relative
 * to the block, and the raw-file pieces each comes from.
 */
export function readerStances(layout: Pick<CleanArticle, "body" | "blocks"> & { rawOffsets: ArrayLike<number> }, mentions: ArticleMention[]) {
  const { blocks } = layout;
  // each mention filed under the block it lies in, in mention order: the blocks follow one
  // another without overlapping (loaders/clean.ts), so that is the last block starting at
  // or before the mention, if the mention ends within it (one pass, not one per block)
  const inBlock: ArticleMention[][] = blocks.map(() => []);
  for (const m of mentions) {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].start <= m.start) lo = mid;
      else hi = mid - 1;
    }
    const b = blocks[lo];
    if (b && m.start >= b.start && m.end <= b.end) inBlock[lo].push(m);
  }
  return {
    counts: {
      mentions: mentions.length,
      favorable: mentions.filter((m) => m.stance === "favorable").length,
      neutral: mentions.filter((m) => m.stance === "neutral").length,
      unfavorable: mentions.filter((m) => m.stance === "unfavorable").length,
    },
    mentions: blocks.map((b, i) =>
      inBlock[i].map((m) => ({
        start: m.start - b.start,
        end: m.end - b.start,
        rawStart: m.rawStart,
        rawEnd: m.rawEnd,
        rawPieces: rawPieces(layout, m.start, m.end),
        actor: m.actor,
        stance: m.stance,
        score: m.score,
        rules: m.rules,
        cues: m.cues.filter((c) => c.rule !== "sentence-tone" && c.start >= b.start && c.end <= b.end).map((c) => ({ start: c.start - b.start, end: c.end - b.start, rule: c.rule, role: c.role, weight: c.weight })),
      })),
    ),
  };
}

export type ReaderText = ReturnType<typeof readerText>;
export type ReaderStances = ReturnType<typeof readerStances>;
