/* The catalog's words, and the other names they may stand for. */
(function (search) {
  "use strict";
  var understanding = search.understanding;
  var { tokenize, fold, lowerBound, registry, loadAll } = search;

  /** The query's words grouped by the spaces between them: a chunk is
      the words written together ("KH&CN", "coso_dulieu"), with its folded
      letters run together (`key`), and its exact ones (`written`). */
  function chunksOf(nfc, tokens) {
    var chunks = [];
    tokens.forEach((t, i) => {
      var glued = i > 0 && !/\s/.test(nfc.slice(tokens[i - 1].end, t.start));
      if (glued) {
        var last = chunks[chunks.length - 1];
        last.tokens.push(t);
        last.key += t.folded;
        last.written += t.exact;
      } else {
        chunks.push({ tokens: [t], key: t.folded, written: t.exact });
      }
    });
    return chunks;
  }

  /** A name as the table of other names keys it (src/search/names.rs):
      its chunks' keys without "và", joined by spaces. */
  function nameKey(text) {
    var nfc = text.normalize("NFC");
    return chunksOf(nfc, tokenize(nfc)).map((c) => c.key).filter((k) => k !== "va").join(" ");
  }

  /** The same parts with each word's exact form ("mộ", "sở tài nguyên
      môi trường"), as the table writes its keys (`written_key`). */
  function writtenKey(text) {
    var nfc = text.normalize("NFC");
    return chunksOf(nfc, tokenize(nfc)).filter((c) => c.key !== "va").map((c) => c.written).join(" ");
  }

  /** What the chunks (see chunksOf, without "và") name in the table of
      other names (namesOf), or undefined: the first name whose folded key
      is theirs and whose parts equal each chunk typed with its marks. A
      reader who typed "mỏ" did not mean "mộ"; one who typed "mo" may mean
      either, unless the name is strict (its third item: every part as
      written, since folded it is the catalog's own words). */
  function nameFor(names, chunks) {
    var found = names.get(chunks.map((c) => c.key).join(" "));
    if (!found) return undefined;
    var hit = found.find((name) => {
      var parts = name[0].split(" ");
      return chunks.every((c, k) => (c.written === c.key && !name[2]) || c.written === parts[k]);
    });
    return hit && hit[1];
  }

  /** The blocks of words beginning with a letter: what understanding a
      word the catalog lacks reads (the numbers' blocks are most of a large
      catalog's terms, and no help). */
  function letterBlocks(self) {
    var blocks = [];
    self.index.blocks.forEach((b, i) => { if (!(b[0] >= 48 && b[0] <= 57)) blocks.push(i); });
    return blocks;
  }

  /** The catalog's words known so far (a sharded index: those of the
      blocks loaded), for understandWith: has, hasPrefix, df, words. */
  function vocabularyOf(self) {
    if (self.store.vocab) return self.store.vocab;
    var terms = self.store.terms, words = [], counts = new Map();
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t];
      if (term === undefined || !/^[a-z]/.test(term)) continue;
      words.push(term);
      counts.set(term, self.sharded ? self.store.df[t] : documentCount(self.store.postings[t]));
    }
    self.store.vocab = {
      words: words,
      df: function (w) { return counts.get(w) || 0; },
      has: function (w) { return counts.has(w); },
      hasPrefix: function (w) {
        var i = lowerBound(words, w, 0, words.length);
        return i < words.length && words[i].startsWith(w);
      }
    };
    return self.store.vocab;
  }

  /** Whether the catalog has word `w` in the form typed: a word typed
      with marks that it has only in other forms ("mùa", "mưa": it has
      "mua", to buy) is one it lacks, as ranking halves such a match. A
      form not loaded yet (a large catalog) counts as had. */
  function hasTypedForm(self, w) {
    if (!w.typed || w.text === w.folded) return true;
    var store = self.store;
    return store.termIdsFor(w.folded, false).some((t) => !store.forms[t] || store.forms[t].indexOf(w.text) >= 0);
  }

  function documentCount(postings) {
    var n = 0;
    for (var k = 0; k < postings.length; k += 4) if (k === 0 || postings[k] !== postings[k - 4]) n++;
    return n;
  }

  // The built-in vocabulary (everyday and English words for the catalog's
  // own, src/search/names.rs), from a file of its own.
  var VOCABULARY_FILE = "assets/search-vocabulary.js";
  function addVocabulary(list) { understanding.vocabulary = list; }

  /** The table of other names, once loaded: folded key → the names with
      that key, [written key, meaning]; the catalog's own names
      (abbreviations, synonyms, former names) before the built-in
      vocabulary. See nameFor. */
  function namesOf(self) {
    var list = self.sharded ? registry.names : self.index.names;
    if (!list) return null;
    if (!self.nameMap) {
      self.nameMap = new Map();
      list.concat(understanding.vocabulary || []).forEach((name) => {
        var key = fold(name[0]);
        if (!self.nameMap.has(key)) self.nameMap.set(key, []);
        self.nameMap.get(key).push(name);
      });
    }
    return self.nameMap;
  }

  /** Loads what understanding a query needs (the script that does it, the
      table of other names, every letter's term block) and understands it
      (understandWith). */
  function understandFully(self, query) {
    var files = (self.sharded && !registry.names ? [self.index.files.names] : []).concat([VOCABULARY_FILE]);
    return loadAll(self.loader, files).then(() => {
      return self.store.loadBlocks(self.sharded ? letterBlocks(self) : []);
    }).then(() => {
      return understanding.understandWith(query, vocabularyOf(self), namesOf(self), understanding.placesOf(self));
    });
  }

  Object.assign(understanding, { chunksOf, nameKey, writtenKey, nameFor, namesOf, vocabularyOf, hasTypedForm, understandFully,
    addVocabulary });
})(DanhmucSearch);
