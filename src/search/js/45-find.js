  // ---- A search as the page runs it: understand, rank, merge, suggest ----
  //
  // Most queries are words of the catalog, as they stand. What the others
  // need (Telex and VNI, glued words, other names, spelling, fillers,
  // suggestions) is in a script of its own, loaded the first time a query
  // needs it (src/search/js/understand/, joined by build.rs).

  var UNDERSTAND_FILE = "assets/search-understand.js";

  // Other names (abbreviations, synonyms, former names of agencies), from
  // the index or, when sharded, a file of their own.
  function addNames(list) { registry.names = list; }
  function addUnderstanding(factory) {
    registry.understanding = factory({ tokenize: tokenize, fold: fold, isTyping: isTyping, loadAll: loadAll, lowerBound: lowerBound, registry: registry });
  }

  /** Whether `folded` (no diacritics) can begin a Vietnamese syllable:
      what a reader has typed so far of a word. */
  var SYLLABLE_START = /^(ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdghklmnprstvx])?[aeiouy]{0,3}(c|ch|m|n|ng|nh|p|t)?$/;
  function isSyllableStart(folded) {
    return SYLLABLE_START.test(folded);
  }

  /** Adds term block `b` (loaded) to the terms known. */
  Searcher.prototype.readBlock = function (b) {
    var data = registry.terms[b];
    if (this.terms[data.first] !== undefined) return;
    for (var i = 0; i < data.terms.length; i++) {
      this.terms[data.first + i] = data.terms[i];
      this.df[data.first + i] = data.df[i];
    }
    var forms = this.forms;
    (data.forms || []).forEach(function (f) { forms[data.first + f[0]] = f[1].split("|"); });
    this.vocab = null;
  };

  /** The term blocks of the first letters of `words` (tokens). */
  Searcher.prototype.blocksOf = function (words) {
    var self = this, blocks = new Set();
    words.forEach(function (w) {
      var b = self.blockOf.get(w.folded.charCodeAt(0));
      if (b !== undefined) blocks.add(b);
    });
    return blocks;
  };

  /** Loads term blocks `blocks` (indices into the manifest's). */
  Searcher.prototype.loadBlocks = function (blocks) {
    var self = this;
    if (!this.sharded) return Promise.resolve();
    var list = Array.from(blocks);
    return loadAll(this, list.map(function (b) { return fileName(self.index.files.terms, b); })).then(function () {
      list.forEach(function (b) { self.readBlock(b); });
    });
  };

  /** Whether `query` is plain: every word a catalog word (the last may be
      one being typed), none an abbreviation or glued to another, none that
      may begin another name of several words ("sở", "bộ"). Most queries
      are, and are searched as typed; the others are understood first
      (findFurther). Resolves to {plain, pair}: `pair` whether it is two
      syllables (see isPair), once the blocks of its words' first letters
      are loaded. */
  Searcher.prototype.glance = function (query) {
    var self = this;
    var nfc = query.normalize("NFC"), tokens = tokenize(nfc), typing = isTyping(nfc);
    return this.loadBlocks(this.sharded ? this.blocksOf(tokens) : []).then(function () {
      var leads = new Set(self.index.name_leads);
      var plain = tokens.every(function (t, i) {
        var last = typing && i === tokens.length - 1;
        var glued = i > 0 && !/\s/.test(nfc.slice(tokens[i - 1].end, t.start));
        var word = /^[0-9]+$/.test(t.folded) || (
          (last || isSyllableStart(t.folded)) && self.termIdsFor(t.folded, last).length > 0 &&
          !(tokens.length > 1 && leads.has(t.folded)));
        return !glued && (word || (last && t.folded.length < PREFIX_MIN));
      });
      var pair = tokens.length === 2 && tokens.every(function (t) { return /[aeiouy]/.test(t.folded) && isSyllableStart(t.folded); });
      return { plain: plain, pair: pair };
    });
  };

  /** Loads the script that understands queries, and `files`. */
  Searcher.prototype.understanding = function (files) {
    return loadAll(this, (registry.understanding ? [] : [UNDERSTAND_FILE]).concat(files || [])).then(function () {
      return registry.understanding;
    });
  };

  /** Whether some entry of the catalog has the two words of `query` next
      to each other, in order; undefined when positions that could tell
      are not loaded (a frequent word of a large catalog). True for a
      query of another length. */
  Searcher.prototype.adjacentAnywhere = function (query) {
    var count = this.adjacentCount(query);
    return count === undefined ? undefined : count > 0;
  };

  /** How many entries have the two words of `query` next to each other,
      in order (see adjacentAnywhere); 1 for a query of another length. */
  Searcher.prototype.adjacentCount = function (query) {
    var words = tokenize(query), typing = isTyping(query), self = this;
    if (words.length !== 2) return 1;
    var lists = [this.wordTerms(words[0], false), this.wordTerms(words[1], typing)];
    var unknown = lists.some(function (list) {
      return list.some(function (t) { return t.counted || (self.sharded && self.unplaced[t.id]); });
    });
    if (unknown) return undefined;
    // A word typed with diacritics is that word only: "bản vẽ" is not
    // "bản về".
    var best = function (t) { return Math.max.apply(null, t.factors); };
    var after = new Set();
    lists[0].forEach(function (t) {
      var p = t.postings, top = best(t);
      for (var k = 0; k < p.length; k += 4) if (t.factors[p[k + 3]] === top) after.add((p[k] * 8 + p[k + 1]) * 65536 + p[k + 2] + 1);
    });
    var docs = new Set();
    lists[1].forEach(function (t) {
      var p = t.postings, top = best(t);
      for (var k = 0; k < p.length; k += 4) {
        if (t.factors[p[k + 3]] === top && after.has((p[k] * 8 + p[k + 1]) * 65536 + p[k + 2])) docs.add(p[k]);
      }
    });
    return docs.size;
  };

  /** Searches `queries` (see pageOfAll) once what they need is loaded;
      two syllables the catalog has only apart match nothing (`pair`, see
      isPair). Not while the second is being typed in a large catalog,
      whose index completes it only to its rarer words. */
  Searcher.prototype.searchAll = function (queries, filters, shown, pair) {
    var self = this;
    return queries.reduce(function (done, q) {
      return done.then(function () { return self.prepare(q, filters, shown); });
    }, Promise.resolve()).then(function () {
      var found = queries.length === 1 ? self.page(queries[0], filters, shown) : registry.understanding.pageOfAll(self, queries, filters, shown);
      if (pair && found.total > 0 && !(self.sharded && isTyping(queries[0])) && self.adjacentAnywhere(queries[0]) === false) found = { results: [], total: 0 };
      found.searched = queries.map(function (q) { return q.trim(); }).join("” hoặc “");
      found.highlight = queries.join(" ");
      found.understood = false;
      found.suggestions = [];
      return found;
    });
  };

  /** A search as the page runs it. Unless `exact`, the query is first
      understood (see understand); a query of two words that the catalog
      has only apart finds nothing (they are one word it lacks); when
      nothing matches, what else it could mean is tried, and entries with
      some of its words are suggested (findFurther).

      Resolves to {results, total, searched, highlight, understood,
      suggestions}: `searched` what was searched for, which the page says
      when it is not what was typed (`understood`). */
  Searcher.prototype.find = function (query, filters, shown, exact) {
    var self = this;
    filters = filters || {};
    // A last word too short to search yet (a large catalog's index does
    // not expand it) is no reason to look further.
    var tokens = tokenize(query);
    var unfinished = this.sharded && isTyping(query) && tokens.length > 0 && tokens[tokens.length - 1].folded.length < PREFIX_MIN;
    var further = function (found) {
      return self.understanding().then(function (understanding) {
        return understanding.findFurther(self, query, filters, shown, exact, found);
      });
    };
    return (exact ? Promise.resolve({ plain: true, pair: false }) : this.glance(query)).then(function (seen) {
      if (!seen.plain) return further(null);
      return self.searchAll([query], filters, shown, seen.pair).then(function (found) {
        return found.total > 0 || unfinished ? found : further(found);
      });
    });
  };
