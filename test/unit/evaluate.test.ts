import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluate } from "../../loaders/evaluate.ts";

test("accuracy and macro-F1 computed by hand", () => {
  // gold/predicted: F F | F N | N N | U U | U N
  const e = evaluate([
    { gold: "favorable", predicted: "favorable" },
    { gold: "favorable", predicted: "neutral" },
    { gold: "neutral", predicted: "neutral" },
    { gold: "unfavorable", predicted: "unfavorable" },
    { gold: "unfavorable", predicted: "neutral" },
  ]);
  assert.equal(e.accuracy, 3 / 5);
  // favorable: P 1, R 1/2, F1 2/3; neutral: P 1/3, R 1, F1 1/2; unfavorable: P 1, R 1/2, F1 2/3
  assert.ok(Math.abs(e.macroF1 - (2 / 3 + 1 / 2 + 2 / 3) / 3) < 1e-12);
  assert.equal(e.confusion.unfavorable.neutral, 1);
});
