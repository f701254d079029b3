/* Results' texts and snippets. */
(function (search) {
  "use strict";
  var { tokenize, isTyping, Searcher } = search;

  // The long fields a snippet is taken from, in order of preference:
  // purpose, scope, collection, sharing, notes.
  var SNIPPET_FIELDS = [4, 5, 6, 7, 3];

  Object.assign(Searcher.prototype, {
    /** Snippets for results whose texts are loaded. */
    fillSnippets(results, query) {
      var words = tokenize(query || "");
      var typing = isTyping(query || "");
      results.forEach((r) => {
        r.doc = this.doc(r.id);
        r.snippet = this.store.fieldTexts(r.id) ? this.snippet(r.id, words, typing) : [];
      });
      return results;
    },

    /** A short passage of the best-matching long field, as parts
        [{text, mark}] with the matched words marked. */
    snippet(id, words, typing) {
      var texts = this.store.fieldTexts(id);
      // Which query word a document word matches, or -1.
      function matchOf(token) {
        for (var i = 0; i < words.length; i++) {
          var w = words[i];
          if (token.folded === w.folded || (typing && i === words.length - 1 && token.folded.startsWith(w.folded))) return i;
        }
        return -1;
      }
      // The passage that shows the most distinct query words close together.
      // (Distinct: a word seen in the window is stamped with its number.)
      var field = SNIPPET_FIELDS[0], at = 0, bestCount = 0;
      var stamp = new Int32Array(words.length).fill(-1), passage = 0;
      for (var f = 0; f < SNIPPET_FIELDS.length; f++) {
        var tokens = this.store.fieldTokens(id, SNIPPET_FIELDS[f]);
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
      var tokens = this.store.fieldTokens(id, field);
      if (tokens.length === 0) return [];
      var first = Math.max(0, at - 6);
      var last = Math.min(tokens.length - 1, first + 28);
      var parts = [];
      function push(piece, mark) {
        var previous = parts[parts.length - 1];
        if (previous && previous.mark === mark && !mark) previous.text += piece;
        else parts.push({ text: piece, mark });
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
    }
  });

})(DanhmucSearch);
