// Page loader: one page per actor, so each has its own title and description.
// reads: data/rules/actors.yaml
// (its label: scripts/freshen.ts)
import { emitPageText, routeParam } from "../../loaders/emit.ts";
import { loadActorRules } from "../../loaders/rules/actorRules.ts";

emitPageText(() => {
  const id = routeParam("actor");
  const actor = loadActorRules().byId.get(id);
  if (!actor) throw new Error(`no actor "${id}" in data/rules/actors.yaml`);
  return `---
title: ${JSON.stringify(`${actor.label}: how sources portray it`)}
description: ${JSON.stringify(`How Turkish, Iranian, US-affiliated and Pakistani sources portray ${actor.label}: stance by group and article, the cues behind it, and the evidence sentences.`)}
toc: false
---

\`\`\`js
import * as Inputs from "@observablehq/inputs";
import {actorHeader, actorView} from "../components/actor.js";
\`\`\`

\`\`\`js
// Stance towards this actor by group and by article, the cues and the evidence.
const data = FileAttachment(${JSON.stringify(`../data/actors/${actor.id}.json`)}).json();
\`\`\`

\`\`\`js
actorHeader(data)
\`\`\`

\`\`\`js
const grouping = view(Inputs.radio(new Map([["Outlet affiliation", "group"], ["Author origin", "author_origin"]]), {label: "Group sources by", value: "group"}));
\`\`\`

\`\`\`js
actorView(data, {grouping, width})
\`\`\`
`;
});
