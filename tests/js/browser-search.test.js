// End-to-end tests of the search page in Debian's Chromium: the real
// catalog, opened from disk (file://) and served under a subpath.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { buildRealSite, launchBrowser, fileUrl, openSearchPage } = require("./helpers");

let browser;
let site;

test.before(async () => {
  site = buildRealSite();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
});

function openSearch(query = "") {
  return openSearchPage(browser, site, query);
}

async function resultTitles(page) {
  return page.$$eval("#search-results a[href]", (links) => links.map((a) => a.textContent));
}

async function typeQuery(page, text) {
  await page.fill("#q", "");
  await page.type("#q", text);
  await page.waitForFunction((t) => document.getElementById("q").value === t && new URLSearchParams(location.search).get("q") === t, text);
}

test("typing finds CSDL Đất đai with or without diacritics, in any case", async () => {
  const page = await openSearch();
  for (const query of ["dat dai", "đất đai", "ĐẤT ĐAI", "Đất Đai", "dất đai", "đất đai".normalize("NFD")]) {
    await typeQuery(page, query);
    const titles = await resultTitles(page);
    assert.equal(titles[0], "CSDL Đất đai", `first result for ${JSON.stringify(query)}: ${titles.slice(0, 3)}`);
  }
  const status = await page.textContent("#search-status");
  assert.match(status, /^Tìm thấy \d+ CSDL cho “/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the last word is matched as a prefix while typing", async () => {
  const page = await openSearch();
  await typeQuery(page, "quan tr");
  const titles = await resultTitles(page);
  assert.ok(titles.slice(0, 2).every((t) => /quan trắc/i.test(t)), titles.slice(0, 3).join(" | "));
  const marks = await page.$$eval("#search-results li:first-child mark", (m) => m.map((x) => x.textContent.toLowerCase()));
  assert.ok(marks.includes("trắc"), `highlighted: ${marks}`);
  await page.close();
});

test("a result links to its entry page", async () => {
  const page = await openSearch("?q=khoang+san");
  await page.click("#search-results a[href] >> nth=0");
  await page.waitForLoadState();
  assert.equal(await page.textContent("h1"), "CSDL khoáng sản");
  await page.close();
});

test("filters narrow the results, stay in the URL, and the back button restores them", async () => {
  const page = await openSearch();
  await typeQuery(page, "moi truong");
  const all = await resultTitles(page);
  // The filters are folded until the reader opens them.
  assert.equal(await page.$eval("#search-filters", (d) => d.open), false);
  await page.click("#search-filters summary");
  await page.selectOption("#filter-group", "B");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("nhom") === "B");
  const groupB = await resultTitles(page);
  assert.ok(groupB.length > 0 && groupB.length < all.length, `${groupB.length} of ${all.length}`);
  const metas = await page.$$eval("#search-results .result-meta", (m) => m.map((x) => x.textContent));
  assert.ok(metas.every((m) => m.startsWith("Nhóm B")), metas.join("\n"));

  await page.selectOption("#filter-sector", "nong-nghiep-va-moi-truong");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("linh-vuc") === "nong-nghiep-va-moi-truong");
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has("linh-vuc"));
  assert.equal(await page.inputValue("#filter-sector"), "");
  assert.equal(await page.inputValue("#filter-group"), "B");
  assert.deepEqual(await resultTitles(page), groupB);
  await page.close();
});

test("a shared link reproduces the search and its filters", async () => {
  const page = await openSearch("?q=csdl&linh-vuc=y-te&don-vi=so-y-te");
  assert.equal(await page.inputValue("#q"), "csdl");
  assert.equal(await page.inputValue("#filter-sector"), "y-te");
  assert.equal(await page.inputValue("#filter-agency"), "so-y-te");
  assert.equal(await page.$eval("#search-filters", (d) => d.open), true, "filters in use are shown");
  const titles = await resultTitles(page);
  assert.equal(titles.length, 3, titles.join(" | "));
  await page.close();
});

test("no results says so, suggests browsing by sector, and is announced", async () => {
  const page = await openSearch();
  await typeQuery(page, "xyzabc");
  assert.equal((await resultTitles(page)).length, 0);
  const status = page.locator("#search-status");
  assert.equal(await status.getAttribute("aria-live"), "polite");
  assert.equal(await status.textContent(), "Không tìm thấy CSDL nào cho “xyzabc”.");
  assert.ok(await page.isVisible("#search-empty"));
  assert.ok(await page.isVisible("#search-empty a[href$='linh-vuc/index.html']"));
  await page.close();
});

