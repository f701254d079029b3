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
      ["khai thác gỗ rừng trồng lim", "CSDL các lĩnh vực của ngành Nông nghiệp – Lĩnh vực lâm nghiệp", ["lim"]],
      ["GIS bản đồ nền dùng chung", "CSDL Đất đai", null],
      ["tôi bị mất việc thì làm hồ sơ hưởng trợ cấp và tìm người giới thiệu việc làm ở đâu", null, null],
      // Two subjects in one question: of its three rare words an answer
      // may lack one.
      ["quan trắc nước ao nuôi tôm", null, null],
      // "mùa" and "mưa" typed with marks are not the catalog's "mua".
      ["sạt lở đất mùa mưa bão", "Hệ thống cảnh báo thiên tai tỉnh Quảng Ninh", ["mùa"]]
    ];
    for (const [query, first, missing] of sharded ? answered.filter((a) => a[0].startsWith("khai")) : answered) {
      const found = await searcher.find(query, {}, 10, false);
      assert.ok(found.total > 0, `${query}: nothing found`);
      assert.equal(found.understood, true, query);
      if (first) assert.equal(titleOf(found)[0], first, query);
      if (query.startsWith("quan trắc")) {
        assert.deepEqual(Array.from(titleOf(found).slice(0, 2)).sort(), ["CSDL các lĩnh vực của ngành Nông nghiệp – Lĩnh vực thủy sản", "CSDL quan trắc môi trường định kỳ tỉnh Quảng Ninh"]);
      }
      if (missing && !sharded) assert.equal(found.missing.join(" "), missing.join(" "), query);
    }
    // "làm", typed with its marks as the catalog has it, is not "nam".
    for (const query of ["làm hộ chiếu", "đăng ký kết hôn", "thuế thu nhập cá nhân", "nghĩa vụ quân sự", "lý lịch tư pháp", "đăng ký xe máy", "xổ số kiến thiết"]) {
      const found = await searcher.find(query, {}, 10, false);
      assert.deepEqual(titleOf(found), [], query);
      assert.equal(found.total, 0, query);
    }
  }
});

/** Guards against entry codes finding nothing or something else ("A.5"
    matched nothing, "a5" was read as VNI "ạ", "CSDL số 5" matched two
    unrelated entries): every common way of writing a code puts its entry
    first, and a number without a group both groups' entries. */
test("every way of writing an entry's code finds that entry", async () => {
  for (const site of [h.buildRealSite(), h.buildShardedRealSite()]) await codesFindTheirEntries(site);
});

/** Guards against codes working in one layout only: a large catalog's
    index is sharded, and its entries' numbers come with their texts, so
    "A.5" was searched as the words "a" and "5" there. */
test("a sharded index finds an entry by its code, loading only a few texts", async () => {
  const loaded = [];
  const searcher = h.searcherOf(h.buildShardedRealSite(), undefined, loaded);
  const found = await searcher.find("B-3", {}, 10, false);
  assert.equal(titleOf(found).join(" | "), "CDSL khám, chữa bệnh");
  assert.ok(loaded.filter((f) => /\/t\d+\.js$/.test(f)).length <= 2, loaded.join(" "));
});

async function codesFindTheirEntries(site) {
  const searcher = h.searcherOf(site);
  const cases = [
    [["A.5", "A5", "a5", "a-5", "A 5", "CSDL A.5", "A.05", "TT 5 nhóm A", "stt 5, nhóm A", "nhóm A số 5"], ["CSDL quản lý cán bộ, công chức, viên chức"]],
    [["B-3", "b3", "B.3"], ["CDSL khám, chữa bệnh"]],
    [["b13", "nhóm B số 13"], ["CSDL Công báo điện tử"]],
    [["CSDL số 5", "cơ sở dữ liệu số 5"], ["CSDL quản lý cán bộ, công chức, viên chức", "CSDL ngành Công Thương"]]
  ];
  for (const [queries, titles] of cases) {
    for (const query of queries) {
      const found = await searcher.find(query, {}, 10, false);
      assert.equal(titleOf(found).join(" | "), titles.join(" | "), query);
    }
  }
  // No such entry: searched as words.
  assert.equal((await searcher.find("A.99", {}, 10, false)).total, 0);
}

