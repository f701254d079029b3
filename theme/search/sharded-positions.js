/* A large catalog's frequent terms keep their word positions and forms in
   files of their own, loaded only when they can change the order of the
   results shown (ShardedStore's loadPositions): how they are placed into
   the postings once they arrive, or read from the documents' texts
   instead. */
(function (search) {
  "use strict";
  var { VLQ, denseNumbers, Counted, firstPosting, registry, ShardedStore, FIELD_COUNT, ALL_FIELDS } = search;

  Object.assign(ShardedStore.prototype, {
    /** Reads the positions of terms `terms` in documents `ids` and fields
        `fields` (one bit each) from the documents' texts (loaded), where
        they are not placed yet: the same words the index counted, by the
        same tokenizer. A document whose text disagrees with its postings
        (it cannot, unless the files are out of step) is left to the files. */
    placeFromTexts(ids, terms, fields) {
      ids.forEach((d) => {
        var read = this.textFields.get(d) || 0;
        for (var f = 0; f < FIELD_COUNT; f++) {
          if (!(fields & (1 << f))) continue;
          var tokens = null;
          terms.forEach((t) => {
            if (!(this.unplaced[t] & (1 << f))) return;
            var placed = this.textPlaced.get(t) || new Set();
            if (placed.has(d * FIELD_COUNT + f)) return;
            var p = this.postings[t], at = [];
            if (p instanceof Counted) {
              // Its positions by themselves: offsets into p.position.
              var r = p.rank[d];
              if (r >= 0) for (var o = p.offset[f * p.n + r]; o < p.offset[f * p.n + r + 1]; o++) at.push(o);
              p = p.position;
            } else {
              for (var k = firstPosting(p, d); k < p.length && p[k] === d; k += 4) if (p[k + 1] === f) at.push(k + 2);
            }
            if (at.length) {
              tokens = tokens || this.fieldTokens(d, f);
              var term = this.terms[t], found = 0;
              for (var i = 0; i < tokens.length; i++) {
                if (tokens[i].folded !== term) continue;
                if (found < at.length) p[at[found]] = tokens[i].position;
                found++;
              }
              if (found !== at.length) {
                at.forEach((k) => { p[k] = -1; });
                return;
              }
            }
            placed.add(d * FIELD_COUNT + f);
            this.textPlaced.set(t, placed);
            read |= 1 << f;
          });
          this.placements[f]++;
        }
        if (read) this.textFields.set(d, read);
      });
    },

    /** For document `d`, some of whose positions were read from its texts
        in fields `read`: per query word, the fields where some of its
        positions are known and those where some are not (see order). */
    docMasks(terms, d, read, known, unplaced) {
      for (var i = 0; i < terms.length; i++) {
        var k = 0, u = 0;
        for (var t = 0; t < terms[i].length; t++) {
          var id = terms[i][t].id, missing = this.unplaced[id] & read;
          var placed = this.textPlaced.get(id);
          for (var f = 0; missing && f < FIELD_COUNT; f++) {
            if (missing & (1 << f) && placed && placed.has(d * FIELD_COUNT + f)) missing &= ~(1 << f);
          }
          missing |= this.unplaced[id] & ~read;
          k |= ALL_FIELDS & ~missing;
          u |= missing;
        }
        known[i] = k; unplaced[i] = u;
      }
    },

    /** Puts loaded position files' positions into their terms' postings;
        a key is "shard-field". */
    place(keys) {
      // Per term, the fields that arrived: [field, text].
      var byTerm = new Map();
      keys.forEach((key) => {
        if (this.placed.has(key)) return;
        this.placed.add(key);
        var data = registry.shards[+key.split("-")[0]];
        var field = +key.split("-")[1];
        var texts = registry.positions[key];
        data.apart.forEach((i, j) => {
          var t = data.first + i;
          if (!byTerm.has(t)) byTerm.set(t, []);
          byTerm.get(t).push([field, texts[j]]);
        });
      });
      byTerm.forEach((fields, t) => {
        if (this.postings[t]) this.placeInto(t, fields);
        else this.pending.set(t, (this.pending.get(t) || []).concat(fields));
      });
    },

    /** Writes `fields` ([field, text]) into decoded term `t`'s postings. */
    placeInto(t, fields) {
      if (fields.length === 0) return;
      var postings = this.postings[t];
      if (postings instanceof Counted) {
        for (var j = 0; j < fields.length; j++) {
          var f = fields[j][0];
          placeCountedPositions(postings, f, denseNumbers(fields[j][1], postings.fieldCount(f)));
        }
      } else {
        placeFields(postings, fields, this.fieldOrder(t));
      }
      for (var i = 0; i < fields.length; i++) {
        this.unplaced[t] &= ~(1 << fields[i][0]);
        this.placements[fields[i][0]]++;
      }
    },

    /** For a frequent term (its positions apart), where each document's
        postings start (the end where it has none): ranking looks a
        document's postings up in every round, a binary search each time
        was 7 % of a fresh page's time for 'co so du lieu'. Null for other
        terms, which are short. */
    docStarts(t) {
      if (!this.pairs[t] || this.postings[t] instanceof Counted) return null;
      var starts = this.startsOf.get(t);
      if (!starts) {
        var p = this.postings[t];
        starts = new Int32Array(this.index.doc_count).fill(p.length);
        for (var k = p.length - 4; k >= 0; k -= 4) starts[p[k]] = k;
        this.startsOf.set(t, starts);
      }
      return starts;
    },

    /** Writes the loaded forms files of frequent term `t` into its
        postings, once they are decoded: per form, one bit per posting,
        field by field (`bits` in src/search/index.rs). Returns whether it
        placed any. */
    placeForms(t) {
      var postings = this.postings[t], placed = false;
      if (!postings) return placed;
      for (var form = 0; form < this.forms[t].length; form++) {
        var key = t + "-" + form, bits = registry.forms[key];
        if (bits === undefined || this.formsPlaced.has(key)) continue;
        if (postings instanceof Counted) placeCountedFormBits(postings.form, bits, form);
        else placeFormBits(postings, this.fieldOrder(t).at, bits, form);
        this.formsPlaced.add(key);
        this.formCount[t]++;
        placed = true;
      }
      return placed;
    },

    /** A frequent term's postings (offsets) field by field (see
        postingsByField), made once. */
    fieldOrder(t) {
      var byField = this.byField.get(t);
      if (!byField) {
        byField = postingsByField(this.postings[t], this.fieldCounts.get(t));
        this.byField.set(t, byField);
      }
      return byField;
    }
  });

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

  /** A term's postings (offsets) field by field, in order: `start[f]`
      to `start[f + 1]` of `at` are field f's, whose positions a
      position file holds in that order. Made when its first positions
      arrive: placing a tier's fields then reads those fields' postings
      only, not all of them once a tier. */
  function postingsByField(postings, counts) {
    var start = new Int32Array(FIELD_COUNT + 1);
    for (var f = 0; f < FIELD_COUNT; f++) start[f + 1] = start[f] + counts[f];
    var next = start.slice(0, FIELD_COUNT), at = new Int32Array(start[FIELD_COUNT]);
    for (var p = 0; p < postings.length; p += 4) at[next[postings[p + 1]]++] = p;
    return { start, at };
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
})(DanhmucSearch);
