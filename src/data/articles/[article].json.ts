// The reader's text layer of one article (--article=<id>): body, topics, apparatus.
// reads: data/corpus.yaml data/articles data/rules/actors.yaml data/rules/topics.yaml
// (no stance rule: a cue edit does not make 1,000 of these again; scripts/freshen.ts)
import { emitPageJson, routeParam } from "../../../loaders/emit.ts";
import { articleText } from "../../../loaders/reader.ts";

emitPageJson(() => articleText(routeParam("article")));
