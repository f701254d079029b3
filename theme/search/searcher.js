/* The search a page holds: a store that reads the index and a ranker,
   and what a query needs loaded before it is ranked. */
(function (search) {
  "use strict";
  var { tokenize, isTyping, matchesFilters } = search;

  /** A search of the index `index` (what assets/search-index.js
      assigns). `load(path)` fetches one of a large catalog's index files
      (a script) and resolves once it ran; it also loads the script that
      understands queries. The searcher reads the index through its store
      (SingleStore or ShardedStore) and ranks with its Ranker. */
  function Searcher(index, load) {
    this.index = index;
    this.sharded = !!index.sharded;
    // Files loaded: index parts, and the script that understands queries.
    this.loader = { load, loaded: new Set() };
    this.store = this.sharded ? new search.ShardedStore(index, this.loader) : new search.SingleStore(index);
    this.ranker = new search.Ranker(this.store);
    // `quick`: while the reader types (the search page sets it), a large
    // catalog loads the positions of the heaviest fields only; `rough` says a
    // search left some out, so that its first results may change order
    // once the rest load (when the reader pauses).
    this.quick = false;
    this.rough = false;
  }

  Object.assign(Searcher.prototype, {
    /** Makes sure the postings a query needs are here, what the filters
        need when one is set, and the word positions that can still change
        the order of its first `limit` results (default: all). */
    prepare(query, filters, limit) {
      if (!this.sharded) return Promise.resolve();
      var store = this.store;
      var words = tokenize(query || "");
      var typing = isTyping(query || "");
      // First the term blocks of the words' first letters, then the postings.
      return store.loadBlocks(store.blocksOf(words)).then(() => {
        return store.loadPostings(words, typing, filters);
      }).then(() => {
        // An empty query is not ranked: it lists the filtered catalog in the
        // decision's order, or nothing (the page's first, empty state would
        // otherwise rank every entry at load).
        if (words.length === 0) return undefined;
        return this.preparePositions(query || "", filters, limit, 0);
      });
    },

    /** Loads the word positions that can still change the order of the
        first `limit` results, a tier of fields at a time from the heaviest,
        ranking again after each (`fromTexts`: see loadPositions). */
    preparePositions(query, filters, limit, fromTexts) {
      var ranked = this.rank(query, filters, limit);
      if (!ranked.fetch) return Promise.resolve();
      if (this.quick && (ranked.fetch & ~search.TYPING_FIELDS)) {
        this.rough = true;
        return Promise.resolve();
      }
      return this.store.loadPositions(ranked, fromTexts).then((read) => {
        return this.preparePositions(query, filters, limit, read);
      });
    },

    /** See Ranker.rank. */
    rank(query, filters, limit) {
      return this.ranker.rank(query, filters, limit);
    },

    /** Results for a query and filters: [{doc, id, score, snippet}], the
        first `limit` (default: all) ranked exactly, the rest after them.
        Every query word must match (after folding); an empty query with
        filters lists the filtered catalog in the decision's order. */
    search(query, filters, limit) {
      var all = this.page(query, filters, Infinity, limit);
      return all.results;
    },

    /** The first `shown` results (see search), with how many there are:
        {results, total}. `limit` is how many must be in exact order
        (default: `shown`). */
    page(query, filters, shown, limit) {
      filters = filters || {};
      if (limit === undefined) limit = shown;
      var results = [];
      if (tokenize(query || "").length === 0) {
        if (!filters.group && !filters.sector && !filters.agency) return { results: [], total: 0 };
        for (var id = 0, n = this.docCount(); id < n; id++) {
          if (matchesFilters(this.doc(id), this.index, filters)) results.push({ id, score: 0 });
        }
        return { results: this.fillSnippets(results.slice(0, shown), ""), total: results.length };
      }
      var ranked = this.rank(query, filters, limit);
      return { results: this.fillSnippets(ranked.results(shown), query), total: ranked.total };
    },

    /** Makes sure titles, addresses and snippet texts of `ids` are here. */
    loadTexts(ids) {
      return this.store.loadTexts(ids);
    },

    /** What a result shows of a document (see the stores' doc). */
    doc(id) {
      return this.store.doc(id);
    },

    /** How many entries the index covers. */
    docCount() {
      return this.store.docCount();
    }
  });

  Object.assign(search, { Searcher });
})(DanhmucSearch);
