// Firing counts per group and sample matches for every rule (Rules page), filed by the
// actor index's pass (loaders/actorIndex.ts; the work is in loaders/ruleUsage.ts).
import { emitText } from "../../loaders/emit.ts";
import { ruleUsageJson } from "../../loaders/actorIndex.ts";

emitText(() => ruleUsageJson());
