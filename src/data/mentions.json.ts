// Every actor mention in the corpus counted, and the strongest with their sentences and cue
// spans, for the evidence view. The work is in loaders/evidence.ts, filed by the actor
// index's pass (loaders/actorIndex.ts).
import { emitText } from "../../loaders/emit.ts";
import { evidenceJson } from "../../loaders/actorIndex.ts";

emitText(() => evidenceJson());
