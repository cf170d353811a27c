// `npm run dev`: `observable preview`, plus what preview cannot see. Preview re-runs a
// data loader only when the loader file itself is newer than its cached output; an edit
// to an article, corpus.yaml, a rule or a pipeline stage in loaders/ changes no loader
// file. So: stale cached outputs are removed before preview starts (scripts/freshen.ts),
// and while it runs, a change under data/ or loaders/ touches the loader files in src/
// (their mtime only): preview re-runs the loaders of the open page and reloads it.
//
//   npm run dev [-- preview options, e.g. --port 3001]
import { spawn } from "node:child_process";
import { existsSync, readdirSync, utimesSync, watch, type FSWatcher } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { digestInputs, findLoaders, forgetManifest, freshen } from "./freshen.ts";

const root = process.cwd();
const { removed } = freshen(root);
if (removed.length) process.stderr.write(`dev: ${removed.length} stale loader output(s) removed\n`);

const require = createRequire(import.meta.url);
const observable = join(require.resolve("@observablehq/framework/package.json"), "..", "dist", "bin", "observable.js");
const preview = spawn(process.execPath, [observable, "preview", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
});
preview.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => preview.kill(sig));

let inputs = fingerprint();
let timer: NodeJS.Timeout | null = null;

function fingerprint(): string {
  const d = digestInputs(root);
  return `${d.shared} ${d.allArticles}`;
}

/** Marks every loader as newer than its output: preview re-runs the ones a page uses. */
export function touchLoaders(): number {
  const now = new Date();
  const loaders = findLoaders(root);
  for (const l of loaders) utimesSync(join(root, "src", l.file), now, now);
  return loaders.length;
}

function changed() {
  timer = null;
  let next: string;
  try {
    next = fingerprint();
  } catch {
    return; // a file vanished mid-save: the next event brings the final state
  }
  if (next === inputs) return; // saved without a change, or an editor's temporary file
  inputs = next;
  // what preview makes from the new inputs is not recorded: the next build recomputes it
  forgetManifest(root);
  const n = touchLoaders();
  process.stderr.write(`dev: inputs changed, ${n} loaders marked for re-run\n`);
}

// One watcher per directory (not per file, not Node's recursive mode): editors and `sed -i`
// replace a file by renaming a new one over it, which a watch on the old file never sees.
const watched = new Map<string, FSWatcher>();
function schedule() {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    watchTree();
    changed();
  }, 250);
}
function watchTree() {
  const dirs = ["data", "loaders"].flatMap((d) => directories(join(root, d)));
  for (const dir of dirs) if (!watched.has(dir)) watched.set(dir, watch(dir, schedule));
  for (const [dir, w] of watched) if (!dirs.includes(dir)) (w.close(), watched.delete(dir));
}
function directories(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => directories(join(dir, e.name)))];
}
watchTree();
watch(root, (_event, name) => name === "package-lock.json" && schedule());
