// Lighthouse (npm, with Debian's Chromium) on the home, an entry and the
// search page of the real catalog, served over HTTP under a subpath.
//
// The performance score depends on how busy the machine is (a 2-core
// machine running a build beside it scored 92 with nothing wrong in the
// pages), so it is printed, not asserted. What makes it is asserted
// instead, since none of that depends on the hour: the bytes a page
// transfers, no script that blocks the first paint and one small style
// sheet (Lighthouse's own render-blocking audit only lists what its
// simulated network makes cost over 50 ms), and no layout shift.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const net = require("node:net");
const fs = require("node:fs");
const pathModule = require("node:path");
const { buildRealSite, launchBrowser, serveSite } = require("./helpers");

/** What in a page's HTML would hold up its first paint: scripts loaded
    without `defer`, `async` or `type="module"`, and style sheets. */
function blockingParts(html) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attrs) => /\bsrc=/.test(attrs) && !/\b(defer|async)\b|type="module"/.test(attrs));
  const styles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
  return { scripts, styles };
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

// Bytes each page transfers, all files included, well above what they
// weigh today (about 10 KB; the search page loads its index parts too).
const BYTE_BUDGET = { home: 20_000, entry: 20_000, search: 120_000 };
const STYLE_BUDGET = 12_000;

test("Lighthouse: 100 for accessibility, best practices and SEO; light pages that nothing blocks or shifts", async () => {
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
      const audits = result.lhr.audits;
      const bytes = audits["total-byte-weight"].numericValue;
      const shift = audits["cumulative-layout-shift"].numericValue;
      const { scripts, styles } = blockingParts(fs.readFileSync(pathModule.join(site, path.split("?")[0]), "utf8"));
      const styleBytes = (audits["network-requests"].details?.items || [])
        .filter((item) => item.resourceType === "Stylesheet")
        .reduce((sum, item) => sum + item.transferSize, 0);
      console.log(`# lighthouse ${name}: ${bytes} bytes, ${scripts.length} blocking scripts, ${styles.length} style sheet of ${styleBytes} bytes, layout shift ${shift} (performance score printed above, not asserted)`);
      if (bytes > BYTE_BUDGET[name]) failures.push(`${name} transfers ${bytes} bytes, over ${BYTE_BUDGET[name]}`);
      if (scripts.length) failures.push(`${name} scripts that block the first paint: ${scripts.join(", ")}`);
      if (styles.length > 1 || styleBytes > STYLE_BUDGET) failures.push(`${name} style sheets: ${styles.length}, ${styleBytes} bytes`);
      if (shift > 0) failures.push(`${name} layout shift ${shift}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  assert.deepEqual(failures, []);
});
