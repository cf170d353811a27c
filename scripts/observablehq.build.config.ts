// The project's config for scripts/build.ts: the same site, built into a temporary folder
// (PARALLAX_BUILD_OUTPUT) that replaces dist/ only when the build succeeds.
//
// PARALLAX_MAX_DYNAMIC_PAGES=n keeps only the first n pages of each parameterised route
// (/articles/…, /actors/…): for the benchmark's site build on a synthetic corpus and for
// the freshness test, where one page per article or actor only repeats the same work.
// Never set for `npm run build`.
import config from "../observablehq.config.ts";

const max = Number(process.env.PARALLAX_MAX_DYNAMIC_PAGES ?? Infinity);

function sample(): Pick<typeof config, "pages" | "dynamicPaths"> {
  const perRoute = new Map<string, number>();
  const kept = new Set(
    config.dynamicPaths.filter((path) => {
      const route = path.split("/")[1];
      const n = perRoute.get(route) ?? 0;
      perRoute.set(route, n + 1);
      return n < max;
    }),
  );
  const dynamic = new Set(config.dynamicPaths);
  return {
    pages: config.pages.map((p) => ("pages" in p && p.pages ? { ...p, pages: p.pages.filter((q) => !dynamic.has(q.path) || kept.has(q.path)) } : p)),
    dynamicPaths: [...kept],
  };
}

export default { ...config, ...(Number.isFinite(max) ? sample() : {}), output: process.env.PARALLAX_BUILD_OUTPUT ?? "dist" };
