// Where sources diverge most, per actor within each topic.
import { emitJson } from "../../loaders/emit.ts";
import { loadAnalysis, topicDivergence } from "../../loaders/tables.ts";

emitJson(() => topicDivergence(loadAnalysis()));
