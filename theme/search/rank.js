/* Ranking: per query word its terms and figures, and the documents with
   every word ("candidates"), highest bound first; order.js takes them in
   that order. */
(function (search) {
  "use strict";
  var { tokenize, Counted, isTyping, isExactForm, tally, tallyCounted, bonusBound, Hits, FIELD_COUNT } = search;

  // A word that only agrees once diacritics are dropped, when the reader
  // typed diacritics, counts for less than an exact one ("bản đồ" before
  // "bàn đỏ"); so does a word matched only by its beginning.
  var FOLDED_ONLY = 0.5;
  var PREFIX_ONLY = 0.75;

  function matchesFilters(doc, index, filters) {
    if (filters.group && index.groups[doc.group][0] !== filters.group) return false;
    if (filters.sector && index.sectors[doc.sector][0] !== filters.sector) return false;
    if (filters.agency && !doc.agencies.some((a) => index.agencies[a][0] === filters.agency)) return false;
    return true;
  }

  /** Ranks the documents of `store` (a SingleStore or ShardedStore) for
      a query, keeping what it computed while nothing new arrives in the
      store (see rank). */
  function Ranker(store) {
    this.store = store;
    // The last ranking and what it was made from (see rank), and each
    // query word's figures of the last keystrokes (see wordFigures).
    this.lastFigures = null;
    this.lastRank = null;
    this.wordCache = new Map();
    // Scratch space for fieldBonus.
    this.hits = new Hits(256);
  }

  Object.assign(Ranker.prototype, {
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
    rank(query, filters, limit) {
      filters = filters || {};
      var key = query + "\u0000" + JSON.stringify(filters) + "\u0000" + this.store.version;
      if (!this.lastFigures || this.lastFigures.key !== key) this.lastFigures = { key, value: this.figures(query, filters) };
      var full = key + "\u0000" + limit + "\u0000" + this.store.placements.join(",");
      if (!this.lastRank || this.lastRank.key !== full) {
        this.lastRank = { key: full, value: this.order(this.lastFigures.value, limit === undefined ? Infinity : limit) };
      }
      return this.lastRank.value;
    },

    /** What ranking `query` needs that word positions do not change: per
        word its terms and, per document, the fields it is in (one bit each);
        and the documents with every word ("candidates"), highest bound
        first, with their score without the bonus, that plus the most the
        bonus can give, and that most per field. */
    figures(query, filters) {
      var words = tokenize(query);
      var typing = isTyping(query);
      var n = words.length;
      var docs = this.store.docCount();
      var terms = [], counts = [], best = [], fieldBest = [], fieldsIn = [];
      words.forEach((w, i) => {
        var figures = this.wordFigures(w, typing && i === n - 1);
        terms.push(figures.terms); counts.push(figures.count); best.push(figures.top); fieldBest.push(figures.byField); fieldsIn.push(figures.present);
      });
      var ids = new Int32Array(docs), base = new Float64Array(docs), bound = new Float64Array(docs);
      var fieldBound = new Float64Array(n > 1 ? docs * FIELD_COUNT : 0);
      var run = {
        store: this.store, n, counts, best, fieldBest, fieldsIn,
        filters: filters, filtered: !!(filters.group || filters.sector || filters.agency),
        ids, base, bound, fieldBound, taken: 0, most: 0
      };
      gatherCandidates(run, docs);
      var c = run.taken;
      var order = byBound(bound, c, run.most);
      return { n, terms, fieldsIn, ids, base, bound, fieldBound, order };
    },

    /** One query word's terms, and per document its matches, best weight,
        best weight per field and the fields it is in; kept for the next keystrokes while
        nothing new is loaded (the words before the one being typed stay). */
    wordFigures(word, prefix) {
      var terms = this.wordTerms(word, prefix);
      // Loaded postings do not change but for positions (which these figures
      // do not use) and forms placed later: the word, its terms and how many
      // forms they have placed say it all.
      var formCount = this.store.formCount;
      var key = word.exact + "\u0000" + terms.map((t) => formCount ? t.id + "~" + formCount[t.id] : t.id).join(",");
      var figures = this.wordCache.get(key);
      if (figures) return figures;
      var docs = this.store.docCount();
      figures = { terms, count: new Int32Array(docs), top: new Float32Array(docs), byField: new Float32Array(docs * FIELD_COUNT), present: new Uint16Array(docs) };
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t];
        if (term.counted) tallyCounted(term.postings, term.factors, figures.count, figures.top, figures.byField, figures.present);
        else tally(term.postings, term.factors, figures.count, figures.top, figures.byField, figures.present);
      }
      // A query has few words; keep those of the last few keystrokes.
      if (this.wordCache.size >= 8) this.wordCache.delete(this.wordCache.keys().next().value);
      this.wordCache.set(key, figures);
      return figures;
    },

    /** One query word's terms: their postings and, per exact form, what a
        match weighs besides its field (diacritics, prefix). */
    wordTerms(word, prefix) {
      var store = this.store;
      var hasMarks = word.exact !== word.folded;
      return store.termIdsFor(word.folded, prefix).filter((t) => {
        return store.postingsOf(t); // a sharded index without prepare(): nothing loaded
      }).map((t) => {
        var partial = store.terms[t] !== word.folded;
        var weigh = (exact) => (hasMarks && !exact ? FOLDED_ONLY : 1) * (partial ? PREFIX_ONLY : 1);
        var factors = store.forms[t].map((form) => weigh(isExactForm(form, word, partial)));
        // A frequent term's form not placed yet is none of the word's
        // (prepare places those): "another one", after the last.
        factors.push(weigh(false));
        var postings = store.postings[t];
        return { id: t, postings, counted: postings instanceof Counted, factors, starts: null };
      });
    }
  });

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
    if (run.filtered && !matchesFilters(run.store.doc(d), run.store.index, run.filters)) return;
    var total = 0;
    for (i = 0; i < n; i++) total += run.best[i][d] + 0.05 * Math.min(counts[i][d], 10);
    // A bonus needs two words next to each other: only fields with two
    // consecutive words can have one.
    var paired = 0, most = 0, c = run.taken;
    for (i = 0; i + 1 < n; i++) paired |= fieldsIn[i][d] & fieldsIn[i + 1][d];
    for (var f = 0; paired && f < FIELD_COUNT; f++) {
      if (!(paired & (1 << f))) continue;
      var b = bonusBound(run.fieldBest, d, n, f);
      run.fieldBound[c * FIELD_COUNT + f] = b;
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

  Object.assign(search, { Ranker, matchesFilters });
})(DanhmucSearch);