/** Guards against a number being left out as an everyday word: "nghị định
    47" found the one entry citing a decree (357/2025/NĐ-CP) by dropping
    "47". A legal reference in its common forms finds the entries citing
    it. */
test("a legal reference finds the entries that cite it, and a wrong number nothing", async () => {
  const searcher = h.searcherOf(h.buildRealSite());
  // Also the kind and the number typed together (it found nothing).
  for (const query of ["357/2025/NĐ-CP", "nghị định 357", "Nghị định số 357/2025/NĐ-CP", "NĐ 357", "357/2025", "357", "NĐ357",
    "nđ357/2025", "nhà ở NĐ357", "Nghị định 357 năm 2025"]) {
    assert.equal(titleOf(await searcher.find(query, {}, 10, false))[0], "CSDL nhà ở và thị trường bất động sản", query);
  }
  for (const query of ["quyết định 38/2021", "QĐ38/2021", "qd38"]) {
    assert.equal(titleOf(await searcher.find(query, {}, 10, false))[0], "CSDL cấp phép xây dựng", query);
  }
  for (const query of ["nghị định 47", "47/2020/NĐ-CP"]) assert.equal((await searcher.find(query, {}, 10, false)).total, 0, query);
});

/** Guards against confident wrong rewrites: a place typed with its marks
    ("Móng Cái") was respelled into catalog words ("môn cay"), an acronym
    in capitals ("DTI") decoded as Telex, a real word ("hồng") silently
    replaced; and against Telex and VNI with the marks typed after the
    final consonant ("truongwf", "hoc5") being left undecoded. */
test("real syllables and acronyms are kept as typed, other corrections offered; marks after the final consonant decode", async () => {
  const searcher = h.searcherOf(h.buildRealSite());
  const u = await searcher.understanding();
  await searcher.find("đất", {}, 1, false);
  const vocab = u.vocabularyOf(searcher);
  const understood = (query) => u.understandWith(query, vocab, null);
  const text = (query) => understood(query).words.map((w) => w.text).join(" ");
  assert.equal(text("Móng Cái "), "móng cái");
  assert.equal(text("DTI GIS "), "dti gis");
  assert.equal(text("sổ hồng "), "sổ hồng");
  assert.equal(understood("sổ hồng ").offer, null, "a keyword's words are the catalog's");
  assert.equal(understood("sổ quạt ").offer, "sổ quan");
  assert.equal(text("kĩ thuật "), "kĩ thuật");
  assert.equal(text("khoan san "), "khoang san");
  assert.equal(text("truongwf hocj "), "trường học");
  assert.equal(text("truong72 ho5c "), "trường học");
  assert.equal(text("nguoiwf "), "người");
  assert.equal(text("hoc5 "), "học");
  const found = await searcher.find("truongwf hocj", {}, 3, false);
  assert.equal(found.results[0].doc.title, "CSDL ngành giáo dục tỉnh Quảng Ninh");
});

/** Guards against suggestions ordered by how many words match: "vịnh kinh
    tế" suggested the entries with the common "kinh tế" first, and the only
    entry about the bay fourth or later. A rare word outweighs common ones. */
test("suggestions are ordered by the weight of the words they carry", async () => {
  const searcher = h.searcherOf(h.buildRealSite());
  const found = await searcher.find("vịnh kinh tế", {}, 10, false);
  assert.equal(found.total, 0);
  assert.equal(found.suggestions[0].doc.title, "CSDL Ô nhiễm nước vịnh Hạ Long");
});

/** Guards against everyday and English words finding nothing: the
    catalog says "cấp phép xây dựng", "thiên tai", "khoáng sản"; people
    say "building permit", "disaster", "mining", "tiêm phòng". */
