// Re-tagging after a cue edit, sentence by sentence. The analyst's loop is: disagree with
// a tag, change one cue in stance.yaml, rebuild. Every article's mentions part is then out
// of date (its key covers stance.yaml), but a cue can only change the sentences it can
// match in: a sentence holding none of the words the edited cues start on (before or after
// the edit) tags exactly as it did. A cue whose weights alone changed reaches fewer still:
// only the mentions it gave evidence in the role reweighted (see `weightsOnly`), and those
// are reweighed, not tagged again (`reweighed`). So when the previous version of an
// article's mentions part is still cached, only the sentences within the edit's reach
// are tagged again, the mentions a reweighted cue reaches are reweighed, and the others'
// mentions are kept. Anything the reach cannot bound re-tags the whole article: changed
// settings or lexicons, a different actors.yaml or tagging code, cues reordered, or a
// pattern that may start on any token. A sentence is tagged on its own tokens alone
// (loaders/pipeline.ts tagArticleSentence), which is what makes this exact; the unit test
// compares it with a full re-tag after several kinds of edit.
//
//   .cache/parts/mentions-rules/<version>.json   the stance.yaml text of each cached mentions
//                                                 version, to know what an edit changed
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { articleKey, preparedWhere } from "./articleCache.ts";
import { partPath, partsDir, partStats, partVersion, PARTS, readPartBytes, TAGGING_CODE, type PartSpec, type PartWriter } from "./partCache.ts";
import { cueSpan, exactWeight, tagArticleSentence, type ArticleMention, type ArticleOfSentence, type PreparedArticle } from "./pipeline.ts";
import { parseStanceRules, type CompiledCue, type StanceRules } from "./rules/stanceRules.ts";
import { scoreOf, type Role } from "./stance.ts";
import type { Rules } from "./tagText.ts";
import type { RawArticle, Sentence } from "./types.ts";

/** What the mentions part depends on besides stance.yaml: an edit elsewhere re-tags everything. */
const BASE: PartSpec = { name: "mentions-base", rules: ["actors.yaml"], code: TAGGING_CODE };
const RECORDS = "mentions-rules";
/** How many earlier versions are looked at, newest first. */
const EARLIER_VERSIONS = 4;

interface RulesRecord {
  base: string;
  stance: string;
}

/** The sentences a stance-rule edit can change: outside them every mention tags as it did. */
export interface Reach {
  /** a sentence with a token of one of these forms (lower-case or base) */
  words: Set<string>;
  /**
   * cue id -> roles: a sentence where an earlier mention has evidence from that cue in one
   * of those roles (the cues whose weights alone changed)
   */
  fired: Map<string, Set<Role>>;
}

/** The words a cue can start a match on; null when one of its patterns may start on any token. */
export function cueAnchors(cue: CompiledCue): Set<string> | null {
  const words = new Set(cue.single);
  for (const p of cue.patterns) {
    if (!p.firstLower && !p.firstBase) return null;
    for (const w of p.firstLower ?? []) words.add(w);
    for (const w of p.firstBase ?? []) words.add(w);
  }
  return words;
}

/** A cue as written, without where it was written. */
const cueText = ({ line: _line, patterns: _patterns, single: _single, ...def }: CompiledCue) => JSON.stringify(def);
const lexiconText = (l: StanceRules["lexicon"]) => JSON.stringify(Object.entries(l).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));

/**
 * The roles whose weight an edit of a cue changed, when that is all it changed; null for
 * any other edit. Tagging reads a role's weight (loaders/stance.ts) only for whether it is
 * set, zero or negative, and otherwise only adds it (scaled) to the evidence of the
 * mention the cue reaches in that role, which the mention keeps among its cues. So with
 * each weight still set, of the same sign and non-zero, a sentence where the cue gave no
 * mention evidence in a reweighted role tags exactly as it did. `if_negated` is read only
 * for whether it is set, and then replaces the weight of either role.
 */
