// An entry page as a reader sees it in Chromium, from disk.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { buildRealSite, fileUrl, launchBrowser } = require("./helpers");

let browser, site;

test.before(async () => {
  site = buildRealSite();
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
});

/** A later tap-target rule made the pager's links flex rows: "CSDL tiếp
    theo" ran into the next entry's title, and "CSDL trước" wrapped. */
for (const width of [1280, 360]) {
  test(`the pager shows its label above the title, whole, at ${width} px`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(fileUrl(site, "csdl/csdl-cap-phep-xay-dung/index.html"));
    const links = await page.$$eval(".pager a", (as) =>
      as.map((a) => {
        const label = a.querySelector(".pager-label");
        const range = document.createRange();
        range.setStartAfter(label);
        range.setEnd(a, a.childNodes.length);
        const title = range.getClientRects();
        const labelBox = label.getBoundingClientRect();
        const labelLines = label.getClientRects().length;
        return { text: label.textContent, labelBottom: labelBox.bottom, titleTop: title.length ? title[0].top : -1, labelLines, height: a.getBoundingClientRect().height };
      }),
    );
    assert.equal(links.length, 2, "the entry has a previous and a next entry in its sector");
    for (const link of links) {
      assert.equal(link.labelLines, 1, `“${link.text}” stays on one line`);
      assert.ok(link.titleTop >= link.labelBottom - 1, `“${link.text}” stands above the title (${link.labelBottom} / ${link.titleTop})`);
      assert.ok(link.height >= 44, "the link is a 44 px tap target");
    }
    await page.close();
  });
}
