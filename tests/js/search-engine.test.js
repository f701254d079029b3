// The query-time search in Node: the tokenizer against the vectors the Rust
// tokenizer is checked with, ranking rules on a small fixture catalog, and
// the relevance set on the real catalog.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { REPO, buildSite, buildRealSite, buildShardedRealSite, fileLoader, loadIndex, searchModule, searchScriptPath } = require("./helpers");

const { tokenize, fold, Searcher, FIELD_COUNT } = searchModule();
// The relevance set: realistic queries and the entries they must find.
const cases = JSON.parse(fs.readFileSync(path.join(REPO, "tests", "relevance.json"), "utf8"));

test("tokenizer matches the vectors shared with Rust", () => {
  const vectors = JSON.parse(fs.readFileSync(path.join(REPO, "tests", "search-vectors.json"), "utf8"));
  assert.ok(vectors.length >= 20);
  for (const v of vectors) {
    const tokens = tokenize(v.input);
    assert.deepEqual(tokens.map((t) => t.exact), v.exact, `exact forms of ${JSON.stringify(v.input)}`);
    assert.deepEqual(tokens.map((t) => t.folded), v.folded, `folded forms of ${JSON.stringify(v.input)}`);
  }
});

test("folding covers decomposed input", () => {
  assert.equal(fold("đa\u0300\u0301t".normalize("NFD")), "dat");
  assert.equal(fold("ĐẤT ĐAI"), "DAT DAI");
});

test("folding drops exactly the combining marks, whatever the script", () => {
  // fold() takes shortcuts for ASCII and for text whose marks are Latin;
  // its definition is every mark (\p{M}) gone after NFD, đ read as d.
  const marks = /\p{M}/gu;
  const definition = (t) => t.normalize("NFD").replace(marks, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const ch = String.fromCharCode(c);
    for (const text of [ch, "a" + ch, ch + "\u0301", "Đ" + ch + "ệ"]) {
      if (fold(text) !== definition(text)) assert.fail(`fold(${JSON.stringify(text)}) = ${JSON.stringify(fold(text))}`);
    }
  }
  assert.equal(fold("तृ"), "त");
});

test("the search index is built by the real binary and agrees with the tokenizer", () => {
  const site = buildRealSite();
  const index = loadIndex(site);
  assert.equal(index.docs.length, 44);
  // Every posting's position is the position the JS tokenizer finds in the
  // stored text, with the stored exact form: index time and query time agree.
  let checked = 0;
  index.terms.forEach((term, t) => {
    const forms = index.forms[t].split("|");
    const p = index.postings[t];
    for (let k = 0; k < p.length; k += 4) {
      const token = tokenize(index.text[p[k]][p[k + 1]])[p[k + 2]];
      assert.equal(token.folded, term);
      assert.equal(token.exact, forms[p[k + 3]]);
      checked++;
    }
  });
  assert.ok(checked > 5000, `only ${checked} postings`);
});

test("ranking rules on a fixture catalog", () => {
  const site = buildSite(path.join(REPO, "tests", "fixtures", "small"));
  const searcher = new Searcher(loadIndex(site));
  const titles = (q, f) => searcher.search(q, f).map((r) => r.doc.title);
  // Diacritics typed by the reader rank the exact word first, both ways.
  assert.deepEqual(titles("bản đồ").slice(0, 2), ["CSDL bản đồ", "CSDL bàn đỏ"]);
  assert.deepEqual(titles("bàn đỏ").slice(0, 2), ["CSDL bàn đỏ", "CSDL bản đồ"]);
  // Without diacritics both are equal matches, in catalog order.
  assert.deepEqual(titles("ban do").slice(0, 2), ["CSDL bàn đỏ", "CSDL bản đồ"]);
  // Syllables side by side, in order, beat the same syllables apart.
  assert.equal(titles("môi trường")[0], "CSDL môi trường biển");
  assert.ok(titles("môi trường").includes("CSDL môi sinh và trường học"));
  // A title match beats a match deep in the scope.
  assert.deepEqual(titles("thủy sản").slice(0, 2), ["CSDL thủy sản", "CSDL nghề cá"]);
  // Every word must match; no match gives nothing.
  assert.deepEqual(titles("thủy sản xyz"), []);
  // Prefix matching applies to the last word only while it is being typed.
  assert.ok(titles("nghề c").includes("CSDL nghề cá"));
  assert.deepEqual(titles("nghề c "), []);
  // Filters narrow results; filters alone list the filtered catalog.
  assert.deepEqual(titles("csdl", { group: "B" }), ["CSDL nghề cá"]);
  assert.deepEqual(titles("", { sector: "bien" }), ["CSDL môi trường biển", "CSDL thủy sản", "CSDL nghề cá"]);
  assert.deepEqual(titles("", {}), []);
});

