// The article reader: metadata, the body with actor mentions coloured by stance and cue
// words marked, and the apparatus (references, notes, bio…) collapsed below. Text is
// inserted as text nodes only: nothing from an article is ever parsed as HTML.

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

/** A block's text with mention and cue spans wrapped, each carrying its offsets. */
function blockContent(block, mentions, actorLabel) {
  const spans = [];
  for (const m of mentions) {
    spans.push({start: m.start, end: m.end, mention: m});
    for (const c of m.cues) spans.push({start: c.start, end: c.end, cue: c});
  }
  spans.sort((a, b) => a.start - b.start || (a.mention ? -1 : 1));
  const out = [];
  let at = 0;
  const seen = new Set();
  for (const s of spans) {
    if (s.start < at) continue; // overlapping: the earlier span wins
    const key = `${s.start}-${s.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(document.createTextNode(block.text.slice(at, s.start)));
    const text = block.text.slice(s.start, s.end);
    if (s.mention) {
      const m = s.mention;
      const span = el("span", {className: `mention stance-${m.stance}`, textContent: text});
      span.title = `${actorLabel(m.actor)}: ${m.stance} (${m.score > 0 ? "+" : ""}${m.score.toFixed(2)})${m.rules.length ? ` · ${m.rules.join(", ")}` : ""}`;
      span.dataset.actor = m.actor;
      span.dataset.rawStart = m.rawStart;
      span.id = `m-${m.rawStart}`; // actor pages link here
      span.dataset.rawEnd = m.rawEnd;
      span.dataset.rawPieces = m.rawPieces.map(([s, e]) => `${s}-${e}`).join(",");
      out.push(span);
    } else {
      const c = s.cue;
      const mark = el("mark", {className: c.weight < 0 ? "cue cue-negative" : "cue cue-positive", textContent: text});
      mark.title = `${c.rule} (${c.role}) ${c.weight > 0 ? "+" : ""}${c.weight}`;
      out.push(mark);
    }
    at = s.end;
  }
  out.push(document.createTextNode(block.text.slice(at)));
  return out;
}

/**
 * The reader: `article` is the text layer (data/articles/<id>.json), `stances` the stance
 * layer (data/stances/<id>.json): the mentions of each of the text's blocks, in order.
 */
export function articleView(article, stances) {
  const labels = new Map(article.actors.map((a) => [a.id, a.label]));
  const actorLabel = (id) => labels.get(id) ?? id;
  const {meta} = article;
  const {counts} = stances;
  // both files come from the same cleaned text; if they ever disagree, say so, never misplace a mention
  if (stances.mentions.length !== article.blocks.length) throw new Error(`the article's text (${article.blocks.length} blocks) and its stances (${stances.mentions.length}) are from different builds: rebuild`);
  const root = el("div", {className: "reader"});

  root.append(el("h1", {textContent: meta.title}));
  const dl = el("dl", {className: "reader-meta"});
  const row = (k, v) => dl.append(el("dt", {textContent: k}), el("dd", {textContent: v ?? "unknown"}));
  row("Author", meta.author);
  row("Outlet", meta.outlet);
  row("Group (outlet)", meta.group_label);
  row("Author origin", meta.origin_label);
  row("Published", meta.published);
  row("Attribution", meta.attribution);
  row("Mentions", `${counts.mentions}: ${counts.favorable} favorable, ${counts.neutral} neutral, ${counts.unfavorable} unfavorable`);
  root.append(dl);

  const legend = el("p", {className: "reader-legend"},
    "Actor mentions are coloured by stance: ",
    el("span", {className: "mention stance-favorable", textContent: "favorable"}), ", ",
    el("span", {className: "mention stance-neutral", textContent: "neutral"}), ", ",
    el("span", {className: "mention stance-unfavorable", textContent: "unfavorable"}),
    "; the cue words that decided a stance are marked. Hover for the actor, score and rules.");
  root.append(legend);

  if (article.topics.length) {
    const tags = el("p", {className: "reader-topics"}, "Topics: ");
    for (const t of article.topics) tags.append(el("span", {className: "topic-tag", textContent: `${t.label} (${t.sentences})`}), " ");
    root.append(tags);
  }

  const body = el("article", {className: "reader-body"});
  article.blocks.forEach((b, i) => {
    const tag = b.kind === "heading" ? "h2" : b.kind === "list-item" ? "li" : b.kind === "quote" ? "blockquote" : "p";
    const node = el(tag, {}, ...blockContent(b, stances.mentions[i], actorLabel));
    node.dataset.bodyStart = b.start;
    body.append(node);
    // a paragraph's topics, in the margin of the text
    if (b.topics?.length) body.append(el("div", {className: "paragraph-topics", textContent: b.topics.join(" · ")}));
  });
  root.append(body);

  if (article.apparatus.length) {
    const details = el("details", {className: "reader-apparatus"});
    details.append(el("summary", {textContent: `Set aside in cleaning: ${article.apparatus.length} items (references, notes, bio, page furniture)`}));
    for (const a of article.apparatus) details.append(el("p", {}, el("strong", {textContent: `${a.kind}: `}), a.text));
    root.append(details);
  }
  return root;
}
