// One actor's page data (route parameter --actor=<id>): stance by group and article, cues, evidence.
import { emitPageText, routeParam } from "../../../loaders/emit.ts";
import { actorPageJson } from "../../../loaders/actorIndex.ts";

emitPageText(() => actorPageJson(routeParam("actor")));
