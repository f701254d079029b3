/* Ranking: the score of every entry with all the query's words, the
   bonus of words next to each other computed only where it can change
   the first results. */
(function (search) {
  "use strict";
  var tokenize = search.tokenize, isTyping = search.isTyping, isExactForm = search.isExactForm,
    Counted = search.Counted, firstPosting = search.firstPosting, Searcher = search.Searcher;

  // Field order is the index's: title, sector, agencies, notes, purpose,
  // scope, collection, sharing. A title match counts most.
  var WEIGHTS = [10, 4, 4, 2, 3, 1.5, 1, 1];
  // A word that only agrees once diacritics are dropped, when the reader
  // typed diacritics, counts for less than an exact one ("bản đồ" before
  // "bàn đỏ"); so does a word matched only by its beginning.
  var FOLDED_ONLY = 0.5;
  var PREFIX_ONLY = 0.75;
  var ADJACENT = 2;
  var WHOLE_PHRASE = 10;


  function matchesFilters(doc, index, filters) {
    if (filters.group && index.groups[doc.group][0] !== filters.group) return false;
    if (filters.sector && index.sectors[doc.sector][0] !== filters.sector) return false;
    if (filters.agency && !doc.agencies.some(function (a) { return index.agencies[a][0] === filters.agency; })) return false;
    return true;
  }

  /** Results for a query and filters: [{doc, id, score, snippet}], the
      first `limit` (default: all) ranked exactly, the rest after them.
      Every query word must match (after folding); an empty query with
      filters lists the filtered catalog in the decision's order. */
  Searcher.prototype.search = function (query, filters, limit) {
    var all = this.page(query, filters, Infinity, limit);
    return all.results;
  };

  /** The first `shown` results (see search), with how many there are:
      {results, total}. `limit` is how many must be in exact order
      (default: `shown`). */
  Searcher.prototype.page = function (query, filters, shown, limit) {
    filters = filters || {};
    if (limit === undefined) limit = shown;
    var results = [];
    if (tokenize(query || "").length === 0) {
      if (!filters.group && !filters.sector && !filters.agency) return { results: [], total: 0 };
      for (var id = 0, n = this.docCount(); id < n; id++) {
        if (matchesFilters(this.doc(id), this.index, filters)) results.push({ id: id, score: 0 });
      }
      return { results: this.fillSnippets(results.slice(0, shown), ""), total: results.length };
    }
    var ranked = this.rank(query, filters, limit);
    return { results: this.fillSnippets(ranked.results(shown), query), total: ranked.total };
  };

  /** One query word's terms: their postings and, per exact form, what a
      match weighs besides its field (diacritics, prefix). */
  Searcher.prototype.wordTerms = function (word, prefix) {
    var self = this;
    var hasMarks = word.exact !== word.folded;
    return this.termIdsFor(word.folded, prefix).filter(function (t) {
      return self.postingsOf(t); // a sharded index without prepare(): nothing loaded
    }).map(function (t) {
      var partial = self.terms[t] !== word.folded;
      var weigh = function (exact) { return (hasMarks && !exact ? FOLDED_ONLY : 1) * (partial ? PREFIX_ONLY : 1); };
      var factors = self.forms[t].map(function (form) { return weigh(isExactForm(form, word, partial)); });
      // A frequent term's form not placed yet is none of the word's
      // (prepare places those): "another one", after the last.
      factors.push(weigh(false));
      var postings = self.postings[t];
      return { id: t, postings: postings, counted: postings instanceof Counted, factors: factors, starts: null };
    });
  };

  // Fields whose positions are fetched together, one bit each, the
  // heaviest first: title; sector, agencies, purpose; notes, scope;
  // collection, sharing.
  var FIELD_TIERS = [1, 2 | 4 | 16, 8 | 32, 64 | 128];

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
  Searcher.prototype.rank = function (query, filters, limit) {
    filters = filters || {};
    var key = query + "\u0000" + JSON.stringify(filters) + "\u0000" + this.version;
    if (!this.lastFigures || this.lastFigures.key !== key) this.lastFigures = { key: key, value: this.figures(query, filters) };
    var full = key + "\u0000" + limit + "\u0000" + this.placements.join(",");
    if (!this.lastRank || this.lastRank.key !== full) {
      this.lastRank = { key: full, value: this.order(this.lastFigures.value, limit === undefined ? Infinity : limit) };
    }
    return this.lastRank.value;
  };

  /** What ranking `query` needs that word positions do not change: per
      word its terms and, per document, the fields it is in (one bit each);
      and the documents with every word ("candidates"), highest bound
      first, with their score without the bonus, that plus the most the
      bonus can give, and that most per field. */
  Searcher.prototype.figures = function (query, filters) {
    var self = this;
    var words = tokenize(query);
    var typing = isTyping(query);
    var n = words.length;
    var docs = this.docCount();
    var terms = [], counts = [], best = [], fieldBest = [], fieldsIn = [];
    words.forEach(function (w, i) {
      var figures = self.wordFigures(w, typing && i === n - 1);
      terms.push(figures.terms); counts.push(figures.count); best.push(figures.top); fieldBest.push(figures.byField); fieldsIn.push(figures.present);
    });
    var ids = new Int32Array(docs), base = new Float64Array(docs), bound = new Float64Array(docs);
    var fieldBound = new Float64Array(n > 1 ? docs * 8 : 0);
    var run = {
      searcher: this, n: n, counts: counts, best: best, fieldBest: fieldBest, fieldsIn: fieldsIn,
      filters: filters, filtered: !!(filters.group || filters.sector || filters.agency),
      ids: ids, base: base, bound: bound, fieldBound: fieldBound, taken: 0, most: 0
    };
    gatherCandidates(run, docs);
    var c = run.taken;
    var order = byBound(bound, c, run.most);
    return { n: n, terms: terms, fieldsIn: fieldsIn, ids: ids, base: base, bound: bound, fieldBound: fieldBound, order: order };
  };

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
    if (run.filtered && !matchesFilters(run.searcher.doc(d), run.searcher.index, run.filters)) return;
    var total = 0;
    for (i = 0; i < n; i++) total += run.best[i][d] + 0.05 * Math.min(counts[i][d], 10);
    // A bonus needs two words next to each other: only fields with two
    // consecutive words can have one.
    var paired = 0, most = 0, c = run.taken;
    for (i = 0; i + 1 < n; i++) paired |= fieldsIn[i][d] & fieldsIn[i + 1][d];
    for (var f = 0; paired && f < 8; f++) {
      if (!(paired & (1 << f))) continue;
      var b = bonusBound(run.fieldBest, d, n, f);
      run.fieldBound[c * 8 + f] = b;
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

  /** One query word's terms, and per document its matches, best weight,
      best weight per field and the fields it is in; kept for the next keystrokes while
      nothing new is loaded (the words before the one being typed stay). */
  Searcher.prototype.wordFigures = function (word, prefix) {
    if (!this.wordCache) this.wordCache = new Map();
    var terms = this.wordTerms(word, prefix);
    // Loaded postings do not change but for positions (which these figures
    // do not use) and forms placed later: the word, its terms and how many
    // forms they have placed say it all.
    var formCount = this.formCount;
    var key = word.exact + "\u0000" + terms.map(function (t) { return formCount ? t.id + "~" + formCount[t.id] : t.id; }).join(",");
    var figures = this.wordCache.get(key);
    if (figures) return figures;
    var docs = this.docCount();
    figures = { terms: terms, count: new Int32Array(docs), top: new Float32Array(docs), byField: new Float32Array(docs * 8), present: new Uint8Array(docs) };
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t];
      if (term.counted) tallyCounted(term.postings, term.factors, figures.count, figures.top, figures.byField, figures.present);
      else tally(term.postings, term.factors, figures.count, figures.top, figures.byField, figures.present);
    }
    // A query has few words; keep those of the last few keystrokes.
    if (this.wordCache.size >= 8) this.wordCache.delete(this.wordCache.keys().next().value);
    this.wordCache.set(key, figures);
    return figures;
  };

  /** The candidates of `figures` in order: see rank. */
  Searcher.prototype.order = function (figures, limit) {
    var self = this;
    var n = figures.n, terms = figures.terms, fieldsIn = figures.fieldsIn, fieldBound = figures.fieldBound;
    var ids = figures.ids, base = figures.base, bound = figures.bound, order = figures.order;
    // Per word, the fields in which some of its positions are known, and
    // those in which some are not loaded yet.
    var known = [], unplaced = [];
    var termIds = [];
    terms.forEach(function (list) {
      var k = 0, u = 0;
      list.forEach(function (term) {
        termIds.push(term.id);
        var missing = self.sharded ? self.unplaced[term.id] : 0;
        k |= 255 & ~missing;
        u |= missing;
      });
      known.push(k); unplaced.push(u);
    });
    // Documents some of whose positions were read from their texts (see
    // placeFromTexts): for those, which words' positions are known is
    // worked out per document.
    var fromTexts = this.sharded && this.textFields.size ? this.textFields : null;
    var docKnown = new Int32Array(n), docUnplaced = new Int32Array(n);
    // From the highest bound down, until no further candidate can be among
    // the first `limit`: per candidate taken, its score (a lower bound
    // while positions are missing), its bound, and the fields whose
    // positions could raise it. `kept` holds the best `limit` scores.
    var count = order.length;
    // Kept with the figures from one round to the next: a candidate an
    // earlier round showed cannot reach the first `limit` is not scored
    // again (see `out` below), and keeps its figures from then.
    if (!figures.score) {
      figures.score = new Float64Array(count);
      figures.upper = new Float64Array(count);
      figures.fields = new Uint8Array(count);
    }
    var score = figures.score, upper = figures.upper, fields = figures.fields;
    // Candidates out of the first `figures.outLimit` for good: their bound
    // ranks after the last of them. Bounds only fall and scores only rise
    // as positions arrive, so they stay out for this limit or a smaller one.
    var out = figures.out && limit <= figures.outLimit ? figures.out : null;
    // Per candidate and field, the bonus computed in an earlier round and
    // how many placements of that field's positions it had seen (-1: not
    // computed yet). Positions only arrive: a field's bonus changes only
    // when some of its positions were placed since.
    if (!figures.bonusOf && n > 1) {
      figures.bonusOf = new Float64Array(count * 8);
      figures.seenOf = new Int32Array(count * 8).fill(-1);
    }
    var bonusOf = figures.bonusOf, seenOf = figures.seenOf;
    var placements = this.placements;
    var hits = this.hits || (this.hits = new Hits(256));
    // A frequent term's postings are looked up by document for every
    // bonus: made once, when a query of several words first needs them.
    for (var w = 0; n > 1 && w < n; w++) {
      for (var u = 0; u < terms[w].length; u++) if (!terms[w][u].starts) terms[w][u].starts = this.docStarts(terms[w][u].id);
    }
    var run = {
      searcher: this, n: n, terms: terms, fieldsIn: fieldsIn, fieldBound: fieldBound, ids: ids, base: base, bound: bound,
      known: known, unplaced: unplaced, fromTexts: fromTexts, docKnown: docKnown, docUnplaced: docUnplaced,
      score: score, upper: upper, fields: fields, bonusOf: bonusOf, seenOf: seenOf, placements: placements, hits: hits,
      limit: limit, kept: [], out: out
    };
    var kept = run.kept;
    var j = takeCandidates(run, order);
    // Those taken, in order: `kept` is the first `limit` already; the
    // rest are sorted only if asked for.
    var taken = null;
    function inOrder() {
      if (!taken) {
        taken = Array.prototype.slice.call(order, 0, j);
        taken.sort(function (a, b) { return score[b] - score[a] || ids[a] - ids[b]; });
      }
      return taken;
    }
    var first = limit === Infinity ? inOrder() : kept;
    // Positions to load: those of candidates in the first `limit` whose
    // score is not exact, or outside it whose bound passes its last.
    var need = 0, needing = [];
    first.forEach(function (c) {
      if (fields[c]) { need |= fields[c]; needing.push(c); }
    });
    if (first.length >= limit) {
      var last = first[limit - 1];
      // Marks made for a limit hold for any smaller one.
      if (!figures.out) figures.out = new Uint8Array(count);
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
    // The heaviest fields first, those of about the same weight together.
    var fetch = 0;
    for (var tier = 0; tier < FIELD_TIERS.length && !fetch; tier++) fetch = need & FIELD_TIERS[tier];
    return {
      fetch: fetch,
      terms: termIds,
      total: count,
      // The documents whose positions in `fetch` are wanted, those in the
      // first `limit` first.
      needing: needing.filter(function (c) { return fields[c] & fetch; }).map(function (c) { return ids[c]; }),
      // The first `limit`, whose texts a page shows anyway (none when all
      // are asked for).
      first: limit === Infinity ? [] : first.map(function (c) { return ids[c]; }),
      // The first `shown` of those taken in order, then of the rest by
      // their bound (their score without the bonus).
      results: function (shown) {
        var sorted = shown <= first.length ? first : inOrder();
        var out = [];
        for (var t = 0; t < sorted.length && out.length < shown; t++) out.push({ id: ids[sorted[t]], score: score[sorted[t]] });
        for (var r = j; r < count && out.length < shown; r++) out.push({ id: ids[order[r]], score: base[order[r]] });
        return out;
      }
    };
  };

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
      run.searcher.docMasks(run.terms, d, read, run.docKnown, run.docUnplaced);
      wordKnown = run.docKnown; wordUnplaced = run.docUnplaced;
    }
    // One word earns no bonus: its positions can change nothing.
    for (var i = 0; n > 1 && i < n; i++) {
      unknown |= fieldsIn[i][d] & wordUnplaced[i];
      if (i + 1 < n) together |= fieldsIn[i][d] & wordKnown[i] & wordKnown[i + 1] & fieldsIn[i + 1][d];
    }
    var bonus = 0;
    for (var g = 0; together && g < 8; g++) {
      if (!(together & (1 << g))) continue;
      var seen = placements[g];
      var at = c * 8 + g;
      if (seenOf[at] !== seen) {
        bonusOf[at] = fieldBonus(run.terms, d, g, run.hits);
        seenOf[at] = seen;
      }
      if (bonusOf[at] > bonus) bonus = bonusOf[at];
    }
    var most = bonus, fieldBound = run.fieldBound;
    for (var f = 0; unknown && f < 8; f++) {
      if (!(unknown & (1 << f)) || fieldBound[c * 8 + f] <= bonus) continue;
      run.fields[c] |= 1 << f;
      most = Math.max(most, fieldBound[c * 8 + f]);
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

  /** Adds one term's postings to a query word's per-document figures. */
  function tally(p, factors, count, top, byField, present) {
    for (var k = 0; k < p.length; k += 4) {
      var d = p[k], f = p[k + 1];
      var w = WEIGHTS[f] * factors[p[k + 3]];
      count[d]++;
      present[d] |= 1 << f;
      if (w > byField[d * 8 + f]) {
        byField[d * 8 + f] = w;
        if (w > top[d]) top[d] = w;
      }
    }
  }

  /** tally for a Counted term: a document's postings in a field at a
      time, with the best of their forms' factors (all the same for a
      word without diacritics). A field at a time, in a loop of its own
      (see placeFormBits); the fields without postings are skipped. */
  function tallyCounted(counted, factors, count, top, byField, present) {
    var same = factors[0];
    for (var i = 1; i < factors.length; i++) if (factors[i] !== factors[0]) same = -1;
    for (var f = 0; f < 8; f++) {
      if (counted.fieldCount(f) !== 0) tallyField(counted, f, same, factors, count, top, byField, present);
    }
  }

  /** tallyCounted's field `f`; `same` is every form's factor, or -1. */
  function tallyField(counted, f, same, factors, count, top, byField, present) {
    var n = counted.n, docs = counted.docs, offset = counted.offset, weight = WEIGHTS[f], bit = 1 << f;
    for (var i = 0, k = f * n; i < n; i++, k++) {
      var o = offset[k], c = offset[k + 1] - o;
      if (c === 0) continue;
      var d = docs[i];
      count[d] += c;
      present[d] |= bit;
      var w = weight * (same >= 0 ? same : bestFactor(counted.form, o, o + c, factors));
      if (w > byField[d * 8 + f]) {
        byField[d * 8 + f] = w;
        if (w > top[d]) top[d] = w;
      }
    }
  }

  /** The highest factor of the forms from `from` to `to` (excluded). */
  function bestFactor(forms, from, to, factors) {
    var best = 0;
    for (var o = from; o < to; o++) if (factors[forms[o]] > best) best = factors[forms[o]];
    return best;
  }

  /** Whether (score a, id a) ranks before (score b, id b). */
  function ranksBefore(scoreA, idA, scoreB, idB) {
    return scoreA > scoreB || (scoreA === scoreB && idA < idB);
  }

  /** The bonus of `length` query words of `n` standing next to each other
      in one field, the lightest of them weighing `weight`: fieldBonus
      and its bound both use it, so the bound holds. */
  function runBonus(length, n, weight) {
    var bonus = (length - 1) * ADJACENT * weight;
    if (length === n) bonus += WHOLE_PHRASE + 2 * weight;
    return bonus;
  }

  /** The most fieldBonus can give document `d` in field `f`, from each
      word's best weight there. */
  function bonusBound(fieldBest, d, n, f) {
    var most = 0;
    for (var i = 0; i + 1 < n; i++) {
      var w = fieldBest[i][d * 8 + f];
      if (w === 0) continue;
      for (var j = i + 1; j < n; j++) {
        var x = fieldBest[j][d * 8 + f];
        if (x === 0) break;
        if (x < w) w = x;
        var bonus = runBonus(j - i + 1, n, w);
        if (bonus > most) most = bonus;
      }
    }
    return most;
  }

  /** Scratch space for fieldBonus, one per searcher: the positions of
      every query word's matches in one field, word after word; their
      weights; and the run of query words each ends and that run's
      weight. */
  function Hits(size) {
    this.at = new Int32Array(size);
    this.weight = new Float64Array(size);
    this.runLength = new Int32Array(size);
    this.runWeight = new Float64Array(size);
    // Where each query term's postings of document `doc` start, for the
    // query words `terms`: one search for all the fields of a document.
    this.doc = -1;
    this.terms = null;
    this.starts = new Int32Array(16);
  }

  /** Doubles the space, keeping what it holds. */
  Hits.prototype.grow = function () {
    var bigger = new Hits(this.at.length * 2);
    bigger.at.set(this.at); bigger.weight.set(this.weight);
    bigger.runLength.set(this.runLength); bigger.runWeight.set(this.runWeight);
    this.at = bigger.at; this.weight = bigger.weight;
    this.runLength = bigger.runLength; this.runWeight = bigger.runWeight;
  };

  /** Vietnamese words are several syllables ("môi trường"): query words
      that stand next to each other, in order, in one field earn a bonus
      that grows with the run, and more when the run is the whole query
      (runBonus). This is the best such bonus of document `d` in field
      `f`, from the positions known there; `terms` holds each query
      word's terms, `hits` is scratch space. */
  function fieldBonus(terms, d, f, hits) {
    var n = terms.length, best = 0, used = 0, lastStart = 0, lastEnd = 0;
    if (hits.doc !== d || hits.terms !== terms) {
      var all = 0;
      for (var w = 0; w < n; w++) all += terms[w].length;
      if (hits.starts.length < all) hits.starts = new Int32Array(all * 2);
      for (w = 0, all = 0; w < n; w++) {
        for (var u = 0; u < terms[w].length; u++) {
          var one = terms[w][u];
          hits.starts[all++] = one.counted ? one.postings.rank[d] : one.starts ? one.starts[d] : firstPosting(one.postings, d);
        }
      }
      hits.doc = d; hits.terms = terms;
    }
    for (var i = 0, s = 0; i < n; i++) {
      var start = used;
      for (var t = 0; t < terms[i].length; t++, s++) {
        var term = terms[i][t], p = term.postings;
        if (term.counted) {
          if (hits.starts[s] >= 0) used = countedHits(p, hits.starts[s], f, term.factors, hits, used);
          continue;
        }
        for (var k = hits.starts[s]; k < p.length && p[k] === d; k += 4) {
          if (p[k + 1] !== f || p[k + 2] < 0) continue;
          if (used === hits.at.length) hits.grow();
          hits.at[used] = p[k + 2];
          hits.weight[used] = WEIGHTS[f] * term.factors[p[k + 3]];
          used++;
        }
      }
      var at = hits.at, weights = hits.weight, runLength = hits.runLength, runWeight = hits.runWeight;
      // One term's positions are in order already; a prefix's several
      // are not (few: insertion sort).
      if (terms[i].length > 1) {
        for (var a = start + 1; a < used; a++) {
          var position = at[a], w = weights[a], b = a - 1;
          for (; b >= start && at[b] > position; b--) { at[b + 1] = at[b]; weights[b + 1] = weights[b]; }
          at[b + 1] = position; weights[b + 1] = w;
        }
      }
      // The run each match ends: one longer than the previous word's
      // match just before it, if any.
      var q = lastStart;
      for (var h = start; h < used; h++) {
        var key = at[h], length = 1, weight = weights[h];
        while (q < lastEnd && at[q] < key - 1) q++;
        if (q < lastEnd && at[q] === key - 1) {
          length = runLength[q] + 1;
          weight = Math.min(runWeight[q], weight);
        }
        runLength[h] = length; runWeight[h] = weight;
        if (length > 1) {
          var bonus = runBonus(length, n, weight);
          if (bonus > best) best = bonus;
        }
      }
      lastStart = start; lastEnd = used;
    }
    return best;
  }

  /** fieldBonus's hits of a Counted term's `r`-th document in field `f`,
      from `used` on; returns where they end. */
  function countedHits(counted, r, f, factors, hits, used) {
    var at = f * counted.n + r, position = counted.position, form = counted.form;
    for (var o = counted.offset[at]; o < counted.offset[at + 1]; o++) {
      if (position[o] < 0) continue;
      if (used === hits.at.length) hits.grow();
      hits.at[used] = position[o];
      hits.weight[used] = WEIGHTS[f] * factors[form[o]];
      used++;
    }
    return used;
  }
})(DanhmucSearch);
