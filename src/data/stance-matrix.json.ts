// Stance by (group, actor) under both groupings and by (article, actor), with article-bootstrap intervals. The work is in loaders/tables.ts.
import { emitJson } from "../../loaders/emit.ts";
import { loadAnalysis, stanceMatrixTable } from "../../loaders/tables.ts";

emitJson(() => stanceMatrixTable(loadAnalysis()));
