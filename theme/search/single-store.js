/* The index of a small catalog, in one file. */
(function (search) {
  "use strict";
  var { tokenize, FIELD_COUNT } = search;

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
      if (term === folded || (prefix && term.startsWith(folded))) ids.push(t);
      else break;
    }
    return ids;
  }

  /** The index in one file (a small catalog): every term, posting and
      text at hand from the start. The sharded store (sharded-store.js)
      answers the same questions for a large catalog, once it has loaded
      what a query needs. */
  function SingleStore(index) {
    this.index = index;
    this.terms = index.terms;
    this.forms = index.forms.map((f) => f.split("|"));
    this.postings = index.postings;
    this.texts = index.text;
    this.tokenCache = new Map();
    // What rankings are kept by (see Ranker.rank): nothing arrives later.
    this.version = 0;
    this.placements = new Int32Array(FIELD_COUNT);
  }

  Object.assign(SingleStore.prototype, {
    /** Term ids a query word stands for (see termIds). */
    termIdsFor(folded, prefix) {
      return termIds(this.terms, folded, prefix, 0, this.terms.length);
    },

    postingsOf(t) {
      return this.postings[t];
    },

    /** Every position is at hand: no document's postings need looking up
        ahead (see ShardedStore's docStarts), and nothing needs loading. */
    docStarts() {
      return null;
    },

    /** What a result shows of a document. */
    doc(id) {
      return this.index.docs[id];
    },

    /** How many entries the index covers. */
    docCount() {
      return this.index.docs.length;
    },

    /** The texts of document `id`'s fields. */
    fieldTexts(id) {
      return this.texts[id];
    },

    /** The words of document `id`'s field `field` (see tokenize), kept. */
    fieldTokens(id, field) {
      var key = id + ":" + field;
      var tokens = this.tokenCache.get(key);
      if (!tokens) {
        tokens = tokenize(this.fieldTexts(id)[field]);
        this.tokenCache.set(key, tokens);
      }
      return tokens;
    }
  });

  SingleStore.prototype.loadBlocks = SingleStore.prototype.loadTexts = function () {
    return Promise.resolve();
  };

  Object.assign(search, { lowerBound, termIds, SingleStore });
})(DanhmucSearch);
