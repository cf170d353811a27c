// Runs `f` with the article and part caches switched off (PARALLAX_ARTICLE_CACHE=off): the
// reference the cached and indexed paths are compared with.
export function uncached<T>(f: () => T): T {
  const before = process.env.PARALLAX_ARTICLE_CACHE;
  process.env.PARALLAX_ARTICLE_CACHE = "off";
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env.PARALLAX_ARTICLE_CACHE;
    else process.env.PARALLAX_ARTICLE_CACHE = before;
  }
}