test("the header box on any page leads to the search, by keyboard alone", async () => {
  const page = await browser.newPage();
  await page.goto(fileUrl(site, "csdl/csdl-khoang-san/index.html"));
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "site-search");
  await page.keyboard.type("y te du phong");
  await page.keyboard.press("Enter");
  await page.waitForSelector("html.search-ready");
  await page.waitForFunction(() => document.querySelectorAll("#search-results a").length > 0);
  assert.equal((await resultTitles(page))[0], "CSDL lĩnh vực y tế dự phòng");
  // Tab from the box reaches the button, the folded filters' heading, then
  // the first result; opened, the heading leads to the filters.
  await page.focus("#q");
  const tabs = async (n) => {
    const order = [];
    for (let i = 0; i < n; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName + ":" + document.activeElement.textContent));
    }
    return order;
  };
  assert.deepEqual(await tabs(3), ["BUTTON:Tìm", "SUMMARY:Lọc kết quả", "A:CSDL lĩnh vực y tế dự phòng"]);
  await page.focus("#q");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.deepEqual(await tabs(4), ["filter-group", "filter-sector", "filter-agency", "A:CSDL lĩnh vực y tế dự phòng"]);
  await page.close();
});

test("without JavaScript the search page says so and offers browsing", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(fileUrl(site, "tim-kiem/index.html"));
  const text = await page.textContent("main");
  assert.match(text, /Tìm kiếm cần JavaScript/);
  assert.ok(await page.isVisible("main a[href$='linh-vuc/index.html']"));
  await context.close();
});

