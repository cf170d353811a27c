import { test } from "node:test";
import assert from "node:assert/strict";
import { splitSentences, segmentArticle } from "../../loaders/segment.ts";
import { tokenize, capitalisedVocabulary } from "../../loaders/tokenize.ts";

const sentences = (t: string) => splitSentences(t).map(([a, b]) => t.slice(a, b));

test("abbreviations do not end sentences", () => {
  assert.deepEqual(sentences("The U.S. and Dr. Smith met in Baku. Gen. Ivanov and Mr. Fidan, i.e. the envoys, left."), [
    "The U.S. and Dr. Smith met in Baku.",
    "Gen. Ivanov and Mr. Fidan, i.e. the envoys, left.",
  ]);
});

test("an abbreviation at the end of a block still ends the sentence", () => {
  assert.deepEqual(sentences("They flew to the U.S."), ["They flew to the U.S."]);
});

test("abbreviation matching respects word boundaries and case", () => {
  // natural's own list matching would protect "casino." and "no."
  assert.deepEqual(sentences("He won at the casino. Then he said no. It ended."), ["He won at the casino.", "Then he said no.", "It ended."]);
  assert.deepEqual(sentences("See Policy Paper No. 913 for details."), ["See Policy Paper No. 913 for details."]);
});

test("tokens keep non-ASCII letters, dotted abbreviations and offsets", () => {
  const text = "Erdoğan's Türkiye, AVİM and the U.S. met.";
  const tokens = tokenize(text, 100);
  assert.deepEqual(
    tokens.filter((t) => t.kind === "word").map((t) => t.text),
    ["Erdoğan's", "Türkiye", "AVİM", "and", "the", "U.S.", "met"],
  );
  for (const t of tokens) assert.equal(text.slice(t.start - 100, t.end - 100), t.text);
  const erdogan = tokens[0];
  assert.equal(erdogan.possessive, true);
  assert.equal(erdogan.base, "erdoğan");
  assert.equal(erdogan.stem, "erdoğan");
});

test("possessives with and without the apostrophe", () => {
  const text = "Russia's focus, Russias focus, the Wests interest and Pashinyans rapprochement; Armenians and Israelis; the United States. Russia, West, Pashinyan.";
  const tokens = tokenize(text, 0, capitalisedVocabulary(text));
  const pos = (w: string) => tokens.find((t) => t.text === w)!;
  for (const w of ["Russia's", "Russias", "Wests", "Pashinyans"]) assert.equal(pos(w).possessive, true, w);
  assert.equal(pos("Russias").base, "russia");
  assert.equal(pos("Pashinyans").base, "pashinyan");
  // plural demonyms and named plurals are not possessives
  for (const w of ["Armenians", "Israelis", "States"]) assert.equal(pos(w).possessive, false, w);
});

test("tokens carry lowercase, memoised Porter stems", () => {
  const [t] = tokenize("Aggressions");
  assert.equal(t.lower, "aggressions");
  assert.equal(t.stem, "aggress");
});

test("segmentArticle: headings give no sentences, sentences stay inside blocks", () => {
  const body = "A Heading\n\nFirst sentence here. Second one.\n\nThird in another paragraph";
  const seg = segmentArticle({
    id: "x",
    body,
    rawOffsets: [...body].map((_, i) => i),
    blocks: [
      { kind: "heading", start: 0, end: 9 },
      { kind: "paragraph", start: 11, end: 43 },
      { kind: "paragraph", start: 45, end: body.length },
    ],
    apparatus: [],
  });
  assert.equal(seg.paragraphs.length, 3);
  assert.deepEqual(seg.sentences.map((s) => s.text), ["First sentence here.", "Second one.", "Third in another paragraph"]);
  for (const s of seg.sentences) assert.equal(body.slice(s.start, s.end), s.text);
});
