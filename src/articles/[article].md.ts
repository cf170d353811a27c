// Page loader: one reader page per article, so each has its own title and description.
// reads: data/corpus.yaml
// (its title and outlet: a rule edit does not run 1,000 of these again; scripts/freshen.ts)
import { emitPageText, routeParam } from "../../loaders/emit.ts";
import { loadCorpus } from "../../loaders/corpus.ts";

emitPageText(() => {
  const id = routeParam("article");
  const meta = loadCorpus().articles.find((a) => a.id === id);
  if (!meta) throw new Error(`no article "${id}" in data/corpus.yaml`);
  const yamlString = (s: string) => JSON.stringify(s);
  return `---
title: ${yamlString(meta.title)}
description: ${yamlString(`${meta.title} (${meta.outlet}), read by Parallax: actor mentions coloured by stance, with the cues that decided them.`)}
toc: false
---

\`\`\`js
import {articleView} from "../components/reader.js";
\`\`\`

\`\`\`js
// The article's body in its original characters, and its actor mentions with stance and
// cues: two files, so a stance-rule edit rebuilds only the second
const article = FileAttachment(${JSON.stringify(`../data/articles/${meta.id}.json`)}).json();
const stances = FileAttachment(${JSON.stringify(`../data/stances/${meta.id}.json`)}).json();
\`\`\`


\`\`\`js
articleView(article, stances)
\`\`\`
`;
});
