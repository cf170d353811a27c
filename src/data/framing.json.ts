// Contested terms: which label of each concept each group and article uses, with the sentences. The work is in loaders/tables.ts.
import { emitText } from "../../loaders/emit.ts";
import { corpusTable } from "../../loaders/corpusTables.ts";

// computed with the other corpus-wide tables, from one reading of the corpus (loaders/corpusTables.ts)
emitText(() => corpusTable("framing"));
