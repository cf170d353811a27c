// Observable Framework configuration. Everything the site needs ships with it: no web
// fonts, no CDN. `globalStylesheets: []` drops the default Google Fonts link, and
// src/style.css pulls the light (air) and dark (near-midnight) themes from Framework's
// own package, so the build and the pages work without internet.
import { loadCorpus } from "./loaders/corpus.ts";
import { loadActorRules } from "./loaders/rules/actorRules.ts";

// The articles decide the reader pages. A broken corpus.yaml must not break the config:
// the data loaders report it with file and line, so here it only means no reader pages.
function corpusArticles(): Array<{ id: string; title: string }> {
  try {
    return loadCorpus().articles;
  } catch {
    return [];
  }
}
const articles = corpusArticles();
function actorList(): Array<{ id: string; label: string }> {
  try {
    return loadActorRules().actors;
  } catch {
    return [];
  }
}
const actors = actorList();

const SITE_DESCRIPTION =
  "Parallax compares how Turkish, Iranian, US-affiliated and Pakistani think-tank articles portray the actors of the South Caucasus, with every figure traced to its sentences.";

function escapeAttribute(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Description and social-preview metadata on every page, so a shared link previews well. */
function head({ title, data }: { title: string | null; data: Record<string, unknown> | null }): string {
  const description = escapeAttribute(String(data?.description ?? SITE_DESCRIPTION));
  const pageTitle = escapeAttribute(title ? `${title} | Parallax` : "Parallax");
  return [
    `<meta name="description" content="${description}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="Parallax">`,
    `<meta property="og:title" content="${pageTitle}">`,
    `<meta property="og:description" content="${description}">`,
    `<meta name="twitter:card" content="summary">`,
    `<meta name="twitter:title" content="${pageTitle}">`,
    `<meta name="twitter:description" content="${description}">`,
  ].join("\n");
}

export default {
  head,
  title: "Parallax",
  root: "src",
  // Replaces `theme`: style.css imports Framework's default.css and both themes itself,
  // then sets a system font stack.
  style: "style.css",
  globalStylesheets: [],
  // Pages are listed explicitly so their order reads as the argument of the notebook.
  pages: [
    { name: "Overview", path: "/" },
    { name: "Topics", path: "/topics" },
    { name: "Framing", path: "/framing" },
    { name: "Rules", path: "/rules" },
    { name: "Method", path: "/method" },
    { name: "Actors", open: false, pages: actors.map((a) => ({ name: a.label, path: `/actors/${a.id}` })) },
    { name: "Articles", open: false, pages: articles.map((a) => ({ name: a.title, path: `/articles/${a.id}` })) },
  ],
  dynamicPaths: [...actors.map((a) => `/actors/${a.id}`), ...articles.map((a) => `/articles/${a.id}`)],
  pager: true,
  search: false,
  // Links are extensionless (/stance, not /stance.html); the dev server and the browser
  // test's static server both resolve them.
  preserveExtension: false,
  footer:
    "Parallax compares think-tank articles on the South Caucasus from Turkish, Iranian, " +
    "US-affiliated and Pakistani outlets. Each article remains the work of its author and " +
    "publisher; titles, authors, outlets, dates and the addresses of the originals are listed in " +
    "data/corpus.yaml.",
};
