// bench/pagefind.js: Pagefind (npm `pagefind`, its Node API) as
// bench/compare-search.js scores it. It indexes the built site's entry
// pages (`csdl/*/index.html`) as Pagefind's own CLI would, with its
// defaults, and searches them in Chromium through Pagefind's script, served
// over HTTP (Pagefind does not work from file://).
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const h = require(path.join(__dirname, "..", "tests", "js", "helpers"));

/** Indexes `site`'s entry pages with Pagefind; resolves to
    { search(query) → slugs in Pagefind's order, close() }. */
async function pagefindOf(site) {
  const pagefind = await import("pagefind");
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "danhmuc-pagefind-"));
  fs.cpSync(site, copy, { recursive: true });
  const { index } = await pagefind.createIndex({ forceLanguage: "vi" });
  const added = await index.addDirectory({ path: copy, glob: "csdl/*/index.html" });
  if (added.errors.length) throw new Error(added.errors.join("\n"));
  await index.writeFiles({ outputPath: path.join(copy, "pagefind") });
  await pagefind.close();
  const server = await h.serveSite(copy);
  const browser = await h.launchBrowser();
  const page = await browser.newPage();
  await page.goto(server.base + "index.html");
  await page.evaluate(async () => {
    window.pf = await import("/pagefind/pagefind.js");
    await window.pf.init();
  });
  return {
    pages: added.page_count,
    async search(query) {
      return page.evaluate(async (q) => {
        const found = await window.pf.search(q);
        const data = await Promise.all(found.results.slice(0, 3).map((r) => r.data()));
        return { slugs: data.map((d) => d.url.split("/").filter(Boolean)[1]), total: found.results.length };
      }, query);
    },
    async close() {
      await browser.close();
      server.close();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  };
}

module.exports = { pagefindOf };
