// Every data loader of the site, as the benchmark runs them: the same functions the files
// under src/data call, each one over the whole (cached) corpus. Actor and article pages
// are one entry each, covering every actor and every article.
import { loadCorpus } from "../corpus.ts";
import { corpusSummary, packSummary } from "../summary.ts";
import { mentionEvidence } from "../evidence.ts";
import { ruleUsage } from "../ruleUsage.ts";
import { actorPage } from "../actorPage.ts";
import { articleReader } from "../reader.ts";
import { loadActorRules } from "../rules/actorRules.ts";
import { articleStanceTable, distinctiveWordsTable, framingTable, loadAnalysis, overviewDivergence, overviewStanceMatrix, topicDivergence, topicsTable } from "../tables.ts";

/** Names in the order the benchmark runs and reports them. */
export const BENCH_LOADERS = [
  "corpus-summary",
  "mentions",
  "rule-usage",
  "stance-matrix",
  "stance-by-article",
  "divergence",
  "divergence-by-topic",
  "topics",
  "framing",
  "distinctive-words",
  "actor pages",
  "article pages",
] as const;
export type BenchLoader = (typeof BENCH_LOADERS)[number];

/** The ids a page loader runs for: one process per actor page, as in the build. */
export function pageIds(name: BenchLoader, root: string): string[] | null {
  return name === "actor pages" ? loadActorRules(root).actors.map((a) => a.id) : null;
}

/**
 * Runs one loader over the corpus at `root` (a page loader for `ids`, default all); returns
 * the bytes of JSON it wrote. `onPage` hears how many pages are done.
 */
export function runBenchLoader(name: BenchLoader, root: string, ids?: string[], onPage?: (done: number, total: number) => void): number {
  const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
  // pages: one output per actor or article, as the build writes them
  const each = (ids: string[], f: (id: string) => unknown) =>
    ids.reduce((n, id, i) => {
      const b = bytes(f(id));
      onPage?.(i + 1, ids.length);
      return n + b;
    }, 0);
  switch (name) {
    case "corpus-summary":
      return bytes(packSummary(corpusSummary(root)));
    case "mentions":
      return bytes(mentionEvidence(root));
    case "rule-usage":
      return bytes(ruleUsage(root));
    case "stance-matrix":
      return bytes(overviewStanceMatrix(loadAnalysis(root)));
    case "stance-by-article":
      return bytes(articleStanceTable(loadAnalysis(root)));
    case "divergence":
      return bytes(overviewDivergence(loadAnalysis(root)));
    case "divergence-by-topic":
      return bytes(topicDivergence(loadAnalysis(root)));
    case "topics":
      return bytes(topicsTable(loadAnalysis(root)));
    case "framing":
      return bytes(framingTable(loadAnalysis(root)));
    case "distinctive-words":
      return bytes(distinctiveWordsTable(loadAnalysis(root, { words: true })));
    case "actor pages":
      return each(ids ?? loadActorRules(root).actors.map((a) => a.id), (id) => actorPage(id, root));
    case "article pages":
      return each(ids ?? loadCorpus(root).articles.map((a) => a.id), (id) => articleReader(id, root));
  }
}
