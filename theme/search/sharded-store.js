/* The index of a large catalog, in files loaded as queries need them:
   terms by first letter, postings by shard, texts by chunk. Where a
   frequent term's positions and forms go once they arrive is in
   sharded-positions.js. */
(function (search) {
  "use strict";
  var { isExactForm, registry, fileName, loadAll, termIds, SingleStore, FIELD_COUNT } = search;

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

  /** The position file of key "shard-field". */
  function positionsFile(names, key) {
    var dash = key.indexOf("-");
    return fileName(names.positions, key.slice(0, dash), key.slice(dash + 1));
  }

  /** The index of a large catalog (see docs/search.md, "the sharded
      index"): the manifest, and the files a query needs, loaded with
      `loader` (see Searcher) when it needs them. */
  function ShardedStore(index, loader) {
    this.index = index;
    this.loader = loader;
    this.tokenCache = new Map();
    // What rankings are kept by (see Ranker.rank): postings and filter
    // data that arrived (version), and positions (placements: per field,
    // how many times positions were placed in it; a bonus computed before
    // the last placement in its field may be stale).
    this.version = 0;
    this.placements = new Int32Array(FIELD_COUNT);
    var count = index.term_count;
    // Terms and their document frequencies arrive by block (first letter).
    this.terms = new Array(count);
    this.df = new Int32Array(count);
    this.blockOf = new Map(index.blocks.map((b, i) => [b[0], i]));
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
    this.unplaced = new Uint16Array(count);
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
  }

  Object.assign(ShardedStore.prototype, {
    /** Term ids a query word stands for (see termIds), capped while typing
        unless `all`. */
    termIdsFor(folded, prefix, all) {
      if (prefix && folded.length < PREFIX_MIN) prefix = false;
      // The block of the word's first letter, once loaded (loadBlocks).
      var block = this.index.blocks[this.blockOf.get(folded.charCodeAt(0))];
      if (!block || this.terms[block[1]] === undefined) return [];
      var ids = termIds(this.terms, folded, prefix, block[1], block[1] + block[2]);
      if (!prefix || all) return ids;
      var df = this.df;
      var terms = this.terms;
      var chosen = ids.filter((t) => terms[t] === folded);
      var budget = PREFIX_BUDGET - chosen.reduce((sum, t) => sum + df[t], 0);
      var rest = ids.filter((t) => terms[t] !== folded).sort((a, b) => df[a] - df[b] || a - b);
      for (var i = 0; i < rest.length; i++) {
        if (df[rest[i]] > budget && chosen.length > 0) break;
        chosen.push(rest[i]);
        budget -= df[rest[i]];
      }
      return chosen.sort((a, b) => a - b);
    },

    /** Adds term block `b` (loaded) to the terms known. */
    readBlock(b) {
      var data = registry.terms[b];
      if (this.terms[data.first] !== undefined) return;
      for (var i = 0; i < data.terms.length; i++) {
        this.terms[data.first + i] = data.terms[i];
        this.df[data.first + i] = data.df[i];
      }
      var forms = this.forms;
      (data.forms || []).forEach((f) => { forms[data.first + f[0]] = f[1].split("|"); });
      this.vocab = null;
    },

    /** The term blocks of the first letters of `words` (tokens). */
    blocksOf(words) {
      var blocks = new Set();
      words.forEach((w) => {
        var b = this.blockOf.get(w.folded.charCodeAt(0));
        if (b !== undefined) blocks.add(b);
      });
      return blocks;
    },

    /** Loads term blocks `blocks` (indices into the manifest's). */
    loadBlocks(blocks) {
      var list = Array.from(blocks);
      return loadAll(this.loader, list.map((b) => fileName(this.index.files.terms, b))).then(() => {
        list.forEach((b) => { this.readBlock(b); });
      });
    },

    /** Loads the postings of the terms of query words `words` (tokens;
        `typing`: the last is being typed), and the filter data if
        `filters` sets one. */
    loadPostings(words, typing, filters) {
      var shards = new Set();
      // The titles' positions of frequent terms: the first a query of
      // several words needs, fetched with the shards (small, and one round
      // trip fewer).
      var titles = new Set();
      // Of frequent terms, the forms that words with diacritics have (a
      // word without counts every form the same): [term, form index].
      var forms = [];
      var apartAbove = this.index.positions_apart_above;
      words.forEach((w, i) => {
        this.termIdsFor(w.folded, typing && i === words.length - 1).forEach((t) => {
          shards.add(this.shardOf[t]);
          if (apartAbove === undefined || this.df[t] <= apartAbove) return;
          if (words.length > 1) titles.add(this.shardOf[t] + "-0");
          if (w.exact === w.folded || !this.forms[t] || this.forms[t].length < 2) return;
          var partial = this.terms[t] !== w.folded;
          this.forms[t].forEach((form, j) => {
            if (isExactForm(form, w, partial) && !this.formsPlaced.has(t + "-" + j)) forms.push([t, j]);
          });
        });
      });
      var wanted = Array.from(shards).sort((a, b) => a - b);
      var names = this.index.files;
      var files = wanted.map((k) => fileName(names.shard, k));
      var filtered = filters && (filters.group || filters.sector || filters.agency);
      if (filtered) files.push(names.filters);
      titles = Array.from(titles).filter((key) => !this.placed.has(key));
      titles.forEach((key) => { files.push(positionsFile(names, key)); });
      forms.forEach((f) => { files.push(fileName(names.forms, f[0], f[1])); });
      return loadAll(this.loader, files).then(() => {
        if (filtered && !this.filterData) {
          this.filterData = registry.filters;
          this.version++;
        }
        wanted.forEach((k) => {
          if (this.shardsRead.has(k)) return;
          this.shardsRead.add(k);
          var data = registry.shards[k];
          for (var i = 0; i < data.postings.length; i++) {
            this.encoded[data.first + i] = data.postings[i];
            this.forms[data.first + i] = data.forms[i].split("|");
          }
          (data.apart || []).forEach((i) => { this.pairs[data.first + i] = 1; });
          (data.counted || []).forEach((i) => { this.pairs[data.first + i] = 2; });
          this.version++;
        });
        forms.forEach((f) => { if (this.placeForms(f[0])) this.version++; });
        if (titles.length) this.place(titles);
      });
    },

    /** A term's postings, decoded on first use; undefined if not loaded. */
    postingsOf(t) {
      if (this.postings[t]) return this.postings[t];
      if (this.encoded[t] === undefined) return undefined;
      var counts = this.pairs[t] ? new Int32Array(FIELD_COUNT) : null;
      // A frequent term's postings of several forms are each of "another
      // form" (numbered after the last) until the forms a query word needs
      // are placed (placeForms).
      var another = this.pairs[t] && this.forms[t].length > 1 ? this.forms[t].length : 0;
      if (this.pairs[t] === 2) {
        var counted = search.decodeCounted(this.encoded[t], another, this.index.doc_count);
        for (var g = 0; g < FIELD_COUNT; g++) counts[g] = counted.fieldCount(g);
        this.postings[t] = counted;
      } else {
        this.postings[t] = search.decodePostings(this.encoded[t], this.pairs[t] === 1, counts, another);
      }
      this.encoded[t] = null;
      if (this.pairs[t]) {
        this.fieldCounts.set(t, counts);
        this.unplaced[t] = 0;
        for (var f = 0; f < FIELD_COUNT; f++) if (counts[f]) this.unplaced[t] |= 1 << f;
        this.placeInto(t, this.pending.get(t) || []);
        this.pending.delete(t);
        // Not new data (no version): nothing was made from these postings
        // before now.
        if (another) this.placeForms(t);
      }
      return this.postings[t];
    },

    /** Makes sure titles, addresses and snippet texts of `ids` are here. */
    loadTexts(ids) {
      var size = this.index.text_chunk;
      var chunks = Array.from(new Set(ids.map((id) => Math.floor(id / size))));
      return loadAll(this.loader, chunks.map((c) => fileName(this.index.files.texts, c))).then(() => {
        chunks.forEach((c) => {
          registry.texts[c].forEach((row, i) => {
            // The first three fields' texts (title, sector, agencies) are
            // not stored twice: rebuild them from the row.
            var agencies = row[6].map((a) => this.index.agencies[a][1]).join("; ");
            var texts = [row[1], this.index.sectors[row[5]][1], agencies].concat(row[3]);
            this.texts[c * size + i] = [row[0], row[1], row[2], texts, row[4], row[5], row[6]];
          });
        });
      });
    },

    /** What a result shows of a document; title and url are null until
        its texts are loaded. */
    doc(id) {
      var t = this.texts[id];
      var f = t ? [t[4], t[5], t[6]] : this.filterData ? this.filterData[id] : [null, null, null];
      return { group: f[0], sector: f[1], agencies: f[2], url: t ? t[0] : null, title: t ? t[1] : null, number: t ? t[2] : null };
    },

    docCount() {
      return this.index.doc_count;
    },

    fieldTexts(id) {
      var t = this.texts[id];
      return t ? t[3] : null;
    },

    /** Loads the word positions a ranking (`ranked`, see Ranker.rank)
        asks for, `ranked.fetch`: from the position files, or, when few
        documents are in doubt, from their texts, if those weigh a quarter
        of the files or less (the files serve the next keystrokes too; the
        texts of the first results are shown anyway). Once per tier: if
        ranking again puts others in doubt, the files come. Resolves to the
        tiers read from texts so far (`fromTexts` and this one, one bit a
        field). */
    loadPositions(ranked, fromTexts) {
      var wanted = [];
      // What the position files would weigh, from their postings.
      var fileBytes = 0;
      ranked.terms.forEach((t) => {
        for (var f = 0; f < FIELD_COUNT; f++) {
          if (!(ranked.fetch & this.unplaced[t] & (1 << f))) continue;
          wanted.push(this.shardOf[t] + "-" + f);
          fileBytes += POSITION_BYTES * this.fieldCounts.get(t)[f];
        }
      });
      var tier = ranked.fetch;
      if (!(fromTexts & tier)) {
        var textBytes = 0;
        ranked.needing.forEach((d) => {
          if (!this.texts[d] && ranked.first.indexOf(d) < 0) textBytes += TEXT_BYTES;
        });
        if (textBytes * 4 <= fileBytes) {
          return this.loadTexts(ranked.needing).then(() => {
            this.placeFromTexts(ranked.needing, ranked.terms, tier);
            return fromTexts | tier;
          });
        }
      }
      wanted = Array.from(new Set(wanted));
      return loadAll(this.loader, wanted.map((w) => positionsFile(this.index.files, w))).then(() => {
        this.place(wanted);
        return fromTexts;
      });
    }
  });

  ShardedStore.prototype.fieldTokens = SingleStore.prototype.fieldTokens;

  Object.assign(search, { ShardedStore, PREFIX_MIN });
})(DanhmucSearch);
