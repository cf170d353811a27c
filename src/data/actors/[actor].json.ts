// One actor's page data (route parameter --actor=<id>): stance by group and article, cues, evidence.
import { parseArgs } from "node:util";
import { emitJson } from "../../../loaders/emit.ts";
import { actorPage } from "../../../loaders/actorPage.ts";

const { values } = parseArgs({ options: { actor: { type: "string" } } });
emitJson(() => actorPage(values.actor!));
