// Shared by the command-line tools: an InputError prints as "file:line: problem" with its
// fix and exits 2, without a stack trace a user has to read through.
import { InputError } from "../inputError.ts";

export async function runCli(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
