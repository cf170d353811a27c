// Stance matrix (actor × group) under both groupings, with intervals, and the ranked list
// of divergences with a sentence per side (overview page). The work is in loaders/overview.ts.
import { emitJson } from "../../loaders/emit.ts";
import { overview } from "../../loaders/overview.ts";

emitJson(() => overview());
