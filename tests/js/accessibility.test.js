// Pages everyone can use, checked in Debian's Chromium on the real catalog:
// axe-core (WCAG 2.1 AA) on every page type in light and dark schemes, a
// 360 px phone, tap targets, keyboard, print, and page weight.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { THEME, buildPagedRealSite, buildRealSite, launchBrowser, serveSite } = require("./helpers");

const PAGES = {
  home: "index.html",
  entry: "csdl/csdl-cap-phep-xay-dung/index.html",
  sector: "linh-vuc/khoa-hoc-va-cong-nghe/index.html",
  sectors: "linh-vuc/index.html",
  agency: "don-vi/so-nong-nghiep-va-moi-truong/index.html",
  agencies: "don-vi/index.html",
  group: "nhom/a/index.html",
  table: "toan-bo-danh-muc/index.html",
  decision: "quyet-dinh/index.html",
  statistics: "thong-ke/index.html",
  "search with results": "tim-kiem/index.html?q=moi+truong",
  "search without results": "tim-kiem/index.html?q=xyzabc",
  "404": "404.html",
  // A large catalog's table comes in pages; this copy splits the real one.
  "table, page 2 of 3": "paged:toan-bo-danh-muc/trang-2/index.html",
};

let browser, site, server, pagedServer;

test.before(async () => {
  site = buildRealSite();
  server = await serveSite(site, "/danh-muc/");
  pagedServer = await serveSite(buildPagedRealSite(), "/danh-muc/");
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (pagedServer) pagedServer.close();
});

async function open(page, path, options = {}) {
  if (path.startsWith("paged:")) await page.goto(pagedServer.base + path.slice("paged:".length));
  else await page.goto(server.base + path);
  if (path.startsWith("tim-kiem/")) await page.waitForSelector("html.search-ready");
  if (options.settle !== false) await page.waitForLoadState("load");
}

