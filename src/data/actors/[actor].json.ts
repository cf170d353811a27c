// One actor's page data (route parameter --actor=<id>): stance by group and article, cues, evidence.
import { emitPageJson, routeParam } from "../../../loaders/emit.ts";
import { actorPage } from "../../../loaders/actorPage.ts";

emitPageJson(() => actorPage(routeParam("actor")));
