// Topic coverage per group, JSD between groups' topic mixes, stance by (group, topic, actor). The work is in loaders/tables.ts.
import { emitJson } from "../../loaders/emit.ts";
import { loadAnalysis, topicsTable } from "../../loaders/tables.ts";

emitJson(() => topicsTable(loadAnalysis()));
