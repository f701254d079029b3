/* An answer when the catalog holds the subject but not every word. */
(function (search) {
  "use strict";
  var understanding = search.understanding;
  var { vocabularyOf, hasTypedForm, adjacentCount, adjacentDocs } = understanding;

  // How much of the weight of the query's words the catalog holds an
  // answer must carry, and the share of the best answer's the next ones
  // must reach.
  var ENOUGH = 0.3;
  var NEAR_BEST = 0.75;
  // A word in at most this share of the entries (or two) is rare: it says
  // what the query is about, and an answer must have it.
  var RARE = 0.15;
  // The best field's weight (the title's, score.js): a word in the title
  // carries its whole weight, one in the body about half.
  var TITLE = 10;

  /** The weight of a word found in `df` of `count` entries: the rarer,
      the more it tells what the query is about. */
  function weightOf(df, count) {
    return Math.log(1 + count / df);
  }

  /** Which of the understood words `u.words` the catalog does not hold at
      all, and with them the syllables of the same word: a word next to one
      set aside that makes no phrase of the catalog with its other
      neighbour ("hộ" in "làm hộ chiếu" goes with "chiếu"). Per word,
      whether it is set aside. */
  function setAside(self, words) {
    var vocab = vocabularyOf(self);
    var aside = words.map((w) => !vocab.has(w.folded) || !hasTypedForm(self, w));
    // Where a large catalog keeps the positions apart, the words are taken
    // to be apart: a word wrongly kept could answer a query about
    // something the catalog lacks.
    var together = (a, b) => (adjacentCount(self, a.text + " " + b.text + " ") || 0) > 0;
    for (var changed = true; changed;) {
      changed = false;
      words.forEach((w, i) => {
        if (aside[i]) return;
        var left = i > 0 && aside[i - 1], right = i + 1 < words.length && aside[i + 1];
        if (!left && !right) return;
        var partner = (left && i + 1 < words.length && !aside[i + 1] && together(w, words[i + 1])) ||
          (right && i > 0 && !aside[i - 1] && together(words[i - 1], w));
        if (!partner) { aside[i] = true; changed = true; }
      });
    }
    return aside;
  }

  /** For an understood query `u` that matches nothing: the entries that
      carry most of its weight, ranked by it, when the catalog holds its
      subject; null when it does not. Words the catalog lacks, with the
      syllables of their word (setAside), carry nothing; the others must be
      more than half the query. A word weighs by its rarity in the catalog
      (weightOf) and by its field (the title the most; ranking's score
      also halves a word that agrees only once folded). An entry is an
      answer when it has every rare word of the query (RARE; all but one of three or more), two of its
      words side by side as the query has them, and at least ENOUGH of the
      weight; the others within NEAR_BEST of the best follow. So "hàng
      bình ổn giá dịp tết" finds the market's entry, but "đăng ký kết hôn"
      (half the query is a word the catalog lacks) and "thuế thu nhập cá
      nhân" (no entry has "thuế" with the rest) find nothing. Resolves to
      {results, total, missing, lacking, partial} or null (`partial`: the words the
      catalog holds): `missing` the words no
      entry has, `lacking` those the first answer lacks. */
  function partialAnswer(self, u, filters, shown) {
    var words = u.words, vocab = vocabularyOf(self), aside, kept, queries;
    // Two syllables the catalog has only apart are one word it lacks.
    if (words.length < 2 || u.pair) return Promise.resolve(null);
    var known = words.filter((w) => vocab.has(w.folded)).map((w) => w.text + " ");
    return known.reduce((done, q) => done.then(() => self.prepare(q, filters, 50)), Promise.resolve()).then(() => {
      aside = setAside(self, words);
      kept = words.filter((w, i) => !aside[i]);
      // A number is said exactly (a reference, a count): one the catalog
      // lacks is no everyday word to leave out.
      if (kept.length * 2 <= words.length || words.some((w, i) => aside[i] && /[0-9]/.test(w.folded))) return null;
      var count = self.docCount(), rareAt = Math.max(2, RARE * count);
      queries = kept.map((w) => w.text + " ");
      var carried = new Map(), total = 0, rare = [];
      kept.forEach((w, k) => {
        var df = Math.max(1, vocab.df(w.folded)), weight = weightOf(df, count);
        total += weight;
        if (df <= rareAt) rare.push(k);
        self.page(queries[k], filters, Infinity).results.forEach((r) => {
          var e = carried.get(r.id) || { id: r.id, weight: 0, has: new Set() };
          e.weight += weight * (0.5 + 0.5 * Math.min(1, r.score / TITLE));
          e.has.add(k);
          carried.set(r.id, e);
        });
      });
      // The entries with two of its words side by side, as the query has
      // them: what a query is about is said in words of two syllables.
      // Where a large catalog keeps the positions apart, none (as above).
      var phrased = new Set();
      kept.forEach((w, k) => {
        var docs = k > 0 && adjacentDocs(self, kept[k - 1].text + " " + w.text + " ");
        if (docs) docs.forEach((id) => { phrased.add(id); });
      });
      // A long question may join two subjects ("quan trắc nước ao nuôi
      // tôm": monitoring, and shrimp farming): of three rare words or
      // more, an answer may lack one.
      var mayLack = rare.length >= 3 ? 1 : 0;
      var ranked = Array.from(carried.values())
        .filter((e) => rare.filter((k) => !e.has.has(k)).length <= mayLack && (kept.length < 2 || phrased.has(e.id)) && e.weight >= ENOUGH * total)
        .sort((a, b) => b.weight - a.weight || a.id - b.id);
      if (!ranked.length) return null;
      var answers = ranked.filter((e) => e.weight >= NEAR_BEST * ranked[0].weight);
      var missing = words.filter((w, i) => aside[i]).map((w) => w.text);
      var lacking = kept.filter((w, k) => !answers[0].has.has(k)).map((w) => w.text);
      return self.loadTexts(answers.slice(0, shown).map((e) => e.id)).then(() => {
        var results = answers.slice(0, shown).map((e) => ({ id: e.id, score: e.weight }));
        return { results: self.fillSnippets(results, queries.join("")), total: answers.length, missing, lacking, partial: kept.map((w) => w.text).join(" ") };
      });
    });
  }

  Object.assign(understanding, { partialAnswer, setAside, weightOf });
})(DanhmucSearch);