export function weightsOnly(was: CompiledCue, now: CompiledCue): Role[] | null {
  const rest = ({ agent: _agent, patient: _patient, if_negated: _ifNegated, ...def }: CompiledCue) => cueText(def as CompiledCue);
  if (rest(was) !== rest(now)) return null;
  const roles = new Set<Role>();
  for (const role of ["agent", "patient"] as const) {
    const a = was[role];
    const b = now[role];
    if (a === b) continue;
    if (a === undefined || b === undefined || Math.sign(a) !== Math.sign(b)) return null;
    roles.add(role);
  }
  if (was.if_negated !== now.if_negated) {
    if (was.if_negated === undefined || now.if_negated === undefined) return null;
    roles.add("agent").add("patient");
  }
  return [...roles];
}

/**
 * What an edit of the stance rules from `before` to `after` can change (see `Reach`); null
 * when the edit may change any sentence.
 */
export function editReach(before: StanceRules, after: StanceRules): Reach | null {
  if (JSON.stringify(before.settings) !== JSON.stringify(after.settings)) return null;
  if (lexiconText(before.lexicon) !== lexiconText(after.lexicon)) return null;
  const was = new Map(before.cues.map((c) => [c.id, c]));
  const now = new Map(after.cues.map((c) => [c.id, c]));
  const changed = new Set([...was.keys(), ...now.keys()].filter((id) => !was.has(id) || !now.has(id) || cueText(was.get(id)!) !== cueText(now.get(id)!)));
  // a cue reweighted in its place among the others (which decides which cue a shared word
  // finds first) hits where it did
  const fired = new Map<string, Set<Role>>();
  const ids = (r: StanceRules) => r.cues.map((c) => c.id).join("\u0000");
  if (ids(before) === ids(after))
    for (const id of changed) {
      const roles = was.has(id) && now.has(id) ? weightsOnly(was.get(id)!, now.get(id)!) : null;
      if (roles) fired.set(id, new Set(roles));
    }
  for (const id of fired.keys()) changed.delete(id);
  // a word shared by two cues finds them in file order: the unchanged cues keep theirs
  const order = (r: StanceRules) => r.cues.filter((c) => !changed.has(c.id)).map((c) => c.id).join("\u0000");
  if (order(before) !== order(after)) return null;
  const words = new Set<string>();
  for (const id of changed) {
    for (const cue of [was.get(id), now.get(id)]) {
      if (!cue) continue;
      const anchors = cueAnchors(cue);
      if (!anchors) return null;
      for (const w of anchors) words.add(w);
    }
  }
  return { words, fired };
}

/** Whether a token's form is one of the reach's words. */
const holdsWord = (reach: Reach) => (lower: string, base: string) => reach.words.has(lower) || reach.words.has(base);

/** The sentences where one of `previous` (the article's mentions under the earlier rules) has evidence from a reweighted cue role. */
export function firedSentences(previous: readonly ArticleMention[], reach: Reach): Set<number> {
  const out = new Set<number>();
  if (reach.fired.size === 0) return out;
  for (const m of previous) if (m.cues.some((c) => reach.fired.get(c.rule)?.has(c.role as Role))) out.add(m.sentence);
  return out;
}

/** The sentences of an article within `reach` that hold one of its words (the others it reaches are reweighed: `reweighed`). */
export function sentencesWithin(p: PreparedArticle, reach: Reach): Sentence[] {
  const word = holdsWord(reach);
  return p.segmented.sentences.filter((s) => s.tokens.some((t) => word(t.lower, t.base)));
}

/**
 * The article's mentions with only the sentences within `reach` tagged again (those
 * holding its words) or reweighed (the others where a reweighted cue gave evidence), the
 * others' taken from `previous` (the same article's mentions under the earlier rules);
 * null if `previous` does not line up with the article's sentences.
 */
export function retagWithin(p: PreparedArticle, rules: Rules, previous: ArticleMention[], reach: Reach): ArticleMention[] | null {
  const fired = firedSentences(previous, reach);
  const reweigh = (m: ArticleMention) => (fired.has(m.sentence) ? reweighed(m, rules, reach) : m);
  return retagSentences(p, p.segmented.sentences.length, sentencesWithin(p, reach), rules, previous, (m) => m.sentence, (m) => m, reweigh);
}

/**
 * The mentions of an article of `count` sentences with those of `within` (in order) tagged
 * again and, for the others, the items of `previous` of that sentence (in sentence order)
 * kept as `keep` gives them; null if `previous` does not line up with the article's
 * sentences. Each mention tagged is added as `made` makes it.
 */
