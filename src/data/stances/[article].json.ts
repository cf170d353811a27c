// The reader's stance layer of one article (--article=<id>): its mentions, stances and cues.
// reads: data/corpus.yaml data/articles data/rules/actors.yaml data/rules/stance.yaml
// (no topic or framing rule: an edit of those does not make 1,000 of these again)
import { emitPageJson, routeParam } from "../../../loaders/emit.ts";
import { articleStances } from "../../../loaders/reader.ts";

emitPageJson(() => articleStances(routeParam("article")));
