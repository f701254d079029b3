#!/usr/bin/env node
// bench/query-bytes.js SITE QUERY: what the search page of the built SITE
// costs a reader who types QUERY letter by letter and then pauses (each
// prefix searched as the page does while the reader types, the whole
// query as it does once the reader pauses): the bytes (gzip) it
// transfers to show the first page of results (the page, its CSS and
// scripts, the index, and for a sharded index the term blocks, postings and
// positions every keystroke's query loads, and the texts of the results
// finally shown), and the time its script computes, index files' loading
// excluded, in Node's V8 (Chromium's engine): `first_ms` for the whole
// query at once (a shared link), `keystroke_ms` the slowest keystroke.
// `texts_each_kb`: what the texts of every keystroke's results would add,
// for a reader who pauses at every letter.
//
// COLD=1: only `cold_ms`, the whole query as the process's first work, as
// on a fresh page (nothing compiled yet). SEARCH_JS=path runs another
// version of search.js (e.g. `scripts/search-js REV > old.js`):
// alternating cold processes of two versions compares them (see
// CONTRIBUTING.md).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const zlib = require("node:zlib");

const [site, query] = process.argv.slice(2);
const api = require(process.env.SEARCH_JS ? path.resolve(process.env.SEARCH_JS) : require(path.join(__dirname, "..", "tests", "js", "helpers")).searchScriptPath());
const gz = (rel) => zlib.gzipSync(fs.readFileSync(path.join(site, rel)), { level: 9 }).length;
const context = { window: {} };
vm.runInNewContext(fs.readFileSync(path.join(site, "assets/search-index.js"), "utf8"), context);
const index = context.window.DANHMUC_SEARCH_INDEX;
// The page's first page of results (an older search.js: 20).
const PAGE = index.sharded ? api.PAGE_SIZE || 20 : Infinity;

/** A searcher whose loader runs index files as the browser would, and
    counts the time spent loading them. */
function searcher(loaded) {
  const clock = { loading: 0 };
  const s = new api.Searcher(index, (rel) => {
    const start = performance.now();
    loaded.push(rel);
    vm.runInNewContext(fs.readFileSync(path.join(site, rel), "utf8"), { DanhmucSearch: api });
    clock.loading += performance.now() - start;
    return Promise.resolve();
  });
  return { s, clock };
}

/** Searches `q` as the page does (understanding it first, `find`; an
    older search.js without it: prepare and rank); the milliseconds
    computed, loading excluded. */
async function show({ s, clock }, q) {
  const start = performance.now();
  const loadingBefore = clock.loading;
  let found;
  if (s.find) {
    found = await s.find(q, {}, PAGE, false);
  } else {
    await s.prepare(q, {}, PAGE);
    found = s.page(q, {}, PAGE);
  }
  const ms = performance.now() - start - (clock.loading - loadingBefore);
  return { total: found.total, ms, shown: found.results.map((r) => r.id) };
}

(async () => {
  if (process.env.COLD) {
    const cold = await show(searcher([]), query);
    console.log(JSON.stringify({ query, results: cold.total, cold_ms: Math.round(cold.ms * 10) / 10 }));
    return;
  }
  const loaded = [];
  const typing = searcher(loaded);
  let keystroke = 0;
  let last = null;
  const shown = new Set();
  // Every keystroke's prefix, as the reader types (the page's search
  // while typing, `quick`), then the whole query once the reader pauses.
  for (let i = 1; i <= query.length; i++) {
    typing.s.quick = i < query.length;
    last = await show(typing, query.slice(0, i));
    keystroke = Math.max(keystroke, last.ms);
    last.shown.forEach((id) => shown.add(id));
  }
  await typing.s.loadTexts(last.shown);
  const first = await show(searcher([]), query);
  const files = ["tim-kiem/index.html", "assets/style.css", "assets/site.js", "assets/search.js", "assets/search-index.js", ...loaded];
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  const size = index.text_chunk || 1;
  const finalChunks = new Set(last.shown.map((id) => Math.floor(id / size)));
  const eachChunks = new Set([...shown].map((id) => Math.floor(id / size)));
  const texts = index.sharded ? [...eachChunks].filter((c) => !finalChunks.has(c)).reduce((sum, c) => sum + gz(`assets/search/t${c}.js`), 0) : 0;
  console.log(JSON.stringify({ query, results: last.total, files: files.length, bytes: total,
    first_ms: Math.round(first.ms * 10) / 10, keystroke_ms: Math.round(keystroke * 10) / 10, texts_each_kb: Math.round(texts / 100) / 10 }));
})();
