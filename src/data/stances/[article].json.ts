// The reader's stance layer of one article (--article=<id>): its mentions, stances and cues.
// reads: data/corpus.yaml data/articles data/rules/actors.yaml data/rules/stance.yaml
// (no topic or framing rule: an edit of those does not make 1,000 of these again)
import { emitPageText, routeParam } from "../../../loaders/emit.ts";
import { stanceLayerJson } from "../../../loaders/reader.ts";

// as JSON text: most layers were filed by the actor index's pass (loaders/reader.ts)
emitPageText(() => stanceLayerJson(routeParam("article")));
