// What every data loader in src/data does: compute, write one JSON document to stdout,
// and on bad input print "error: file:line: problem / fix" to stderr and exit non-zero,
// which stops the build with a message a user can act on (no stack trace to read).
import { InputError } from "./inputError.ts";

export function emitJson(compute: () => unknown): void {
  try {
    process.stdout.write(JSON.stringify(compute()));
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`\nerror: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
