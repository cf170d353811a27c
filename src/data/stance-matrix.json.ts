// Stance by group and actor, under both groupings: the overview's matrix. The per-article
// cells, which grow with the corpus, are in stance-by-article.json.
import { emitJson } from "../../loaders/emit.ts";
import { loadAnalysis, overviewStanceMatrix } from "../../loaders/tables.ts";

emitJson(() => overviewStanceMatrix(loadAnalysis()));
