#!/usr/bin/env node
// Whether two versions of search.js rank alike: the first 20 results (ids
// and scores) and the result count of a few hundred queries and typed
// prefixes, on a sharded site. For a change to search.js meant to change
// speed only.
//
//   node bench/rank-diff.js OLD_SEARCH_JS NEW_SEARCH_JS SITE [NEW_SITE]
//
// NEW_SITE, when the index format changed: the same catalog built by the
// new binary. Take the old script with `scripts/search-js REV > old.js`, the
// new one with `scripts/search-js > new.js`.
// Prints the queries that differ (the first few) and a count; exits 1 if any.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const [oldJs, newJs, oldSite, newSite = oldSite] = process.argv.slice(2);
if (!newJs || !oldSite) {
  console.error("usage: node bench/rank-diff.js OLD_SEARCH_JS NEW_SEARCH_JS SITE [NEW_SITE]");
  process.exit(2);
}

function engine(script, site) {
  const api = require(path.resolve(script));
  const context = { window: {} };
  vm.runInNewContext(fs.readFileSync(path.join(site, "assets", "search-index.js"), "utf8"), context);
  const load = (rel) => {
    vm.runInNewContext(fs.readFileSync(path.join(site, rel), "utf8"), { DanhmucSearch: api });
    return Promise.resolve();
  };
  return () => new api.Searcher(context.window.DANHMUC_SEARCH_INDEX, load);
}

// Frequent and rarer words of the synthetic catalogs, with and without
// diacritics; random queries of 2–4 of them, finished or being typed.
const WORDS = ["co", "so", "du", "lieu", "cơ", "sở", "dữ", "liệu", "quan", "trac", "moi", "truong", "noi", "vu", "giay", "phep",
  "xay", "dung", "dat", "dai", "thong", "tin", "quản", "lý", "nha", "nuoc", "ho", "tich", "dan", "cu", "y", "te"];
const queries = new Set(["co so du lieu", "cơ sở dữ liệu", "so noi vu", "quan trac moi truong", "giay phep xay dung", "dat dai"]);
for (const q of Array.from(queries)) for (let i = 2; i < q.length; i++) queries.add(q.slice(0, i));
let seed = 3;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
while (queries.size < 400) {
  const words = Array.from({ length: 2 + Math.floor(random() * 3) }, () => WORDS[Math.floor(random() * WORDS.length)]);
  queries.add(words.join(" ") + (random() < 0.5 ? " " : ""));
}

(async () => {
  const before = engine(oldJs, oldSite), after = engine(newJs, newSite);
  const ranked = async (searcher, q) => {
    await searcher.prepare(q, {}, 20);
    const page = searcher.page(q, {}, 20);
    return JSON.stringify([page.total, page.results.map((r) => [r.id, r.score])]);
  };
  let differ = 0;
  const report = (q) => { if (++differ <= 5) console.log("differs:", JSON.stringify(q)); };
  for (const q of queries) {
    if ((await ranked(before(), q)) !== (await ranked(after(), q))) report(q);
  }
  // Typed letter by letter, one page each: what earlier keystrokes loaded
  // and cached stays.
  let typed = 0;
  for (const q of ["co so du lieu", "cơ sở dữ liệu", "quan trac moi truong"]) {
    const a = before(), b = after();
    for (let i = 1; i <= q.length; i++, typed++) {
      if ((await ranked(a, q.slice(0, i))) !== (await ranked(b, q.slice(0, i)))) report(q.slice(0, i) + " (typed)");
    }
  }
  console.log(`${queries.size + typed} queries, ${differ} differ`);
  process.exit(differ ? 1 : 0);
})();
