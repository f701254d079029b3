#!/usr/bin/env node
// Regenerates the README's screenshots (docs/screenshots/) from the real
// catalog in Debian's Chromium: home, an entry, search and the full table,
// at phone (360 px) and desktop (1280 px) widths.
// Usage: cargo build && node scripts/screenshots.js
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { REPO, buildRealSite, launchBrowser, serveSite } = require("../tests/js/helpers");

const SHOTS = [
  ["home", "index.html"],
  ["entry", "csdl/csdl-cap-phep-xay-dung/index.html"],
  ["search", "tim-kiem/index.html?q=quan+trac"],
  ["table", "toan-bo-danh-muc/index.html"],
];
const SIZES = [["desktop", 1280, 860], ["phone", 360, 740]];

(async () => {
  const out = path.join(REPO, "docs", "screenshots");
  fs.mkdirSync(out, { recursive: true });
  const server = await serveSite(buildRealSite(), "/");
  const browser = await launchBrowser();
  try {
    for (const [size, width, height] of SIZES) {
      const page = await browser.newPage({ viewport: { width, height } });
      for (const [name, url] of SHOTS) {
        await page.goto(server.base + url);
        if (url.startsWith("tim-kiem/")) await page.waitForSelector("#search-results li");
        const file = path.join(out, `${name}-${size}.png`);
        await page.screenshot({ path: file });
        console.log(path.relative(REPO, file));
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
})();
