/* danhmuc search: the query-time half of the search (the index is built by
   `danhmuc build`, see docs/search.md). The tokenizer here must match the
   Rust one in src/search/mod.rs; tests/search-vectors.json checks both.
   Loads as a plain script in the browser (file:// included) and as a
   CommonJS module in Node for the tests. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.DanhmucSearch = api;
    if (typeof document !== "undefined") {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { api.initPage(root, document); });
      } else {
        api.initPage(root, document);
      }
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var WORD = /[\p{Alphabetic}\p{M}\p{N}]/u;
  var MARKS = /\p{M}/gu;

  // Below U+0370, the combining marks are exactly U+0300 to U+036F.
  var LATIN_MARKS = /[\u0300-\u036f]/g;

  /** Drops every diacritic: "Đất đai" → "Dat dai". Vietnamese needs only
      the Latin marks: the expression of every mark (MARKS) is kept for
      other text, since its Unicode class cost a fresh page milliseconds
      to compile. ASCII is its own folding. */
  function fold(text) {
    var i, ascii = true;
    for (i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 128;
    if (ascii) return text;
    var nfd = text.normalize("NFD"), marks = LATIN_MARKS;
    for (i = 0; i < nfd.length; i++) {
      if (nfd.charCodeAt(i) >= 0x370) {
        marks = MARKS;
        break;
      }
    }
    return nfd.replace(marks, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  // Folded words, by word: snippets fold every word of the texts shown,
  // from a vocabulary of a few thousand syllables.
  var folded = new Map();
  function foldWord(word) {
    var f = folded.get(word);
    if (f === undefined) {
      if (folded.size > 50000) folded.clear();
      f = fold(word);
      folded.set(word, f);
    }
    return f;
  }

  /** Whether `ch` (one code point) is part of a word: see isWordAt. */
  function isWordCharacter(ch) {
    return isWordAt(ch, 0, ch.charCodeAt(0), ch.length);
  }

  /** Whether the code point at `i` of `text`, `size` UTF-16 units whose
      first is `c`, is part of a word: a letter, mark or digit, as WORD
      says. ASCII, most of any text, and the letters and marks of
      Vietnamese beyond it (Latin-1 and Extended-A/B letters, combining
      marks, Latin Extended Additional) are told without running the
      regular expression (tokenizing snippet texts: a tenth faster). */
  function isWordAt(text, i, c, size) {
    if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) return true;
    return isInvisible(c) || WORD.test(text.substr(i, size));
  }

  /** Characters that show nothing (zero-width space and joiners, word
      joiner, soft hyphen, a byte-order mark inside the text): pasted into
      a word, they belong to it and are dropped from its forms, as the
      index does (src/text.rs). */
  function isInvisible(c) {
    return (c >= 0x200b && c <= 0x200d) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0xad || c === 0x180e;
  }
  var INVISIBLE = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e]/g;

  /** A lower-case syllable ending in "oa", "oe" or "uy" (not "qu") with
      its tone on the last vowel, written with the tone on the one before:
      "hoà" → "hòa", "thuỷ" → "thủy". The index stores the traditional
      placement, so both spellings are one word (src/text.rs). The caller
      has checked that the word ends in "o" or "u" and a letter past
      ASCII. */
  var TONE_MOVES = {
    "à": "\u0300a", "á": "\u0301a", "ả": "\u0309a", "ã": "\u0303a", "ạ": "\u0323a",
    "è": "\u0300e", "é": "\u0301e", "ẻ": "\u0309e", "ẽ": "\u0303e", "ẹ": "\u0323e",
    "ỳ": "\u0300y", "ý": "\u0301y", "ỷ": "\u0309y", "ỹ": "\u0303y", "ỵ": "\u0323y"
  };
  function traditionalTone(word) {
    var n = word.length, first = word[n - 2], move = TONE_MOVES[word[n - 1]];
    if (move === undefined || (n > 2 && word[n - 3] === "q") || (first === "u") !== (move[1] === "y")) return word;
    return word.slice(0, n - 2) + (first + move[0]).normalize("NFC") + move[1];
  }

  /** Words of a text, as the index stores them: NFC, runs of letters, marks
      and digits, lower-cased and folded, with UTF-16 offsets in the NFC text.
      Code points are read by their codes, not as one string each (snippets
      tokenize five fields of every result shown). */
  function tokenize(text) {
    var nfc = text.normalize("NFC");
    var tokens = [];
    var start = -1, n = nfc.length, hidden = false;
    for (var i = 0; i <= n;) {
      var size = 1, inWord = false;
      if (i < n) {
        var c = nfc.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (nfc.charCodeAt(i + 1) & 0xfc00) === 0xdc00) size = 2;
        inWord = isWordAt(nfc, i, c, size);
        if (c > 0xac && isInvisible(c)) hidden = true;
      }
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        var exact = nfc.slice(start, i).toLowerCase(), m;
        if (hidden) exact = exact.replace(INVISIBLE, "");
        m = exact.length;
        if (m > 1 && exact.charCodeAt(m - 1) >= 0xc0 && (exact[m - 2] === "o" || exact[m - 2] === "u")) exact = traditionalTone(exact);
        if (m) tokens.push({ exact: exact, folded: foldWord(exact), position: tokens.length, start: start, end: i });
        start = -1;
        hidden = false;
      }
      i += size;
    }
    return tokens;
  }

  // Field order is the index's: title, sector, agencies, notes, purpose,
  // scope, collection, sharing. A title match counts most.
  var WEIGHTS = [10, 4, 4, 2, 3, 1.5, 1, 1];
  var SNIPPET_FIELDS = [4, 5, 6, 7, 3];
  // A word that only agrees once diacritics are dropped, when the reader
  // typed diacritics, counts for less than an exact one ("bản đồ" before
  // "bàn đỏ"); so does a word matched only by its beginning.
  var FOLDED_ONLY = 0.5;
  var PREFIX_ONLY = 0.75;
  var ADJACENT = 2;
  var WHOLE_PHRASE = 10;

  function lowerBound(terms, key, lo, hi) {
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Term ids for a query word: the folded word itself, or every term it
      begins when it is the last word being typed; among `terms` from `lo`
      to `hi` (sorted). */
  function termIds(terms, folded, prefix, lo, hi) {
    var first = lowerBound(terms, folded, lo, hi);
    var ids = [];
    for (var t = first; t < hi; t++) {
      var term = terms[t];
      if (term === folded || (prefix && term.lastIndexOf(folded, 0) === 0)) ids.push(t);
      else break;
    }
    return ids;
  }

  // A sharded index (large catalogs) keeps postings and texts in files
  // loaded on demand; they announce themselves through these registries.
  var registry = { shards: {}, texts: {}, filters: null, terms: {}, positions: {}, forms: {} };
  function addShard(k, data) { registry.shards[k] = data; }
  function addPositions(k, field, texts) { registry.positions[k + "-" + field] = texts; }
  function addForm(t, form, bits) { registry.forms[t + "-" + form] = bits; }
  function addTerms(b, data) { registry.terms[b] = data; }
  function addTexts(c, rows) { registry.texts[c] = rows; }
  function addFilters(rows) { registry.filters = rows; }
  var FILTERS_FILE = "assets/search/filters.js";
  // While typing, a prefix in a sharded index expands to its completions
  // from the rarest up, until they cover this many document occurrences:
  // rare words are cheap to download and tell entries apart, and each
  // further letter narrows the prefix.
  var PREFIX_BUDGET = 2000;
  // A single letter says too little to be worth downloading completions.
  var PREFIX_MIN = 2;
  // Bytes (gzip) one position in a position file takes, and a document's
  // text chunk, about: at 10,000 entries 0.6–0.85 and 900–1,000.
  var POSITION_BYTES = 0.75;
  var TEXT_BYTES = 1000;

  /** `load(path)` fetches an index file (a script) and resolves once it ran;
      only a sharded index needs it. */
  function Searcher(index, load) {
    this.index = index;
    this.sharded = !!index.sharded;
    this.load = load;
    this.tokenCache = new Map();
    // The last ranking and what it was made from, reused while nothing
    // new is loaded: postings and filter data (version), positions
    // (placements: per field, how many times positions were placed in it;
    // a bonus computed before the last placement in its field may be
    // stale).
    this.version = 0;
    this.placements = new Int32Array(8);
    this.lastFigures = null;
    this.lastRank = null;
    if (this.sharded) {
      var count = index.term_count;
      // Terms and their document frequencies arrive by block (first letter).
      this.terms = new Array(count);
      this.df = new Int32Array(count);
      this.blockOf = new Map(index.blocks.map(function (b, i) { return [b[0], i]; }));
      this.forms = new Array(count);
      // Postings are decoded when a query first uses them: a shard holds
      // many terms. Until then, the shard's string, whether its positions
      // are apart, and positions already loaded for it ([field, text]).
      this.postings = new Array(count);
      this.encoded = new Array(count);
      this.pairs = new Uint8Array(count);
      // The forms placed in the postings of terms apart ("t-form"), and
      // how many per term. Until its form is placed, such a posting's
      // form is "another one" (numbered after the term's last form):
      // only a word with diacritics needs forms, and only its own.
      this.formsPlaced = new Set();
      this.formCount = new Int32Array(count);
      this.pending = new Map();
      this.shardsRead = new Set();
      // Per term, the fields whose word positions are in files not yet
      // loaded (a frequent term keeps them apart), one bit each.
      this.unplaced = new Uint8Array(count);
      // Per term whose positions are apart, its postings per field (what
      // its position files weigh).
      this.fieldCounts = new Map();
      // Positions read from documents' texts instead (see
      // placeFromTexts): per term, the document-field pairs (d * 8 + f)
      // placed; per document, the fields read.
      this.textPlaced = new Map();
      this.textFields = new Map();
      this.startsOf = new Map();
      this.byField = new Map();
      this.texts = new Array(index.doc_count);
      // The shard of each term, from each shard's first term.
      this.shardOf = new Int32Array(count);
      for (var k = 0; k < index.shard_first.length; k++) {
        var end = k + 1 < index.shard_first.length ? index.shard_first[k + 1] : count;
        this.shardOf.fill(k, index.shard_first[k], end);
      }
      this.filterData = null;
      this.loaded = new Set();
      this.placed = new Set();
    } else {
      this.terms = index.terms;
      this.forms = index.forms.map(function (f) { return f.split("|"); });
      this.postings = index.postings;
      this.texts = index.text;
    }
  }

  /** Term ids a query word stands for (see termIds), capped while typing
      in a sharded index. */
  Searcher.prototype.termIdsFor = function (folded, prefix) {
    if (this.sharded && prefix && folded.length < PREFIX_MIN) prefix = false;
    if (!this.sharded) return termIds(this.terms, folded, prefix, 0, this.terms.length);
    // A sharded index searches the block of the word's first letter, once
    // prepare() has loaded it.
    var block = this.index.blocks[this.blockOf.get(folded.charCodeAt(0))];
    if (!block || this.terms[block[1]] === undefined) return [];
    var ids = termIds(this.terms, folded, prefix, block[1], block[1] + block[2]);
    if (!prefix) return ids;
    var df = this.df;
    var terms = this.terms;
    var chosen = ids.filter(function (t) { return terms[t] === folded; });
    var budget = PREFIX_BUDGET - chosen.reduce(function (sum, t) { return sum + df[t]; }, 0);
    var rest = ids.filter(function (t) { return terms[t] !== folded; }).sort(function (a, b) { return df[a] - df[b] || a - b; });
    for (var i = 0; i < rest.length; i++) {
      if (df[rest[i]] > budget && chosen.length > 0) break;
      chosen.push(rest[i]);
      budget -= df[rest[i]];
    }
    return chosen.sort(function (a, b) { return a - b; });
  };

  function loadAll(searcher, paths) {
    var missing = paths.filter(function (p) { return !searcher.loaded.has(p); });
    return Promise.all(missing.map(function (p) {
      return searcher.load(p).then(function () { searcher.loaded.add(p); });
    }));
  }

  /** Makes sure the postings a query needs are here, what the filters
      need when one is set, and the word positions that can still change
      the order of its first `limit` results (default: all). */
  Searcher.prototype.prepare = function (query, filters, limit) {
    if (!this.sharded) return Promise.resolve();
    var self = this;
    var words = tokenize(query || "");
    var typing = isTyping(query || "");
    // First the term blocks of the words' first letters, then the postings.
    var blocks = new Set();
    words.forEach(function (w) {
      var b = self.blockOf.get(w.folded.charCodeAt(0));
      if (b !== undefined) blocks.add(b);
    });
    var blockFiles = Array.from(blocks).map(function (b) { return "assets/search/k" + b + ".js"; });
    return loadAll(this, blockFiles).then(function () {
      blocks.forEach(function (b) {
        var data = registry.terms[b];
        if (self.terms[data.first] !== undefined) return;
        for (var i = 0; i < data.terms.length; i++) {
          self.terms[data.first + i] = data.terms[i];
          self.df[data.first + i] = data.df[i];
        }
        (data.forms || []).forEach(function (f) { self.forms[data.first + f[0]] = f[1].split("|"); });
      });
      return self.preparePostings(words, typing, filters);
    }).then(function () {
      // An empty query is not ranked: it lists the filtered catalog in the
      // decision's order, or nothing (the page's first, empty state would
      // otherwise rank every entry at load).
      if (words.length === 0) return undefined;
      return self.preparePositions(query || "", filters, limit);
    });
  };

  /** The postings of a prepared query's terms, and the filter data. */
  Searcher.prototype.preparePostings = function (words, typing, filters) {
    var self = this;
    var shards = new Set();
    // The titles' positions of frequent terms: the first a query of
    // several words needs, fetched with the shards (small, and one round
    // trip fewer).
    var titles = new Set();
    // Of frequent terms, the forms that words with diacritics have (a
    // word without counts every form the same): [term, form index].
    var forms = [];
    var apartAbove = this.index.positions_apart_above;
    words.forEach(function (w, i) {
      self.termIdsFor(w.folded, typing && i === words.length - 1).forEach(function (t) {
        shards.add(self.shardOf[t]);
        if (apartAbove === undefined || self.df[t] <= apartAbove) return;
        if (words.length > 1) titles.add(self.shardOf[t] + "-0");
        if (w.exact === w.folded || !self.forms[t] || self.forms[t].length < 2) return;
        var partial = self.terms[t] !== w.folded;
        self.forms[t].forEach(function (form, j) {
          if (isExactForm(form, w, partial) && !self.formsPlaced.has(t + "-" + j)) forms.push([t, j]);
        });
      });
    });
    var wanted = Array.from(shards).sort(function (a, b) { return a - b; });
    var files = wanted.map(function (k) { return "assets/search/p" + k + ".js"; });
    var filtered = filters && (filters.group || filters.sector || filters.agency);
    if (filtered) files.push(FILTERS_FILE);
    titles = Array.from(titles).filter(function (key) { return !self.placed.has(key); });
    titles.forEach(function (key) { files.push("assets/search/p" + key + ".js"); });
    forms.forEach(function (f) { files.push(formsFile(f[0], f[1])); });
    return loadAll(this, files).then(function () {
      if (filtered && !self.filterData) {
        self.filterData = registry.filters;
        self.version++;
      }
      wanted.forEach(function (k) {
        if (self.shardsRead.has(k)) return;
        self.shardsRead.add(k);
        var data = registry.shards[k];
        for (var i = 0; i < data.postings.length; i++) {
          self.encoded[data.first + i] = data.postings[i];
          self.forms[data.first + i] = data.forms[i].split("|");
        }
        (data.apart || []).forEach(function (i) { self.pairs[data.first + i] = 1; });
        (data.counted || []).forEach(function (i) { self.pairs[data.first + i] = 2; });
        self.version++;
      });
      forms.forEach(function (f) { if (self.placeForms(f[0])) self.version++; });
      if (titles.length) self.place(titles);
    });
  };

  /** Loads the word positions that can still change the order of the
      first `limit` results, a tier of fields at a time from the heaviest
      (see FIELD_TIERS), ranking again after each. */
  Searcher.prototype.preparePositions = function (query, filters, limit, fromTexts) {
    var self = this;
    var ranked = this.rank(query, filters, limit);
    if (!ranked.fetch) return Promise.resolve();
    var wanted = [];
    // What the position files would weigh, from their postings.
    var fileBytes = 0;
    ranked.terms.forEach(function (t) {
      for (var f = 0; f < 8; f++) {
        if (!(ranked.fetch & self.unplaced[t] & (1 << f))) continue;
        wanted.push(self.shardOf[t] + "-" + f);
        fileBytes += POSITION_BYTES * self.fieldCounts.get(t)[f];
      }
    });
    // When few documents are in doubt, their positions are read from
    // their texts, if those weigh a quarter of the files or less (the
    // files serve the next keystrokes too; the texts of the first results
    // are shown anyway). Once per tier: if ranking again puts others in
    // doubt, the files come.
    var tier = ranked.fetch;
    if (!((fromTexts || 0) & tier)) {
      var textBytes = 0;
      ranked.needing.forEach(function (d) {
        if (!self.texts[d] && ranked.first.indexOf(d) < 0) textBytes += TEXT_BYTES;
      });
      if (textBytes * 4 <= fileBytes) {
        return this.loadTexts(ranked.needing).then(function () {
          self.placeFromTexts(ranked.needing, ranked.terms, tier);
          return self.preparePositions(query, filters, limit, (fromTexts || 0) | tier);
        });
      }
    }
    wanted = Array.from(new Set(wanted));
    return loadAll(this, wanted.map(function (w) { return "assets/search/p" + w + ".js"; })).then(function () {
      self.place(wanted);
      return self.preparePositions(query, filters, limit, fromTexts);
    });
  };

  /** Reads the positions of terms `terms` in documents `ids` and fields
      `fields` (one bit each) from the documents' texts (loaded), where
      they are not placed yet: the same words the index counted, by the
      same tokenizer. A document whose text disagrees with its postings
      (it cannot, unless the files are out of step) is left to the files. */
  Searcher.prototype.placeFromTexts = function (ids, terms, fields) {
    var self = this;
    ids.forEach(function (d) {
      var read = self.textFields.get(d) || 0;
      for (var f = 0; f < 8; f++) {
        if (!(fields & (1 << f))) continue;
        var tokens = null;
        terms.forEach(function (t) {
          if (!(self.unplaced[t] & (1 << f))) return;
          var placed = self.textPlaced.get(t) || new Set();
          if (placed.has(d * 8 + f)) return;
          var p = self.postings[t], at = [];
          if (p instanceof Counted) {
            // Its positions by themselves: offsets into p.position.
            var r = p.rank[d];
            if (r >= 0) for (var o = p.offset[f * p.n + r]; o < p.offset[f * p.n + r + 1]; o++) at.push(o);
            p = p.position;
          } else {
            for (var k = firstPosting(p, d); k < p.length && p[k] === d; k += 4) if (p[k + 1] === f) at.push(k + 2);
          }
          if (at.length) {
            tokens = tokens || self.fieldTokens(d, f);
            var term = self.terms[t], found = 0;
            for (var i = 0; i < tokens.length; i++) {
              if (tokens[i].folded !== term) continue;
              if (found < at.length) p[at[found]] = tokens[i].position;
              found++;
            }
            if (found !== at.length) {
              at.forEach(function (k) { p[k] = -1; });
              return;
            }
          }
          placed.add(d * 8 + f);
          self.textPlaced.set(t, placed);
          read |= 1 << f;
        });
        self.placements[f]++;
      }
      if (read) self.textFields.set(d, read);
    });
  };

  /** For document `d`, some of whose positions were read from its texts
      in fields `read`: per query word, the fields where some of its
      positions are known and those where some are not (see order). */
  Searcher.prototype.docMasks = function (terms, d, read, known, unplaced) {
    for (var i = 0; i < terms.length; i++) {
      var k = 0, u = 0;
      for (var t = 0; t < terms[i].length; t++) {
        var id = terms[i][t].id, missing = this.unplaced[id] & read;
        var placed = this.textPlaced.get(id);
        for (var f = 0; missing && f < 8; f++) {
          if (missing & (1 << f) && placed && placed.has(d * 8 + f)) missing &= ~(1 << f);
        }
        missing |= this.unplaced[id] & ~read;
        k |= 255 & ~missing;
        u |= missing;
      }
      known[i] = k; unplaced[i] = u;
    }
  };

  /** Puts loaded position files' positions into their terms' postings;
      a key is "shard-field". */
  Searcher.prototype.place = function (keys) {
    var self = this;
    // Per term, the fields that arrived: [field, text].
    var byTerm = new Map();
    keys.forEach(function (key) {
      if (self.placed.has(key)) return;
      self.placed.add(key);
      var data = registry.shards[+key.split("-")[0]];
      var field = +key.split("-")[1];
      var texts = registry.positions[key];
      data.apart.forEach(function (i, j) {
        var t = data.first + i;
        if (!byTerm.has(t)) byTerm.set(t, []);
        byTerm.get(t).push([field, texts[j]]);
      });
    });
    byTerm.forEach(function (fields, t) {
      if (self.postings[t]) self.placeInto(t, fields);
      else self.pending.set(t, (self.pending.get(t) || []).concat(fields));
    });
  };

  /** Writes `fields` ([field, text]) into decoded term `t`'s postings. */
  Searcher.prototype.placeInto = function (t, fields) {
    if (fields.length === 0) return;
    var postings = this.postings[t];
    if (postings instanceof Counted) {
      for (var j = 0; j < fields.length; j++) {
        var f = fields[j][0];
        placeCountedPositions(postings, f, denseNumbers(fields[j][1], postings.fieldCount(f)));
      }
    } else {
      placeFields(postings, fields, this.fieldOrder(t));
    }
    for (var i = 0; i < fields.length; i++) {
      this.unplaced[t] &= ~(1 << fields[i][0]);
      this.placements[fields[i][0]]++;
    }
  };

  /** A term's postings, decoded on first use; undefined if not loaded. */
  Searcher.prototype.postingsOf = function (t) {
    if (!this.sharded || this.postings[t]) return this.postings[t];
    if (this.encoded[t] === undefined) return undefined;
    var counts = this.pairs[t] ? new Int32Array(8) : null;
    // A frequent term's postings of several forms are each of "another
    // form" (numbered after the last) until the forms a query word needs
    // are placed (placeForms).
    var another = this.pairs[t] && this.forms[t].length > 1 ? this.forms[t].length : 0;
    if (this.pairs[t] === 2) {
      var counted = decodeCounted(this.encoded[t], another, this.index.doc_count);
      for (var g = 0; g < 8; g++) counts[g] = counted.fieldCount(g);
      this.postings[t] = counted;
    } else {
      this.postings[t] = decodePostings(this.encoded[t], this.pairs[t] === 1, counts, another);
    }
    this.encoded[t] = null;
    if (this.pairs[t]) {
      this.fieldCounts.set(t, counts);
      this.unplaced[t] = 0;
      for (var f = 0; f < 8; f++) if (counts[f]) this.unplaced[t] |= 1 << f;
      this.placeInto(t, this.pending.get(t) || []);
      this.pending.delete(t);
      // Not new data (no version): nothing was made from these postings
      // before now.
      if (another) this.placeForms(t);
    }
    return this.postings[t];
  };

  /** For a frequent term (its positions apart), where each document's
      postings start (the end where it has none): ranking looks a
      document's postings up in every round, a binary search each time
      was 7 % of a fresh page's time for 'co so du lieu'. Null for other
      terms, which are short. */
  Searcher.prototype.docStarts = function (t) {
    if (!this.sharded || !this.pairs[t] || this.postings[t] instanceof Counted) return null;
    var starts = this.startsOf.get(t);
    if (!starts) {
      var p = this.postings[t];
      starts = new Int32Array(this.index.doc_count).fill(p.length);
      for (var k = p.length - 4; k >= 0; k -= 4) starts[p[k]] = k;
      this.startsOf.set(t, starts);
    }
    return starts;
  };

  /** Writes the loaded forms files of frequent term `t` into its
      postings, once they are decoded: per form, one bit per posting,
      field by field (`bits` in src/search/index.rs). Returns whether it
      placed any. */
  Searcher.prototype.placeForms = function (t) {
    var postings = this.postings[t], placed = false;
    if (!postings) return placed;
    for (var form = 0; form < this.forms[t].length; form++) {
      var key = t + "-" + form, bits = registry.forms[key];
      if (bits === undefined || this.formsPlaced.has(key)) continue;
      if (postings instanceof Counted) placeCountedFormBits(postings.form, bits, form);
      else placeFormBits(postings, this.fieldOrder(t).at, bits, form);
      this.formsPlaced.add(key);
      this.formCount[t]++;
      placed = true;
    }
    return placed;
  };

  /** Gives form `form` to the postings (offsets `at`, field by field)
      whose bit `bits` sets, six to a character, the first in the highest
      bit.

      This and the other loops over a frequent term's postings (see
      denseNumbers) are small functions of one loop each: on a fresh
      page, the engine compiles a loop that runs long while it runs, and
      then again each time it leaves an inner loop, or reaches code that
      had not run yet; compiling took more of a 2-core machine than the
      search itself. */
  function placeFormBits(postings, at, bits, form) {
    for (var c = 0; c < bits.length; c++) {
      var digit = VLQ[bits.charCodeAt(c)];
      if (digit === 0) continue;
      var i = c * 6;
      if (digit & 32) postings[at[i] + 3] = form;
      if (digit & 16) postings[at[i + 1] + 3] = form;
      if (digit & 8) postings[at[i + 2] + 3] = form;
      if (digit & 4) postings[at[i + 3] + 3] = form;
      if (digit & 2) postings[at[i + 4] + 3] = form;
      if (digit & 1) postings[at[i + 5] + 3] = form;
    }
  }

  /** placeFormBits for a Counted term, whose forms are in field order. */
  function placeCountedFormBits(forms, bits, form) {
    for (var c = 0; c < bits.length; c++) {
      var digit = VLQ[bits.charCodeAt(c)];
      if (digit === 0) continue;
      var i = c * 6;
      if (digit & 32) forms[i] = form;
      if (digit & 16) forms[i + 1] = form;
      if (digit & 8) forms[i + 2] = form;
      if (digit & 4) forms[i + 3] = form;
      if (digit & 2) forms[i + 4] = form;
      if (digit & 1) forms[i + 5] = form;
    }
  }

  function formsFile(t, form) { return "assets/search/f" + t + "-" + form + ".js"; }

  /** Whether a posting of `form` matches query word `word` exactly (with
      its diacritics); `partial`: the term completes the word being
      typed. */
  function isExactForm(form, word, partial) {
    return partial ? form.lastIndexOf(word.exact, 0) === 0 : form === word.exact;
  }

  /** A frequent term's postings (offsets) field by field (see
      postingsByField), made once. */
  Searcher.prototype.fieldOrder = function (t) {
    var byField = this.byField.get(t);
    if (!byField) {
      byField = postingsByField(this.postings[t], this.fieldCounts.get(t));
      this.byField.set(t, byField);
    }
    return byField;
  };

  /** A term's postings (offsets) field by field, in order: `start[f]`
      to `start[f + 1]` of `at` are field f's, whose positions a
      position file holds in that order. Made when its first positions
      arrive: placing a tier's fields then reads those fields' postings
      only, not all of them once a tier. */
  function postingsByField(postings, counts) {
    var start = new Int32Array(9);
    for (var f = 0; f < 8; f++) start[f + 1] = start[f] + counts[f];
    var next = start.slice(0, 8), at = new Int32Array(start[8]);
    for (var p = 0; p < postings.length; p += 4) at[next[postings[p + 1]]++] = p;
    return { start: start, at: at };
  }

  /** Writes some fields' positions into a term's postings: `fields`
      holds [field, text of its position file for the term], the numbers
      written by `dense` in src/search/index.rs, one per posting of that
      field in order (`byField`, from postingsByField). */
  function placeFields(postings, fields, byField) {
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i][0], from = byField.start[f], to = byField.start[f + 1];
      placePositions(postings, byField.at, from, denseNumbers(fields[i][1], to - from));
    }
  }

  /** Writes positions into postings (offsets `at` from `from` on): the
      first of a document's in a field as it is, the others as deltas. */
  function placePositions(postings, at, from, deltas) {
    var doc = -1, position = 0;
    for (var j = 0; j < deltas.length; j++) {
      var p = at[from + j];
      position = postings[p] === doc ? position + deltas[j] : deltas[j];
      doc = postings[p];
      postings[p + 2] = position;
    }
  }

  /** The first `count` numbers `dense` (src/search/index.rs) wrote into
      `text`: a digit below DENSE_ONE ends a number; one above is followed
      by the rest of the number, in units of DENSE_BASE. */
  function denseNumbers(text, count) {
    var out = new Int32Array(count);
    // One loop over digits, not one per number (see placeFormBits).
    for (var k = 0, i = 0, n = 0, scale = 1; k < count; i++) {
      var digit = DENSE[text.charCodeAt(i)];
      n += digit * scale;
      if (digit >= DENSE_ONE) {
        scale *= DENSE_BASE;
      } else {
        out[k++] = n;
        n = 0;
        scale = 1;
      }
    }
    return out;
  }

  /** Makes sure titles, addresses and snippet texts of `ids` are here. */
  Searcher.prototype.loadTexts = function (ids) {
    if (!this.sharded) return Promise.resolve();
    var self = this;
    var size = this.index.text_chunk;
    var chunks = Array.from(new Set(ids.map(function (id) { return Math.floor(id / size); })));
    return loadAll(this, chunks.map(function (c) { return "assets/search/t" + c + ".js"; })).then(function () {
      chunks.forEach(function (c) {
        registry.texts[c].forEach(function (row, i) {
          // The first three fields' texts (title, sector, agencies) are
          // not stored twice: rebuild them from the row.
          var agencies = row[6].map(function (a) { return self.index.agencies[a][1]; }).join("; ");
          var texts = [row[1], self.index.sectors[row[5]][1], agencies].concat(row[3]);
          self.texts[c * size + i] = [row[0], row[1], row[2], texts, row[4], row[5], row[6]];
        });
      });
    });
  };

  /** What a result shows of a document; title and url are null in a
      sharded index until its texts are loaded. */
  Searcher.prototype.doc = function (id) {
    if (!this.sharded) return this.index.docs[id];
    var t = this.texts[id];
    var f = t ? [t[4], t[5], t[6]] : this.filterData ? this.filterData[id] : [null, null, null];
    return { group: f[0], sector: f[1], agencies: f[2], url: t ? t[0] : null, title: t ? t[1] : null, number: t ? t[2] : null };
  };

  /** How many entries the index covers. */
  Searcher.prototype.docCount = function () {
    return this.sharded ? this.index.doc_count : this.index.docs.length;
  };

  Searcher.prototype.fieldTexts = function (id) {
    var t = this.texts[id];
    return this.sharded ? (t ? t[3] : null) : t;
  };

  /** Snippets for results whose texts are loaded. */
  Searcher.prototype.fillSnippets = function (results, query) {
    var words = tokenize(query || "");
    var typing = isTyping(query || "");
    var self = this;
    results.forEach(function (r) {
      r.doc = self.doc(r.id);
      r.snippet = self.fieldTexts(r.id) ? self.snippet(r.id, words, typing) : [];
    });
    return results;
  };

  // The digits of position files and of postings written by counts (see
  // denseNumbers); forms files use the VLQ digits, six bits to a digit.
  var DENSE = new Int8Array(128);
  var DENSE_ONE = 88, DENSE_BASE = 5;
  for (var c = 32, digit = 0; c < 127; c++) if (c !== 34 && c !== 92) DENSE[c] = digit++;
  var VLQ = new Int8Array(128);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach(function (c, i) { VLQ[c.charCodeAt(0)] = i; });

  /** Shards store postings as base-64 VLQ numbers (5 bits a character,
      as source maps) with deltas (see Postings in
      src/search/index.rs); this gives back the quadruples doc, field,
      position, form. A frequent term's postings are pairs, their
      positions and forms apart: positions are -1 until placed, forms
      `another` (see postingsOf), and `counts` gets how many are in each
      field. */
  function decodePostings(text, pairs, counts, another) {
    var stride = pairs ? 2 : 3;
    // A number takes one character at least.
    var out = new Int32Array(Math.floor(text.length / stride) * 4);
    var doc = 0, field = -1, position = -1;
    // The number being read, and which of the posting's it is.
    var value = 0, shift = 0, part = 0, o = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = VLQ[text.charCodeAt(i)];
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
        continue;
      }
      if (part === 0) {
        out[o] = doc + value;
      } else if (part === 1) {
        var f = value & 7;
        out[o + 1] = f;
        out[o + 3] = pairs ? another : value >> 3;
        if (pairs) {
          out[o + 2] = -1;
          doc = out[o]; field = f;
          counts[f]++;
          o += 4;
        }
      } else {
        position = out[o] === doc && out[o + 1] === field ? position + value : value;
        out[o + 2] = position;
        doc = out[o]; field = out[o + 1];
        o += 4;
      }
      part = part + 1 === stride ? 0 : part + 1;
      value = 0;
      shift = 0;
    }
    return o === out.length ? out : out.slice(0, o);
  }

  /** A frequent term's postings written by counts (`counted_postings` in
      src/search/index.rs): the number of documents n, each one's
      distance from the one before less one, then per field each
      document's count of postings. Kept field by field, as its position
      and forms files give them (see Counted): on a fresh page, writing
      every posting out as a quadruple, and then reading them all again
      to tally, was a third of a frequent query's time. */
  function decodeCounted(text, another, docCount) {
    var n = denseNumbers(text, 1)[0];
    var numbers = denseNumbers(text, 1 + 9 * n);
    var docs = new Int32Array(n), rank = new Int32Array(docCount).fill(-1);
    placeDocs(numbers, n, docs, rank);
    var offset = new Int32Array(8 * n + 1);
    prefixSums(numbers, 1 + n, 8 * n, offset);
    return new Counted(docs, rank, offset, another);
  }

  /** The documents of decodeCounted's `numbers`, and each one's rank. */
  function placeDocs(numbers, n, docs, rank) {
    for (var i = 0, doc = -1; i < n; i++) {
      doc += numbers[1 + i] + 1;
      docs[i] = doc;
      rank[doc] = i;
    }
  }

  /** `offset[k]`: the sum of the `count` numbers from `from` before the
      k-th, for every k up to `count` (included). */
  function prefixSums(numbers, from, count, offset) {
    for (var k = 0, total = 0; k < count; k++) {
      offset[k] = total;
      total += numbers[from + k];
    }
    offset[count] = total;
  }

  /** A frequent term's postings, field by field, each field's in document
      order: `docs` the documents it is in, `rank` each document's place
      among them (-1: none), and `offset[f * n + i]` where the postings of
      its i-th document in field f start (they end where the next
      starts). Per posting, its `position` (-1 until placed) and `form`
      (`another` until placed, see postingsOf). Position and forms files
      list postings in this order. */
  function Counted(docs, rank, offset, another) {
    var n = docs.length, total = offset[8 * n];
    this.n = n;
    this.docs = docs;
    this.rank = rank;
    this.offset = offset;
    this.position = new Int32Array(total).fill(-1);
    this.form = new Uint8Array(total).fill(another);
  }

  /** How many postings are in field `f`. */
  Counted.prototype.fieldCount = function (f) {
    return this.offset[(f + 1) * this.n] - this.offset[f * this.n];
  };

  /** Writes field `f`'s positions (the numbers of its position file) into
      `counted`: a document's first as it is, the others as deltas. One
      loop over documents; each one's postings in a function of its own
      (see placeFormBits). */
  function placeCountedPositions(counted, f, deltas) {
    var n = counted.n, offset = counted.offset, base = offset[f * n];
    for (var k = f * n; k < (f + 1) * n; k++) {
      if (offset[k + 1] !== offset[k]) placeRun(counted.position, offset[k], offset[k + 1], deltas, base);
    }
  }

  function placeRun(position, from, to, deltas, base) {
    var at = deltas[from - base];
    position[from] = at;
    for (var o = from + 1; o < to; o++) {
      at += deltas[o - base];
      position[o] = at;
    }
  }

  /** Whether the query ends inside a word (no space or mark after it).
      Its last character only, by the tokenizer's test: a regular
      expression of its own cost 3 ms to compile on a fresh page. */
  function isTyping(query) {
    var nfc = query.normalize("NFC"), end = nfc.length;
    if (end === 0) return true;
    var c = nfc.charCodeAt(end - 1);
    var pair = c >= 0xdc00 && c <= 0xdfff && end > 1 && (nfc.charCodeAt(end - 2) & 0xfc00) === 0xd800;
    return isWordCharacter(nfc.slice(pair ? end - 2 : end - 1));
  }

  function matchesFilters(doc, index, filters) {
    if (filters.group && index.groups[doc.group][0] !== filters.group) return false;
    if (filters.sector && index.sectors[doc.sector][0] !== filters.sector) return false;
    if (filters.agency && !doc.agencies.some(function (a) { return index.agencies[a][0] === filters.agency; })) return false;
    return true;
  }

  /** Results for a query and filters: [{doc, id, score, snippet}], the
      first `limit` (default: all) ranked exactly, the rest after them.
      Every query word must match (after folding); an empty query with
      filters lists the filtered catalog in the decision's order. */
  Searcher.prototype.search = function (query, filters, limit) {
    var all = this.page(query, filters, Infinity, limit);
    return all.results;
  };

  /** The first `shown` results (see search), with how many there are:
      {results, total}. `limit` is how many must be in exact order
      (default: `shown`). */
  Searcher.prototype.page = function (query, filters, shown, limit) {
    filters = filters || {};
    if (limit === undefined) limit = shown;
    var results = [];
    if (tokenize(query || "").length === 0) {
      if (!filters.group && !filters.sector && !filters.agency) return { results: [], total: 0 };
      for (var id = 0, n = this.docCount(); id < n; id++) {
        if (matchesFilters(this.doc(id), this.index, filters)) results.push({ id: id, score: 0 });
      }
      return { results: this.fillSnippets(results.slice(0, shown), ""), total: results.length };
    }
    var ranked = this.rank(query, filters, limit);
    return { results: this.fillSnippets(ranked.results(shown), query), total: ranked.total };
  };

  /** One query word's terms: their postings and, per exact form, what a
      match weighs besides its field (diacritics, prefix). */
  Searcher.prototype.wordTerms = function (word, prefix) {
    var self = this;
    var hasMarks = word.exact !== word.folded;
    return this.termIdsFor(word.folded, prefix).filter(function (t) {
      return self.postingsOf(t); // a sharded index without prepare(): nothing loaded
    }).map(function (t) {
      var partial = self.terms[t] !== word.folded;
      var weigh = function (exact) { return (hasMarks && !exact ? FOLDED_ONLY : 1) * (partial ? PREFIX_ONLY : 1); };
      var factors = self.forms[t].map(function (form) { return weigh(isExactForm(form, word, partial)); });
      // A frequent term's form not placed yet is none of the word's
      // (prepare places those): "another one", after the last.
      factors.push(weigh(false));
      var postings = self.postings[t];
      return { id: t, postings: postings, counted: postings instanceof Counted, factors: factors, starts: null };
    });
  };

  // Fields whose positions are fetched together, one bit each, the
  // heaviest first: title; sector, agencies, purpose; notes, scope;
  // collection, sharing.
  var FIELD_TIERS = [1, 2 | 4 | 16, 8 | 32, 64 | 128];

  /** Ranks the documents that match every word of `query`.

      A document's score is, per query word, the weight of its best match
      plus a little for each further one, and a bonus for query words that
      stand next to each other in a field (see fieldBonus). The first part
      needs only which fields and forms a word is in; the bonus needs word
      positions, which a frequent term of a sharded index keeps in files
      loaded on demand. So the bonus is bounded per field from the fields'
      best weights, documents are taken from the highest bound down, and
      those that can reach the first `limit` get their exact bonus. If a
      position not loaded yet could change the order of the first `limit`,
      `fetch` says which fields' positions to load next (one bit each).

      Returns {results(shown), total, fetch, terms}: results(shown) gives
      the first `shown` [{id, score}], the first `limit` in order; total
      how many match; terms the ids of the terms the query used. */
  Searcher.prototype.rank = function (query, filters, limit) {
    filters = filters || {};
    var key = query + "\u0000" + JSON.stringify(filters) + "\u0000" + this.version;
    if (!this.lastFigures || this.lastFigures.key !== key) this.lastFigures = { key: key, value: this.figures(query, filters) };
    var full = key + "\u0000" + limit + "\u0000" + this.placements.join(",");
    if (!this.lastRank || this.lastRank.key !== full) {
      this.lastRank = { key: full, value: this.order(this.lastFigures.value, limit === undefined ? Infinity : limit) };
    }
    return this.lastRank.value;
  };

  /** What ranking `query` needs that word positions do not change: per
      word its terms and, per document, the fields it is in (one bit each);
      and the documents with every word ("candidates"), highest bound
      first, with their score without the bonus, that plus the most the
      bonus can give, and that most per field. */
  Searcher.prototype.figures = function (query, filters) {
    var self = this;
    var words = tokenize(query);
    var typing = isTyping(query);
    var n = words.length;
    var docs = this.docCount();
    var terms = [], counts = [], best = [], fieldBest = [], fieldsIn = [];
    words.forEach(function (w, i) {
      var figures = self.wordFigures(w, typing && i === n - 1);
      terms.push(figures.terms); counts.push(figures.count); best.push(figures.top); fieldBest.push(figures.byField); fieldsIn.push(figures.present);
    });
    var ids = new Int32Array(docs), base = new Float64Array(docs), bound = new Float64Array(docs);
    var fieldBound = new Float64Array(n > 1 ? docs * 8 : 0);
    var run = {
      searcher: this, n: n, counts: counts, best: best, fieldBest: fieldBest, fieldsIn: fieldsIn,
      filters: filters, filtered: !!(filters.group || filters.sector || filters.agency),
      ids: ids, base: base, bound: bound, fieldBound: fieldBound, taken: 0, most: 0
    };
    gatherCandidates(run, docs);
    var c = run.taken;
    var order = byBound(bound, c, run.most);
    return { n: n, terms: terms, fieldsIn: fieldsIn, ids: ids, base: base, bound: bound, fieldBound: fieldBound, order: order };
  };

  /** The documents that have every word of `run` (see figures), as
      candidates: their ids, score without the bonus, bound, and bound
      per field. One loop, a document's figures in a function of their
      own (see takeCandidates). */
  function gatherCandidates(run, docs) {
    // The first word's count turns most documents away without a call:
    // on a fresh page, a call per document was a quarter of a
    // selective query's time.
    var first = run.n > 0 ? run.counts[0] : null;
    for (var d = 0; d < docs; d++) if (!first || first[d] !== 0) addCandidate(run, d);
  }

  function addCandidate(run, d) {
    var n = run.n, counts = run.counts, fieldsIn = run.fieldsIn, i;
    for (i = 0; i < n; i++) if (counts[i][d] === 0) return;
    if (run.filtered && !matchesFilters(run.searcher.doc(d), run.searcher.index, run.filters)) return;
    var total = 0;
    for (i = 0; i < n; i++) total += run.best[i][d] + 0.05 * Math.min(counts[i][d], 10);
    // A bonus needs two words next to each other: only fields with two
    // consecutive words can have one.
    var paired = 0, most = 0, c = run.taken;
    for (i = 0; i + 1 < n; i++) paired |= fieldsIn[i][d] & fieldsIn[i + 1][d];
    for (var f = 0; paired && f < 8; f++) {
      if (!(paired & (1 << f))) continue;
      var b = bonusBound(run.fieldBest, d, n, f);
      run.fieldBound[c * 8 + f] = b;
      if (b > most) most = b;
    }
    run.ids[c] = d; run.base[c] = total; run.bound[c] = total + most;
    if (total + most > run.most) run.most = total + most;
    run.taken = c + 1;
  }

  /** Candidates 0 to `count` - 1, highest `bound` first, those of equal
      bound in their own order (that of their documents), `most` the
      highest bound. One sort of numbers without a comparator (a
      comparator sort of ten thousand candidates took 15 ms on a fresh
      page): each candidate's key is its bound, rounded up to a multiple
      of 1/1024, then its number. Each bound is rounded up in `bound` too,
      so the order takes no candidate that could reach the first results
      later than its bound says (a bound only needs to be high enough). */
  function byBound(bound, count, most) {
    var shift = Math.pow(2, Math.ceil(Math.log2(count + 1)));
    // A key must stay an exact integer: coarser steps for huge bounds.
    var scale = 1024;
    while (scale > 1 / 1024 && (Math.ceil(most * scale) + 1) * shift > 4503599627370496) scale /= 2;
    var top = Math.ceil(most * scale);
    var keys = roundedKeys(bound, count, scale, top, shift);
    keys.sort();
    var order = new Int32Array(count);
    for (var c = 0; c < count; c++) order[c] = keys[c] % shift;
    return order;
  }

  function roundedKeys(bound, count, scale, top, shift) {
    var keys = new Float64Array(count);
    for (var c = 0; c < count; c++) {
      var rounded = Math.ceil(bound[c] * scale);
      bound[c] = rounded / scale;
      keys[c] = (top - rounded) * shift + c;
    }
    return keys;
  }

  /** One query word's terms, and per document its matches, best weight,
      best weight per field and the fields it is in; kept for the next keystrokes while
      nothing new is loaded (the words before the one being typed stay). */
  Searcher.prototype.wordFigures = function (word, prefix) {
    if (!this.wordCache) this.wordCache = new Map();
    var terms = this.wordTerms(word, prefix);
    // Loaded postings do not change but for positions (which these figures
    // do not use) and forms placed later: the word, its terms and how many
    // forms they have placed say it all.
    var formCount = this.formCount;
    var key = word.exact + "\u0000" + terms.map(function (t) { return formCount ? t.id + "~" + formCount[t.id] : t.id; }).join(",");
    var figures = this.wordCache.get(key);
    if (figures) return figures;
    var docs = this.docCount();
    figures = { terms: terms, count: new Int32Array(docs), top: new Float32Array(docs), byField: new Float32Array(docs * 8), present: new Uint8Array(docs) };
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t];
      if (term.counted) tallyCounted(term.postings, term.factors, figures.count, figures.top, figures.byField, figures.present);
      else tally(term.postings, term.factors, figures.count, figures.top, figures.byField, figures.present);
    }
    // A query has few words; keep those of the last few keystrokes.
    if (this.wordCache.size >= 8) this.wordCache.delete(this.wordCache.keys().next().value);
    this.wordCache.set(key, figures);
    return figures;
  };

  /** The candidates of `figures` in order: see rank. */
  Searcher.prototype.order = function (figures, limit) {
    var self = this;
    var n = figures.n, terms = figures.terms, fieldsIn = figures.fieldsIn, fieldBound = figures.fieldBound;
    var ids = figures.ids, base = figures.base, bound = figures.bound, order = figures.order;
    // Per word, the fields in which some of its positions are known, and
    // those in which some are not loaded yet.
    var known = [], unplaced = [];
    var termIds = [];
    terms.forEach(function (list) {
      var k = 0, u = 0;
      list.forEach(function (term) {
        termIds.push(term.id);
        var missing = self.sharded ? self.unplaced[term.id] : 0;
        k |= 255 & ~missing;
        u |= missing;
      });
      known.push(k); unplaced.push(u);
    });
    // Documents some of whose positions were read from their texts (see
    // placeFromTexts): for those, which words' positions are known is
    // worked out per document.
    var fromTexts = this.sharded && this.textFields.size ? this.textFields : null;
    var docKnown = new Int32Array(n), docUnplaced = new Int32Array(n);
    // From the highest bound down, until no further candidate can be among
    // the first `limit`: per candidate taken, its score (a lower bound
    // while positions are missing), its bound, and the fields whose
    // positions could raise it. `kept` holds the best `limit` scores.
    var count = order.length;
    // Kept with the figures from one round to the next: a candidate an
    // earlier round showed cannot reach the first `limit` is not scored
    // again (see `out` below), and keeps its figures from then.
    if (!figures.score) {
      figures.score = new Float64Array(count);
      figures.upper = new Float64Array(count);
      figures.fields = new Uint8Array(count);
    }
    var score = figures.score, upper = figures.upper, fields = figures.fields;
    // Candidates out of the first `figures.outLimit` for good: their bound
    // ranks after the last of them. Bounds only fall and scores only rise
    // as positions arrive, so they stay out for this limit or a smaller one.
    var out = figures.out && limit <= figures.outLimit ? figures.out : null;
    // Per candidate and field, the bonus computed in an earlier round and
    // how many placements of that field's positions it had seen (-1: not
    // computed yet). Positions only arrive: a field's bonus changes only
    // when some of its positions were placed since.
    if (!figures.bonusOf && n > 1) {
      figures.bonusOf = new Float64Array(count * 8);
      figures.seenOf = new Int32Array(count * 8).fill(-1);
    }
    var bonusOf = figures.bonusOf, seenOf = figures.seenOf;
    var placements = this.placements;
    var hits = this.hits || (this.hits = new Hits(256));
    // A frequent term's postings are looked up by document for every
    // bonus: made once, when a query of several words first needs them.
    for (var w = 0; n > 1 && w < n; w++) {
      for (var u = 0; u < terms[w].length; u++) if (!terms[w][u].starts) terms[w][u].starts = this.docStarts(terms[w][u].id);
    }
    var run = {
      searcher: this, n: n, terms: terms, fieldsIn: fieldsIn, fieldBound: fieldBound, ids: ids, base: base, bound: bound,
      known: known, unplaced: unplaced, fromTexts: fromTexts, docKnown: docKnown, docUnplaced: docUnplaced,
      score: score, upper: upper, fields: fields, bonusOf: bonusOf, seenOf: seenOf, placements: placements, hits: hits,
      limit: limit, kept: [], out: out
    };
    var kept = run.kept;
    var j = takeCandidates(run, order);
    // Those taken, in order: `kept` is the first `limit` already; the
    // rest are sorted only if asked for.
    var taken = null;
    function inOrder() {
      if (!taken) {
        taken = Array.prototype.slice.call(order, 0, j);
        taken.sort(function (a, b) { return score[b] - score[a] || ids[a] - ids[b]; });
      }
      return taken;
    }
    var first = limit === Infinity ? inOrder() : kept;
    // Positions to load: those of candidates in the first `limit` whose
    // score is not exact, or outside it whose bound passes its last.
    var need = 0, needing = [];
    first.forEach(function (c) {
      if (fields[c]) { need |= fields[c]; needing.push(c); }
    });
    if (first.length >= limit) {
      var last = first[limit - 1];
      // Marks made for a limit hold for any smaller one.
      if (!figures.out) figures.out = new Uint8Array(count);
      figures.outLimit = Math.min(figures.outLimit || Infinity, limit);
      for (var t = 0; t < j; t++) {
        var c = order[t];
        if (ranksBefore(upper[c], ids[c], score[last], ids[last])) {
          if (fields[c] && first.indexOf(c) < 0) {
            need |= fields[c];
            needing.push(c);
          }
        } else if (first.indexOf(c) < 0) {
          figures.out[c] = 1;
        }
      }
    }
    // The heaviest fields first, those of about the same weight together.
    var fetch = 0;
    for (var tier = 0; tier < FIELD_TIERS.length && !fetch; tier++) fetch = need & FIELD_TIERS[tier];
    return {
      fetch: fetch,
      terms: termIds,
      total: count,
      // The documents whose positions in `fetch` are wanted, those in the
      // first `limit` first.
      needing: needing.filter(function (c) { return fields[c] & fetch; }).map(function (c) { return ids[c]; }),
      // The first `limit`, whose texts a page shows anyway (none when all
      // are asked for).
      first: limit === Infinity ? [] : first.map(function (c) { return ids[c]; }),
      // The first `shown` of those taken in order, then of the rest by
      // their bound (their score without the bonus).
      results: function (shown) {
        var sorted = shown <= first.length ? first : inOrder();
        var out = [];
        for (var t = 0; t < sorted.length && out.length < shown; t++) out.push({ id: ids[sorted[t]], score: score[sorted[t]] });
        for (var r = j; r < count && out.length < shown; r++) out.push({ id: ids[order[r]], score: base[order[r]] });
        return out;
      }
    };
  };

  /** Takes the candidates of `run` (see order) in `order` until none
      further can be among the first `limit`; returns how many. A loop of
      its own, and each candidate's figures in a function of their own:
      compiled while it runs, a loop inside a larger function was
      compiled again at every exit from it, and once more for the code
      after it (see placeFormBits). */
  function takeCandidates(run, order) {
    var ids = run.ids, bound = run.bound, score = run.score, kept = run.kept, limit = run.limit;
    for (var j = 0; j < order.length; j++) {
      var c = order[j], d = ids[c];
      if (kept.length >= limit) {
        var k = kept[kept.length - 1];
        if (!ranksBefore(bound[c], d, score[k], ids[k])) break;
      }
      if (run.out !== null && run.out[c]) continue;
      scoreCandidate(run, c, d);
    }
    return j;
  }

  /** Candidate `c` (document `d`) of `run`: its score, the most it can
      reach once every position is known, the fields whose positions
      could raise it; and whether it is among the best `limit` so far. */
  function scoreCandidate(run, c, d) {
    var n = run.n, fieldsIn = run.fieldsIn, placements = run.placements, bonusOf = run.bonusOf, seenOf = run.seenOf;
    var together = 0, unknown = 0;
    var wordKnown = run.known, wordUnplaced = run.unplaced;
    run.fields[c] = 0;
    var read = run.fromTexts ? run.fromTexts.get(d) : undefined;
    if (read !== undefined) {
      run.searcher.docMasks(run.terms, d, read, run.docKnown, run.docUnplaced);
      wordKnown = run.docKnown; wordUnplaced = run.docUnplaced;
    }
    // One word earns no bonus: its positions can change nothing.
    for (var i = 0; n > 1 && i < n; i++) {
      unknown |= fieldsIn[i][d] & wordUnplaced[i];
      if (i + 1 < n) together |= fieldsIn[i][d] & wordKnown[i] & wordKnown[i + 1] & fieldsIn[i + 1][d];
    }
    var bonus = 0;
    for (var g = 0; together && g < 8; g++) {
      if (!(together & (1 << g))) continue;
      var seen = placements[g];
      var at = c * 8 + g;
      if (seenOf[at] !== seen) {
        bonusOf[at] = fieldBonus(run.terms, d, g, run.hits);
        seenOf[at] = seen;
      }
      if (bonusOf[at] > bonus) bonus = bonusOf[at];
    }
    var most = bonus, fieldBound = run.fieldBound;
    for (var f = 0; unknown && f < 8; f++) {
      if (!(unknown & (1 << f)) || fieldBound[c * 8 + f] <= bonus) continue;
      run.fields[c] |= 1 << f;
      most = Math.max(most, fieldBound[c * 8 + f]);
    }
    run.score[c] = run.base[c] + bonus;
    run.upper[c] = run.base[c] + most;
    if (run.limit !== Infinity) keep(run.kept, c, run.limit, run.score, run.ids);
  }

  /** Keeps `kept` the best `limit` candidates taken, best first. */
  function keep(kept, c, limit, score, ids) {
    var k = kept.length;
    if (k >= limit && !ranksBefore(score[c], ids[c], score[kept[k - 1]], ids[kept[k - 1]])) return;
    while (k > 0 && ranksBefore(score[c], ids[c], score[kept[k - 1]], ids[kept[k - 1]])) k--;
    kept.splice(k, 0, c);
    if (kept.length > limit) kept.pop();
  }

  /** Adds one term's postings to a query word's per-document figures. */
  function tally(p, factors, count, top, byField, present) {
    for (var k = 0; k < p.length; k += 4) {
      var d = p[k], f = p[k + 1];
      var w = WEIGHTS[f] * factors[p[k + 3]];
      count[d]++;
      present[d] |= 1 << f;
      if (w > byField[d * 8 + f]) {
        byField[d * 8 + f] = w;
        if (w > top[d]) top[d] = w;
      }
    }
  }

  /** tally for a Counted term: a document's postings in a field at a
      time, with the best of their forms' factors (all the same for a
      word without diacritics). A field at a time, in a loop of its own
      (see placeFormBits); the fields without postings are skipped. */
  function tallyCounted(counted, factors, count, top, byField, present) {
    var same = factors[0];
    for (var i = 1; i < factors.length; i++) if (factors[i] !== factors[0]) same = -1;
    for (var f = 0; f < 8; f++) {
      if (counted.fieldCount(f) !== 0) tallyField(counted, f, same, factors, count, top, byField, present);
    }
  }

  /** tallyCounted's field `f`; `same` is every form's factor, or -1. */
  function tallyField(counted, f, same, factors, count, top, byField, present) {
    var n = counted.n, docs = counted.docs, offset = counted.offset, weight = WEIGHTS[f], bit = 1 << f;
    for (var i = 0, k = f * n; i < n; i++, k++) {
      var o = offset[k], c = offset[k + 1] - o;
      if (c === 0) continue;
      var d = docs[i];
      count[d] += c;
      present[d] |= bit;
      var w = weight * (same >= 0 ? same : bestFactor(counted.form, o, o + c, factors));
      if (w > byField[d * 8 + f]) {
        byField[d * 8 + f] = w;
        if (w > top[d]) top[d] = w;
      }
    }
  }

  /** The highest factor of the forms from `from` to `to` (excluded). */
  function bestFactor(forms, from, to, factors) {
    var best = 0;
    for (var o = from; o < to; o++) if (factors[forms[o]] > best) best = factors[forms[o]];
    return best;
  }

  /** Whether (score a, id a) ranks before (score b, id b). */
  function ranksBefore(scoreA, idA, scoreB, idB) {
    return scoreA > scoreB || (scoreA === scoreB && idA < idB);
  }

  /** The bonus of `length` query words of `n` standing next to each other
      in one field, the lightest of them weighing `weight`: fieldBonus
      and its bound both use it, so the bound holds. */
  function runBonus(length, n, weight) {
    var bonus = (length - 1) * ADJACENT * weight;
    if (length === n) bonus += WHOLE_PHRASE + 2 * weight;
    return bonus;
  }

  /** The most fieldBonus can give document `d` in field `f`, from each
      word's best weight there. */
  function bonusBound(fieldBest, d, n, f) {
    var most = 0;
    for (var i = 0; i + 1 < n; i++) {
      var w = fieldBest[i][d * 8 + f];
      if (w === 0) continue;
      for (var j = i + 1; j < n; j++) {
        var x = fieldBest[j][d * 8 + f];
        if (x === 0) break;
        if (x < w) w = x;
        var bonus = runBonus(j - i + 1, n, w);
        if (bonus > most) most = bonus;
      }
    }
    return most;
  }

  /** Scratch space for fieldBonus, one per searcher: the positions of
      every query word's matches in one field, word after word; their
      weights; and the run of query words each ends and that run's
      weight. */
  function Hits(size) {
    this.at = new Int32Array(size);
    this.weight = new Float64Array(size);
    this.runLength = new Int32Array(size);
    this.runWeight = new Float64Array(size);
    // Where each query term's postings of document `doc` start, for the
    // query words `terms`: one search for all the fields of a document.
    this.doc = -1;
    this.terms = null;
    this.starts = new Int32Array(16);
  }

  /** Doubles the space, keeping what it holds. */
  Hits.prototype.grow = function () {
    var bigger = new Hits(this.at.length * 2);
    bigger.at.set(this.at); bigger.weight.set(this.weight);
    bigger.runLength.set(this.runLength); bigger.runWeight.set(this.runWeight);
    this.at = bigger.at; this.weight = bigger.weight;
    this.runLength = bigger.runLength; this.runWeight = bigger.runWeight;
  };

  /** Where document `d`'s postings start in `p` (postings are in
      document order). */
  function firstPosting(p, d) {
    var lo = 0, hi = p.length >> 2;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (p[mid * 4] < d) lo = mid + 1; else hi = mid;
    }
    return lo * 4;
  }

  /** Vietnamese words are several syllables ("môi trường"): query words
      that stand next to each other, in order, in one field earn a bonus
      that grows with the run, and more when the run is the whole query
      (runBonus). This is the best such bonus of document `d` in field
      `f`, from the positions known there; `terms` holds each query
      word's terms, `hits` is scratch space. */
  function fieldBonus(terms, d, f, hits) {
    var n = terms.length, best = 0, used = 0, lastStart = 0, lastEnd = 0;
    if (hits.doc !== d || hits.terms !== terms) {
      var all = 0;
      for (var w = 0; w < n; w++) all += terms[w].length;
      if (hits.starts.length < all) hits.starts = new Int32Array(all * 2);
      for (w = 0, all = 0; w < n; w++) {
        for (var u = 0; u < terms[w].length; u++) {
          var one = terms[w][u];
          hits.starts[all++] = one.counted ? one.postings.rank[d] : one.starts ? one.starts[d] : firstPosting(one.postings, d);
        }
      }
      hits.doc = d; hits.terms = terms;
    }
    for (var i = 0, s = 0; i < n; i++) {
      var start = used;
      for (var t = 0; t < terms[i].length; t++, s++) {
        var term = terms[i][t], p = term.postings;
        if (term.counted) {
          if (hits.starts[s] >= 0) used = countedHits(p, hits.starts[s], f, term.factors, hits, used);
          continue;
        }
        for (var k = hits.starts[s]; k < p.length && p[k] === d; k += 4) {
          if (p[k + 1] !== f || p[k + 2] < 0) continue;
          if (used === hits.at.length) hits.grow();
          hits.at[used] = p[k + 2];
          hits.weight[used] = WEIGHTS[f] * term.factors[p[k + 3]];
          used++;
        }
      }
      var at = hits.at, weights = hits.weight, runLength = hits.runLength, runWeight = hits.runWeight;
      // One term's positions are in order already; a prefix's several
      // are not (few: insertion sort).
      if (terms[i].length > 1) {
        for (var a = start + 1; a < used; a++) {
          var position = at[a], w = weights[a], b = a - 1;
          for (; b >= start && at[b] > position; b--) { at[b + 1] = at[b]; weights[b + 1] = weights[b]; }
          at[b + 1] = position; weights[b + 1] = w;
        }
      }
      // The run each match ends: one longer than the previous word's
      // match just before it, if any.
      var q = lastStart;
      for (var h = start; h < used; h++) {
        var key = at[h], length = 1, weight = weights[h];
        while (q < lastEnd && at[q] < key - 1) q++;
        if (q < lastEnd && at[q] === key - 1) {
          length = runLength[q] + 1;
          weight = Math.min(runWeight[q], weight);
        }
        runLength[h] = length; runWeight[h] = weight;
        if (length > 1) {
          var bonus = runBonus(length, n, weight);
          if (bonus > best) best = bonus;
        }
      }
      lastStart = start; lastEnd = used;
    }
    return best;
  }


  /** fieldBonus's hits of a Counted term's `r`-th document in field `f`,
      from `used` on; returns where they end. */
  function countedHits(counted, r, f, factors, hits, used) {
    var at = f * counted.n + r, position = counted.position, form = counted.form;
    for (var o = counted.offset[at]; o < counted.offset[at + 1]; o++) {
      if (position[o] < 0) continue;
      if (used === hits.at.length) hits.grow();
      hits.at[used] = position[o];
      hits.weight[used] = WEIGHTS[f] * factors[form[o]];
      used++;
    }
    return used;
  }

  Searcher.prototype.fieldTokens = function (id, field) {
    var key = id + ":" + field;
    var tokens = this.tokenCache.get(key);
    if (!tokens) {
      tokens = tokenize(this.fieldTexts(id)[field]);
      this.tokenCache.set(key, tokens);
    }
    return tokens;
  };

  /** A short passage of the best-matching long field, as parts
      [{text, mark}] with the matched words marked. */
  Searcher.prototype.snippet = function (id, words, typing) {
    var self = this;
    var texts = this.fieldTexts(id);
    // Which query word a document word matches, or -1.
    function matchOf(token) {
      for (var i = 0; i < words.length; i++) {
        var w = words[i];
        if (token.folded === w.folded || (typing && i === words.length - 1 && token.folded.lastIndexOf(w.folded, 0) === 0)) return i;
      }
      return -1;
    }
    // The passage that shows the most distinct query words close together.
    // (Distinct: a word seen in the window is stamped with its number.)
    var field = SNIPPET_FIELDS[0], at = 0, bestCount = 0;
    var stamp = new Int32Array(words.length).fill(-1), passage = 0;
    for (var f = 0; f < SNIPPET_FIELDS.length; f++) {
      var tokens = self.fieldTokens(id, SNIPPET_FIELDS[f]);
      var matched = tokens.map(matchOf);
      for (var t = 0; t < tokens.length; t++) {
        if (matched[t] < 0) continue;
        var distinct = 0;
        passage++;
        var inOrder = 0;
        for (var u = t; u < Math.min(tokens.length, t + 8); u++) {
          var m = matched[u];
          if (m < 0) continue;
          if (stamp[m] !== passage) { stamp[m] = passage; distinct++; }
          if (matched[u + 1] === m + 1) inOrder++;
        }
        var count = distinct * 10 + inOrder;
        if (count > bestCount) { bestCount = count; field = SNIPPET_FIELDS[f]; at = t; }
      }
    }
    var text = texts[field];
    var tokens = this.fieldTokens(id, field);
    if (tokens.length === 0) return [];
    var first = Math.max(0, at - 6);
    var last = Math.min(tokens.length - 1, first + 28);
    var parts = [];
    function push(piece, mark) {
      var previous = parts[parts.length - 1];
      if (previous && previous.mark === mark && !mark) previous.text += piece;
      else parts.push({ text: piece, mark: mark });
    }
    var cursor = tokens[first].start;
    if (first > 0) push("… ", false);
    for (var i = first; i <= last; i++) {
      var token = tokens[i];
      if (token.start > cursor) push(text.slice(cursor, token.start), false);
      push(text.slice(token.start, token.end), matchOf(token) >= 0);
      cursor = token.end;
    }
    var tail = last === tokens.length - 1 ? text.slice(cursor) : " …";
    if (tail) push(tail, false);
    return parts;
  };

  // ---- The search page ------------------------------------------------

  function readState(location) {
    var params = new URLSearchParams(location.search);
    return {
      q: params.get("q") || "",
      group: params.get("nhom") || "",
      sector: params.get("linh-vuc") || "",
      agency: params.get("don-vi") || ""
    };
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.group) params.set("nhom", state.group);
    if (state.sector) params.set("linh-vuc", state.sector);
    if (state.agency) params.set("don-vi", state.agency);
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function fillSelect(select, options, doc) {
    options.forEach(function (o) {
      var option = doc.createElement("option");
      option.value = o[0];
      option.textContent = o[1];
      select.appendChild(option);
    });
  }

  function initPage(win, doc) {
    var form = doc.getElementById("search-form");
    var index = win.DANHMUC_SEARCH_INDEX;
    if (!form || !index) return;
    var root = form.getAttribute("data-root") || "";
    var searcher = new Searcher(index, function (path) {
      return new Promise(function (resolve, reject) {
        var script = doc.createElement("script");
        script.src = root + path;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("không tải được " + path)); };
        doc.head.appendChild(script);
      });
    });
    var input = doc.getElementById("q");
    var group = doc.getElementById("filter-group");
    var sector = doc.getElementById("filter-sector");
    var agency = doc.getElementById("filter-agency");
    var list = doc.getElementById("search-results");
    var status = doc.getElementById("search-status");
    var empty = doc.getElementById("search-empty");
    var shown = 0;
    fillSelect(group, index.groups.map(function (g) { return [g[0], "Nhóm " + g[0]]; }), doc);
    fillSelect(sector, index.sectors, doc);
    fillSelect(agency, index.agencies, doc);
    [group, sector, agency].forEach(function (select) { select.disabled = false; });
    doc.documentElement.classList.add("search-ready");

    function current() {
      return { q: input.value, group: group.value, sector: sector.value, agency: agency.value };
    }

    // A large (sharded) catalog shows the first results only, so that one
    // search downloads a bounded amount.
    var PAGE = searcher.sharded ? 20 : Infinity;
    var sequence = 0;

    function show(state, writeUrl) {
      input.value = state.q;
      group.value = state.group;
      sector.value = state.sector;
      agency.value = state.agency;
      var mine = ++sequence;
      searcher.prepare(state.q, state, PAGE).then(function () {
        if (mine !== sequence) return null;
        var found = searcher.page(state.q, state, PAGE);
        return searcher.loadTexts(found.results.map(function (r) { return r.id; })).then(function () {
          if (mine !== sequence) return;
          searcher.fillSnippets(found.results, state.q);
          render(found.results, found.total, state);
        });
      }).catch(function (error) {
        status.textContent = "Không tải được chỉ mục tìm kiếm (" + error.message + "). Hãy tải lại trang.";
      });
      if (writeUrl) {
        var url = win.location.pathname + stateQuery(state);
        try { win.history[writeUrl === "push" ? "pushState" : "replaceState"](state, "", url); } catch (e) { /* some file:// setups refuse */ }
      }
    }

    function render(results, total, state) {
      list.textContent = "";
      shown = results.length;
      results.forEach(function (r) {
        var li = doc.createElement("li");
        var a = doc.createElement("a");
        a.href = root + r.doc.url;
        a.textContent = r.doc.title;
        var meta = doc.createElement("p");
        meta.className = "result-meta";
        meta.textContent = "Nhóm " + index.groups[r.doc.group][0] + " · TT " + r.doc.number + " · " +
          index.sectors[r.doc.sector][1] + " · " +
          r.doc.agencies.map(function (x) { return index.agencies[x][1]; }).join("; ");
        var snippet = doc.createElement("p");
        snippet.className = "snippet";
        r.snippet.forEach(function (part) {
          if (part.mark) {
            var mark = doc.createElement("mark");
            mark.textContent = part.text;
            snippet.appendChild(mark);
          } else {
            snippet.appendChild(doc.createTextNode(part.text));
          }
        });
        li.appendChild(a);
        li.appendChild(meta);
        if (r.snippet.length) li.appendChild(snippet);
        list.appendChild(li);
      });
      var filtered = state.group || state.sector || state.agency;
      var asked = state.q.trim();
      if (!asked && !filtered) {
        status.textContent = "Nhập từ khóa để tìm trong " + searcher.docCount() + " CSDL; gõ có dấu hoặc không dấu đều được.";
      } else if (total === 0) {
        status.textContent = "Không tìm thấy CSDL nào" + (asked ? " cho “" + asked + "”" : "") + (filtered ? " với bộ lọc đã chọn" : "") + ".";
      } else {
        status.textContent = "Tìm thấy " + total + " CSDL" + (asked ? " cho “" + asked + "”" : "") + (filtered ? " với bộ lọc đã chọn" : "") + "." +
          (shown < total ? " Hiển thị " + shown + " kết quả đầu; thêm từ khóa hoặc bộ lọc để thu hẹp." : "");
      }
      empty.hidden = total !== 0 || (!asked && !filtered);
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { show(current(), "replace"); }, 80);
    });
    [group, sector, agency].forEach(function (select) {
      select.addEventListener("change", function () { show(current(), "push"); });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      show(current(), "push");
    });
    win.addEventListener("popstate", function () { show(readState(win.location), null); });
    show(readState(win.location), null);
  }

  return {
    fold: fold,
    tokenize: tokenize,
    Searcher: Searcher,
    initPage: initPage,
    readState: readState,
    stateQuery: stateQuery,
    addShard: addShard,
    addPositions: addPositions,
    addForm: addForm,
    addTerms: addTerms,
    addTexts: addTexts,
    addFilters: addFilters
  };
});
