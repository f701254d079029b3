/* Taking the candidates in order (see Ranker.rank): from the highest
   bound down, until no further candidate can be among the first `limit`,
   each one's score (a lower bound while positions are missing), its
   bound, and the fields whose positions could raise it; and which
   positions to load next. */
(function (search) {
  "use strict";
  var { Ranker, fieldBonus, FIELD_COUNT, ALL_FIELDS } = search;

  // Fields whose positions are fetched together, one bit each, the
  // heaviest first: title, keywords; sector, agencies, purpose; notes,
  // scope; collection, sharing.
  var FIELD_TIERS = [1 | 256, 2 | 4 | 16, 8 | 32, 64 | 128];
  // What a search run while the reader types loads positions for (see
  // Searcher.preparePositions): the heaviest tier.
  search.TYPING_FIELDS = FIELD_TIERS[0];

  Object.assign(Ranker.prototype, {
    /** The candidates of `figures` in order: see Ranker.rank. */
    order(figures, limit) {
      var run = this.round(figures, limit), order = figures.order, ids = run.ids;
      var j = takeCandidates(run, order);
      // Those taken, in order: `kept` is the first `limit` already; the
      // rest are sorted only if asked for.
      var inOrder = takenInOrder(run, order, j);
      var first = limit === Infinity ? inOrder() : run.kept;
      var wanted = positionsWanted(run, figures, first, j);
      var fetch = heaviestTier(wanted.need);
      return {
        fetch: fetch,
        terms: run.termIds,
        total: order.length,
        // The documents whose positions in `fetch` are wanted, those in the
        // first `limit` first.
        needing: wanted.needing.filter((c) => run.fields[c] & fetch).map((c) => ids[c]),
        // The first `limit`, whose texts a page shows anyway (none when all
        // are asked for).
        first: limit === Infinity ? [] : first.map((c) => ids[c]),
        // The first `shown` of those taken in order, then of the rest by
        // their bound (their score without the bonus).
        results: (shown) => {
          return resultsOf(run, order, j, shown <= first.length ? first : inOrder(), shown);
        }
      };
    },

    /** What one round of taking `figures`' candidates works with (see
        takeCandidates): what is known of each word's positions, and the
        figures of earlier rounds. */
    round(figures, limit) {
      var store = this.store, n = figures.n, terms = figures.terms;
      var masks = positionMasks(store, terms);
      keepScores(figures, n);
      if (n > 1) lookUpStarts(store, terms);
      return {
        store, n, terms, termIds: masks.termIds, fieldsIn: figures.fieldsIn, fieldBound: figures.fieldBound,
        ids: figures.ids, base: figures.base, bound: figures.bound, known: masks.known, unplaced: masks.unplaced,
        // Documents some of whose positions were read from their texts (see
        // placeFromTexts): for those, which words' positions are known is
        // worked out per document.
        fromTexts: store.textFields && store.textFields.size ? store.textFields : null,
        docKnown: new Int32Array(n), docUnplaced: new Int32Array(n),
        score: figures.score, upper: figures.upper, fields: figures.fields, bonusOf: figures.bonusOf, seenOf: figures.seenOf,
        placements: store.placements, hits: this.hits, limit, kept: [],
        // Candidates out of the first `figures.outLimit` for good: their
        // bound ranks after the last of them. Bounds only fall and scores
        // only rise as positions arrive, so they stay out for this limit or
        // a smaller one.
        out: figures.out && limit <= figures.outLimit ? figures.out : null
      };
    }
  });

  /** Per query word (its `terms`), the fields in which some of its
      positions are known, and those in which some are not loaded yet;
      and the ids of all the terms. */
  function positionMasks(store, terms) {
    var known = [], unplaced = [], termIds = [];
    terms.forEach((list) => {
      var k = 0, u = 0;
      list.forEach((term) => {
        termIds.push(term.id);
        var missing = store.unplaced ? store.unplaced[term.id] : 0;
        k |= ALL_FIELDS & ~missing;
        u |= missing;
      });
      known.push(k); unplaced.push(u);
    });
    return { known, unplaced, termIds };
  }

  /** Makes room in `figures` for what is kept from one round to the
      next: a candidate an earlier round showed cannot reach the first
      `limit` is not scored again (see `out`), and keeps its figures from
      then; per candidate and field, the bonus computed in an earlier
      round and how many placements of that field's positions it had seen
      (-1: not computed yet). Positions only arrive: a field's bonus
      changes only when some of its positions were placed since. */
  function keepScores(figures, n) {
    var count = figures.order.length;
    if (!figures.score) {
      figures.score = new Float64Array(count);
      figures.upper = new Float64Array(count);
      figures.fields = new Uint16Array(count);
    }
    if (!figures.bonusOf && n > 1) {
      figures.bonusOf = new Float64Array(count * FIELD_COUNT);
      figures.seenOf = new Int32Array(count * FIELD_COUNT).fill(-1);
    }
  }

  /** A frequent term's postings are looked up by document for every
      bonus: where each document's start, made once, when a query of
      several words first needs them. */
  function lookUpStarts(store, terms) {
    for (var w = 0; w < terms.length; w++) {
      for (var u = 0; u < terms[w].length; u++) if (!terms[w][u].starts) terms[w][u].starts = store.docStarts(terms[w][u].id);
    }
  }

  /** Takes the candidates of `run` (see order) in `order` until none
      further can be among the first `limit`; returns how many. A loop of
      its own, and each candidate's figures in a function of their own:
      compiled while it runs, a loop inside a larger function was
      compiled again at every exit from it, and once more for the code
      after it (see placeFormBits). */
  function takeCandidates(run, order) {
    var ids = run.ids, bound = run.bound, score = run.score, kept = run.kept, limit = run.limit;
    for (var j = 0; j < order.length; j++) {
      var c = order[j], d = ids[c];
      if (kept.length >= limit) {
        var k = kept[kept.length - 1];
        if (!ranksBefore(bound[c], d, score[k], ids[k])) break;
      }
      if (run.out !== null && run.out[c]) continue;
      scoreCandidate(run, c, d);
    }
    return j;
  }

  /** Candidate `c` (document `d`) of `run`: its score, the most it can
      reach once every position is known, the fields whose positions
      could raise it; and whether it is among the best `limit` so far. */
  function scoreCandidate(run, c, d) {
    var n = run.n, fieldsIn = run.fieldsIn, placements = run.placements, bonusOf = run.bonusOf, seenOf = run.seenOf;
    var together = 0, unknown = 0;
    var wordKnown = run.known, wordUnplaced = run.unplaced;
    run.fields[c] = 0;
    var read = run.fromTexts ? run.fromTexts.get(d) : undefined;
    if (read !== undefined) {
      run.store.docMasks(run.terms, d, read, run.docKnown, run.docUnplaced);
      wordKnown = run.docKnown; wordUnplaced = run.docUnplaced;
    }
    // One word earns no bonus: its positions can change nothing.
    for (var i = 0; n > 1 && i < n; i++) {
      unknown |= fieldsIn[i][d] & wordUnplaced[i];
      if (i + 1 < n) together |= fieldsIn[i][d] & wordKnown[i] & wordKnown[i + 1] & fieldsIn[i + 1][d];
    }
    var bonus = 0;
    for (var g = 0; together && g < FIELD_COUNT; g++) {
      if (!(together & (1 << g))) continue;
      var seen = placements[g];
      var at = c * FIELD_COUNT + g;
      if (seenOf[at] !== seen) {
        bonusOf[at] = fieldBonus(run.terms, d, g, run.hits);
        seenOf[at] = seen;
      }
      if (bonusOf[at] > bonus) bonus = bonusOf[at];
    }
    var most = bonus, fieldBound = run.fieldBound;
    for (var f = 0; unknown && f < FIELD_COUNT; f++) {
      if (!(unknown & (1 << f)) || fieldBound[c * FIELD_COUNT + f] <= bonus) continue;
      run.fields[c] |= 1 << f;
      most = Math.max(most, fieldBound[c * FIELD_COUNT + f]);
    }
    run.score[c] = run.base[c] + bonus;
    run.upper[c] = run.base[c] + most;
    if (run.limit !== Infinity) keep(run.kept, c, run.limit, run.score, run.ids);
  }

  /** Keeps `kept` the best `limit` candidates taken, best first. */
  function keep(kept, c, limit, score, ids) {
    var k = kept.length;
    if (k >= limit && !ranksBefore(score[c], ids[c], score[kept[k - 1]], ids[kept[k - 1]])) return;
    while (k > 0 && ranksBefore(score[c], ids[c], score[kept[k - 1]], ids[kept[k - 1]])) k--;
    kept.splice(k, 0, c);
    if (kept.length > limit) kept.pop();
  }

  /** The candidates taken (the first `j` of `order`) sorted by score,
      once asked for. */
  function takenInOrder(run, order, j) {
    var taken = null, score = run.score, ids = run.ids;
    return function () {
      if (!taken) {
        taken = Array.prototype.slice.call(order, 0, j);
        taken.sort((a, b) => score[b] - score[a] || ids[a] - ids[b]);
      }
      return taken;
    };
  }

  /** Positions to load: the fields (`need`, one bit each) of candidates
      in the first `limit` whose score is not exact, or outside it whose
      bound passes its last (`needing`); marks the candidates out of it
      for good (see Ranker.round). */
  function positionsWanted(run, figures, first, j) {
    var fields = run.fields, limit = run.limit, need = 0, needing = [];
    first.forEach((c) => {
      if (fields[c]) { need |= fields[c]; needing.push(c); }
    });
    if (first.length >= limit) {
      var order = figures.order, upper = run.upper, score = run.score, ids = run.ids, last = first[limit - 1];
      // Marks made for a limit hold for any smaller one.
      if (!figures.out) figures.out = new Uint8Array(order.length);
      figures.outLimit = Math.min(figures.outLimit || Infinity, limit);
      for (var t = 0; t < j; t++) {
        var c = order[t];
        if (ranksBefore(upper[c], ids[c], score[last], ids[last])) {
          if (fields[c] && first.indexOf(c) < 0) {
            need |= fields[c];
            needing.push(c);
          }
        } else if (first.indexOf(c) < 0) {
          figures.out[c] = 1;
        }
      }
    }
    return { need, needing };
  }

  /** Of the fields `need`, those of the heaviest tier: the heaviest
      fields first, those of about the same weight together. */
  function heaviestTier(need) {
    var fetch = 0;
    for (var tier = 0; tier < FIELD_TIERS.length && !fetch; tier++) fetch = need & FIELD_TIERS[tier];
    return fetch;
  }

  /** The first `shown` results: of `sorted` (candidates taken, in order),
      then of the candidates not taken (from `j` in `order`) by their
      bound. */
  function resultsOf(run, order, j, sorted, shown) {
    var ids = run.ids, score = run.score, base = run.base, out = [];
    for (var t = 0; t < sorted.length && out.length < shown; t++) out.push({ id: ids[sorted[t]], score: score[sorted[t]] });
    for (var r = j; r < order.length && out.length < shown; r++) out.push({ id: ids[order[r]], score: base[order[r]] });
    return out;
  }

  /** Whether (score a, id a) ranks before (score b, id b). */
  function ranksBefore(scoreA, idA, scoreB, idB) {
    return scoreA > scoreB || (scoreA === scoreB && idA < idB);
  }
})(DanhmucSearch);
