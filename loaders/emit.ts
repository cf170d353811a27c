// What every data loader in src/data (and page loader in src/) does: compute, write one
// document to stdout, and on bad input print "error: file:line: problem / fix" to stderr
// and exit non-zero, which stops the build with a message a user can act on (no stack
// trace to read).
import { InputError } from "./inputError.ts";

/**
 * Where scripts/prerun.ts collects a loader's output when it runs many loaders (and many
 * pages of one loader) in one process: the same loader file, the same text, without a
 * Node start-up per output.
 */
export const EMIT_SINK = Symbol.for("parallax.emitSink");
export type EmitSink = (output: () => string) => void;

function emit(output: () => string): void {
  const sink = (globalThis as { [EMIT_SINK]?: EmitSink })[EMIT_SINK];
  if (sink) return sink(output);
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
