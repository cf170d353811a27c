// Firing counts per group and sample matches for every rule (Rules page).
import { emitJson } from "../../loaders/emit.ts";
import { ruleUsage } from "../../loaders/ruleUsage.ts";

emitJson(() => ruleUsage());
