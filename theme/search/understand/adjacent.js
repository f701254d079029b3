/* Words next to each other. */
(function (search) {
  "use strict";
  var understanding = search.understanding;
  var { tokenize, isTyping, FIELD_COUNT } = search;

  /** How many entries have the two words of `query` next to each other,
      in order; undefined when positions that could tell are not loaded (a
      frequent word of a large catalog); 1 for a query of another length. */
  function adjacentCount(self, query) {
    if (tokenize(query).length !== 2) return 1;
    var docs = adjacentDocs(self, query);
    return docs && docs.size;
  }

  /** The entries that have the two words of `query` next to each other,
      in order (a Set of ids); undefined when positions that could tell
      are not loaded. */
  function adjacentDocs(self, query) {
    var words = tokenize(query), typing = isTyping(query);
    var lists = [self.ranker.wordTerms(words[0], false), self.ranker.wordTerms(words[1], typing)];
    var unknown = lists.some((list) => {
      return list.some((t) => t.counted || (self.sharded && self.store.unplaced[t.id]));
    });
    if (unknown) return undefined;
    // A word typed with diacritics is that word only: "bản vẽ" is not
    // "bản về".
    var best = function (t) { return Math.max.apply(null, t.factors); };
    var after = new Set();
    lists[0].forEach((t) => {
      var p = t.postings, top = best(t);
      for (var k = 0; k < p.length; k += 4) if (t.factors[p[k + 3]] === top) after.add((p[k] * FIELD_COUNT + p[k + 1]) * 65536 + p[k + 2] + 1);
    });
    var docs = new Set();
    lists[1].forEach((t) => {
      var p = t.postings, top = best(t);
      for (var k = 0; k < p.length; k += 4) {
        if (t.factors[p[k + 3]] === top && after.has((p[k] * FIELD_COUNT + p[k + 1]) * 65536 + p[k + 2])) docs.add(p[k]);
      }
    });
    return docs;
  }

  Object.assign(understanding, { adjacentCount, adjacentDocs });
})(DanhmucSearch);
