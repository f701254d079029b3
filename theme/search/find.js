/* A search as the page runs it: understand, rank, merge, suggest.

   Most queries are words of the catalog, as they stand. What the others
   need (Telex and VNI, glued words, other names, spelling, fillers,
   suggestions) is in a script of its own, loaded the first time a query
   needs it (theme/search/understand/). */
(function (search) {
  "use strict";
  var { fold, tokenize, isTyping, loadAll, PREFIX_MIN, Searcher } = search;

  var UNDERSTAND_FILE = "assets/search-understand.js";

  /** Whether `folded` (no diacritics) can begin a Vietnamese syllable:
      what a reader has typed so far of a word. */
  var SYLLABLE_START = /^(ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdghklmnprstvx])?[aeiouy]{0,3}(c|ch|m|n|ng|nh|p|t)?$/;
  function isSyllableStart(folded) {
    return SYLLABLE_START.test(folded);
  }

  // Words that carry no subject: questions and requests, and in a catalog
  // of databases, "database". A query needs its other words.
  var FILLERS = ["tra cứu", "tìm", "tìm kiếm", "tìm hiểu", "xem", "ở đâu", "làm sao", "làm thế nào", "như thế nào",
    "thế nào", "là gì", "gì", "nào", "của", "của tỉnh", "ai", "cho", "tôi", "muốn", "hỏi", "thông tin về", "được không",
    "cơ sở dữ liệu", "dữ liệu", "csdl", "danh mục"];

  /** Per token of a query, whether it is part of a phrase of FILLERS,
      written with their diacritics or (a phrase typed without any) folded;
      the longest phrases first. */
  function fillerTokens(tokens) {
    var marks = tokens.map(() => false);
    for (var i = 0; i < tokens.length; i++) {
      for (var n = Math.min(4, tokens.length - i); n >= 1; n--) {
        var phrase = tokens.slice(i, i + n), bare = phrase.every((t) => t.exact === t.folded);
        var key = phrase.map((t) => bare ? t.folded : t.exact).join(" ");
        if (!FILLERS.some((f) => (bare ? fold(f) : f) === key)) continue;
        for (var k = i; k < i + n; k++) marks[k] = true;
        i += n - 1;
        break;
      }
    }
    return marks;
  }

  Object.assign(Searcher.prototype, {
    /** Whether `query` is plain: every word a catalog word (the last may be
        one being typed), none an abbreviation or glued to another, none that
        may begin another name of several words ("sở", "bộ") or, with the
        word after it, a place ("hạ long"). Most queries
        are, and are searched as typed; the others are understood first
        (findFurther). Resolves to {plain, pair}: `pair` whether it is two
        syllables (see isPair), once the blocks of its words' first letters
        are loaded. */
    glance(query) {
      var nfc = query.normalize("NFC"), tokens = tokenize(nfc), typing = isTyping(nfc);
      return this.store.loadBlocks(this.sharded ? this.store.blocksOf(tokens) : []).then(() => {
        var leads = new Set(this.index.name_leads), fillers = fillerTokens(tokens);
        // A query of such words only is searched as it is.
        if (fillers.every(Boolean)) fillers = [];
        var plain = tokens.every((t, i) => {
          var last = typing && i === tokens.length - 1;
          var glued = i > 0 && !/\s/.test(nfc.slice(tokens[i - 1].end, t.start));
          var word = /^[0-9]+$/.test(t.folded) || (
            (last || isSyllableStart(t.folded)) && this.store.termIdsFor(t.folded, last).length > 0 &&
            !(tokens.length > 1 && (leads.has(t.folded) || leads.has(t.folded + " " + (tokens[i + 1] || t).folded))));
          return !glued && !fillers[i] && (word || (last && t.folded.length < PREFIX_MIN));
        });
        var pair = tokens.length === 2 && tokens.every((t) => /[aeiouy]/.test(t.folded) && isSyllableStart(t.folded));
        return { plain, pair };
      });
    },

    /** Loads the script that understands queries, once. */
    understanding() {
      return loadAll(this.loader, search.understanding ? [] : [UNDERSTAND_FILE]).then(() => {
        return search.understanding;
      });
    },

    /** Searches `queries` (see pageOfAll) once what they need is loaded;
        two syllables the catalog has only apart match nothing (`pair`, see
        isPair). Not while the second is being typed in a large catalog,
        whose index completes it only to its rarer words. */
    searchAll(queries, filters, shown, pair) {
      var q = queries[0], found;
      return queries.reduce((done, q) => {
        return done.then(() => this.prepare(q, filters, shown));
      }, Promise.resolve()).then(() => {
        found = queries.length > 1 ? search.understanding.pageOfAll(this, queries, filters, shown) : this.page(q, filters, shown);
        found.highlight = queries.join(" ");
        // Positions of a word in many entries of a large catalog are loaded
        // only when they change the order: it is taken to stand next to the
        // other somewhere (it nearly always does). So is a word being typed
        // whose completions there are too many to load.
        var words = tokenize(q), typing = isTyping(q);
        var unsure = this.sharded && words.some((w, i) => {
          var prefix = typing && i === words.length - 1, ids = this.store.termIdsFor(w.folded, prefix);
          return ids.some((t) => this.store.pairs[t]) || (prefix && ids.length < this.store.termIdsFor(w.folded, prefix, true).length);
        });
        return pair && found.total && !unsure ? this.understanding() : null;
      }).then((understanding) => {
        if (understanding && understanding.adjacentCount(this, q) === 0) found = { results: [], total: 0, highlight: q };
        return found;
      });
    },

    /** A search as the page runs it. Unless `exact`, a query that is not
        plain (see glance) is first understood; a query of two words that
        the catalog has only apart finds nothing (they are one word it
        lacks); when nothing matches, what else it could mean is tried, and
        entries with some of its words are suggested (findFurther).

        Resolves to {results, total, highlight} (the words to mark in
        snippets) and, when the rest ran, {searched, understood,
        suggestions}: `searched` what was searched for, which the page says
        when it is not what was typed (`understood`). */
    find(query, filters, shown, exact) {
      filters = filters || {};
      // A last word too short to search yet (a large catalog's index does
      // not expand it) is no reason to look further.
      var tokens = tokenize(query);
      var unfinished = this.sharded && isTyping(query) && tokens.length > 0 && tokens[tokens.length - 1].folded.length < PREFIX_MIN;
      var further = (found) => {
        return this.understanding().then((understanding) => {
          return understanding.findFurther(this, query, filters, shown, exact, found);
        });
      };
      return (exact ? Promise.resolve({ plain: true, pair: false }) : this.glance(query)).then((seen) => {
        if (!seen.plain) return further(null);
        return this.searchAll([query], filters, shown, seen.pair).then((found) => {
          return found.total > 0 || unfinished ? found : further(found);
        });
      });
    }
  });

  Object.assign(search, { fillerTokens });
})(DanhmucSearch);
