/* Results' texts and snippets. */
(function (search) {
  "use strict";
  var tokenize = search.tokenize, isTyping = search.isTyping, registry = search.registry,
    fileName = search.fileName, loadAll = search.loadAll, Searcher = search.Searcher;

  // The long fields a snippet is taken from, in order of preference:
  // purpose, scope, collection, sharing, notes.
  var SNIPPET_FIELDS = [4, 5, 6, 7, 3];

  /** Makes sure titles, addresses and snippet texts of `ids` are here. */
  Searcher.prototype.loadTexts = function (ids) {
    if (!this.sharded) return Promise.resolve();
    var self = this;
    var size = this.index.text_chunk;
    var chunks = Array.from(new Set(ids.map(function (id) { return Math.floor(id / size); })));
    return loadAll(this, chunks.map(function (c) { return fileName(self.index.files.texts, c); })).then(function () {
      chunks.forEach(function (c) {
        registry.texts[c].forEach(function (row, i) {
          // The first three fields' texts (title, sector, agencies) are
          // not stored twice: rebuild them from the row.
          var agencies = row[6].map(function (a) { return self.index.agencies[a][1]; }).join("; ");
          var texts = [row[1], self.index.sectors[row[5]][1], agencies].concat(row[3]);
          self.texts[c * size + i] = [row[0], row[1], row[2], texts, row[4], row[5], row[6]];
        });
      });
    });
  };

  /** What a result shows of a document; title and url are null in a
      sharded index until its texts are loaded. */
  Searcher.prototype.doc = function (id) {
    if (!this.sharded) return this.index.docs[id];
    var t = this.texts[id];
    var f = t ? [t[4], t[5], t[6]] : this.filterData ? this.filterData[id] : [null, null, null];
    return { group: f[0], sector: f[1], agencies: f[2], url: t ? t[0] : null, title: t ? t[1] : null, number: t ? t[2] : null };
  };

  /** How many entries the index covers. */
  Searcher.prototype.docCount = function () {
    return this.sharded ? this.index.doc_count : this.index.docs.length;
  };

  Searcher.prototype.fieldTexts = function (id) {
    var t = this.texts[id];
    return this.sharded ? (t ? t[3] : null) : t;
  };

  /** Snippets for results whose texts are loaded. */
  Searcher.prototype.fillSnippets = function (results, query) {
    var words = tokenize(query || "");
    var typing = isTyping(query || "");
    var self = this;
    results.forEach(function (r) {
      r.doc = self.doc(r.id);
      r.snippet = self.fieldTexts(r.id) ? self.snippet(r.id, words, typing) : [];
    });
    return results;
  };

  Searcher.prototype.fieldTokens = function (id, field) {
    var key = id + ":" + field;
    var tokens = this.tokenCache.get(key);
    if (!tokens) {
      tokens = tokenize(this.fieldTexts(id)[field]);
      this.tokenCache.set(key, tokens);
    }
    return tokens;
  };

  /** A short passage of the best-matching long field, as parts
      [{text, mark}] with the matched words marked. */
  Searcher.prototype.snippet = function (id, words, typing) {
    var self = this;
    var texts = this.fieldTexts(id);
    // Which query word a document word matches, or -1.
    function matchOf(token) {
      for (var i = 0; i < words.length; i++) {
        var w = words[i];
        if (token.folded === w.folded || (typing && i === words.length - 1 && token.folded.lastIndexOf(w.folded, 0) === 0)) return i;
      }
      return -1;
    }
    // The passage that shows the most distinct query words close together.
    // (Distinct: a word seen in the window is stamped with its number.)
    var field = SNIPPET_FIELDS[0], at = 0, bestCount = 0;
    var stamp = new Int32Array(words.length).fill(-1), passage = 0;
    for (var f = 0; f < SNIPPET_FIELDS.length; f++) {
      var tokens = self.fieldTokens(id, SNIPPET_FIELDS[f]);
      var matched = tokens.map(matchOf);
      for (var t = 0; t < tokens.length; t++) {
        if (matched[t] < 0) continue;
        var distinct = 0;
        passage++;
        var inOrder = 0;
        for (var u = t; u < Math.min(tokens.length, t + 8); u++) {
          var m = matched[u];
          if (m < 0) continue;
          if (stamp[m] !== passage) { stamp[m] = passage; distinct++; }
          if (matched[u + 1] === m + 1) inOrder++;
        }
        var count = distinct * 10 + inOrder;
        if (count > bestCount) { bestCount = count; field = SNIPPET_FIELDS[f]; at = t; }
      }
    }
    var text = texts[field];
    var tokens = this.fieldTokens(id, field);
    if (tokens.length === 0) return [];
    var first = Math.max(0, at - 6);
    var last = Math.min(tokens.length - 1, first + 28);
    var parts = [];
    function push(piece, mark) {
      var previous = parts[parts.length - 1];
      if (previous && previous.mark === mark && !mark) previous.text += piece;
      else parts.push({ text: piece, mark: mark });
    }
    var cursor = tokens[first].start;
    if (first > 0) push("… ", false);
    for (var i = first; i <= last; i++) {
      var token = tokens[i];
      if (token.start > cursor) push(text.slice(cursor, token.start), false);
      push(text.slice(token.start, token.end), matchOf(token) >= 0);
      cursor = token.end;
    }
    var tail = last === tokens.length - 1 ? text.slice(cursor) : " …";
    if (tail) push(tail, false);
    return parts;
  };
})(DanhmucSearch);
