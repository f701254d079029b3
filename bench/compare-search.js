#!/usr/bin/env node
// bench/compare-search.js [SITE]: the search test sets scored for danhmuc
// (the page's search, Searcher.find) and for MiniSearch configured as a
// competent developer would: every field, the title boosted, diacritics
// folded, prefix search, fuzzy 0.2, any word (OR). SITE is a build of the
// real catalog (default: builds one). A case passes when its expected
// entries are in the first three results (`top3` all, `any` one), or when
// nothing is found for a `none` case. Prints a Markdown table per category
// of tests/understanding.json, and the tidy queries of tests/relevance.json;
// then the task queries of tests/task-queries.json and of
// tests/task-queries-unseen.json (what people come to do,
// written by someone who never saw the engine) per kind, for danhmuc,
// MiniSearch and Pagefind (bench/pagefind.js, with its defaults): a task
// case passes when one of its expected entries is among the first three
// results, or nothing is found when it expects none.
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
// The task sets: the first, written before the rules it measures, and a
// second written later by someone who saw neither the engine nor the
// first set's results, kept unseen: no rule or word was added for it.
const taskSets = ["task-queries.json", "task-queries-unseen.json"]
  .filter((name) => fs.existsSync(path.join(h.REPO, "tests", name)))
  .map((name) => [name, read(name)]);
const { pagefindOf } = require(path.join(__dirname, "pagefind"));

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
  if (c.expect) return c.expect.length === 0 ? total === 0 : c.expect.some((s) => top.includes(s));
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
  for (const [name, tasks] of taskSets) await scoreTasks(searcher, name, tasks);
})();

/** The task queries `tasks` of file `name` per kind, for the three
    engines: entries by code. */
async function scoreTasks(searcher, name, tasks) {
  const codeOf = (id) => `${index.groups[index.docs[id].group][0]}.${index.docs[id].number}`;
  const bySlug = new Map(index.docs.map((doc, id) => [doc.url.split("/")[1], codeOf(id)]));
  const pagefind = await pagefindOf(site);
  const rows = new Map(), failures = { danhmuc: [], MiniSearch: [], Pagefind: [] };
  for (const c of tasks) {
    const found = await searcher.find(c.query, {}, Infinity, false);
    const theirs = mini.search(c.query), pf = await pagefind.search(c.query);
    const scores = {
      danhmuc: passes(c, Array.from(found.results, (r) => codeOf(r.id)), found.total),
      MiniSearch: passes(c, theirs.map((r) => bySlug.get(r.slug)), theirs.length),
      Pagefind: passes(c, pf.slugs.map((s) => bySlug.get(s)), pf.total)
    };
    const row = rows.get(c.kind) || { n: 0, danhmuc: 0, MiniSearch: 0, Pagefind: 0 };
    row.n++;
    for (const [who, ok] of Object.entries(scores)) {
      row[who] += ok;
      if (!ok) failures[who].push(c.query);
    }
    rows.set(c.kind, row);
  }
  await pagefind.close();
  console.log(`\n| task queries (${name}) | cases | danhmuc | MiniSearch | Pagefind |`);
  console.log("| --- | --- | --- | --- | --- |");
  const total = { n: 0, danhmuc: 0, MiniSearch: 0, Pagefind: 0 };
  for (const [kind, row] of rows) {
    console.log(`| ${kind} | ${row.n} | ${row.danhmuc} | ${row.MiniSearch} | ${row.Pagefind} |`);
    for (const key of Object.keys(total)) total[key] += row[key];
  }
  console.log(`| **all** | ${total.n} | **${total.danhmuc}** | **${total.MiniSearch}** | **${total.Pagefind}** |`);
  for (const [who, list] of Object.entries(failures)) console.log(`\n${who} fails (${name}): ${list.map((q) => `“${q}”`).join(", ") || "none"}`);
}
