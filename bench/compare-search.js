#!/usr/bin/env node
// bench/compare-search.js [SITE]: the search test sets scored for danhmuc
// (the page's search, Searcher.find) and for MiniSearch configured as a
// competent developer would: every field, the title boosted, diacritics
// folded, prefix search, fuzzy 0.2, any word (OR). SITE is a build of the
// real catalog (default: builds one). A case passes when its expected
// entries are in the first three results (`top3` all, `any` one), or when
// nothing is found for a `none` case. Prints a Markdown table per category
// of tests/understanding.json, and the tidy queries of tests/relevance.json.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const MiniSearch = require("minisearch");
const h = require(path.join(__dirname, "..", "tests", "js", "helpers"));

const site = process.argv[2] || h.buildRealSite();
const index = h.loadIndex(site);
const read = (name) => JSON.parse(fs.readFileSync(path.join(h.REPO, "tests", name), "utf8"));
const understanding = read("understanding.json").cases;
const relevance = read("relevance.json").map((c) => ({ ...c, category: "tidy (relevance.json)" }));

// The same documents: the fields the index holds, as plain text.
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
const mini = new MiniSearch({
  fields: index.fields,
  storeFields: ["slug"],
  processTerm: (term) => fold(term.toLowerCase()),
  searchOptions: {
    boost: { title: 3, sector: 1.5, agencies: 1.5, purpose: 1.2 },
    prefix: true,
    fuzzy: 0.2,
    combineWith: "OR"
  }
});
mini.addAll(index.docs.map((doc, id) => {
  const record = { id, slug: doc.url.split("/")[1] };
  index.fields.forEach((field, f) => { record[field] = index.text[id][f]; });
  return record;
}));

function passes(c, slugs, total) {
  const top = slugs.slice(0, 3);
  if (c.none) return total === 0;
  if (c.top3) return c.top3.every((s) => top.includes(s));
  return c.any.some((s) => top.includes(s));
}

(async () => {
  const searcher = h.searcherOf(site);
  const rows = new Map();
  const failures = { danhmuc: [], MiniSearch: [] };
  for (const c of [...understanding, ...relevance]) {
    const found = await searcher.find(c.query, c.filters || {}, Infinity, false);
    const ours = passes(c, Array.from(found.results, (r) => r.doc.url.split("/")[1]), found.total);
    const theirs = mini.search(c.query);
    const other = !c.filters && passes(c, theirs.map((r) => r.slug), theirs.length);
    const row = rows.get(c.category) || { n: 0, ours: 0, theirs: 0 };
    row.n++;
    row.ours += ours;
    row.theirs += other;
    rows.set(c.category, row);
    if (!ours) failures.danhmuc.push(c.query);
    if (!other) failures.MiniSearch.push(c.query);
  }
  console.log("| queries | cases | danhmuc | MiniSearch |");
  console.log("| --- | --- | --- | --- |");
  const total = { n: 0, ours: 0, theirs: 0 };
  for (const [category, row] of rows) {
    if (category.startsWith("tidy")) continue;
    console.log(`| ${category} | ${row.n} | ${row.ours} | ${row.theirs} |`);
    total.n += row.n; total.ours += row.ours; total.theirs += row.theirs;
  }
  console.log(`| **as people type (understanding.json)** | ${total.n} | **${total.ours}** | **${total.theirs}** |`);
  const tidy = rows.get("tidy (relevance.json)");
  console.log(`| tidy (relevance.json) | ${tidy.n} | ${tidy.ours} | ${tidy.theirs} |`);
  for (const [who, list] of Object.entries(failures)) console.log(`\n${who} fails: ${list.map((q) => `“${q}”`).join(", ") || "none"}`);
})();