test("search works from a static server under a subpath", async () => {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith("/danh-muc/")) { res.writeHead(404); return res.end(); }
    let file = path.join(site, decodeURIComponent(url.pathname.slice("/danh-muc/".length)));
    if (!file.startsWith(site)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
    const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css", ".json": "application/json" };
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}/danh-muc/`;
  const page = await browser.newPage();
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });
  await page.goto(base + "tim-kiem/?q=cong+bao");
  await page.waitForSelector("html.search-ready");
  assert.equal((await resultTitles(page))[0], "CSDL Công báo điện tử");
  await page.click("#search-results a[href] >> nth=0");
  await page.waitForLoadState();
  assert.equal(page.url(), base + "csdl/csdl-cong-bao-dien-tu/index.html");
  assert.deepEqual(outside, [], "no request leaves the site");
  await page.close();
  server.close();
});

test("a sharded index loads its parts as scripts from disk (file://)", async () => {
  const { buildShardedRealSite } = require("./helpers");
  const sharded = buildShardedRealSite();
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(fileUrl(sharded, "tim-kiem/index.html"));
  await page.waitForSelector("html.search-ready");
  await page.type("#q", "dat dai");
  await page.waitForFunction(() => document.querySelectorAll("#search-results a").length > 0);
  assert.equal((await resultTitles(page))[0], "CSDL Đất đai");
  const snippet = await page.textContent("#search-results li:first-child .snippet");
  assert.ok(snippet.length > 20, "snippet text loaded with the results");
  const parts = requests.filter((u) => u.includes("/assets/search/"));
  assert.ok(parts.some((u) => /\/p\d+\.js$/.test(u)) && parts.some((u) => /\/t\d+\.js$/.test(u)), parts.join("\n"));
  assert.ok(!parts.some((u) => u.endsWith("/filters.js")), "no filter data without a filter");
  const meta = await page.textContent("#search-results li:first-child");
  assert.ok(meta.includes("Nhóm B") && meta.includes("Nông nghiệp và Môi trường"), meta);
  // A filter loads what it needs and narrows the results.
  const before = await resultTitles(page);
  await page.click("#search-filters summary");
  await page.selectOption("#filter-group", "A");
  await page.waitForFunction((n) => document.querySelectorAll("#search-results a").length !== n, before.length);
  assert.ok(requests.some((u) => u.endsWith("/assets/search/filters.js")));
  assert.ok(!(await resultTitles(page)).includes("CSDL Đất đai"), "CSDL Đất đai is in group B");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a large catalog shows its results ten at a time, and “Xem thêm” the next, in the single file's order", async () => {
  const { buildShardedRealSite } = require("./helpers");
  const sharded = buildShardedRealSite();
  const whole = await openSearch("?q=du+lieu");
  await whole.waitForFunction(() => document.querySelectorAll("#search-results a").length > 0);
  const all = await resultTitles(whole);
  assert.ok(all.length > 20, `${all.length} results`);
  assert.ok(await whole.isHidden("#search-more"), "a small catalog shows every result at once");
  await typeQuery(whole, "co so du lieu");
  await whole.waitForFunction(() => document.querySelectorAll("#search-results a").length > 10);
  const typed = (await resultTitles(whole)).slice(0, 10);
  await whole.close();

  const page = await browser.newPage();
  await page.goto(fileUrl(sharded, "tim-kiem/index.html") + "?q=du+lieu");
  await page.waitForFunction(() => document.querySelectorAll("#search-results a").length > 0);
  assert.deepEqual(await resultTitles(page), all.slice(0, 10));
  assert.match(await page.textContent("#search-status"), new RegExp(`Tìm thấy ${all.length} CSDL.*Hiển thị 10 kết quả đầu`));
  assert.equal((await page.textContent("#search-more")).trim(), "Xem thêm 10 kết quả");
  // By keyboard: the next ten come after the first, and the reader is
  // taken to the first of them.
  await page.focus("#search-more");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("#search-results a").length === 20);
  assert.deepEqual(await resultTitles(page), all.slice(0, 20));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), all[10]);
  while (await page.isVisible("#search-more")) {
    const shown = (await resultTitles(page)).length;
    await page.click("#search-more");
    await page.waitForFunction((n) => document.querySelectorAll("#search-results a").length > n, shown);
  }
  assert.deepEqual(await resultTitles(page), all);
  // A new query typed starts again from its first ten, in the single
  // file's order once the reader pauses.
  await typeQuery(page, "co so du lieu");
  await page.waitForFunction((want) => {
    const links = [...document.querySelectorAll("#search-results a")].map((a) => a.textContent);
    return links.length === 10 && links.every((t, i) => t === want[i]);
  }, typed);
  assert.ok(await page.isVisible("#search-more"));
  await page.close();
});

test("a reader who moved into the results keeps the place once the search completes its order", async () => {
  const { buildShardedRealSite } = require("./helpers");
  const page = await browser.newPage();
  await page.goto(fileUrl(buildShardedRealSite(), "tim-kiem/index.html"));
  await page.waitForSelector("html.search-ready");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.type("#q", "co so du lieu");
  await page.waitForFunction(() => document.querySelectorAll("#search-results a").length === 10);
  // Titles' and keywords' positions (fields 0 and 8) only, while typing.
  const later = (u) => /\/p\d+-[1-7]\.js$/.test(u);
  assert.ok(!requests.some(later), requests.filter(later).join(" "));
  await page.focus("#search-results li:nth-child(2) a");
  const focused = await page.evaluate(() => document.activeElement.textContent);
  // The pause: the other positions load, the list stays as the reader has it.
  for (let waited = 0; !requests.some(later); waited += 50) {
    assert.ok(waited < 5000, "the rest of the positions never loaded");
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), focused);
  // A query that matches nothing: its suggestions come once the reader
  // pauses.
  await typeQuery(page, "vịnh kinh tế");
  await page.waitForSelector("#search-suggestions li a");
  assert.equal(await page.textContent("#search-suggestions li a"), "CSDL Ô nhiễm nước vịnh Hạ Long");
  assert.match(await page.textContent("#search-status"), /Không tìm thấy/);
  await page.close();
});

// Regression: on a 360 × 740 phone the header, the box and three filters
// pushed the first result below the fold. The count and the first result
// must show without scrolling, also with the larger text of the phones'
// accessibility settings (text at 130 %).
test("on a phone the count and the first result show without scrolling", async () => {
  for (const scale of [100, 130]) {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.addInitScript((percent) => {
      document.addEventListener("DOMContentLoaded", () => { document.documentElement.style.fontSize = percent + "%"; });
    }, scale);
    await page.goto(fileUrl(site, "tim-kiem/index.html") + "?q=dat+dai");
    await page.waitForFunction(() => document.querySelectorAll("#search-results a").length > 0);
    const bottom = (selector) => page.$eval(selector, (e) => e.getBoundingClientRect().bottom);
    const status = await bottom("#search-status");
    const first = await bottom("#search-results li:first-child a");
    assert.ok(status <= 740 && first <= 740, `text ${scale} %: count ends at ${status} px, first result at ${first} px`);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.close();
  }
});
