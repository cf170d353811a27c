// A tiny static server for dist/ on 127.0.0.1. Framework links are extensionless
// (/stance), so a path is tried as is, then with ".html", then as a folder's index.html.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const base = resolve(root);
  const target = resolve(join(base, normalize(decoded)));
  if (target !== base && !target.startsWith(base + sep)) return null; // outside dist/
  for (const candidate of [target, `${target}.html`, join(target, "index.html")]) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root`; with a `prefix` ("/parallax") only below it, as a host serving a sub-path would. */
export async function serveStatic(root: string, prefix = ""): Promise<RunningServer> {
  const server: Server = createServer(async (req, res) => {
    const { pathname: requested } = new URL(req.url ?? "/", "http://127.0.0.1");
    const inside = !prefix || requested === prefix || requested.startsWith(prefix + "/");
    const pathname = prefix ? requested.slice(prefix.length) || "/" : requested;
    const file = inside ? await resolveFile(root, pathname) : null;
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(file ? 405 : 404, { "content-type": "text/plain; charset=utf-8" });
      res.end(file ? "method not allowed" : `not found: ${pathname}`);
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      "content-type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("static server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}${prefix}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
