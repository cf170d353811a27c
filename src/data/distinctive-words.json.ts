// Distinctive words per group (Fightin' Words z-scores) and JSD between groups' word distributions. The work is in loaders/tables.ts.
import { emitJson } from "../../loaders/emit.ts";
import { loadAnalysis, distinctiveWordsTable } from "../../loaders/tables.ts";

emitJson(() => distinctiveWordsTable(loadAnalysis(undefined, { words: true })));
