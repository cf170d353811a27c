// Topic coverage per group, JSD between groups' topic mixes, stance by (group, topic, actor). The work is in loaders/tables.ts.
import { emitText } from "../../loaders/emit.ts";
import { corpusTable } from "../../loaders/corpusTables.ts";

// computed with the other corpus-wide tables, from one reading of the corpus (loaders/corpusTables.ts)
emitText(() => corpusTable("topics"));
