// A working copy of the project in a temporary directory, for whatever must build or edit
// without touching the user's files (the freshness and dev-server tests, the benchmark's
// site build): sources and data copied, caches, dist/ and .git left out, node_modules linked.
import { cpSync, mkdtempSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SKIP = new Set(["node_modules", "dist", ".git", ".cache", "test-results"]);

/** Copies the project at `from` into a new temporary directory named `prefix…` and returns it. */
export function copyProject(from: string, prefix = "parallax-copy-"): string {
  const to = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of readdirSync(from)) {
    if (SKIP.has(entry)) continue;
    cpSync(join(from, entry), join(to, entry), {
      recursive: true,
      filter: (src) => !src.includes(join("src", ".observablehq")) && !/\.log$/.test(src),
    });
  }
  symlinkSync(join(from, "node_modules"), join(to, "node_modules"));
  return to;
}
