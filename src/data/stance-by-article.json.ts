// Stance by article and actor (one article per cell, so no interval).
import { emitJson } from "../../loaders/emit.ts";
import { loadAnalysis, articleStanceTable } from "../../loaders/tables.ts";

emitJson(() => articleStanceTable(loadAnalysis()));
