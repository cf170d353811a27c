// Finds the Chromium the browser test drives. playwright's own browser download is not
// reachable from our machines, so we use Debian's package: on a fresh machine where we
// are root and apt-get exists, install it; otherwise say exactly what to do.
import { accessSync, constants } from "node:fs";
import { spawnSync } from "node:child_process";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

const INSTRUCTION =
  "install Debian's chromium: sudo apt-get install chromium, or set PARALLAX_CHROMIUM=/path/to/chrome";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** Path of a usable Chromium executable; installs Debian's chromium when it can. */
export function ensureChromium(): string {
  const configured = process.env.PARALLAX_CHROMIUM || process.env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`Chromium not found at ${configured} (from PARALLAX_CHROMIUM/CHROMIUM_PATH): ${INSTRUCTION}`);
  }
  if (isExecutable(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !onPath("apt-get")) {
    throw new Error(`Chromium not found at ${DEFAULT_CHROMIUM}: ${INSTRUCTION}`);
  }
  process.stderr.write(`Chromium not found at ${DEFAULT_CHROMIUM}; installing Debian's chromium (apt-get)…\n`);
  // Progress goes to stderr so that nothing else can mistake it for test output.
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-q"], ["install", "-y", "-q", "chromium"]]) {
    const r = spawnSync("apt-get", args, { stdio: ["ignore", 2, 2], env });
    if (r.status !== 0) {
      throw new Error(`apt-get ${args.join(" ")} failed (exit ${r.status ?? r.signal}): ${INSTRUCTION}`);
    }
  }
  if (!isExecutable(DEFAULT_CHROMIUM)) {
    throw new Error(`apt-get installed chromium but ${DEFAULT_CHROMIUM} is still missing: ${INSTRUCTION}`);
  }
  return DEFAULT_CHROMIUM;
}