function retagSentences<T>(p: ArticleOfSentence, count: number, within: Sentence[], rules: Rules, previous: T[], sentenceOf: (item: T) => number, made: (m: ArticleMention) => T, keep: (item: T) => T): T[] | null {
  const out: T[] = [];
  const tagged: ArticleMention[] = [];
  let k = 0;
  let next = 0;
  for (let index = 0; index < count; index++) {
    const from = k;
    while (k < previous.length && sentenceOf(previous[k]) === index) k++;
    if (within[next]?.index === index) {
      tagArticleSentence(p, within[next++], rules, tagged);
      for (const m of tagged) out.push(made(m));
      tagged.length = 0;
    } else for (let i = from; i < k; i++) out.push(keep(previous[i]));
  }
  if (k !== previous.length) return null;
  partStats.sentencesRetagged += within.length;
  return out;
}

/**
 * A mention of a sentence holding none of the words of the cues an edit changed
 * otherwise than in weight (`Reach`), under the edited rules: its evidence from the
 * reweighted cues recomputed, and its score and label from the sum. Exactly what tagging
 * the sentence again gives: tagging makes a cue's evidence its weight (the role's, or
 * `if_negated` under negation) times the factors of its modifiers, which a weight edit
 * leaves as they were, and keeps that product among the mention's cue spans (`scale`,
 * `of`, and the unrounded weight when rounding changed it: loaders/pipeline.ts cueSpan);
 * the score is the sum of the mention's evidence, every piece of it a cue span (the
 * sentence's tone counts only for a mention with no other evidence). A mention with no
 * evidence from those cues is returned as it is.
 */
export function reweighed(m: ArticleMention, rules: Rules, reach: Reach): ArticleMention {
  if (!m.cues.some((c) => reach.fired.has(c.rule))) return m;
  partStats.mentionsReweighed++;
  const cues = m.cues.map((c) => {
    if (!reach.fired.has(c.rule)) return c;
    const cue = cueById(rules).get(c.rule)!;
    const weight = c.of === "if_negated" ? cue.if_negated : cue[c.role as Role];
    if (weight === undefined) throw new Error(`cue ${c.rule}: no ${c.of ?? c.role} weight to reweigh`);
    return cueSpan({ ...c, weight: weight * (c.scale ?? 1) }, c.start, c.end);
  });
  let sum = 0;
  for (const c of cues) sum += exactWeight(c);
  // the same keys in the same order as tagging writes them
  return { ...m, ...scoreOf(sum, rules.stance), cues };
}

const cueIndex = new WeakMap<Rules, Map<string, CompiledCue>>();
const cueById = (rules: Rules) => cueIndex.get(rules) ?? cueIndex.set(rules, new Map(rules.stance.cues.map((c) => [c.id, c]))).get(rules)!;

// ---------------------------------------------------------------- the previous version

/** An earlier version of the mentions part, and what the edit since can change (null: any sentence). */
export interface Earlier {
  version: string;
  reach: Reach | null;
}
let earlierMemo: { key: string; list: Earlier[] } | null = null;

/**
 * Records this version's stance.yaml text (once per process) and lists earlier versions
 * with the same base, newest first: what `retagFromEarlier` starts from. Worker threads are
 * handed the list (`trustEarlierVersions`) rather than each parsing the earlier rules again.
 */
