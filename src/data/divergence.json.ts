// Where sources diverge most, per actor: the overview's ranked list. The per-topic gaps
// are in divergence-by-topic.json.
import { emitText } from "../../loaders/emit.ts";
import { corpusTable } from "../../loaders/corpusTables.ts";

// computed with the other corpus-wide tables, from one reading of the corpus (loaders/corpusTables.ts)
emitText(() => corpusTable("divergence"));