async function axe(page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no WCAG 2.1 AA violation on any page type (${scheme} scheme)`, async () => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const failures = [];
    for (const [name, path] of Object.entries(PAGES)) {
      await open(page, path);
      const violations = await axe(page);
      if (violations.length) failures.push(`${name}: ${violations.join("; ")}`);
    }
    await context.close();
    assert.deepEqual(failures, []);
  });
}

test("at 360 px nothing scrolls sideways and tap targets are at least 44 px", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const failures = [];
  for (const [name, path] of Object.entries(PAGES)) {
    await open(page, path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) failures.push(`${name}: page is ${width} px wide`);
    const small = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll("a[href], button, input, select, summary")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        // Links inside running text are exempt (WCAG 2.5.5, "inline").
        if (el.closest("p, li p, td, .snippet, dd p") && el.tagName === "A" && !el.closest(".search-results > li > a")) continue;
        if (box.height < 44 && box.width < 44) out.push(`${el.tagName.toLowerCase()} “${(el.textContent || el.id).trim().slice(0, 30)}” ${Math.round(box.width)}×${Math.round(box.height)}`);
        else if (box.height < 43.5) out.push(`${el.tagName.toLowerCase()} “${(el.textContent || el.id).trim().slice(0, 30)}” ${Math.round(box.height)} px high`);
      }
      return out;
    });
    if (small.length) failures.push(`${name}: ${small.slice(0, 5).join("; ")}${small.length > 5 ? ` (+${small.length - 5})` : ""}`);
  }
  await context.close();
  assert.deepEqual(failures, []);
});

test("the full table stays readable on a phone: one card per database", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await open(page, PAGES.table);
  const layout = await page.evaluate(() => {
    const row = document.querySelector(".catalog-table tbody tr[id]");
    const cell = row.querySelector("td[data-label='Mục đích']");
    return { display: getComputedStyle(cell).display, label: getComputedStyle(cell, "::before").content, width: row.getBoundingClientRect().width };
  });
  assert.equal(layout.display, "block");
  assert.equal(layout.label, '"Mục đích"');
  assert.ok(layout.width <= 360);
  await context.close();
});

test("keyboard: skip link first, visible focus, the search box by /", async () => {
  const page = await browser.newPage();
  await open(page, PAGES.home);
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => ({ text: document.activeElement.textContent, left: document.activeElement.getBoundingClientRect().left }));
  assert.equal(first.text, "Bỏ qua, đến nội dung chính");
  assert.ok(first.left >= 0, "the skip link is on screen when focused");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => location.hash), "#noi-dung");

  // Every control on the home page can be reached, and shows focus.
  await page.goto(server.base + PAGES.home);
  const focusable = await page.evaluate(() => document.querySelectorAll("a[href], button, input, select").length);
  const seen = new Set();
  const invisible = [];
  for (let i = 0; i < focusable + 2; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const index = [...document.querySelectorAll("a[href], button, input, select")].indexOf(el);
      return { key: `${index}: ${el.outerHTML.slice(0, 60)}`, outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2, shadow: style.boxShadow !== "none" };
    });
    if (info.key.startsWith("-1:")) continue; // past the last control: the page itself
    seen.add(info.key);
    if (!info.outline && !info.shadow) invisible.push(info.key);
  }
  assert.ok(seen.size >= focusable - 1, `reached ${seen.size} of ${focusable}`);
  assert.deepEqual(invisible, [], "focus must be visible");
  await page.keyboard.press("Escape");
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "site-search");
  await page.close();
});

test("print: no navigation or search, link addresses shown, rows kept whole", async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ media: "print" });
  for (const path of [PAGES.entry, PAGES.table]) {
    await open(page, path);
    const hidden = await page.evaluate(() =>
      [".site-header", ".breadcrumbs", ".site-footer", ".pager", ".skip-link"].map((s) => {
        const el = document.querySelector(s);
        return !el || getComputedStyle(el).display === "none";
      }));
    assert.ok(hidden.every(Boolean), `${path}: navigation printed`);
  }
  await open(page, PAGES.table);
  const breakInside = await page.evaluate(() => getComputedStyle(document.querySelector(".catalog-table tbody tr[id]")).breakInside);
  assert.equal(breakInside, "avoid");
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10000, "the table prints");
  await page.close();
});

test("the published style sheet, minified, is read by the browser as its source is", async () => {
  const source = fs.readFileSync(path.join(THEME, "assets", "style.css"), "utf8");
  const published = fs.readFileSync(path.join(site, "assets", "style.css"), "utf8");
  const gz = (text) => zlib.gzipSync(text, { level: 9 }).length;
  assert.ok(gz(published) < 0.9 * gz(source), `published ${gz(published)} bytes gzip, source ${gz(source)}`);
  const page = await browser.newPage();
  try {
    // Chromium's own serialization of every rule, media queries included.
    const rules = (css) => page.evaluate((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return Array.from(sheet.cssRules, (rule) => rule.cssText);
    }, css);
    const expected = await rules(source);
    assert.ok(expected.length > 100, `only ${expected.length} rules`);
    assert.deepEqual(await rules(published), expected);
  } finally {
    await page.close();
  }
});

test("an entry page weighs under 30 KB compressed with its CSS and JavaScript, and loads nothing else", async () => {
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url().slice(server.base.length)));
  await open(page, PAGES.entry);
  await page.waitForLoadState("networkidle");
  assert.deepEqual(requests.filter((r) => !r.endsWith("favicon.svg")).sort(), ["assets/site.js", "assets/style.css", PAGES.entry].sort(), "no search index, no font, nothing from elsewhere");
  const gz = (p) => zlib.gzipSync(fs.readFileSync(path.join(site, p)), { level: 9 }).length;
  const total = gz(PAGES.entry) + gz("assets/style.css") + gz("assets/site.js");
  console.log(`# weight: entry page ${gz(PAGES.entry)} + style.css ${gz("assets/style.css")} + site.js ${gz("assets/site.js")} = ${total} bytes gzip`);
  assert.ok(total < 30 * 1024, `${total} bytes`);
  const blocking = await page.evaluate(() => [...document.querySelectorAll("head script:not([defer]):not([async]):not([type='application/ld+json'])")].length);
  assert.equal(blocking, 0, "no render-blocking script");
  await page.close();
});
