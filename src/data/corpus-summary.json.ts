// The corpus at a glance: groups (id, label, colour) and one row per article with its
// size and the apparatus removed in cleaning. All the work is in loaders/summary.ts;
// this file only writes its result. Bad input stops the build with file and line.
// packed: one array per article (src/components/corpus.js unpacks it)
import { emitText } from "../../loaders/emit.ts";
import { corpusTable } from "../../loaders/corpusTables.ts";

// computed with the other corpus-wide tables, from one reading of the corpus (loaders/corpusTables.ts)
emitText(() => corpusTable("corpus-summary"));
