#!/usr/bin/env node
// bench/query-time.js SITE QUERY...: how long the search page of the built
// SITE computes before showing results, in Debian's Chromium opened from
// disk (file://), index files' loading excluded. Per query, on a fresh page:
// `first_ms`, the whole query at once, run by this script once the page is
// ready; `shared_ms`, the page opened with the query in its address (a
// shared link), from the start of the page's set-up (search.js's
// initPage) until the results list is filled, that set-up and the
// rendering included; then typed letter by letter (each prefix as the page
// searches while the reader types, the whole query as once the reader
// pauses),
// `keystroke_ms`, the slowest keystroke, and `no_load_ms`, the slowest of
// those that needed no new index file. Prints one JSON line per query.
// Needs: npm ci (playwright-core) and chromium (scripts/test installs
// both).
"use strict";
const path = require("node:path");
const { launchBrowser, fileUrl } = require(path.join(__dirname, "..", "tests", "js", "helpers"));

const [site, ...queries] = process.argv.slice(2);

/** Runs in the page: the milliseconds computed for each query shown,
    waiting for index files excluded. */
async function measure(query) {
  const api = window.DanhmucSearch;
  const index = window.DANHMUC_SEARCH_INDEX;
  const root = document.getElementById("search-form").getAttribute("data-root") || "";
  const page = index.sharded ? api.PAGE_SIZE || 20 : Infinity;
  let pending = 0, since = 0, waited = 0, loads = 0;
  function load(rel) {
    return new Promise((resolve, reject) => {
      loads++;
      if (pending++ === 0) since = performance.now();
      const script = document.createElement("script");
      script.src = root + rel;
      script.onload = () => {
        if (--pending === 0) waited += performance.now() - since;
        resolve();
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  async function show(searcher, q) {
    const start = performance.now();
    const before = waited;
    // As the page searches: understanding the query first (find); an
    // older search.js without it prepares and ranks.
    let shown;
    if (searcher.find) {
      shown = (await searcher.find(q, {}, page, false)).results;
    } else {
      await searcher.prepare(q, {}, page);
      shown = searcher.page(q, {}, page).results;
    }
    await searcher.loadTexts(shown.map((r) => r.id));
    searcher.fillSnippets(shown, q);
    return performance.now() - start - (waited - before);
  }
  const first = await show(new api.Searcher(index, load), query);
  const typing = new api.Searcher(index, load);
  let keystroke = 0, noLoad = 0;
  for (let i = 1; i <= query.length; i++) {
    const before = loads;
    // As the page searches while the reader types, then once the reader
    // pauses (see search.js's page).
    typing.quick = i < query.length;
    const ms = await show(typing, query.slice(0, i));
    keystroke = Math.max(keystroke, ms);
    if (loads === before) noLoad = Math.max(noLoad, ms);
  }
  const round = (ms) => Math.round(ms * 10) / 10;
  return { query, first_ms: round(first), keystroke_ms: round(keystroke), no_load_ms: round(noLoad) };
}

/** Runs in the page before its scripts: notes when the page starts
    (search.js's initPage, which it runs as soon as it is loaded: a deferred
    script runs before DOMContentLoaded), when the results list is first
    filled, and how long index files were being loaded meanwhile. A
    script's load event is caught on the document before the script's own
    handler, so the work that handler starts is not counted as loading.
    The clock must not start at DOMContentLoaded: that comes after
    initPage, and after it has asked for the term blocks, whose loading
    would then count as the script's time. */
function watchSharedLink() {
  const w = window;
  w.__pending = 0;
  w.__waited = 0;
  let api;
  Object.defineProperty(w, "DanhmucSearch", {
    configurable: true,
    get() { return api; },
    set(value) {
      api = value;
      // The page's start, wrapped whether initPage is there already (an
      // older script assigns the finished object) or comes later (the
      // parts add to the object one by one).
      const wrap = (initPage) => function () {
        w.__start = performance.now();
        return initPage.apply(this, arguments);
      };
      let initPage = value.initPage && wrap(value.initPage);
      Object.defineProperty(value, "initPage", {
        configurable: true, enumerable: true,
        get() { return initPage; },
        set(f) { initPage = wrap(f); },
      });
    },
  });
  const append = Node.prototype.appendChild;
  Node.prototype.appendChild = function (child) {
    if (child && child.tagName === "SCRIPT" && w.__start !== undefined) {
      child.__index = true;
      if (w.__pending++ === 0) w.__since = performance.now();
    }
    return append.call(this, child);
  };
  const loaded = (event) => {
    if (!event.target || !event.target.__index) return;
    event.target.__index = false;
    if (--w.__pending === 0) w.__waited += performance.now() - w.__since;
  };
  document.addEventListener("load", loaded, true);
  document.addEventListener("error", loaded, true);
  new MutationObserver(() => {
    const list = document.getElementById("search-results");
    if (w.__end === undefined && list && list.children.length) w.__end = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

async function sharedLink(browser, query) {
  const page = await browser.newPage();
  await page.addInitScript(watchSharedLink);
  await page.goto(fileUrl(site, "tim-kiem/index.html") + "?q=" + encodeURIComponent(query));
  await page.waitForFunction(() => window.__end !== undefined);
  const ms = await page.evaluate(() => window.__end - window.__start - window.__waited);
  await page.close();
  return Math.round(ms * 10) / 10;
}

(async () => {
  const browser = await launchBrowser(["--allow-file-access-from-files"]);
  try {
    for (const query of queries) {
      const page = await browser.newPage();
      await page.goto(fileUrl(site, "tim-kiem/index.html"));
      await page.waitForSelector("html.search-ready");
      const row = await page.evaluate(measure, query);
      await page.close();
      row.shared_ms = await sharedLink(browser, query);
      console.log(JSON.stringify(row));
    }
  } finally {
    await browser.close();
  }
})();