test("snippets mark the matched words", () => {
  const searcher = new Searcher(loadIndex(buildRealSite()));
  const [first] = searcher.search("quan trac", {});
  const marked = first.snippet.filter((p) => p.mark).map((p) => p.text.toLowerCase());
  assert.ok(marked.includes("quan") && marked.includes("trắc"), JSON.stringify(first.snippet));
  assert.ok(first.snippet.map((p) => p.text).join("").includes("quan trắc"));
});

test("relevance set: expected entries in the top 3 of the real catalog", () => {
  assert.ok(cases.length >= 30, `only ${cases.length} queries`);
  const searcher = new Searcher(loadIndex(buildRealSite()));
  const failures = [];
  for (const c of cases) {
    const top = searcher.search(c.query, c.filters || {}).slice(0, 3).map((r) => r.doc.url.split("/")[1]);
    for (const slug of c.top3) {
      if (!top.includes(slug)) failures.push(`${JSON.stringify(c.query)}: expected ${slug} in top 3, got ${top.join(", ")}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("the published search.js, minified, ranks as its source does", async () => {
  const zlib = require("node:zlib");
  const site = buildRealSite();
  const shippedPath = path.join(site, "assets", "search.js");
  const source = fs.readFileSync(searchScriptPath());
  const gz = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;
  assert.ok(gz(fs.readFileSync(shippedPath)) < 0.7 * gz(source), "the published search.js should be a third smaller (gzip)");
  const shipped = require(shippedPath);
  assert.deepEqual(Object.keys(shipped).sort(), Object.keys(searchModule()).sort());
  const index = loadIndex(site);
  const mine = new shipped.Searcher(index), theirs = new Searcher(index);
  for (const c of cases) {
    const ranked = (s) => s.search(c.query, c.filters || {}).map((r) => [r.id, r.score, r.snippet.map((p) => p.text).join("")]);
    assert.deepEqual(ranked(mine), ranked(theirs), c.query);
  }
  // The sharded path too: positions loaded in rounds.
  const sharded = buildShardedRealSite();
  const manifest = loadIndex(sharded);
  for (const q of ["co so du lieu ", "du lieu dan cu", "quan trac moi truong"]) {
    const top = async (api) => {
      const s = new api.Searcher(manifest, fileLoader(sharded, api));
      await s.prepare(q, {}, 20);
      return s.page(q, {}, 20).results.map((r) => [r.id, r.score]);
    };
    assert.deepEqual(await top(shipped), await top(searchModule()), q);
  }
});

test("ranking in rounds, as positions arrive, equals ranking with every position at hand and the single file", async () => {
  // Regression: a field's bonus computed in an early round was kept after
  // more of its positions arrived (a word being typed whose completions
  // are both frequent and not), so some entries kept too low a score.
  const api = searchModule();
  const site = buildShardedRealSite(); // positions apart above 10 entries
  const manifest = loadIndex(site);
  const positionFiles = fs.readdirSync(path.join(site, "assets", "search")).filter((f) => /^p\d+-\d\.js$/.test(f));
  const prefixes = new Set();
  for (const c of cases) for (let i = 2; i <= c.query.length; i++) prefixes.add(c.query.slice(0, i));
  const shown = (s, q) => s.page(q, {}, 20).results.map((r) => [r.id, r.score]);
  let compared = 0, readFromTexts = 0;
  for (const q of prefixes) {
    if (api.tokenize(q).length < 2) continue;
    const inRounds = new api.Searcher(manifest, fileLoader(site, api));
    await inRounds.prepare(q, {}, 20);
    // Every position file of the shards the query read, placed before
    // the first ranking.
    const load = fileLoader(site, api);
    const keys = positionFiles.map((f) => f.slice(1, -3)).filter((k) => inRounds.store.shardsRead.has(+k.split("-")[0]));
    for (const k of keys) await load(`assets/search/p${k}.js`);
    const atHand = new api.Searcher(manifest, load);
    atHand.store.place(keys);
    await atHand.prepare(q, {}, 20);
    assert.deepEqual(shown(inRounds, q), shown(atHand, q), q);
    compared++;
    if (inRounds.store.textFields.size) readFromTexts++;
  }
  assert.ok(compared > 200, `only ${compared} queries compared`);
  // Some rounds read the positions of a few entries from their texts.
  assert.ok(readFromTexts > 20, `only ${readFromTexts} queries read positions from texts`);

  // Whole words (the query ends with a space, as when typing stops): the
  // first 20, their scores and the count are the single file's.
  const single = new api.Searcher(loadIndex(buildRealSite()));
  const wholeWords = new Set();
  for (const c of cases) {
    const words = c.query.split(" ");
    for (let i = 1; i <= words.length; i++) wholeWords.add(words.slice(0, i).join(" ") + " ");
  }
  for (const q of wholeWords) {
    const sharded = new api.Searcher(manifest, fileLoader(site, api));
    await sharded.prepare(q, {}, 20);
    const found = sharded.page(q, {}, 20);
    const all = single.search(q, {});
    assert.deepEqual([shown(sharded, q), found.total], [all.slice(0, 20).map((r) => [r.id, r.score]), all.length], q);
  }
});

test("while the reader types, a sharded index loads the titles' and keywords' positions only, and the rest once asked", async () => {
  const api = searchModule();
  const site = buildShardedRealSite(); // positions apart above 10 entries
  const manifest = loadIndex(site);
  const single = new api.Searcher(loadIndex(buildRealSite()));
  const heaviest = (f) => ((1 << +f) & api.TYPING_FIELDS) !== 0;
  let rough = 0;
  for (const q of ["co so du lieu", "quan trac moi truong", "du lieu dan cu", "so noi vu"]) {
    const loaded = [];
    const s = new api.Searcher(manifest, fileLoader(site, api, loaded));
    s.quick = true;
    await s.prepare(q, {}, 10);
    const positions = loaded.map((f) => /\/p\d+-(\d)\.js$/.exec(f)).filter(Boolean).map((m) => m[1]);
    assert.ok(positions.every(heaviest), `${q}: ${positions}`);
    if (s.rough) rough++;
    // Once the reader pauses: the single file's first ten.
    s.quick = false;
    await s.prepare(q, {}, 10);
    const all = single.search(q, {});
    assert.deepEqual(s.page(q, {}, 10).results.map((r) => r.id), all.slice(0, 10).map((r) => r.id), q);
  }
  assert.ok(rough > 0, "some query left positions for later");
  // A query that matches nothing gets its suggestions once the reader
  // pauses, not at each keystroke (they load shards of other words).
  const s = new api.Searcher(manifest, fileLoader(site, api));
  s.quick = true;
  const typing = await s.find("vịnh kinh tế", {}, 10, false);
  assert.deepEqual([typing.total, typing.suggestions.length, s.rough], [0, 0, true]);
  s.quick = false;
  const paused = await s.find("vịnh kinh tế", {}, 10, false);
  assert.equal(paused.suggestions[0].doc.title, "CSDL Ô nhiễm nước vịnh Hạ Long");
});

test("a sharded index gives the same relevance and loads only what a query needs", async () => {
  const api = searchModule();
  const site = buildShardedRealSite();
  const manifest = loadIndex(site);
  assert.equal(manifest.sharded, true);
  assert.equal(manifest.doc_count, 44);
  assert.equal(manifest.docs, undefined, "filter data is a file of its own, loaded when a filter is set");
  const shardFiles = fs.readdirSync(path.join(site, "assets", "search"));
  assert.ok(shardFiles.some((f) => f.startsWith("p")) && shardFiles.some((f) => f.startsWith("t")));

  const failures = [];
  for (const c of cases) {
    const loaded = [];
    const searcher = new api.Searcher(manifest, fileLoader(site, api, loaded));
    await searcher.prepare(c.query, c.filters || {});
    const results = searcher.search(c.query, c.filters || {});
    const top = results.slice(0, 3);
    await searcher.loadTexts(top.map((r) => r.id));
    searcher.fillSnippets(top, c.query);
    const slugs = top.map((r) => r.doc.url.split("/")[1]);
    for (const slug of c.top3) if (!slugs.includes(slug)) failures.push(`${c.query}: expected ${slug}, got ${slugs}`);
    // Texts: those of the results shown, and of the entries whose word
    // positions were read from them instead of position files.
    const texts = loaded.filter((f) => f.includes("/t"));
    const readForPositions = searcher.store.textFields.size;
    if (texts.length > 3 + readForPositions) failures.push(`${c.query}: loaded ${texts.length} text chunks for 3 results and ${readForPositions} read for positions`);
    // Term blocks: only those of the query words' first letters.
    const blocks = loaded.filter((f) => /\/k\d+\.js$/.test(f)).length;
    const letters = new Set(api.tokenize(c.query).map((w) => w.folded.charCodeAt(0))).size;
    if (blocks !== letters) failures.push(`${c.query}: loaded ${blocks} term blocks for ${letters} first letters`);
    const filtered = Object.keys(c.filters || {}).length > 0;
    if (loaded.includes("assets/search/filters.js") !== filtered) failures.push(`${c.query}: filter data loaded: ${!filtered}`);
  }
  assert.deepEqual(failures, []);

  // Filters alone list the same entries as the single file, and a result
  // shows its group, sector and agencies from its text chunk.
  const singleIndex = new api.Searcher(loadIndex(buildRealSite()));
  for (const filters of [{ sector: "y-te" }, { group: "B" }, { agency: "so-noi-vu" }, { group: "A", sector: "noi-vu" }]) {
    const sharded = new api.Searcher(manifest, fileLoader(site, api));
    await sharded.prepare("", filters);
    const ids = sharded.search("", filters).map((r) => r.id);
    assert.ok(ids.length > 0, JSON.stringify(filters));
    assert.deepEqual(ids, singleIndex.search("", filters).map((r) => r.id), JSON.stringify(filters));
  }
  const lone = new api.Searcher(manifest, fileLoader(site, api));
  await lone.prepare("dat dai ");
  const [first] = lone.search("dat dai ", {});
  await lone.loadTexts([first.id]);
  const expected = singleIndex.doc(first.id);
  const shown = lone.doc(first.id);
  // (JSON: the chunk's arrays come from another realm.)
  const fields = (d) => JSON.stringify([d.group, d.sector, d.agencies, d.title]);
  assert.equal(fields(shown), fields(expected));

  // Compared with the single-file index, a finished query finds the same
  // entries in the same order.
  const single = new api.Searcher(loadIndex(buildRealSite()));
  for (const q of ["dat dai ", "moi truong ", "so noi vu ", "ban quan ly khu kinh te "]) {
    const sharded = new api.Searcher(manifest, fileLoader(site, api));
    await sharded.prepare(q);
    assert.deepEqual(sharded.search(q, {}).map((r) => r.id), single.search(q, {}).map((r) => r.id), q);
  }
});

/** A decoded term's postings as the single file's quadruples (doc, field,
    position, form), document by document. A term written by counts is
    kept field by field (search.js's Counted): its documents, and per field
    and document where its postings start in the position and form arrays. */
function quadruples(postings) {
  if (!postings.offset) return Array.from(postings);
  const out = [], { n, docs, offset, position, form } = postings;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < FIELD_COUNT; f++) {
      for (let o = offset[f * n + i]; o < offset[f * n + i + 1]; o++) out.push(docs[i], f, position[o], form[o]);
    }
  }
  return out;
}

test("a frequent word's positions are apart, and loaded only when they can change the first results", async () => {
  const api = searchModule();
  const site = buildShardedRealSite(); // positions apart above 10 entries
  const manifest = loadIndex(site);
  const single = loadIndex(buildRealSite());
  const files = fs.readdirSync(path.join(site, "assets", "search"));
  const positionFiles = files.filter((f) => /^p\d+-\d\.js$/.test(f));
  assert.ok(positionFiles.length > 0, "no position files");

  // With every position loaded, each term's postings are the single file's.
  // (A one-word query needs no positions: they are loaded here by hand.)
  const load = fileLoader(site, api);
  // Term t's forms, a file each, which only a word with diacritics loads
  // (its own forms only).
  const loadForms = async (searcher, t) => {
    for (let form = 0; form < searcher.store.forms[t].length; form++) {
      const file = `assets/search/f${t}-${form}.js`;
      if (!fs.existsSync(path.join(site, file))) return;
      await load(file);
      searcher.loader.loaded.add(file);
    }
    searcher.store.placeForms(t);
  };
  const all = new api.Searcher(manifest, load);
  let apart = 0;
  for (const f of files.filter((f) => /^p\d+\.js$/.test(f))) {
    vm.runInNewContext(fs.readFileSync(path.join(site, "assets", "search", f), "utf8"), { DanhmucSearch: { addShard: (k, data) => { apart += (data.apart || []).length; } } });
  }
  for (const [t, term] of single.terms.entries()) {
    await all.prepare(term + " ");
    const mine = positionFiles.filter((f) => f.startsWith(`p${all.store.shardOf[t]}-`));
    for (const f of mine) {
      await load(`assets/search/${f}`);
      all.store.place([f.slice(1, -3)]);
    }
    await loadForms(all, t);
    assert.deepEqual(quadruples(all.store.postings[t]), single.postings[t], term);
  }
  assert.ok(apart > 20, `only ${apart} terms apart`);

  // Read from the entries' texts instead, a frequent term's positions are
  // those of its position files, in every field of every entry.
  const every = [...Array(manifest.doc_count).keys()];
  let readTerms = 0;
  for (const [t, term] of single.terms.entries()) {
    const fromTexts = new api.Searcher(manifest, fileLoader(site, api));
    await fromTexts.prepare(term + " ");
    if (!fromTexts.store.pairs[t]) continue;
    await fromTexts.loadTexts(every);
    fromTexts.store.placeFromTexts(every, [t], api.ALL_FIELDS);
    await loadForms(fromTexts, t);
    assert.deepEqual(quadruples(fromTexts.store.postings[t]), single.postings[t], term);
    readTerms++;
  }
  assert.equal(readTerms, apart);

  // Document frequencies, from the term blocks.
  const df = [];
  for (const f of files.filter((f) => /^k\d+\.js$/.test(f))) {
    vm.runInNewContext(fs.readFileSync(path.join(site, "assets", "search", f), "utf8"), { DanhmucSearch: { addTerms: (b, data) => data.df.forEach((d, i) => { df[data.first + i] = d; }) } });
  }
  const manifestDf = (t) => df[t];
  assert.equal(manifest.positions_apart_above, 10);

  // One word earns no bonus, so its positions can change nothing: typed
  // (a prefix of several terms) or whole, it loads no position file.
  for (const q of ["du", "lieu "]) {
    const loaded = [];
    const sharded = new api.Searcher(manifest, fileLoader(site, api, loaded));
    await sharded.prepare(q, {}, 3);
    assert.ok(sharded.page(q, {}, 3).total > manifest.positions_apart_above, q);
    assert.deepEqual(loaded.filter((f) => /\/p\d+-\d\.js$/.test(f)), [], q);
  }

  // A query of frequent words: its first results need only some fields'
  // positions, and are those of the single file, in the same order.
  const singleSearcher = new api.Searcher(single);
  for (const q of ["co so du lieu ", "du lieu dan cu ", "quan ly nha nuoc ", "cơ sở dữ liệu ", "quản lý nhà nước "]) {
    const loaded = [];
    // Which files were asked for before the first ranking.
    const beforeRanking = new Set();
    let ranked = false;
    const load = fileLoader(site, api, loaded);
    const sharded = new api.Searcher(manifest, (rel) => {
      if (!ranked) beforeRanking.add(rel);
      return load(rel);
    });
    const rank = sharded.rank;
    sharded.rank = function (...args) {
      ranked = true;
      return rank.apply(this, args);
    };
    await sharded.prepare(q, {}, 3);
    const top = sharded.search(q, {}, 3).slice(0, 3).map((r) => [r.id, r.score]);
    assert.deepEqual(top, singleSearcher.search(q, {}).slice(0, 3).map((r) => [r.id, r.score]), q);
    const fetched = loaded.filter((f) => /\/p\d+-\d\.js$/.test(f));
    // The titles' positions of the query's frequent words come with their
    // shards, before the first ranking; the other fields' only after it.
    const frequent = api.tokenize(q).map((w) => single.terms.indexOf(w.folded)).filter((t) => manifestDf(t) > manifest.positions_apart_above);
    assert.ok(frequent.length > 1, `${q}: frequent words`);
    for (const t of frequent) {
      const titles = `assets/search/p${sharded.store.shardOf[t]}-0.js`;
      assert.ok(beforeRanking.has(titles), `${q}: titles of ${single.terms[t]} fetched with the shards`);
    }
    assert.ok(![...beforeRanking].some((f) => /\/p\d+-[1-7]\.js$/.test(f)), `${q}: no other position file before ranking`);
    const everything = new Set();
    for (const w of api.tokenize(q)) {
      const t = single.terms.indexOf(w.folded);
      for (const f of positionFiles) if (f.startsWith(`p${sharded.store.shardOf[t]}-`)) everything.add(f);
    }
    assert.ok(fetched.length < everything.size, `${q}: loaded ${fetched.length} of ${everything.size} position files`);
    // The frequent words' forms only for a query with diacritics, which
    // ranks "cơ" before "có": without, every form counts the same.
    const forms = loaded.filter((f) => /\/f\d+-\d+\.js$/.test(f));
    const marked = q !== api.fold(q);
    assert.equal(forms.length > 0, marked, `${q}: forms loaded ${forms}`);
  }
});
