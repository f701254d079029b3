// Understanding queries as people type them (theme/search/understand/):
// the cases of tests/understanding-vectors.json, and the test set of
// tests/understanding.json run on the real catalog, as one file and
// sharded, the way the search page runs a query (Searcher.find).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const h = require("./helpers");

const vectors = JSON.parse(fs.readFileSync(path.join(h.REPO, "tests", "understanding-vectors.json"), "utf8"));
const set = JSON.parse(fs.readFileSync(path.join(h.REPO, "tests", "understanding.json"), "utf8"));

/** The understanding script's functions, loaded as the page loads it. */
async function understanding() {
  const searcher = h.searcherOf(h.buildRealSite());
  return searcher.understanding();
}

test("names are keyed as the build keys them", async () => {
  const u = await understanding();
  for (const [name, key] of vectors.name_keys) assert.equal(u.nameKey(name), key, name);
  for (const [name, key] of vectors.written_keys) assert.equal(u.writtenKey(name), key, name);
});

/** Guards against a place a query names being a required word ("cây xanh
    đô thị ở Móng Cái" found nothing) and against a word that is no place
    being taken for one ("cơ sở tổ chức" is not "Cô Tô"): keys as the
    build writes them, and the places a query names. */
test("places are keyed as the build keys them, and a query's place is told from what it is about", async () => {
  const u = await understanding();
  for (const [name, key, written] of vectors.place_keys) assert.deepEqual({ ...u.placeKey(name) }, { key, written }, name);
  const { list, vocabulary, cases } = vectors.places;
  const has = (w) => vocabulary.includes(w);
  const vocab = { words: vocabulary, has, df: (w) => (has(w) ? 1 : 0), hasPrefix: (w) => vocabulary.some((x) => x.startsWith(w)) };
  for (const [query, places, topic] of cases) {
    const understood = u.understandWith(query, vocab, null, u.placeTable(list));
    assert.deepEqual([...understood.places], places, query);
    assert.equal(understood.topic.map((w) => w.text).join(" "), topic, query);
  }
});

test("Telex and VNI words decode to the syllable they stand for, and nothing else does", async () => {
  const u = await understanding();
  for (const [typed, syllable] of vectors.telex) assert.equal(u.decodeTelex(typed), syllable, `Telex ${typed}`);
  for (const [typed, syllable] of vectors.vni) assert.equal(u.decodeVni(typed), syllable, `VNI ${typed}`);
  for (const [word, is] of vectors.syllables) assert.equal(u.isSyllable(word), is, word);
});

test("misspellings cost by letters, a confusion of sounds half a letter", async () => {
  const u = await understanding();
  for (const [word, term, distance] of vectors.spelling) assert.equal(u.spellingDistance(word, term, 2), distance, `${word} → ${term}`);
});

test("glued words split into the fewest catalog words", async () => {
  const u = await understanding();
  const words = vectors.vocabulary;
  const vocab = { df: (w) => (words.includes(w) ? 1 : 0), hasPrefix: (w) => words.some((x) => x.startsWith(w)) };
  for (const [word, pieces] of vectors.split) assert.deepEqual(JSON.parse(JSON.stringify(u.splitGlued(word, vocab, false))), pieces, word);
});

/** Runs the test set on `site`; returns the failures. */
async function failures(site) {
  const searcher = h.searcherOf(site);
  const failed = [];
  for (const c of set.cases) {
    const found = await searcher.find(c.query, {}, 20, false);
    const first = Array.from(found.results.slice(0, 3), (r) => r.id);
    await searcher.loadTexts(first);
    const top = first.map((id) => searcher.doc(id).url.split("/")[1]);
    const ok = c.none ? found.total === 0 : c.top3 ? c.top3.every((s) => top.includes(s)) : c.any.some((s) => top.includes(s));
    if (!ok) failed.push(`${c.category} “${c.query}”: ${found.total} results, first ${top.join(", ")}`);
  }
  return failed;
}

test("the test set passes in full on the real catalog", async () => {
  assert.ok(set.cases.length >= 60);
  for (const c of set.cases) assert.ok(c.why && (c.top3 || c.any || c.none), `case “${c.query}” has an expectation and its reason`);
  assert.deepEqual(await failures(h.buildRealSite()), []);
});

test("and sharded, as a large catalog is searched", async () => {
  assert.deepEqual(await failures(h.buildRealSiteWith("sharded-default", "[search]\nsharded = true")), []);
});

test("an understood query says what it searched; nothing found says it for what was typed", async () => {
  const searcher = h.searcherOf(h.buildRealSite());
  let found = await searcher.find("ddaats ddai", {}, 20, false);
  assert.equal(found.understood, true);
  assert.equal(found.searched, "đất đai");
  found = await searcher.find("dat dai", {}, 20, false);
  assert.ok(!found.understood, "a plain query is searched as typed");
  found = await searcher.find("nhà máy", {}, 20, false);
  assert.equal(found.total, 0);
  assert.ok(!found.understood);
  assert.ok(found.suggestions.length > 0, "entries with some of the words are suggested");
  // Searched exactly as typed, the Telex keys find nothing.
  found = await searcher.find("ddaats ddai", {}, 20, true);
  assert.equal(found.total, 0);
});

test("a name the catalog writes itself finds it first, then what it stands for", async () => {
  const searcher = h.searcherOf(h.buildRealSite());
  const plain = searcher.search("ubnd ");
  const found = await searcher.find("ubnd ", {}, 20, false);
  assert.equal(found.searched, "ubnd” hoặc “ủy ban nhân dân");
  assert.deepEqual(Array.from(found.results.slice(0, plain.length), (r) => r.id), plain.map((r) => r.id));
  assert.ok(found.total >= plain.length);
});

test("plain queries load nothing more, and rank exactly as before", async () => {
  const loaded = [];
  const searcher = h.searcherOf(h.buildShardedRealSite(), h.searchModule(), loaded);
  const relevance = JSON.parse(fs.readFileSync(path.join(h.REPO, "tests", "relevance.json"), "utf8"));
  for (const q of ["dat dai", "co so du lieu", "so noi vu", "giay phep xay dung", "quan trac moi truong"]) {
    for (let i = 1; i <= q.length; i++) await searcher.find(q.slice(0, i), {}, 20, false);
  }
  assert.ok(!loaded.includes("assets/search-understand.js"), `loaded ${loaded.filter((f) => !f.includes("/p") && !f.includes("/t"))}`);
  const single = h.searcherOf(h.buildRealSite());
  for (const c of relevance) {
    const before = single.search(c.query, c.filters || {}).map((r) => r.id);
    const found = await single.find(c.query, c.filters || {}, Infinity, false);
    if (found.understood) continue;
    assert.deepEqual(Array.from(found.results, (r) => r.id), before, c.query);
  }
});
