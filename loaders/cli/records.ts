// Reads {id, text, target: {text, start, end}, label?} records (the ../shared/eval format),
// one JSON object per line, with the line number in every complaint.
import { readFileSync } from "node:fs";
import { InputError } from "../inputError.ts";
import type { StanceLabel } from "../stance.ts";

export interface StanceRecord {
  id: string;
  text: string;
  target: { text: string; start: number; end: number };
  label?: StanceLabel;
}

const LABELS = new Set(["favorable", "neutral", "unfavorable"]);

export function readRecords(file: string): StanceRecord[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError(file, null, "cannot read the file", "check the path");
  }
  const out: StanceRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let r: StanceRecord;
    try {
      r = JSON.parse(line);
    } catch {
      throw new InputError(file, i + 1, "not valid JSON", "one JSON object per line");
    }
    const t = r?.target;
    if (typeof r?.text !== "string" || !t || !Number.isInteger(t.start) || !Number.isInteger(t.end) || t.start < 0 || t.end > r.text.length || t.start >= t.end)
      throw new InputError(file, i + 1, "record needs text and target {text, start, end} with 0 <= start < end <= text length", "fix the offsets (JavaScript string indices)");
    if (r.label !== undefined && !LABELS.has(r.label)) throw new InputError(file, i + 1, `unknown label "${r.label}"`, "use favorable, neutral or unfavorable");
    out.push({ ...r, id: String(r.id ?? i + 1) });
  });
  return out;
}
