// Every actor's mentions, filed by actor in one pass over the corpus, so that each actor
// page (a process of its own in the build) reads one small file instead of every article's
// parts: with 19 actors that is one corpus pass instead of 19.
//
//   .cache/actors/<key>/<actor>.jsonl    one filed mention per line
//
// The key hashes the cache names of every article's outline, mentions and topics parts,
// which already stand for the article's text and the rules and code each part depends on:
// an edited article or rule gives a new key, so the index is never stale. It is written
// into a temporary directory renamed into place when complete, so concurrent loaders never
// read half an index, and older indexes are removed when a new one is made.
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { loadCorpus, readArticle } from "./corpus.ts";
import { articleParts, corpusPass, loadAllRules, type AllRules } from "./digest.ts";
import { outlineSentences } from "./outline.ts";
import { PARTS, partFiles, partsDir } from "./partCache.ts";
import type { ArticleMention } from "./pipeline.ts";
import type { Corpus } from "./types.ts";

/** A mention with what its actor's page shows next to it: the sentence and its topics. */
export interface FiledMention {
  mention: ArticleMention;
  sentence: { start: number; text: string };
  topics: string[];
}

export interface ActorMentions extends AllRules {
  corpus: Corpus;
  mentions: FiledMention[];
}

/** Appended to a file once this many characters are waiting, so memory stays flat. */
const FLUSH_CHARS = 1 << 20;

/** One actor's filed mentions, from the index (made on first use) or, with caching off, from a pass of its own. */
export function actorMentions(id: string, root = process.cwd()): ActorMentions {
  const corpus = loadCorpus(root);
  const all = loadAllRules(root);
  const parts = partsDir(root);
  if (!parts) {
    const mentions: FiledMention[] = [];
    fileEveryMention(corpus, root, all, (actor, filed) => actor === id && mentions.push(filed));
    return { corpus, ...all, mentions };
  }
  const base = join(parts, "..", "actors");
  const dir = join(base, indexKey(corpus, root));
  if (!existsSync(dir)) writeIndex(corpus, root, all, base, dir);
  const file = join(dir, `${encodeURIComponent(id)}.jsonl`);
  const mentions = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line)
        .map((line) => JSON.parse(line) as FiledMention)
    : [];
  return { corpus, ...all, mentions };
}

/** Hash of every article's part cache names (the parts' own keys), in corpus order. */
function indexKey(corpus: Corpus, root: string): string {
  const h = createHash("sha256").update("actor-index-1\0");
  for (const meta of corpus.articles) {
    // outline, mentions and topics; the framing part is not read here
    for (const f of partFiles(readArticle(meta, root), root)) if (basename(dirname(f)) !== PARTS.framing.name) h.update(basename(f)).update("\0");
  }
  return h.digest("hex").slice(0, 40);
}

/** Streams every article's parts once, handing each mention to `file` with its sentence and topics. */
function fileEveryMention(corpus: Corpus, root: string, all: AllRules, file: (actor: string, filed: FiledMention) => unknown): void {
  for (const [i, meta] of corpus.articles.entries()) {
    const { outline, mentions, topics } = articleParts(readArticle(meta, root), root, all);
    corpusPass.onProgress?.(i + 1, corpus.articles.length);
    if (!mentions.length) continue;
    const sentences = outlineSentences(outline);
    const topicsOf = new Map(topics.map((t) => [t.sentence, t.topics.map((x) => x.topic)]));
    for (const m of mentions) {
      const s = sentences[m.sentence];
      file(m.actor, { mention: m, sentence: { start: s.start, text: s.text }, topics: topicsOf.get(m.sentence) ?? [] });
    }
  }
}

function writeIndex(corpus: Corpus, root: string, all: AllRules, base: string, dir: string): void {
  const tmp = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  mkdirSync(tmp, { recursive: true });
  const waiting = new Map<string, string[]>();
  const size = new Map<string, number>();
  const flush = (actor: string) => {
    appendFileSync(join(tmp, `${encodeURIComponent(actor)}.jsonl`), waiting.get(actor)!.join(""));
    waiting.set(actor, []);
    size.set(actor, 0);
  };
  fileEveryMention(corpus, root, all, (actor, filed) => {
    const line = JSON.stringify(filed) + "\n";
    if (!waiting.has(actor)) waiting.set(actor, []);
    waiting.get(actor)!.push(line);
    size.set(actor, (size.get(actor) ?? 0) + line.length);
    if (size.get(actor)! > FLUSH_CHARS) flush(actor);
  });
  for (const actor of waiting.keys()) flush(actor);
  try {
    renameSync(tmp, dir);
  } catch {
    // another loader finished the same index first: theirs is identical
    rmSync(tmp, { recursive: true, force: true });
    return;
  }
  // older indexes (other rules or articles) are never read again
  for (const entry of readdirSync(base)) {
    if (entry !== basename(dir) && /^[0-9a-f]{40}$/.test(entry)) rmSync(join(base, entry), { recursive: true, force: true });
  }
}
