// Where sources diverge most, per actor: the overview's ranked list. The per-topic gaps
// are in divergence-by-topic.json.
import { emitJson } from "../../loaders/emit.ts";
import { loadAnalysis, overviewDivergence } from "../../loaders/tables.ts";

emitJson(() => overviewDivergence(loadAnalysis()));
