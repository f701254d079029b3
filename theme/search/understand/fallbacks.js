/* When nothing matches: one word corrected, or suggestions. */
(function (search) {
  "use strict";
  var understanding = search.understanding;
  var { tokenize } = search;
  var { vocabularyOf, hasTypedForm, allowedDistance, closeWords, adjacentCount } = understanding;

  // How many entries the suggestions list when nothing matches.
  var SUGGESTIONS = 5;

  // How many corrected queries a search that found nothing tries.
  var CORRECTIONS = 12;

  /** For an understood query `u` that matches nothing although its words
      are catalog words ("dat dia", "liet si"): the query with one word
      replaced by a close catalog word that makes it match, the closest
      correction first; null if none does. A word the catalog lacks was
      corrected already, if it could be (understandWord). A word typed
      with diacritics is taken as meant but for a confusion of sounds
      ("kĩ" → "kỹ"; "nông dân" is not "công dân"). Tried one by one, so
      only what a correction needs is loaded. */
  function correctOne(self, u, filters, shown) {
    var vocab = vocabularyOf(self), tries = [], words = u.words;
    words.forEach((w, i) => {
      // A word typed with marks that the catalog has as typed is what
      // the reader meant ("làm" is not "nam").
      if (!w.typed || !vocab.has(w.folded) || (w.text !== w.folded && hasTypedForm(self, w))) return;
      var most = w.text !== w.folded ? 0.5 : w.folded.length === 3 ? 1 : allowedDistance(w.folded.length);
      closeWords(w.folded, vocab, most).slice(0, 6).forEach((c) => {
        var text = words.map((x, j) => j === i ? c.word : x.text).join(" ") + " ";
        tries.push({ query: text, distance: c.distance });
      });
    });
    tries.sort((a, b) => a.distance - b.distance);
    tries = tries.slice(0, CORRECTIONS);
    // Of the corrections that match, the one whose words stand next to
    // each other in the most entries ("dat dai", not "dan dia").
    var best = null;
    var attempt = function (k) {
      if (k >= tries.length) return Promise.resolve(best && best.query);
      return self.prepare(tries[k].query, filters, shown).then(() => {
        var t = tries[k];
        if (best && t.distance > best.distance) return attempt(tries.length);
        if (self.page(t.query, filters, 1).total > 0) {
          var together = adjacentCount(self, t.query);
          if (together !== 0 && (!best || (together || 0) > best.together)) best = { query: t.query, distance: t.distance, together: together || 0 };
        }
        return attempt(k + 1);
      });
    };
    return attempt(0);
  }

  /** Entries with words of `query` (when it has several), for a query
      that matches nothing, the heaviest first: each word weighs by its
      rarity (weightOf) and the field it is in, half when it agrees only
      once folded (as partialAnswer weighs them), so one rare word outweighs
      two common ones. */
  function suggest(self, query, filters) {
    var tokens = tokenize(query), vocab = vocabularyOf(self), count = self.docCount();
    var words = tokens.map((w) => w.exact + " ");
    if (words.length < 2) return Promise.resolve([]);
    return words.reduce((done, w) => {
      return done.then(() => self.prepare(w, filters, SUGGESTIONS));
    }, Promise.resolve()).then(() => {
      var scores = new Map();
      words.forEach((w, k) => {
        var weight = understanding.weightOf(Math.max(1, vocab.df(tokens[k].folded)), count);
        self.page(w, filters, 50).results.forEach((r) => {
          var s = scores.get(r.id) || { id: r.id, score: 0 };
          s.score += weight * (0.5 + 0.5 * Math.min(1, r.score / 10));
          scores.set(r.id, s);
        });
      });
      var best = Array.from(scores.values()).sort((a, b) => b.score - a.score || a.id - b.id).slice(0, SUGGESTIONS);
      return self.loadTexts(best.map((s) => s.id)).then(() => {
        return self.fillSnippets(best, query);
      });
    });
  }

  Object.assign(understanding, { correctOne, suggest });
})(DanhmucSearch);
