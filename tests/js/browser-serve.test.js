// `danhmuc serve` in Chromium on a copy of the real catalog: a save shows up
// in the open page by itself; a broken file shows an overlay, fixing it
// brings the page back.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const readline = require("node:readline");
const { REPO, copyRealCatalog, launchBrowser } = require("./helpers");

function copyProject() {
  return copyRealCatalog("serve");
}

function startServe(root) {
  const bin = process.env.DANHMUC_BIN || path.join(REPO, "target", "debug", "danhmuc");
  // As editors run it: from the project folder, with no --root.
  const child = spawn(bin, ["serve", "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
  const lines = readline.createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    lines.on("line", (line) => {
      const m = line.match(/^Xem trước tại (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve({ child, url: m[1] });
    });
    child.on("exit", (code) => reject(new Error(`serve exited ${code}`)));
  });
}

test("live preview: save, error overlay, fix", async () => {
  const root = copyProject();
  const { child, url } = await startServe(root);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(url + "csdl/csdl-dat-dai/");
    // The page is listening for rebuilds once its event stream is open.
    await page.waitForSelector("html[data-danhmuc-live]");
    const file = path.join(root, "content", "csdl", "b-08-csdl-dat-dai.md");
    const original = fs.readFileSync(file, "utf8");

    const saved = Date.now();
    fs.writeFileSync(file, original.replace("Cung cấp dịch vụ nền bản đồ", "Cung cấp (đã sửa) dịch vụ nền bản đồ"));
    await page.waitForFunction(() => document.body.textContent.includes("(đã sửa)"), null, { timeout: 30000 });
    console.log(`# serve: a save on the real catalog showed in the open page after ${Date.now() - saved} ms (${process.env.DANHMUC_BIN ? "DANHMUC_BIN" : "debug build"})`);

    fs.writeFileSync(file, original.replace("sector: nong-nghiep-va-moi-truong", "sector: nong-nghiep"));
    await page.waitForSelector("#danhmuc-error", { timeout: 30000 });
    const overlay = await page.textContent("#danhmuc-error");
    assert.match(overlay, /lỗi\[unknown-sector\]: content\/csdl\/b-08-csdl-dat-dai\.md:5:9/);
    assert.match(overlay, /nong-nghiep-va-moi-truong/);

    fs.writeFileSync(file, original);
    await page.waitForFunction(() => !document.getElementById("danhmuc-error") && !document.body.textContent.includes("(đã sửa)"), null, { timeout: 30000 });
    assert.equal(await page.textContent("h1"), "CSDL Đất đai");
  } finally {
    await browser.close();
    child.kill();
  }
});
