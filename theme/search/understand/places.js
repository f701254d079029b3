/* Places a query names: qualifiers, not required words. */
(function (search) {
  "use strict";
  var understanding = search.understanding;
  var { tokenize, fold } = search;

  // The most words of one place's name (src/validate/places.rs).
  var LONGEST_PLACE = 8;

  // Words that say a place follows ("ở Móng Cái", "đặc khu Vân Đồn"): part
  // of the qualifier, not of what the query is about.
  var BEFORE = ["ở", "tại", "thuộc", "xã", "phường", "đặc khu", "thị xã", "thành phố", "tp", "huyện", "thị trấn",
    "tỉnh", "khu vực", "địa bàn", "trên địa bàn", "vùng", "đảo", "chùa", "đền", "núi"];

  /** A place's name as the page compares it (src/search/places.rs): its
      words' folded letters run together (`key`), and with their marks
      (`written`): "Móng Cái 1" → "mongcai1", "móngcái1". */
  function placeKey(name) {
    var tokens = tokenize(name.normalize("NFC"));
    return { key: tokens.map((t) => t.folded).join(""), written: tokens.map((t) => t.exact).join("") };
  }

  /** The project's places (content/places.yaml), from the vocabulary file. */
  function addPlaces(list) { understanding.places = list; }

  /** The places of `list` by key: key → [{name, written}]. */
  function placeTable(list) {
    var table = new Map();
    list.forEach((name) => {
      var k = placeKey(name);
      if (!table.has(k.key)) table.set(k.key, []);
      table.get(k.key).push({ name: name, written: k.written });
    });
    return table;
  }

  /** The project's places by key (placeTable); empty when it declares
      none. */
  function placesOf(self) {
    if (!self.placeMap) self.placeMap = placeTable(understanding.places || []);
    return self.placeMap;
  }

  /** The longest run of `chunks` (see chunksOf) from the `i`-th whose
      letters run together are a place's: {count, name}, or null. A chunk
      typed with marks must have the place's there ("Móng" is not "Mông");
      one typed without may be any. */
  function placeAt(places, chunks, i) {
    var letters = "", best = null;
    for (var j = i; j < chunks.length && j - i < LONGEST_PLACE; j++) {
      letters += chunks[j].key;
      var found = places.get(letters);
      if (!found) continue;
      var hit = found.find((p) => {
        var at = 0;
        return chunks.slice(i, j + 1).every((c) => {
          var part = p.written.slice(at, at + c.key.length);
          at += c.key.length;
          return c.written === c.key || c.written === part;
        });
      });
      if (hit) best = { count: j - i + 1, name: hit.name };
    }
    return best;
  }

  /** Marks the words at the end of `words` that say a place follows
      (BEFORE: "ở", "đặc khu") as part of it, written with their marks or
      (typed without) folded; the longest phrases first. */
  function markBefore(words) {
    var end = words.length;
    for (var n = 3; n >= 1; n--) {
      var tail = words.slice(end - n, end);
      if (tail.length < n || tail.some((w) => w.filler || !w.typed)) continue;
      var bare = tail.every((w) => w.text === w.folded);
      var said = tail.map((w) => bare ? w.folded : w.text.toLowerCase()).join(" ");
      if (!BEFORE.some((b) => (bare ? fold(b) : b) === said)) continue;
      tail.forEach((w) => { w.place = true; });
      end -= n;
      n = 4;
    }
  }

  Object.assign(understanding, { placeKey, addPlaces, placeTable, placesOf, placeAt, markBefore });
})(DanhmucSearch);
