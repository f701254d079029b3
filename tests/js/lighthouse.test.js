// Lighthouse (npm, with Debian's Chromium) on the home, an entry and the
// search page of the real catalog, served over HTTP under a subpath.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const net = require("node:net");
const { buildRealSite, launchBrowser, serveSite } = require("./helpers");

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

test("Lighthouse: 100 for accessibility, best practices and SEO, at least 95 for performance", async () => {
  const { default: lighthouse } = await import("lighthouse");
  const site = buildRealSite();
  const server = await serveSite(site, "/danh-muc/");
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  const failures = [];
  try {
    for (const [name, path] of [["home", "index.html"], ["entry", "csdl/csdl-dat-dai/index.html"], ["search", "tim-kiem/index.html?q=dat+dai"]]) {
      const result = await lighthouse(server.base + path, {
        port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      const scores = Object.fromEntries(Object.entries(result.lhr.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
      console.log(`# lighthouse ${name}: ${JSON.stringify(scores)}`);
      for (const category of ["accessibility", "best-practices", "seo"]) {
        if (scores[category] !== 100) {
          const failed = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && result.lhr.categories[category].auditRefs.some((r) => r.id === a.id && r.weight > 0));
          failures.push(`${name} ${category} ${scores[category]}: ${failed.map((a) => a.id).join(", ")}`);
        }
      }
      if (scores.performance < 95) failures.push(`${name} performance ${scores.performance}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(failures, []);
});
