/* Merged results, and what else a query that matches nothing meant. */
(function (search) {
  "use strict";
  var { understanding } = search;
  var { understandFully, correctOne, partialAnswer, suggest, findCode } = understanding;

  /** The ids of every entry that matches `query` (after rank). */
  function matching(self, query, filters, limit) {
    var figures = self.rank(query, filters, limit) && self.ranker.lastFigures.value;
    return figures.ids.subarray(0, figures.order.length);
  }

  /** The first `shown` results of the union of `queries`: those of the
      first query in its order, then those only the next one finds, and
      so on: {results, total}. */
  function pageOfAll(self, queries, filters, shown) {
    var results = [], all = new Set();
    queries.forEach((q) => {
      var seen = new Set(results.map((r) => r.id));
      self.page(q, filters, shown).results.forEach((r) => {
        if (!seen.has(r.id)) results.push(r);
      });
      matching(self, q, filters, shown).forEach((id) => { all.add(id); });
    });
    return { results: self.fillSnippets(results.slice(0, shown), queries.join(" ")), total: all.size };
  }

  /** The rest of a search (Searcher.find) of a query that is not plain
      (`found` null) or matched nothing as typed (`found`): the query as
      understood, then with one word corrected; and when nothing matches,
      suggestions. A search of the words exactly as typed (`exact`) only
      gets suggestions. */
  function findFurther(self, query, filters, shown, exact, found) {
    // An entry's code names that entry, whatever else it could mean.
    return (exact ? Promise.resolve(null) : findCode(self, query, shown)).then((code) => {
      if (code) return Object.assign(code, { understood: true, suggestions: [] });
      return findUnderstood(self, query, filters, shown, exact, found);
    });
  }

  /** The rest of findFurther, for a query that is no entry's code. */
  function findUnderstood(self, query, filters, shown, exact, found) {
    var queries = [query], u = null;
    var run = function (list, pair) {
      queries = list;
      return self.searchAll(list, filters, shown, pair);
    };
    var start = exact ? Promise.resolve(found) : understandFully(self, query).then((understood) => {
      u = understood;
      return found && !u.changed ? found : run(u.alternatives, u.pair);
    });
    return start.then((found) => {
      if (found.total > 0 || !u) return found;
      return correctOne(self, u, filters, shown).then((corrected) => {
        if (!corrected) return partialAnswer(self, u, filters, shown).then((partial) => partial || found);
        u.changed = true;
        return run([corrected], false);
      });
    }).then((found) => {
      found.searched = found.partial || queries.map((q) => q.trim()).join("” hoặc “");
      // Nothing found says so for what was typed.
      found.understood = !!u && (u.changed || !!found.partial) && found.total > 0;
      // A correction of a real word is offered: the page links to it.
      found.offer = u && u.offer !== queries[0].trim() ? u.offer : null;
      if (found.offer && !found.understood) {
        found.understood = true;
        found.searched = found.total > 0 ? found.searched : query.trim();
        found.asTyped = true;
      }
      found.suggestions = [];
      if (found.total > 0) return found;
      understanding.reportLink(query);
      return suggest(self, queries[0], filters).then((suggestions) => {
        found.suggestions = suggestions;
        return found;
      });
    });
  }

  Object.assign(understanding, { pageOfAll, findFurther });
})(DanhmucSearch);
