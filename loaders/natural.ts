// The one place that imports natural. Deep imports on purpose: the package root loads its
// storage back-ends, whose dotenv prints to stdout and would corrupt a loader's output
// (NOTES.md), and costs 0.5 s instead of 0.2 s.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface NaturalSentenceTokenizer {
  tokenize(text: string): string[];
}
interface NaturalRegexpTokenizer {
  tokenize(text: string): string[] | null;
}
interface NaturalStemmer {
  stem(word: string): string;
}
interface NaturalSentimentAnalyzer {
  getSentiment(words: string[]): number;
  vocabulary: Record<string, number>;
}

const SentenceTokenizer: new (abbreviations?: string[], trim?: boolean) => NaturalSentenceTokenizer =
  require("natural/lib/natural/tokenizers/sentence_tokenizer.js");
const { RegexpTokenizer, WordTokenizer } = require("natural/lib/natural/tokenizers/regexp_tokenizer.js") as {
  RegexpTokenizer: new (opts: { pattern: RegExp; gaps?: boolean }) => NaturalRegexpTokenizer;
  WordTokenizer: new () => NaturalRegexpTokenizer;
};
const PorterStemmer: NaturalStemmer = require("natural/lib/natural/stemmers/porter_stemmer.js");

export { SentenceTokenizer, RegexpTokenizer, WordTokenizer, PorterStemmer };
export type { NaturalSentenceTokenizer, NaturalRegexpTokenizer, NaturalSentimentAnalyzer };

let sentiment: NaturalSentimentAnalyzer | null = null;
/** natural's AFINN analyser, loaded on first use (a weak fallback signal for stance). */
export function afinnSentiment(): NaturalSentimentAnalyzer {
  if (!sentiment) {
    const SentimentAnalyzer = require("natural/lib/natural/sentiment/SentimentAnalyzer.js");
    sentiment = new SentimentAnalyzer("English", null, "afinn") as NaturalSentimentAnalyzer;
  }
  return sentiment;
}

/** AFINN-165 word scores (-5..5) as natural's analyser holds them. */
export function afinnVocabulary(): Record<string, number> {
  return afinnSentiment().vocabulary;
}

/** natural's English stopword list. */
export const STOPWORDS: string[] = (require("natural/lib/natural/util/stopwords.js") as { words: string[] }).words;

interface NaturalBrillTagger {
  tag(words: string[]): { taggedWords: Array<{ token: string; tag: string }> };
}
let brill: NaturalBrillTagger | null = null;
/** Penn Treebank tags for a list of words, from natural's Brill tagger (loaded on first use). */
export function posTags(words: string[]): string[] {
  if (!brill) {
    const { BrillPOSTagger, Lexicon, RuleSet } = require("natural/lib/natural/brill_pos_tagger/index.js");
    brill = new BrillPOSTagger(new Lexicon("EN", "N", "N"), new RuleSet("EN")) as NaturalBrillTagger;
  }
  return brill.tag(words).taggedWords.map((w) => w.tag);
}
