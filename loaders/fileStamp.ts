// Whether a file is still what this process read from it, from one stat instead of
// reading it again. A process that serves many outputs (the pre-runner: 1,000 reader
// pages) asked for corpus.yaml (285 KB at 1,000 articles) and the rule files on every
// page, and reading them to compare was a third of a stance page's time.
//
// A stamp (size, modification and change times, inode) alone can miss an edit: a file
// rewritten with the same size within one tick of the file system's clock keeps its
// times. So a stamp is only trusted when it was taken at least RACY_MS after the file's
// last change (git's "racily clean" rule): any later change then shows a later time.
// A file changed more recently is compared by its bytes, as before.
import { statSync } from "node:fs";

/** Longer than any file system's time granularity (FAT's is 2 s) and clock skew between writes. */
export const RACY_MS = 3000;

export interface FileStamp {
  /** size, times and inode; "missing" when there is no such file */
  stamp: string;
  /** whether the file was last changed RACY_MS or more before this stamp was taken */
  settled: boolean;
}

/** The file's stamp now: take it BEFORE reading the content it vouches for. */
export function stampOf(path: string): FileStamp {
  const now = Date.now();
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return { stamp: "missing", settled: false };
  return { stamp: `${s.size} ${s.mtimeMs} ${s.ctimeMs} ${s.ino}`, settled: now - Math.max(s.mtimeMs, s.ctimeMs) >= RACY_MS };
}

/** Whether content read under `before` is surely what the file holds now (`now`: its stamp now). */
export function unchanged(before: FileStamp | undefined, now: FileStamp): boolean {
  return !!before && before.settled && before.stamp === now.stamp;
}
