// Every actor mention in the corpus with its stance, score, the rules that fired and the
// cue spans, for the evidence view. The work is in loaders/evidence.ts.
import { emitJson } from "../../loaders/emit.ts";
import { mentionEvidence } from "../../loaders/evidence.ts";

emitJson(() => mentionEvidence());
