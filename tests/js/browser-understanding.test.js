// The search page understanding queries as people type them, in Debian's
// Chromium, on the real catalog opened from disk (file://).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { buildRealSite, launchBrowser, openSearchPage } = require("./helpers");

let browser;
let site;

test.before(async () => {
  site = buildRealSite();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
});

function open(query = "") {
  return openSearchPage(browser, site, query);
}

/** Types `text` into the box and waits until the status line says what
    was searched (`searched`, by default the text). */
async function search(page, text, searched = text) {
  await page.fill("#q", "");
  await page.type("#q", text);
  await page.waitForFunction((s) => new RegExp(`^(Tìm thấy \\d+|Không tìm thấy) CSDL( nào)? cho “${s}”`).test(document.getElementById("search-status").textContent),
    searched.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

const titles = (page) => page.$$eval("#search-results a[href]", (links) => links.map((a) => a.textContent));

const CASES = [
  ["thuee bao ddieenj thoaij", "thuê bao điện thoại", "CSDL hạ tầng viễn thông, thuê bao điện thoại"],
  ["d9ie65n thoai5", "điện thoại", "CSDL hạ tầng viễn thông, thuê bao điện thoại"],
  ["nhaf owr", "nhà ở", "CSDL nhà ở và thị trường bất động sản"],
  ["thuebao", "thue bao", "CSDL hạ tầng viễn thông, thuê bao điện thoại"],
  ["KH&CN", "khoa học và công nghệ", "Cơ sở dữ liệu quản lý đề tài khoa học công nghệ"],
  ["so tai nguyen moi truong khoang san", "sở nông nghiệp và môi trường khoang san", "CSDL khoáng sản"],
  ["Sở TN&MT", "sở nông nghiệp và môi trường", "CSDL môi trường"],
  ["giay fep xay dung", "giay phep xay dung", "CSDL cấp phép xây dựng"],
  ["tra cứu đất đai ở đâu", "đất đai", "CSDL Đất đai"]
];

test("Telex, VNI, glued words, abbreviations, former names, typos and questions are understood, and the page says how", async () => {
  const page = await open();
  for (const [typed, searched, first] of CASES) {
    await search(page, typed, searched);
    assert.equal(await page.textContent("#search-understood"), `Kết quả cho “${searched}”. Tìm đúng như đã gõ: “${typed}”`, typed);
    assert.equal(await page.isVisible("#search-understood"), true, typed);
    assert.equal((await titles(page))[0], first, typed);
    assert.match(await page.textContent("#search-status"), new RegExp(`^Tìm thấy \\d+ CSDL cho “${searched}”`), typed);
  }
  // A plain query hides it again.
  await search(page, "dat dai");
  assert.equal(await page.isVisible("#search-understood"), false);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the link searches the words exactly as typed, as a shared address", async () => {
  const page = await open("?q=ddaats+ddai");
  await page.waitForFunction(() => !document.getElementById("search-understood").hidden);
  assert.equal((await titles(page))[0], "CSDL Đất đai");
  await page.click("#search-understood a");
  await page.waitForFunction(() => /chinh-xac=1/.test(location.search) && /^Không tìm thấy/.test(document.getElementById("search-status").textContent));
  assert.equal(await page.textContent("#search-status"), "Không tìm thấy CSDL nào cho “ddaats ddai”.");
  assert.equal(await page.isVisible("#search-understood"), false);
  // Back: understood again.
  await page.goBack();
  await page.waitForFunction(() => !document.getElementById("search-understood").hidden);
  assert.equal((await titles(page))[0], "CSDL Đất đai");
  // The exact search opened as a link stays exact.
  const shared = await open("?q=ddaats+ddai&chinh-xac=1");
  await shared.waitForFunction(() => /^Không tìm thấy/.test(document.getElementById("search-status").textContent));
  assert.deepEqual([...page.errors, ...shared.errors], []);
  await page.close();
  await shared.close();
});

test("two syllables the catalog has only apart find nothing, with suggestions apart from the results", async () => {
  const page = await open("?q=nh%C3%A0+m%C3%A1y");
  await page.waitForSelector("#search-suggestions:not([hidden])");
  assert.equal(await page.textContent("#search-status"), "Không tìm thấy CSDL nào cho “nhà máy”.");
  assert.deepEqual(await titles(page), []);
  const suggested = await page.$$eval("#search-suggestions a[href]", (links) => links.map((a) => a.textContent));
  assert.ok(suggested.length > 0 && suggested.length <= 5, suggested.join(" | "));
  assert.equal(await page.$$eval("#search-results #search-suggestions, #search-results + * #search-results", (x) => x.length), 0);
  assert.equal(await page.isVisible("#search-empty"), true);
  // Found again, the suggestions go away.
  await search(page, "khoang san");
  assert.equal(await page.isVisible("#search-suggestions"), false);
  assert.equal((await titles(page))[0], "CSDL khoáng sản");
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Guards against "Không tìm thấy" when the catalog holds a query's
    subject but not its everyday words, and against answering a query about
    something the catalog lacks: the page answers the first, naming the
    words no entry has, and keeps suggestions apart for the second. */
test("a query whose subject the catalog holds is answered, naming the words no entry has", async () => {
  const page = await open();
  await search(page, "hàng bình ổn giá dịp tết", "hàng bình ổn giá");
  assert.equal((await titles(page))[0], "CSDL ngành Công Thương");
  assert.match(await page.textContent("#search-understood"), /^Không có CSDL nào chứa “dịp tết”\. Kết quả cho “hàng bình ổn giá”\. Tìm đúng như đã gõ/);
  assert.equal(await page.isVisible("#search-empty"), false);
  await search(page, "đăng ký kết hôn");
  assert.deepEqual(await titles(page), []);
  assert.equal(await page.textContent("#search-status"), "Không tìm thấy CSDL nào cho “đăng ký kết hôn”.");
  assert.equal(await page.isVisible("#search-understood"), false);
  assert.equal(await page.isVisible("#search-empty"), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Guards against a real word being silently replaced: the correction is
    offered as a link, and the page says it found nothing for what was
    typed. */
/** Guards against a place of the province the catalog does not name
    emptying the page ("cây xanh đô thị ở Móng Cái" found nothing): the
    place is a qualifier, typed with marks or without, and the page says
    that no entry names it. */
test("a place the catalog does not name qualifies the query and never empties the page", async () => {
  const page = await open();
  for (const [typed, searched] of [["cây xanh đô thị ở Móng Cái", "cây xanh đô thị"], ["cay xanh do thi o mong cai", "cay xanh do thi"]]) {
    await search(page, typed, searched);
    assert.equal(await page.textContent("#search-understood"),
      `Không có CSDL nào chứa “Móng Cái”. Kết quả cho “${searched}”. Tìm đúng như đã gõ: “${typed}”`, typed);
    assert.equal((await titles(page))[0], "CSDL hạ tầng kỹ thuật đô thị", typed);
  }
  // A place the catalog names, in an everyday query: entries follow that
  // do not name it.
  await search(page, "khai thác cát Vân Đồn", "khai thác cát");
  assert.ok((await titles(page)).slice(0, 3).includes("CSDL khoáng sản"), (await titles(page)).join(" | "));
  // A place alone that no entry names: what to search for instead.
  await search(page, "mong cai");
  assert.equal(await page.textContent("#search-understood"), "Không CSDL nào ghi riêng “Móng Cái”. Hãy tìm kèm điều cần biết, ví dụ “đất đai Móng Cái”. ");
  assert.equal(await page.isVisible("#search-understood"), true);
  await search(page, "du lịch Vân Đồn");
  assert.equal((await titles(page))[0], "CSDL Sản phẩm, khách du lịch, sự kiện văn hoá thể thao và Du lịch trên địa bàn tỉnh Quảng Ninh");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a correction of a real word is offered, not applied", async () => {
  const page = await open();
  await search(page, "quạt");
  assert.equal(await page.textContent("#search-understood"), "Có phải bạn muốn tìm “quan”? ");
  await page.click("#search-understood a");
  await page.waitForFunction(() => /^Tìm thấy \d+ CSDL cho “quan”/.test(document.getElementById("search-status").textContent));
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Guards against a reader who finds nothing having no way to say what
    they looked for: with a `[feedback] address`, the page links to it,
    the query in the mail's subject. */
test("nothing found offers to report the search to the publisher", async () => {
  const fs = require("node:fs");
  const path = require("node:path");
  const { buildSite, copyRealCatalog } = require("./helpers");
  const dir = copyRealCatalog("report");
  const toml = path.join(dir, "danhmuc.toml");
  fs.writeFileSync(toml, fs.readFileSync(toml, "utf8").replace(/^\[feedback\]\n/m, "[feedback]\naddress = \"mailto:gopy@example.gov.vn\"\n"));
  const page = await openSearchPage(browser, buildSite(dir), "?q=h%E1%BB%99+chi%E1%BA%BFu");
  await page.waitForFunction(() => /h%E1%BB%99/.test(document.getElementById("search-report").href));
  assert.equal(await page.getAttribute("#search-report", "href"),
    "mailto:gopy@example.gov.vn?subject=T%C3%ACm%20ki%E1%BA%BFm%20kh%C3%B4ng%20c%C3%B3%20k%E1%BA%BFt%20qu%E1%BA%A3%3A%20h%E1%BB%99%20chi%E1%BA%BFu");
  assert.equal(await page.isVisible("#search-report"), true);
  // Found: no report link.
  await search(page, "đất đai");
  assert.equal(await page.isVisible("#search-report"), false);
  assert.deepEqual(page.errors, []);
  await page.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
