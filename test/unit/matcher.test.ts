import { test } from "node:test";
import assert from "node:assert/strict";
import { compilePattern, findMatches } from "../../loaders/matcher.ts";
import { tokenize } from "../../loaders/tokenize.ts";

const words = (text: string, pattern: Parameters<typeof compilePattern>[0]) => {
  const tokens = tokenize(text);
  return findMatches(compilePattern(pattern), tokens).map((m) => tokens.slice(m.start, m.end).map((t) => t.text).join(" "));
};

test("literal, IN and NOT_IN", () => {
  assert.deepEqual(words("They did little to help and do little for peace", [{ LOWER: { IN: ["did", "do"] } }, { LOWER: "little" }, { LOWER: { IN: ["to", "for"] } }]), ["did little to", "do little for"]);
  assert.deepEqual(words("Kurdish separatists and Armenian separatists", [{ LOWER: { NOT_IN: ["kurdish"] } }, { LOWER: "separatists" }]), ["Armenian separatists"]);
});

test("operators ?, *, + and ! match greedily and never run away", () => {
  assert.deepEqual(words("the very very big war", [{ LOWER: "the" }, { LOWER: "very", OP: "*" }, { LOWER: "big" }]), ["the very very big"]);
  assert.deepEqual(words("a war", [{ LOWER: "a" }, { LOWER: "big", OP: "?" }, { LOWER: "war" }]), ["a war"]);
  assert.deepEqual(words("not not ok", [{ LOWER: "not", OP: "+" }]), ["not not"]);
  assert.deepEqual(words("a b c", [{ LOWER: "a" }, { LOWER: "x", OP: "!" }]), ["a b"]);
  // a pattern of stars over a long sentence finishes quickly
  const long = Array.from({ length: 5000 }, () => "word").join(" ");
  const t0 = performance.now();
  words(long, [{ OP: "*", IS_PUNCT: false }, { OP: "*", IS_PUNCT: false }, { LOWER: "nothing" }]);
  assert.ok(performance.now() - t0 < 5000);
});

test("attributes: TEXT is case-sensitive, POSSESSIVE, IS_TITLE", () => {
  assert.deepEqual(words("US and us", [{ TEXT: "US" }]), ["US"]);
  assert.deepEqual(words("Russia's failure", [{ POSSESSIVE: true }, { LOWER: "failure" }]), ["Russia's failure"]);
  assert.deepEqual(words("in Baku and baku", [{ IS_TITLE: true, LOWER: "baku" }]), ["Baku"]);
});
