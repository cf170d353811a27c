// Stance by group and actor, under both groupings: the overview's matrix. The per-article
// cells, which grow with the corpus, are in stance-by-article.json.
import { emitText } from "../../loaders/emit.ts";
import { corpusTable } from "../../loaders/corpusTables.ts";

// computed with the other corpus-wide tables, from one reading of the corpus (loaders/corpusTables.ts)
emitText(() => corpusTable("stance-matrix"));
