// One article for the reader page, named by the route parameter (--article=<id>).
import { parseArgs } from "node:util";
import { emitJson } from "../../../loaders/emit.ts";
import { articleReader } from "../../../loaders/reader.ts";

const { values } = parseArgs({ options: { article: { type: "string" } } });
emitJson(() => articleReader(values.article!));
