/* Decoding a sharded index's postings, positions and forms. */
(function (search) {
  "use strict";

  /** Gives form `form` to the postings (offsets `at`, field by field)
      whose bit `bits` sets, six to a character, the first in the highest
      bit.

      This and the other loops over a frequent term's postings (see
      denseNumbers) are small functions of one loop each: on a fresh
      page, the engine compiles a loop that runs long while it runs, and
      then again each time it leaves an inner loop, or reaches code that
      had not run yet; compiling took more of a 2-core machine than the
      search itself. */
  function placeFormBits(postings, at, bits, form) {
    for (var c = 0; c < bits.length; c++) {
      var digit = VLQ[bits.charCodeAt(c)];
      if (digit === 0) continue;
      var i = c * 6;
      if (digit & 32) postings[at[i] + 3] = form;
      if (digit & 16) postings[at[i + 1] + 3] = form;
      if (digit & 8) postings[at[i + 2] + 3] = form;
      if (digit & 4) postings[at[i + 3] + 3] = form;
      if (digit & 2) postings[at[i + 4] + 3] = form;
      if (digit & 1) postings[at[i + 5] + 3] = form;
    }
  }

  /** placeFormBits for a Counted term, whose forms are in field order. */
  function placeCountedFormBits(forms, bits, form) {
    for (var c = 0; c < bits.length; c++) {
      var digit = VLQ[bits.charCodeAt(c)];
      if (digit === 0) continue;
      var i = c * 6;
      if (digit & 32) forms[i] = form;
      if (digit & 16) forms[i + 1] = form;
      if (digit & 8) forms[i + 2] = form;
      if (digit & 4) forms[i + 3] = form;
      if (digit & 2) forms[i + 4] = form;
      if (digit & 1) forms[i + 5] = form;
    }
  }

  /** Whether a posting of `form` matches query word `word` exactly (with
      its diacritics); `partial`: the term completes the word being
      typed. */
  function isExactForm(form, word, partial) {
    return partial ? form.lastIndexOf(word.exact, 0) === 0 : form === word.exact;
  }

  /** A term's postings (offsets) field by field, in order: `start[f]`
      to `start[f + 1]` of `at` are field f's, whose positions a
      position file holds in that order. Made when its first positions
      arrive: placing a tier's fields then reads those fields' postings
      only, not all of them once a tier. */
  function postingsByField(postings, counts) {
    var start = new Int32Array(9);
    for (var f = 0; f < 8; f++) start[f + 1] = start[f] + counts[f];
    var next = start.slice(0, 8), at = new Int32Array(start[8]);
    for (var p = 0; p < postings.length; p += 4) at[next[postings[p + 1]]++] = p;
    return { start: start, at: at };
  }

  /** Writes some fields' positions into a term's postings: `fields`
      holds [field, text of its position file for the term], the numbers
      written by `dense` in src/search/index.rs, one per posting of that
      field in order (`byField`, from postingsByField). */
  function placeFields(postings, fields, byField) {
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i][0], from = byField.start[f], to = byField.start[f + 1];
      placePositions(postings, byField.at, from, denseNumbers(fields[i][1], to - from));
    }
  }

  /** Writes positions into postings (offsets `at` from `from` on): the
      first of a document's in a field as it is, the others as deltas. */
  function placePositions(postings, at, from, deltas) {
    var doc = -1, position = 0;
    for (var j = 0; j < deltas.length; j++) {
      var p = at[from + j];
      position = postings[p] === doc ? position + deltas[j] : deltas[j];
      doc = postings[p];
      postings[p + 2] = position;
    }
  }

  /** The first `count` numbers `dense` (src/search/index.rs) wrote into
      `text`: a digit below DENSE_ONE ends a number; one above is followed
      by the rest of the number, in units of DENSE_BASE. */
  function denseNumbers(text, count) {
    var out = new Int32Array(count);
    // One loop over digits, not one per number (see placeFormBits).
    for (var k = 0, i = 0, n = 0, scale = 1; k < count; i++) {
      var digit = DENSE[text.charCodeAt(i)];
      n += digit * scale;
      if (digit >= DENSE_ONE) {
        scale *= DENSE_BASE;
      } else {
        out[k++] = n;
        n = 0;
        scale = 1;
      }
    }
    return out;
  }

  // The digits of position files and of postings written by counts (see
  // denseNumbers); forms files use the VLQ digits, six bits to a digit.
  var DENSE = new Int8Array(128);
  var DENSE_ONE = 88, DENSE_BASE = 5;
  for (var c = 32, digit = 0; c < 127; c++) if (c !== 34 && c !== 92) DENSE[c] = digit++;
  var VLQ = new Int8Array(128);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach(function (c, i) { VLQ[c.charCodeAt(0)] = i; });

  /** Shards store postings as base-64 VLQ numbers (5 bits a character,
      as source maps) with deltas (see Postings in
      src/search/index.rs); this gives back the quadruples doc, field,
      position, form. A frequent term's postings are pairs, their
      positions and forms apart: positions are -1 until placed, forms
      `another` (see postingsOf), and `counts` gets how many are in each
      field. */
  function decodePostings(text, pairs, counts, another) {
    var stride = pairs ? 2 : 3;
    // A number takes one character at least.
    var out = new Int32Array(Math.floor(text.length / stride) * 4);
    var doc = 0, field = -1, position = -1;
    // The number being read, and which of the posting's it is.
    var value = 0, shift = 0, part = 0, o = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = VLQ[text.charCodeAt(i)];
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
        continue;
      }
      if (part === 0) {
        out[o] = doc + value;
      } else if (part === 1) {
        var f = value & 7;
        out[o + 1] = f;
        out[o + 3] = pairs ? another : value >> 3;
        if (pairs) {
          out[o + 2] = -1;
          doc = out[o]; field = f;
          counts[f]++;
          o += 4;
        }
      } else {
        position = out[o] === doc && out[o + 1] === field ? position + value : value;
        out[o + 2] = position;
        doc = out[o]; field = out[o + 1];
        o += 4;
      }
      part = part + 1 === stride ? 0 : part + 1;
      value = 0;
      shift = 0;
    }
    return o === out.length ? out : out.slice(0, o);
  }

  /** A frequent term's postings written by counts (`counted_postings` in
      src/search/index.rs): the number of documents n, each one's
      distance from the one before less one, then per field each
      document's count of postings. Kept field by field, as its position
      and forms files give them (see Counted): on a fresh page, writing
      every posting out as a quadruple, and then reading them all again
      to tally, was a third of a frequent query's time. */
  function decodeCounted(text, another, docCount) {
    var n = denseNumbers(text, 1)[0];
    var numbers = denseNumbers(text, 1 + 9 * n);
    var docs = new Int32Array(n), rank = new Int32Array(docCount).fill(-1);
    placeDocs(numbers, n, docs, rank);
    var offset = new Int32Array(8 * n + 1);
    prefixSums(numbers, 1 + n, 8 * n, offset);
    return new Counted(docs, rank, offset, another);
  }

  /** The documents of decodeCounted's `numbers`, and each one's rank. */
  function placeDocs(numbers, n, docs, rank) {
    for (var i = 0, doc = -1; i < n; i++) {
      doc += numbers[1 + i] + 1;
      docs[i] = doc;
      rank[doc] = i;
    }
  }

  /** `offset[k]`: the sum of the `count` numbers from `from` before the
      k-th, for every k up to `count` (included). */
  function prefixSums(numbers, from, count, offset) {
    for (var k = 0, total = 0; k < count; k++) {
      offset[k] = total;
      total += numbers[from + k];
    }
    offset[count] = total;
  }

  /** A frequent term's postings, field by field, each field's in document
      order: `docs` the documents it is in, `rank` each document's place
      among them (-1: none), and `offset[f * n + i]` where the postings of
      its i-th document in field f start (they end where the next
      starts). Per posting, its `position` (-1 until placed) and `form`
      (`another` until placed, see postingsOf). Position and forms files
      list postings in this order. */
  function Counted(docs, rank, offset, another) {
    var n = docs.length, total = offset[8 * n];
    this.n = n;
    this.docs = docs;
    this.rank = rank;
    this.offset = offset;
    this.position = new Int32Array(total).fill(-1);
    this.form = new Uint8Array(total).fill(another);
  }

  /** How many postings are in field `f`. */
  Counted.prototype.fieldCount = function (f) {
    return this.offset[(f + 1) * this.n] - this.offset[f * this.n];
  };

  /** Writes field `f`'s positions (the numbers of its position file) into
      `counted`: a document's first as it is, the others as deltas. One
      loop over documents; each one's postings in a function of its own
      (see placeFormBits). */
  function placeCountedPositions(counted, f, deltas) {
    var n = counted.n, offset = counted.offset, base = offset[f * n];
    for (var k = f * n; k < (f + 1) * n; k++) {
      if (offset[k + 1] !== offset[k]) placeRun(counted.position, offset[k], offset[k + 1], deltas, base);
    }
  }

  function placeRun(position, from, to, deltas, base) {
    var at = deltas[from - base];
    position[from] = at;
    for (var o = from + 1; o < to; o++) {
      at += deltas[o - base];
      position[o] = at;
    }
  }

  /** Where document `d`'s postings start in `p` (postings are in
      document order). */
  function firstPosting(p, d) {
    var lo = 0, hi = p.length >> 2;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (p[mid * 4] < d) lo = mid + 1; else hi = mid;
    }
    return lo * 4;
  }

  search.placeFormBits = placeFormBits;
  search.placeCountedFormBits = placeCountedFormBits;
  search.isExactForm = isExactForm;
  search.placeFields = placeFields;
  search.denseNumbers = denseNumbers;
  search.decodePostings = decodePostings;
  search.decodeCounted = decodeCounted;
  search.Counted = Counted;
  search.placeCountedPositions = placeCountedPositions;
  search.firstPosting = firstPosting;
  search.postingsByField = postingsByField;
})(DanhmucSearch);
