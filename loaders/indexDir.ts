// How the indexes under .cache (loaders/actorIndex.ts, loaders/analysisIndex.ts) are
// written: into a temporary directory renamed into place when complete, so concurrent
// loaders never read half an index, with each file's lines buffered and appended in
// chunks, so memory stays flat; once in place, older indexes beside it are removed. A lock
// (whileHolding) keeps two processes from computing the same directory at once.
import { createHash, type Hash } from "node:crypto";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

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

/**
 * Set on globalThis by the build's pre-runner (scripts/prerun.ts): rather than wait for
 * another process's lock, throw LockBusy, and the pre-runner runs other outputs meanwhile
 * and this one later.
 */
export const DEFER_WHEN_BUSY = Symbol.for("parallax.deferWhenBusy");

export class LockBusy extends Error {
  constructor(readonly lock: string) {
    super(`${lock} is held by another process`);
    this.name = "LockBusy";
  }
}

/**
 * Runs `work` holding the lock directory `lock`, unless `done()` turns true while another
 * process holds it: the build's two loader processes would otherwise both build the same
 * index or compute the same tables at once (twice the memory, half the speed each). A lock
 * whose process is gone (a build stopped midway) is taken over; should two waiters take it
 * over at once, both compute, and the directory renamed into place last is identical.
 */
export function whileHolding(lock: string, done: () => boolean, work: () => void): void {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
    } catch {
      if (done()) return;
      if (!holderAlive(lock)) rmSync(lock, { recursive: true, force: true });
      else if ((globalThis as { [DEFER_WHEN_BUSY]?: boolean })[DEFER_WHEN_BUSY]) throw new LockBusy(lock);
      else Atomics.wait(nap, 0, 0, 200);
      continue;
    }
    try {
      writeFileSync(join(lock, "pid"), String(process.pid));
      if (!done()) work();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
}

function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    // just created, pid not written yet: alive unless it stays so for long
    try {
      return Date.now() - statSync(lock).mtimeMs < 10_000;
    } catch {
      return false; // gone meanwhile
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const LOADERS = dirname(fileURLToPath(import.meta.url));
/** The code an index or table depends on: loaders/ without the command line and the benchmark. */
const OWN_CODE = (f: string) => f.endsWith(".ts") && !f.startsWith(join(LOADERS, "bench") + sep) && !f.startsWith(join(LOADERS, "cli") + sep);

/**
 * Feeds `h` what an index computed from the parts depends on beyond them: the corpus
 * description (groups, titles, order), with `rules` the rule files (actor and topic labels
 * and order), and the code under loaders/ (`codeVersion`).
 */
export function hashSources(h: Hash, root: string, { rules }: { rules: boolean }): void {
  const files = [join(root, "data", "corpus.yaml"), ...(rules ? listFiles(join(root, "data", "rules")) : [])];
  for (const f of files) h.update(f.slice(root.length)).update("\0").update(readFileSync(f)).update("\0");
  h.update(codeVersion());
}

let ownCode: string | null = null;
/**
 * The hash of the code under loaders/, once per process (the code this process runs is
 * what it loaded, as partVersion reads the parts' code): for the keys of every table,
 * actor page and stance layer, each computed for many outputs.
 */
export function codeVersion(): string {
  if (ownCode) return ownCode;
  const h = createHash("sha256");
  for (const f of listFiles(LOADERS).filter(OWN_CODE)) h.update(f.slice(LOADERS.length)).update("\0").update(readFileSync(f)).update("\0");
  return (ownCode = h.digest("hex"));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as { path?: string }).path ?? dir, e.name))
    .sort();
}
