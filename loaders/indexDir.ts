// How the indexes under .cache (loaders/actorIndex.ts, loaders/analysisIndex.ts) are
// written: into a temporary directory renamed into place when complete, so concurrent
// loaders never read half an index, with each file's lines buffered and appended in
// chunks, so memory stays flat; once in place, older indexes beside it are removed.
import { appendFileSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Appended to a file once this many characters are waiting. */
const FLUSH_CHARS = 1 << 20;

/**
 * Fills the index directory `dir` (named by a 40-hex key) through `put(file, line)`;
 * `files` are created even when no line goes to them.
 */
export function writeIndexDir(dir: string, files: readonly string[], fill: (put: (file: string, line: string) => void) => void): void {
  const tmp = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  mkdirSync(tmp, { recursive: true });
  const waiting = new Map<string, { lines: string[]; size: number }>(files.map((f) => [f, { lines: [], size: 0 }]));
  const flush = (file: string, w: { lines: string[]; size: number }) => {
    appendFileSync(join(tmp, file), w.lines.join(""));
    w.lines = [];
    w.size = 0;
  };
  fill((file, line) => {
    let w = waiting.get(file);
    if (!w) waiting.set(file, (w = { lines: [], size: 0 }));
    w.lines.push(line + "\n");
    if ((w.size += line.length + 1) > FLUSH_CHARS) flush(file, w);
  });
  for (const [file, w] of waiting) flush(file, w);
  try {
    renameSync(tmp, dir);
  } catch {
    // another loader finished the same index first: theirs is identical
    rmSync(tmp, { recursive: true, force: true });
    return;
  }
  // older indexes (other rules, articles or code) are never read again
  const base = dirname(dir);
  for (const entry of readdirSync(base)) {
    if (entry !== basename(dir) && /^[0-9a-f]{40}$/.test(entry)) rmSync(join(base, entry), { recursive: true, force: true });
  }
}
