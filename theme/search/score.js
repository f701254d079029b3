/* What a query word's matches are worth in a document: the weight of the
   field, and the bonus of words next to each other, with its bound. */
(function (search) {
  "use strict";
  var { firstPosting, FIELD_COUNT } = search;

  // Field order is the index's: title, sector, agencies, notes, purpose,
  // scope, collection, sharing, keywords. A title match counts most; the
  // keywords, chosen for the entry's subject, come next, above the
  // sections that mention a subject in passing.
  var WEIGHTS = [10, 4, 4, 2, 3, 1.5, 1, 1, 6];
  // Query words next to each other earn a bonus (see runBonus).
  var ADJACENT = 2;
  var WHOLE_PHRASE = 10;

  /** Adds one term's postings to a query word's per-document figures. */
  function tally(p, factors, count, top, byField, present) {
    for (var k = 0; k < p.length; k += 4) {
      var d = p[k], f = p[k + 1];
      var w = WEIGHTS[f] * factors[p[k + 3]];
      count[d]++;
      present[d] |= 1 << f;
      if (w > byField[d * FIELD_COUNT + f]) {
        byField[d * FIELD_COUNT + f] = w;
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
    for (var f = 0; f < FIELD_COUNT; f++) {
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
      if (w > byField[d * FIELD_COUNT + f]) {
        byField[d * FIELD_COUNT + f] = w;
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
      var w = fieldBest[i][d * FIELD_COUNT + f];
      if (w === 0) continue;
      for (var j = i + 1; j < n; j++) {
        var x = fieldBest[j][d * FIELD_COUNT + f];
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

  Object.assign(Hits.prototype, {
    /** Doubles the space, keeping what it holds. */
    grow() {
      var bigger = new Hits(this.at.length * 2);
      bigger.at.set(this.at); bigger.weight.set(this.weight);
      bigger.runLength.set(this.runLength); bigger.runWeight.set(this.runWeight);
      this.at = bigger.at; this.weight = bigger.weight;
      this.runLength = bigger.runLength; this.runWeight = bigger.runWeight;
    }
  });

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

  Object.assign(search, { tally, tallyCounted, bonusBound, Hits, fieldBonus });
})(DanhmucSearch);
