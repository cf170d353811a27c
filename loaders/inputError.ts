// A problem in something the user wrote (an article, corpus.yaml, a rule file). Carries
// the file and line so the build can say exactly where to look and what to fix.
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
    readonly fix?: string,
  ) {
    super(`${file}${line != null ? `:${line}` : ""}: ${problem}${fix ? `\n  fix: ${fix}` : ""}`);
    this.name = "InputError";
  }
}
