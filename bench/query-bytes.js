#!/usr/bin/env node
// bench/query-bytes.js SITE QUERY: the bytes (gzip) a browser transfers to
// show the first page of results for QUERY typed on the search page of the
// built SITE: the page, its CSS and scripts, the index, and (for a sharded
// index) the postings shards and text chunks that query loads.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const zlib = require("node:zlib");

const [site, query] = process.argv.slice(2);
const api = require(path.join(__dirname, "..", "static", "assets", "search.js"));
const gz = (rel) => zlib.gzipSync(fs.readFileSync(path.join(site, rel)), { level: 9 }).length;
const context = { window: {} };
vm.runInNewContext(fs.readFileSync(path.join(site, "assets/search-index.js"), "utf8"), context);
const index = context.window.DANHMUC_SEARCH_INDEX;
const loaded = [];
const searcher = new api.Searcher(index, (rel) => {
  loaded.push(rel);
  vm.runInNewContext(fs.readFileSync(path.join(site, rel), "utf8"), { DanhmucSearch: api });
  return Promise.resolve();
});
(async () => {
  // Every keystroke's prefix, as the reader types.
  for (let i = 1; i <= query.length; i++) await searcher.prepare(query.slice(0, i));
  const results = searcher.search(query, {});
  await searcher.loadTexts(results.slice(0, index.sharded ? 20 : results.length).map((r) => r.id));
  const files = ["tim-kiem/index.html", "assets/style.css", "assets/site.js", "assets/search.js", "assets/search-index.js", ...loaded];
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  console.log(JSON.stringify({ query, results: results.length, files: files.length, bytes: total }));
})();
