// All rule files, loaded and cross-checked together (stance rules may name actors).
import { loadActorRules } from "./actorRules.ts";
import { loadStanceRules } from "./stanceRules.ts";
import type { Rules } from "../tagText.ts";

export function loadRules(root = process.cwd()): Rules {
  const actors = loadActorRules(root);
  return { actors, stance: loadStanceRules(actors, root) };
}
