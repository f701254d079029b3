// The search of a catalog in force beside a pending draft, in Debian's
// Chromium from disk (file://): the repository of
// tests/testsuite/scenario/build.rs (1234/QĐ-UBND signed and tagged, then
// the next draft), written by `cargo run --example scenario` and built with
// the danhmuc binary. The search describes the catalog in force: the entry
// the draft takes out is found, the one it adds is not.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { REPO, buildSite, launchBrowser, openSearchPage } = require("./helpers");

let browser;
let site;

/** The scenario's repository in a fresh temporary folder. */
function scenarioProject() {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "danhmuc-scenario-")), "danh-muc");
  const bin = process.env.DANHMUC_BIN || path.join(REPO, "target", "debug", "danhmuc");
  const run = spawnSync("cargo", ["run", "--quiet", "--locked", "--example", "scenario", "--", dir, bin], {
    cwd: REPO,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`the scenario was not written:\n${run.stderr}`);
  return dir;
}

test.before(async () => {
  site = buildSite(scenarioProject());
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
});

async function titlesFor(query) {
  const page = await openSearchPage(browser, site, `?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => /Tìm thấy|Không tìm thấy/.test(document.getElementById("search-status").textContent));
  const titles = await page.$$eval("#search-results a[href]", (links) => links.map((a) => a.textContent.trim()));
  const errors = page.errors;
  await page.close();
  return { titles, errors };
}

test("the entry the draft proposes to take out is still found: it is in force", async () => {
  const { titles, errors } = await titlesFor("quan trắc môi trường tự động");
  assert.equal(titles[0], "Hệ thống quản lý số liệu quan trắc môi trường tự động", titles.join(" | "));
  assert.deepEqual(errors, []);
});

test("the draft's new entry is not among the results in force", async () => {
  const { titles } = await titlesFor("tài nguyên nước");
  assert.ok(!titles.includes("CSDL tài nguyên nước"), titles.join(" | "));
});

test("an entry the draft renames is found by its name in force", async () => {
  const { titles } = await titlesFor("tổ chức bộ máy");
  assert.equal(titles[0], "CSDL tổ chức, bộ máy", titles.join(" | "));
  assert.ok(!titles.some((t) => t.includes("biên chế")), titles.join(" | "));
});
