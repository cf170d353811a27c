// A synthetic corpus of N articles for the benchmark, made from the seed articles: each
// article is a run of paragraphs of the seeds' cleaned bodies, some of them re-mixed
// sentence by sentence, sampled with a fixed seed so that every run measures the same
// text. Written as a project of its own (data/corpus.yaml, data/articles/, a copy of
// data/rules/) so the real pipeline reads it exactly as it reads the seeds.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { loadCorpus, readArticles } from "../corpus.ts";
import { cleanArticle } from "../clean.ts";
import { mulberry32 } from "../measures/numbers.ts";
import { splitSentences } from "../segment.ts";

/** The seeded generator the measures use (mulberry32): the same sequence on every machine. */
export const random = mulberry32;

export interface SyntheticCorpus {
  dir: string;
  articles: number;
  bytes: number;
}

export function writeSyntheticCorpus(from: string, dir: string, n: number, seed = 1): SyntheticCorpus {
  const corpus = loadCorpus(from);
  const paragraphs: string[] = [];
  const sentences: string[] = [];
  const sizes: number[] = [];
  for (const article of readArticles(corpus, from)) {
    const clean = cleanArticle(article);
    sizes.push(article.raw.length);
    for (const b of clean.blocks) {
      if (b.kind !== "paragraph") continue;
      const text = clean.body.slice(b.start, b.end);
      paragraphs.push(text);
      for (const [s, e] of splitSentences(text)) sentences.push(text.slice(s, e));
    }
  }
  const meanSize = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const rand = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

  mkdirSync(join(dir, "data", "articles"), { recursive: true });
  cpSync(join(from, "data", "rules"), join(dir, "data", "rules"), { recursive: true });
  const entries = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    // article sizes spread from a third to twice the seeds' mean
    const target = meanSize * (0.33 + rand() * 1.67);
    const parts: string[] = [];
    let size = 0;
    while (size < target) {
      const p = rand() < 0.3 ? Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(sentences)).join(" ") : pick(paragraphs);
      parts.push(p);
      size += p.length + 2;
    }
    const id = `synthetic-${String(i).padStart(5, "0")}`;
    const file = `${id}.txt`;
    const text = parts.join("\n\n") + "\n";
    writeFileSync(join(dir, "data", "articles", file), text);
    bytes += Buffer.byteLength(text);
    const group = corpus.groups[i % corpus.groups.length].id;
    const origin = corpus.origins[i % corpus.origins.length].id;
    entries.push({
      id,
      file,
      title: `Synthetic article ${i + 1}`,
      author: "unknown",
      outlet: "Synthetic",
      group,
      author_origin: origin,
      published: `20${20 + (i % 5)}-0${1 + (i % 9)}`,
      url: null,
      attribution: "synthetic benchmark text sampled from the seed articles",
    });
  }
  writeFileSync(
    join(dir, "data", "corpus.yaml"),
    `# Synthetic benchmark corpus (${n} articles, seed ${seed}), sampled from the seeds.\n` +
      stringify({ groups: corpus.groups, origins: corpus.origins, articles: entries }),
  );
  return { dir, articles: n, bytes };
}
