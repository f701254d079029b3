/* Merged results, and what else a query that matches nothing meant. */
(function (search) {
  "use strict";
  var { understanding, tokenize } = search;
  var { understandFully, correctOne, partialAnswer, suggest, findCode, isPair, vocabularyOf } = understanding;

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

  /** For a query `u` that names a place and something else ("cây xanh
      đô thị ở Móng Cái"): the entries with both first, then those with
      what it is about (`u.apart`), each search by its own rules (two
      syllables only apart match nothing). Resolves to {results, total,
      highlight, named}: `named` how many have the place too. */
  function findPlaced(self, u, filters, shown) {
    return self.searchAll(u.alternatives, filters, shown, u.pair).then((named) => {
      return self.searchAll(u.apart, filters, shown, isPair(u.topic)).then((rest) => {
        var seen = new Set(named.results.map((r) => r.id));
        var results = named.results.concat(rest.results.filter((r) => !seen.has(r.id))).slice(0, shown);
        var highlight = u.alternatives.concat(u.apart).join(" ");
        return { results: self.fillSnippets(results, highlight), total: Math.max(named.total, rest.total),
          highlight, named: named.total };
      });
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
      if (u.apart.length) {
        return findPlaced(self, u, filters, shown).then((placed) => {
          queries = placed.named ? u.alternatives : u.apart;
          return placed;
        });
      }
      return found && !u.changed ? found : run(u.alternatives, u.pair);
    });
    // While the reader types, a large catalog tries no correction and
    // makes no suggestion for a query that matches nothing: each loads
    // shards of other words, for a query the next keystroke changes. They
    // come once the reader pauses (Searcher.rough, the search page).
    var later = self.sharded && self.quick;
    var deferred = (value) => {
      self.rough = true;
      return Promise.resolve(value);
    };
    return start.then((found) => {
      if (found.total > 0 || !u) return found;
      // What else it could mean is about its topic: the place was tried.
      var about = u.apart.length ? Object.assign({}, u, { words: u.topic, pair: isPair(u.topic) }) : u;
      return (later ? deferred(null) : correctOne(self, about, filters, shown)).then((corrected) => {
        // An answer to part of the query may have its place ("nước vịnh Hạ
        // Long có bị ô nhiễm không"), or not.
        var partly = (v) => partialAnswer(self, v, filters, shown);
        if (!corrected) {
          return partly(u).then((partial) => partial || (about === u ? null : partly(about))).then((partial) => partial || found);
        }
        u.changed = true;
        return run([corrected], false);
      });
    }).then((found) => {
      if (u && u.apart.length && found.total > 0) placesSaid(self, u, found);
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
      // A place alone that no entry names: what to search for instead.
      if (u && found.total === 0 && u.places.length && !u.apart.length && !found.understood) {
        found.place = u.places[0];
        found.understood = found.asTyped = true;
        found.searched = query.trim();
      }
      found.suggestions = [];
      if (found.total > 0) return found;
      understanding.reportLink(query);
      return (later ? deferred([]) : suggest(self, queries[0], filters)).then((suggestions) => {
        found.suggestions = suggestions;
        return found;
      });
    });
  }

  /** What the page says of the places of `u` when results were found: a
      place no entry names ("Không có CSDL nào chứa “Móng Cái”") or that
      none of the results has ("Kết quả không chứa “Vân Đồn”"). */
  function placesSaid(self, u, found) {
    var vocab = vocabularyOf(self), missing = [], lacking = [];
    if (found.named) return;
    u.places.forEach((name) => {
      var held = tokenize(name).every((t) => vocab.has(t.folded) || /^[0-9]+$/.test(t.folded));
      // An answer to part of the query says itself which words it lacks.
      if (!held) missing.push(name);
      else if (!found.partial) lacking.push(name);
    });
    found.placesMissing = missing;
    found.placesLacking = lacking;
    found.understood = true;
    u.changed = true;
  }

  Object.assign(understanding, { pageOfAll, findFurther });
})(DanhmucSearch);
