// Stance by article and actor (one article per cell, so no interval).
import { emitText } from "../../loaders/emit.ts";
import { corpusTable } from "../../loaders/corpusTables.ts";

// computed with the other corpus-wide tables, from one reading of the corpus (loaders/corpusTables.ts)
emitText(() => corpusTable("stance-by-article"));
