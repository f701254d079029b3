/* Decoding a sharded index's postings and the numbers of its position
   files; a frequent term's postings kept field by field (Counted). */
(function (search) {
  "use strict";

  // The index's fields (title, sector, agencies, notes, purpose, scope,
  // collection, sharing, keywords: FIELDS in src/search/index.rs).
  var FIELD_COUNT = 9;
  // One bit per field, all set.
  var ALL_FIELDS = (1 << FIELD_COUNT) - 1;

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
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach((c, i) => { VLQ[c.charCodeAt(0)] = i; });

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
        var f = value % FIELD_COUNT;
        out[o + 1] = f;
        out[o + 3] = pairs ? another : (value - f) / FIELD_COUNT;
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
    var numbers = denseNumbers(text, 1 + (1 + FIELD_COUNT) * n);
    var docs = new Int32Array(n), rank = new Int32Array(docCount).fill(-1);
    placeDocs(numbers, n, docs, rank);
    var offset = new Int32Array(FIELD_COUNT * n + 1);
    prefixSums(numbers, 1 + n, FIELD_COUNT * n, offset);
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
    var n = docs.length, total = offset[FIELD_COUNT * n];
    this.n = n;
    this.docs = docs;
    this.rank = rank;
    this.offset = offset;
    this.position = new Int32Array(total).fill(-1);
    this.form = new Uint8Array(total).fill(another);
  }

  Object.assign(Counted.prototype, {
    /** How many postings are in field `f`. */
    fieldCount(f) {
      return this.offset[(f + 1) * this.n] - this.offset[f * this.n];
    }
  });

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

  Object.assign(search, { FIELD_COUNT, ALL_FIELDS, VLQ, denseNumbers, decodePostings, decodeCounted, Counted,
    firstPosting });
})(DanhmucSearch);
