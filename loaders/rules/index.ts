// All rule files, loaded and cross-checked together (stance rules may name actors).
import { loadActorRules } from "./actorRules.ts";
import { loadStanceRules } from "./stanceRules.ts";
import { loadTopicRules } from "./topicRules.ts";
import { loadFramingRules } from "./framingRules.ts";
import type { Rules } from "../tagText.ts";

export function loadRules(root = process.cwd()): Rules {
  const actors = loadActorRules(root);
  return { actors, stance: loadStanceRules(actors, root) };
}

/** Every rule file, checked before a build so a mistake stops it early with file and line. */
export function checkAllRules(root = process.cwd()): void {
  const { actors } = loadRules(root);
  loadTopicRules(actors, root);
  loadFramingRules(actors, root);
}
