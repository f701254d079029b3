/* Looking terms up, and loading the index parts a query needs. */
(function (search) {
  "use strict";
  var tokenize = search.tokenize, isTyping = search.isTyping, placeFormBits = search.placeFormBits,
    placeCountedFormBits = search.placeCountedFormBits, isExactForm = search.isExactForm,
    placeFields = search.placeFields, denseNumbers = search.denseNumbers,
    decodePostings = search.decodePostings, decodeCounted = search.decodeCounted,
    Counted = search.Counted, placeCountedPositions = search.placeCountedPositions,
    firstPosting = search.firstPosting, postingsByField = search.postingsByField;

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
  /** The name of an index file: the manifest's pattern for its kind
      (`files`, written by src/search/index.rs) with `a` and `b` in place
      of its `{}`. */
  function fileName(pattern, a, b) {
    var name = pattern.replace("{}", a);
    return b === undefined ? name : name.replace("{}", b);
  }

  /** The position file of key "shard-field". */
  function positionsFile(names, key) {
    var dash = key.indexOf("-");
    return fileName(names.positions, key.slice(0, dash), key.slice(dash + 1));
  }
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
    // Files loaded: index parts, and the script that understands queries.
    this.loaded = new Set();
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
      this.placed = new Set();
    } else {
      this.terms = index.terms;
      this.forms = index.forms.map(function (f) { return f.split("|"); });
      this.postings = index.postings;
      this.texts = index.text;
    }
  }

  /** Term ids a query word stands for (see termIds), capped while typing
      in a sharded index unless `all`. */
  Searcher.prototype.termIdsFor = function (folded, prefix, all) {
    if (this.sharded && prefix && folded.length < PREFIX_MIN) prefix = false;
    if (!this.sharded) return termIds(this.terms, folded, prefix, 0, this.terms.length);
    // A sharded index searches the block of the word's first letter, once
    // prepare() has loaded it.
    var block = this.index.blocks[this.blockOf.get(folded.charCodeAt(0))];
    if (!block || this.terms[block[1]] === undefined) return [];
    var ids = termIds(this.terms, folded, prefix, block[1], block[1] + block[2]);
    if (!prefix || all) return ids;
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
    return this.loadBlocks(this.blocksOf(words)).then(function () {
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
    var names = this.index.files;
    var files = wanted.map(function (k) { return fileName(names.shard, k); });
    var filtered = filters && (filters.group || filters.sector || filters.agency);
    if (filtered) files.push(names.filters);
    titles = Array.from(titles).filter(function (key) { return !self.placed.has(key); });
    titles.forEach(function (key) { files.push(positionsFile(names, key)); });
    forms.forEach(function (f) { files.push(fileName(names.forms, f[0], f[1])); });
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
    return loadAll(this, wanted.map(function (w) { return positionsFile(self.index.files, w); })).then(function () {
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

  search.Searcher = Searcher;
  search.registry = registry;
  search.fileName = fileName;
  search.loadAll = loadAll;
  search.lowerBound = lowerBound;
  search.PREFIX_MIN = PREFIX_MIN;
  search.addShard = addShard;
  search.addPositions = addPositions;
  search.addForm = addForm;
  search.addTerms = addTerms;
  search.addTexts = addTexts;
  search.addFilters = addFilters;
})(DanhmucSearch);
