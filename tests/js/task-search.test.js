// Searches for what people come to do, in their own words, on the real
// catalog, as the search page runs them (Searcher.find): the catalog's
// words for the subject among everyday ones it does not use.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const h = require("./helpers");

const titleOf = (found) => found.results.map((r) => r.doc.title);

/** Guards against "Không tìm thấy" for a query whose subject the catalog
    holds, said with words it does not use ("dịp tết", "keo"), and against
    answering a query about something it does not hold: the two kinds side
    by side, since one rule must tell them apart. */
test("a query whose subject the catalog holds is answered; one about something it lacks is not", async () => {
  // A large catalog, whose frequent words' positions are kept apart, takes
  // such words to stand apart: it answers fewer queries, never more.
  for (const [searcher, sharded] of [[h.searcherOf(h.buildRealSite()), false], [h.searcherOf(h.buildShardedRealSite()), true]]) {
    const answered = [
      ["hàng bình ổn giá dịp tết", "CSDL ngành Công Thương", ["dịp", "tết"]],
      ["khai thác gỗ rừng trồng keo", "CSDL các lĩnh vực của ngành Nông nghiệp – Lĩnh vực lâm nghiệp", ["keo"]],
      ["GIS bản đồ nền dùng chung", null, ["gis"]],
      ["tôi bị mất việc thì làm hồ sơ hưởng trợ cấp và tìm người giới thiệu việc làm ở đâu", null, null]
    ];
    for (const [query, first, missing] of sharded ? answered.filter((a) => a[0].startsWith("khai")) : answered) {
      const found = await searcher.find(query, {}, 10, false);
      assert.ok(found.total > 0, `${query}: nothing found`);
      assert.equal(found.understood, true, query);
      if (first) assert.equal(titleOf(found)[0], first, query);
      if (missing && !sharded) assert.equal(found.missing.join(" "), missing.join(" "), query);
    }
    for (const query of ["đăng ký kết hôn", "thuế thu nhập cá nhân", "nghĩa vụ quân sự", "lý lịch tư pháp", "đăng ký xe máy", "xổ số kiến thiết"]) {
      const found = await searcher.find(query, {}, 10, false);
      assert.deepEqual(titleOf(found), [], query);
      assert.equal(found.total, 0, query);
    }
  }
});
