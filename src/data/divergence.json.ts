// Where groups diverge most, per actor and per actor × topic, with a sentence per side. The work is in loaders/tables.ts.
import { emitJson } from "../../loaders/emit.ts";
import { loadAnalysis, divergenceTable } from "../../loaders/tables.ts";

emitJson(() => divergenceTable(loadAnalysis()));