export function earlierVersions(root: string, rules: Rules): Earlier[] {
  const dir = partsDir(root);
  if (!dir) return [];
  const version = partVersion(PARTS.mentions, root);
  const base = partVersion(BASE, root);
  const key = `${root}\u0000${version}`;
  if (earlierMemo?.key === key) return earlierMemo.list;
  const records = join(dir, RECORDS);
  const own = join(records, `${version}.json`);
  if (!existsSync(own)) {
    mkdirSync(records, { recursive: true });
    const tmp = `${own}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify({ base, stance: readFileSync(join(root, "data", "rules", "stance.yaml"), "utf8") } satisfies RulesRecord));
    renameSync(tmp, own);
  }
  const list: Earlier[] = [];
  const found = readdirSync(records)
    .filter((f) => /^[0-9a-f]{64}\.json$/.test(f) && f !== `${version}.json`)
    .map((f) => ({ f, t: statSync(join(records, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  // the newest few: `npm run dev` never prunes, and each record is parsed here
  for (const { f } of found.slice(0, EARLIER_VERSIONS)) {
    try {
      const record = JSON.parse(readFileSync(join(records, f), "utf8")) as RulesRecord;
      if (record.base !== base) continue;
      const before = parseStanceRules(rules.stance.file, record.stance, rules.actors);
      list.push({ version: f.slice(0, -5), reach: editReach(before, rules.stance) });
    } catch {
      // a record of rules that no longer parse with this code: not a usable starting point
    }
  }
  earlierMemo = { key, list };
  return list;
}

/**
 * Whether a warm step has tagged under the current stance rules (and actors, and tagging
 * code) already: false after an edit of them, or with no cache, when every article's
 * mentions part is to be computed.
 */
export function mentionsRecorded(root: string): boolean {
  const dir = partsDir(root);
  return !!dir && existsSync(join(dir, RECORDS, `${partVersion(PARTS.mentions, root)}.json`));
}

/** `earlierVersions` as another thread of this process found them (with the same rules files). */
export function trustEarlierVersions(root: string, list: Earlier[]): void {
  if (partsDir(root)) earlierMemo = { key: `${root}\u0000${partVersion(PARTS.mentions, root)}`, list };
}

/**
 * The article's mentions re-tagged from its mentions part under the latest earlier rules
 * still cached, when the edit since can be bounded; null otherwise (tag the whole article).
 */
export function retagFromEarlier(article: RawArticle, root: string, rules: Rules, prepare: () => PreparedArticle): ArticleMention[] | null {
  const dir = partsDir(root);
  if (!dir) return null;
  const key = articleKey(article);
  for (const earlier of earlierVersions(root, rules)) {
    const file = partPath(dir, PARTS.mentions, key, earlier.version);
    let entry: { key?: string; value?: ArticleMention[] };
    try {
      entry = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      continue; // not cached for this article under that version
    }
    const previous = entry.value;
    if (!earlier.reach || entry.key !== basename(file, ".json") || !Array.isArray(previous)) return null;
    return retagWithin(prepare(), rules, previous, earlier.reach);
  }
  return null;
}

/**
 * As `retagFromEarlier`, for the warm step, which only stores the mentions part: its value
 * written to `out` as JSON, the bytes of every mention kept copied from the earlier part
 * (not parsed into objects and written out again) and only the sentences the edit reaches
 * decoded (loaders/articleCache.ts preparedWhere). False when that does not apply, and the
 * caller takes the way above: no earlier part, an edit the reach cannot bound, or an
 * earlier part that is not as this code writes it.
 */
export function retagBytesFromEarlier(article: RawArticle, root: string, rules: Rules, out: PartWriter): boolean {
  const dir = partsDir(root);
  if (!dir) return false;
  const key = articleKey(article);
  for (const earlier of earlierVersions(root, rules)) {
    const file = partPath(dir, PARTS.mentions, key, earlier.version);
    // valid until the next read: the part is written before that
    const bytes = readPartBytes(file);
    if (!bytes) continue; // not cached for this article under that version
    const reach = earlier.reach;
    const previous = reach && mentionRanges(bytes, basename(file, ".json"), article.meta.id);
    if (!reach || !previous) return false;
    // the mentions of the sentences a reweighted cue fired in, parsed, reweighed and written again
    const fired = firedRanges(bytes, previous, reach);
    const keep = (m: MentionRange | string) => (typeof m !== "string" && fired.has(m.sentence) ? JSON.stringify(reweighed(JSON.parse(bytes.toString("utf8", m.start, m.end)), rules, reach)) : m);
    let merged: Array<MentionRange | string> | null;
    if (reach.words.size === 0) {
      // an edit of weights alone tags nothing again: the article itself is not read
      merged = previous.every((m, i) => i === 0 || previous[i - 1].sentence <= m.sentence) ? previous.map(keep) : null;
    } else {
      const some = preparedWhere(article, root, holdsWord(reach));
      const p = { article, clean: { rawOffsets: some.rawOffsets } };
      merged = retagSentences<MentionRange | string>(p, some.count, some.sentences, rules, previous, (m) => (m as MentionRange).sentence, (m) => JSON.stringify(m), keep);
    }
    if (!merged) return false;
    // the mentions kept one after the other in the earlier part are copied in one piece
    out.text("[");
    let first = true;
    let run: MentionRange | null = null;
    const put = (piece: MentionRange | string) => {
      if (!first) out.text(",");
      first = false;
      if (typeof piece === "string") out.text(piece);
      else out.bytes(bytes, piece.start, piece.end);
    };
    for (const m of merged) {
      if (typeof m !== "string" && run && m.start === run.end + 1) run = { sentence: run.sentence, start: run.start, end: m.end };
      else {
        if (run) put(run);
        run = null;
        if (typeof m === "string") put(m);
        else run = m;
      }
    }
    if (run) put(run);
    out.text("]");
    return true;
  }
  return false;
}

/** Where one mention's JSON is in a mentions part's bytes, and its sentence. */
export interface MentionRange {
  sentence: number;
  start: number;
  end: number;
}

const NEXT_MENTION = Buffer.from(',{"article":');

/**
 * The mentions of a mentions part's bytes (`{"key":...,"value":[...]}` as
 * loaders/partCache.ts writes it), each as where its JSON is and its sentence; null unless
 * the bytes are of that form, with the key `key`, and every mention of article `id`. A
 * mention starts at each `{"article":` (never inside a JSON string, where a quote is
 * escaped, and no object inside a mention has that key) and runs to the comma before the next.
 */
export function mentionRanges(bytes: Buffer, key: string, id: string): MentionRange[] | null {
  const head = Buffer.from(`{"key":${JSON.stringify(key)},"value":[`);
  const end = bytes.length - 2;
  if (end < head.length || head.compare(bytes, 0, head.length) !== 0 || bytes[end] !== 0x5d || bytes[end + 1] !== 0x7d) return null; // ']}'
  const out: MentionRange[] = [];
  if (end === head.length) return out;
  const start = Buffer.from(`{"article":${JSON.stringify(id)},"sentence":`);
  let at = head.length;
  for (;;) {
    if (at + start.length > end || start.compare(bytes, at, at + start.length) !== 0) return null;
    const digits = at + start.length;
    let i = digits;
    let sentence = 0;
    while (i < end && i - digits < 9 && bytes[i] >= 0x30 && bytes[i] <= 0x39) sentence = sentence * 10 + bytes[i++] - 0x30;
    if (i === digits || bytes[i] !== 0x2c || (bytes[digits] === 0x30 && i > digits + 1)) return null; // digits, then ','
    const next = bytes.indexOf(NEXT_MENTION, i);
    const stop = next < 0 || next > end ? end : next;
    if (bytes[stop - 1] !== 0x7d) return null; // '}'
    out.push({ sentence, start: at, end: stop });
    if (stop === end) return out;
    at = stop + 1;
  }
}

/**
 * `firedSentences` over a mentions part's bytes and its mentions' ranges: each mention's
 * cues are written as JSON.stringify writes pipeline.ts's objects, `{"rule":...,"role":...,`
 * first (never inside a JSON string, where a quote is escaped).
 */
export function firedRanges(bytes: Buffer, ranges: readonly MentionRange[], reach: Reach): Set<number> {
  const out = new Set<number>();
  for (const [id, roles] of reach.fired)
    for (const role of roles) {
      const needle = Buffer.from(`{"rule":${JSON.stringify(id)},"role":${JSON.stringify(role)},`);
      let r = 0;
      for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) {
        while (r < ranges.length && ranges[r].end <= at) r++;
        if (r < ranges.length && ranges[r].start <= at) out.add(ranges[r].sentence);
      }
    }
  return out;
}

/** Removes the records of every mentions version but the current one (after a build's parts are pruned). */
export function pruneRulesRecords(root = process.cwd()): void {
  const dir = partsDir(root);
  if (!dir) return;
  const keep = `${partVersion(PARTS.mentions, root)}.json`;
  let files: string[] = [];
  try {
    files = readdirSync(join(dir, RECORDS));
  } catch {
    return;
  }
  for (const f of files)
    if (f !== keep)
      try {
        unlinkSync(join(dir, RECORDS, f));
      } catch {
        // another build removed it first
      }
}
