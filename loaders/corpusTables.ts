// The corpus-wide tables (src/data/*.json.ts) computed together, from one reading of the
// slim digest (loaders/analysisIndex.ts), and filed once per corpus state:
//
//   .cache/tables/<group>/<key>/<table>.json   (follows PARALLAX_ARTICLE_CACHE: =off disables it)
//
// Each table loader runs in a process of its own (or as one output of a pre-runner
// process: scripts/prerun.ts), and each used to read the whole slim digest again for its
// one table: at 1,000 articles eight readings of ~2 s, and the stance matrix computed
// twice. Now the first table loader of a group computes the group's tables and files
// them; the others read their own file. A group's key covers everything its tables depend
// on (tablesKey): the part caches they read (so the articles, and for the stance tables the
// rules), the corpus and rule files themselves (groups, actor and topic order) and the code
// under loaders/; an older directory is removed when a new one is filed.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { analysisIndexKey } from "./analysisIndex.ts";
import { hashSources, whileHolding, writeIndexDir } from "./indexDir.ts";
import { loadCorpus } from "./corpus.ts";
import { currentPartFiles, PARTS, partsDir } from "./partCache.ts";
import { packSummary, summariseCorpus } from "./summary.ts";
import {
  articleStanceTable,
  distinctiveWordsTable,
  framingTable,
  loadAnalysis,
  overviewDivergence,
  overviewStanceMatrix,
  stanceMatrixTable,
  topicDivergence,
  topicStanceCells,
  topicsTable,
  type Analysis,
} from "./tables.ts";

export const CORPUS_TABLES = ["corpus-summary", "distinctive-words", "stance-matrix", "stance-by-article", "divergence", "divergence-by-topic", "topics", "framing"] as const;
export type CorpusTable = (typeof CORPUS_TABLES)[number];

/**
 * The tables in two groups, each computed from its own reading: the word table needs each
 * group's vocabulary summed, the largest thing a loader holds, and the others never read
 * it. Together in one process they peaked at 724 MB at 1,000 articles; apart, two processes
 * compute them side by side.
 */
const GROUPS: Record<string, readonly CorpusTable[]> = {
  words: ["distinctive-words"],
  stance: ["corpus-summary", "stance-matrix", "stance-by-article", "divergence", "divergence-by-topic", "topics", "framing"],
};
const groupOf = (table: CorpusTable) => Object.keys(GROUPS).find((g) => GROUPS[g].includes(table))!;

/**
 * A group's tables, one after another, each handed to `put` as soon as it is made. The
 * stance matrix is computed once for the two files cut from it and the divergence list,
 * which ranks its (group, actor) cells; the topic cells once for the per-topic gaps and
 * the topics table.
 */
export function computeCorpusTables(root: string, group: string, put: (table: CorpusTable, value: unknown) => void): void {
  if (group === "words") {
    put("distinctive-words", distinctiveWordsTable(loadAnalysis(root, { words: true })));
    return;
  }
  const a: Analysis = loadAnalysis(root);
  // working memory collected between the two phases, the matrix tables and the topic
  // tables: V8 would rather grow the heap (a pre-runner process has gc exposed; elsewhere
  // this is a no-op). Collected after every table instead, the group took 5.7-5.8 s at
  // 1,000 articles (peak 356 MB), against 5.0-5.5 s (386 MB) so
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  put("corpus-summary", packSummary(summariseCorpus(a)));
  const matrix = stanceMatrixTable(a);
  put("stance-matrix", overviewStanceMatrix(a, {}, matrix));
  put("stance-by-article", articleStanceTable(a, {}, matrix));
  put("divergence", overviewDivergence(a, matrix));
  collect();
  // the (group, topic, actor) cells, shared by the two tables below; the maps that filed
  // them collected before the per-topic gaps are computed
  const topicCells = topicStanceCells(a);
  collect();
  put("divergence-by-topic", topicDivergence(a, topicCells));
  put("topics", topicsTable(a, {}, topicCells));
  put("framing", framingTable(a));
}

/** One table's JSON text: from the filed tables, or its group computed and filed first. */
export function corpusTable(table: CorpusTable, root = process.cwd()): string {
  const group = groupOf(table);
  const parts = partsDir(root);
  if (!parts) {
    let text = "";
    computeCorpusTables(root, group, (name, value) => void (name === table && (text = JSON.stringify(value))));
    return text;
  }
  const dir = join(parts, "..", "tables", group, tablesKey(root, group));
  const file = join(dir, `${table}.json`);
  if (!existsSync(dir))
    whileHolding(`${dir}.lock`, () => existsSync(dir), () =>
      writeIndexDir(dir, GROUPS[group].map((t) => `${t}.json`), (put) => computeCorpusTables(root, group, (name, value) => put(`${name}.json`, JSON.stringify(value)))),
    );
  // one line per file: the JSON and the newline the index writer ends it with
  return readFileSync(file, "utf8").slice(0, -1);
}

/**
 * What a group's tables depend on. The word table reads each article's outline (its
 * vocabulary and sentences) and the corpus description, never the rules: a rule edit
 * keeps it. The stance tables read every part (the slim digest's key) and the rules.
 */
function tablesKey(root: string, group: string): string {
  const h = createHash("sha256").update(`corpus-tables ${group}\0`);
  if (group === "words") {
    for (const meta of loadCorpus(root).articles) h.update(basename(currentPartFiles(meta, root, [PARTS.outline])[0])).update("\0");
  } else h.update(analysisIndexKey(root)).update("\0");
  hashSources(h, root, { rules: group !== "words" });
  return h.digest("hex").slice(0, 40);
}
