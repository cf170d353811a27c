// Tagged mentions cached per article and rule version, so that the many loaders that need
// them (overview, rules, every actor page) tag each article once per rule edit instead of
// once each. The key joins the article's cache key (its text, metadata and the cleaning
// code) with a hash of the rule files and the tagging code: edit a rule and every key
// changes; rebuild with nothing changed and every loader reads what the first one wrote.
//
//   .cache/mentions/<key>.json     (follows PARALLAX_ARTICLE_CACHE: =off disables both)
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { articleCacheDir, articleKey } from "./articleCache.ts";
import type { RawArticle } from "./types.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The code that turns tokens into tagged mentions. */
const TAGGING_SOURCES = ["actors.ts", "stance.ts", "tagText.ts", "matcher.ts", "natural.ts", "pipeline.ts", "mentionCache.ts"];

const versions = new Map<string, string>();
export function rulesVersion(root = process.cwd()): string {
  const known = versions.get(root);
  if (known) return known;
  const h = createHash("sha256");
  const rulesDir = join(root, "data", "rules");
  for (const f of readdirSync(rulesDir).filter((f) => f.endsWith(".yaml")).sort()) h.update(f).update("\0").update(readFileSync(join(rulesDir, f))).update("\0");
  const rulesCode = readdirSync(join(HERE, "rules")).filter((f) => f.endsWith(".ts")).sort().map((f) => join("rules", f));
  for (const f of [...TAGGING_SOURCES, ...rulesCode]) h.update(f).update("\0").update(readFileSync(join(HERE, f))).update("\0");
  const v = h.digest("hex");
  versions.set(root, v);
  return v;
}

function mentionCacheDir(root: string): string | null {
  const articles = articleCacheDir(root);
  return articles ? join(dirname(articles), "mentions") : null;
}

/** The article's tagged mentions from the cache, or computed and stored. */
export function cachedMentions<T>(article: RawArticle, root: string, compute: () => T[]): T[] {
  const dir = mentionCacheDir(root);
  if (!dir) return compute();
  const key = createHash("sha256").update(articleKey(article)).update("\0").update(rulesVersion(root)).digest("hex").slice(0, 40);
  const file = join(dir, `${key}.json`);
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as { key: string; mentions: T[] };
    if (entry.key === key && Array.isArray(entry.mentions)) return entry.mentions;
  } catch {
    // missing or corrupt: recompute
  }
  const mentions = compute();
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, mentions }));
    renameSync(tmp, file);
  } catch (e) {
    process.stderr.write(`note: mention cache not written (${(e as Error).message})\n`);
  }
  return mentions;
}
