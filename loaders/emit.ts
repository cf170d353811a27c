// What every data loader in src/data (and page loader in src/) does: compute, write one
// document to stdout, and on bad input print "error: file:line: problem / fix" to stderr
// and exit non-zero, which stops the build with a message a user can act on (no stack
// trace to read).
import { parseArgs } from "node:util";
import { InputError } from "./inputError.ts";

/**
 * Where scripts/prerun.ts collects a loader's output when it runs many loaders (and many
 * pages of one loader) in one process: the same loader file, the same text, without a
 * Node start-up per output.
 */
export const EMIT_SINK = Symbol.for("parallax.emitSink");
/** `perPage`: `output` reads its route parameter from process.argv on each call (emitPageJson). */
export type EmitSink = (output: () => string, perPage: boolean) => void;

function emit(output: () => string, perPage = false): void {
  const sink = (globalThis as { [EMIT_SINK]?: EmitSink })[EMIT_SINK];
  if (sink) return sink(output, perPage);
  try {
    process.stdout.write(output());
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`\nerror: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

/** A data loader's output: one JSON document. */
export function emitJson(compute: () => unknown): void {
  emit(() => JSON.stringify(compute()));
}

/** A loader's output as text: a page loader's Markdown, or JSON already serialised (loaders/corpusTables.ts). */
export function emitText(compute: () => string): void {
  emit(compute);
}

/**
 * A parameterised loader's output, one per page (--article=…, --actor=…): `compute` reads
 * its parameter with routeParam, inside, on every call. So the pre-runner can call it
 * again for the loader's next page rather than import a fresh instance of the module,
 * which costs ~4 ms a page through tsx's loader hooks (4 s per 1,000 reader pages).
 */
export function emitPageJson(compute: () => unknown): void {
  emit(() => JSON.stringify(compute()), true);
}

/** A page loader's Markdown, or JSON already serialised (loaders/actorIndex.ts), one per page: as emitPageJson. */
export function emitPageText(compute: () => string): void {
  emit(compute, true);
}

/** The page's route parameter (--article=…), as Framework passes it to the loader, read now. */
export function routeParam(name: string): string {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { [name]: { type: "string" } } });
  const value = values[name];
  if (typeof value !== "string") throw new Error(`the loader ${process.argv[1]} needs --${name}=…`);
  return value;
}
