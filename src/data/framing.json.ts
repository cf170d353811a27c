// Contested terms: which label of each concept each group and article uses, with the sentences. The work is in loaders/tables.ts.
import { emitJson } from "../../loaders/emit.ts";
import { loadAnalysis, framingTable } from "../../loaders/tables.ts";

emitJson(() => framingTable(loadAnalysis()));
