// Distinctive words per group (Fightin' Words z-scores) and JSD between groups' word distributions. The work is in loaders/tables.ts.
import { emitText } from "../../loaders/emit.ts";
import { corpusTable } from "../../loaders/corpusTables.ts";

// computed with the other corpus-wide tables, from one reading of the corpus (loaders/corpusTables.ts)
emitText(() => corpusTable("distinctive-words"));
