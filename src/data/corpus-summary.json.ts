// The corpus at a glance: groups (id, label, colour) and one row per article with its
// size and the apparatus removed in cleaning. All the work is in loaders/summary.ts;
// this file only writes its result. Bad input stops the build with file and line.
import { emitJson } from "../../loaders/emit.ts";
import { corpusSummary, packSummary } from "../../loaders/summary.ts";

// packed: one array per article (src/components/corpus.js unpacks it)
emitJson(() => packSummary(corpusSummary()));
