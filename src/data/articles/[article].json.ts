// One article for the reader page, named by the route parameter (--article=<id>).
import { emitPageJson, routeParam } from "../../../loaders/emit.ts";
import { articleReader } from "../../../loaders/reader.ts";

emitPageJson(() => articleReader(routeParam("article")));
