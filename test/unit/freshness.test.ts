// The analyst's loop, end to end, on a temporary copy of the repository (never the user's
// files): build; edit an article and a rule; build: the outputs follow, and only the
// loaders whose inputs changed ran; build again: nothing ran; break a rule: the build
// stops with file and line, and dist/ keeps the last good build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyProject } from "../../scripts/copyProject.ts";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const repo = process.cwd();

function build(dir: string) {
  const r = spawnSync("npm", ["run", "-s", "build"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", PARALLAX_MAX_DYNAMIC_PAGES: "2" } });
  return { status: r.status, log: r.stdout + r.stderr };
}

/**
 * Loader outputs that actually ran: those the build's pre-runner made (scripts/prerun.ts
 * names them all when they are few, as here) and any Framework ran itself (it logs
 * "[missing]" or "[stale]" before running one).
 */
const ran = (log: string) => [
  ...(/data loaders: \d+ output\(s\) made [^:\n]*: ([^\n]*)/.exec(log)?.[1].split(", ") ?? []),
  ...[...log.matchAll(/load (\S+) → (?:\x1b\[\d+m)?\[(?:missing|stale)\]/g)].map((m) => m[1]),
];

const dataFile = (dir: string, prefix: string) => {
  const d = join(dir, "dist", "_file", "data", ...prefix.split("/").slice(0, -1));
  const base = prefix.split("/").pop()!;
  const f = readdirSync(d).find((x) => x.startsWith(base + ".") && x.endsWith(".json"));
  assert.ok(f, `no ${prefix}.*.json in dist`);
  return readFileSync(join(d, f), "utf8");
};

test("rebuilds follow every edit, recompute only what changed, and a failed build keeps dist/", { timeout: 120_000 }, () => {
  const dir = copyProject(repo, "parallax-fresh-");
  try {
    const first = build(dir);
    assert.equal(first.status, 0, first.log.slice(-3000));
    const corpus = readFileSync(join(dir, "data", "corpus.yaml"), "utf8");
    const ids = [...corpus.matchAll(/^\s+- id: (\S+)\s*\n\s+file: (\S+)/gm)].map((m) => ({ id: m[1], file: m[2] }));
    assert.ok(ids.length >= 2);
    const [edited, other] = ids;
    const mentionsBefore = dataFile(dir, "mentions");
    const articleBefore = dataFile(dir, `articles/${edited.id}`);
    const otherTextBefore = dataFile(dir, `articles/${other.id}`);
    const otherStancesBefore = dataFile(dir, `stances/${other.id}`);

    // edit an article: one more sentence in its first paragraph that names two actors
    const file = join(dir, "data", "articles", edited.file);
    chmodSync(file, 0o644);
    const text = readFileSync(file, "utf8");
    const at = text.indexOf("Russia");
    assert.ok(at > 0, "the first seed names Russia");
    writeFileSync(file, text.slice(0, at) + "Azerbaijan praised Georgia. " + text.slice(at));
    // edit a rule: the first cue weight
    const rules = join(dir, "data", "rules", "stance.yaml");
    const stance = readFileSync(rules, "utf8");
    const weight = /^(\s+agent:\s*)(-?\d+(?:\.\d+)?)\s*$/m.exec(stance)!;
    writeFileSync(rules, stance.replace(weight[0], `${weight[1]}${Number(weight[2]) / 2}`));

    const second = build(dir);
    assert.equal(second.status, 0, second.log.slice(-3000));
    assert.notEqual(dataFile(dir, "mentions"), mentionsBefore, "mentions follow the edits");
    const article = dataFile(dir, `articles/${edited.id}`);
    assert.notEqual(article, articleBefore);
    assert.match(article, /Azerbaijan praised Georgia/, "the edited article's page shows the new sentence");
    assert.ok(ran(second.log).includes(`/data/articles/${edited.id}.json`));
    assert.ok(ran(second.log).includes(`/data/stances/${edited.id}.json`));
    // a stance-rule edit reaches every article's stance layer, and no other article's text layer
    assert.ok(ran(second.log).includes(`/data/stances/${other.id}.json`));
    assert.notEqual(dataFile(dir, `stances/${other.id}`), otherStancesBefore);
    assert.ok(!ran(second.log).includes(`/data/articles/${other.id}.json`), "the text layer reads no stance rule");
    assert.equal(dataFile(dir, `articles/${other.id}`), otherTextBefore);
    // ... but not the page loaders, which read only the corpus description and the actor list
    assert.ok(ran(first.log).some((o) => /^\/articles\/.+\.md$/.test(o)), `page loaders ran in the first build: ${ran(first.log).join(", ")}`);
    assert.deepEqual(ran(second.log).filter((o) => o.endsWith(".md")), [], "no page loader runs again");
    // a weight edit: the mentions it reaches are reweighed, no sentence is tagged again
    assert.match(second.log, /after the cue edit 0 sentence\(s\) re-tagged, [1-9]\d* mention\(s\) reweighed, the rest kept/, "the edit reweighed only the mentions it reaches");

    // nothing changed: no loader runs, nothing changes
    const mentions = dataFile(dir, "mentions");
    const third = build(dir);
    assert.equal(third.status, 0, third.log.slice(-3000));
    assert.deepEqual(ran(third.log), [], "an unchanged rebuild runs no loader");
    assert.match(third.log, /0 cached loader output\(s\) out of date/);
    assert.equal(dataFile(dir, "mentions"), mentions);

    // an article edit alone re-runs that article's page loader and the corpus-wide ones, not the other articles'
    writeFileSync(file, readFileSync(file, "utf8").replace("Azerbaijan praised Georgia. ", "Azerbaijan condemned Georgia. "));
    const fourth = build(dir);
    assert.equal(fourth.status, 0, fourth.log.slice(-3000));
    assert.ok(ran(fourth.log).includes(`/data/articles/${edited.id}.json`));
    assert.ok(ran(fourth.log).includes(`/data/stances/${edited.id}.json`));
    assert.ok(ran(fourth.log).includes("/data/mentions.json"));
    assert.ok(!ran(fourth.log).includes(`/data/articles/${other.id}.json`), "other articles' pages are reused");
    assert.ok(!ran(fourth.log).includes(`/data/stances/${other.id}.json`), "... both layers");

    // a broken rule: the build stops with file, line and fix; dist/ keeps the last good build
    const index = readFileSync(join(dir, "dist", "index.html"), "utf8");
    const good = dataFile(dir, "mentions");
    writeFileSync(rules, readFileSync(rules, "utf8").replace(/^(\s+agent:\s*)-?\d+(?:\.\d+)?\s*$/m, '$1"strong"'));
    const broken = build(dir);
    assert.notEqual(broken.status, 0);
    assert.match(broken.log, /error: .*stance\.yaml:\d+: .*agent/);
    assert.match(broken.log, /fix:/);
    assert.match(broken.log, /dist\/ still holds the previous build/);
    assert.equal(readFileSync(join(dir, "dist", "index.html"), "utf8"), index);
    assert.equal(dataFile(dir, "mentions"), good);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the external development set the Method page reads counts as an input", async () => {
  const { digestInputs } = await import("../../scripts/freshen.ts");
  const parent = mkdtempSync(join(tmpdir(), "parallax-external-"));
  const root = join(parent, "project");
  try {
    cpSync("data", join(root, "data"), { recursive: true });
    const before = digestInputs(root).shared;
    const dev = join(parent, "shared", "eval", "newsmtsc-rw-dev.jsonl");
    mkdirSync(join(parent, "shared", "eval"), { recursive: true });
    writeFileSync(dev, '{"id":"a","text":"x","target":{"text":"x","start":0,"end":1},"label":"neutral"}\n');
    const added = digestInputs(root).shared;
    assert.notEqual(added, before, "the set appearing changes the inputs");
    writeFileSync(dev, '{"id":"a","text":"x","target":{"text":"x","start":0,"end":1},"label":"favorable"}\n');
    assert.notEqual(digestInputs(root).shared, added, "an edited label changes the inputs");
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