test("everyday and English words find the catalog's entries", async () => {
  const searcher = h.searcherOf(h.buildRealSite());
  const cases = [
    ["building permit", "CSDL cấp phép xây dựng"],
    ["mining", "CSDL khoáng sản"],
    ["official gazette", "CSDL Công báo điện tử"],
    ["unemployment benefits", "CSDL giải quyết hưởng bảo hiểm thất nghiệp"]
  ];
  for (const [query, title] of cases) {
    const found = await searcher.find(query, {}, 3, false);
    assert.equal(found.results[0] && found.results[0].doc.title, title, query);
  }
});

/** Guards against a word typed with its marks being read as another that
    folds the same: "mỏ than" (a coal mine) was searched as "liệt sĩ than",
    because the project's synonym "mộ" (a grave) has the same folded key;
    and "con" (a child) in a query typed with diacritics was respelled
    "công". A reader who types marks means the word as typed. */
test("a word typed with its marks is never another word that folds the same", async () => {
  const searcher = h.searcherOf(h.buildRealSite());
  const mine = await searcher.find("mỏ than", {}, 3, false);
  assert.equal(titleOf(mine)[0], "CSDL khoáng sản");
  assert.ok(!/liệt sĩ/.test(mine.searched || ""), mine.searched);
  // "mộ" still means what the project's synonyms say.
  assert.equal(titleOf(await searcher.find("tìm mộ", {}, 3, false))[0], "CSDL liệt sĩ, mộ liệt sĩ và nghĩa trang liệt sĩ");
  const u = await searcher.understanding();
  const vocab = u.vocabularyOf(searcher);
  const names = u.namesOf(searcher);
  const words = (query) => u.understandWith(query, vocab, names).words.map((w) => w.text).join(" ");
  assert.equal(words("mỏ "), "mỏ");
  assert.equal(words("con tôi học lớp 5 "), "con học lớp 5");
  // Typed without any marks, "con" may still be "công" mistyped.
  assert.equal(words("con "), "cong");
});

/** Guards against a place of the province being a required word: a query
    that names one the catalog lacks found nothing, and one the catalog
    names lost the entries that do not name it. In both layouts, since a
    large catalog's page knows places only by its leads. */
test("a place is a qualifier: entries that name it first, and never an empty page", async () => {
  for (const site of [h.buildRealSite(), h.buildShardedRealSite()]) {
    const searcher = h.searcherOf(site);
    const cases = [
      ["cây xanh đô thị ở Móng Cái", "CSDL hạ tầng kỹ thuật đô thị", ["Móng Cái"]],
      ["cay xanh do thi o mong cai", "CSDL hạ tầng kỹ thuật đô thị", ["Móng Cái"]],
      ["mỏ than Cẩm Phả", "CSDL khoáng sản", ["Cẩm Phả"]],
      ["cấp phép xây dựng khu kinh tế Vân Đồn", "CSDL cấp phép xây dựng", undefined],
      ["nước vịnh Hạ Long có bị ô nhiễm không", "CSDL Ô nhiễm nước vịnh Hạ Long", []],
      // A longer name that begins with a place's is that name: social
      // security, not "xã hội" in the commune of An Sinh.
      ["an sinh xã hội", "CSDL người có công với cách mạng", undefined],
      ["an sinh xa hoi", "CSDL người có công với cách mạng", undefined],
      ["trường học xã An Sinh", "CSDL ngành giáo dục tỉnh Quảng Ninh", []]
    ];
    for (const [query, first, missing] of cases) {
      const found = await searcher.find(query, {}, 10, false);
      await searcher.loadTexts(found.results.map((r) => r.id));
      assert.equal(found.results.length ? searcher.doc(found.results[0].id).title : null, first, query);
      assert.deepEqual(found.placesMissing && [...found.placesMissing], missing, query);
    }
    // Without the place, the same entries: the place never narrows to none.
    const plain = await searcher.find("du lịch", {}, 10, false);
    const placed = await searcher.find("du lịch Vân Đồn", {}, 10, false);
    assert.ok(placed.total >= plain.total, `${placed.total} < ${plain.total}`);
  }
});
