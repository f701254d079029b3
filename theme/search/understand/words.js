/* Spelling, glued words, fillers, other names: what a query meant. */
(function (search) {
  "use strict";
  var understanding = search.understanding;
  var { tokenize, isTyping, fold, fillerTokens } = search;
  var { isSyllable, decodeTelex, decodeVni, chunksOf, nameFor, placeAt, markBefore } = understanding;

  // The letters Vietnamese writers confuse, each made one sound: s/x,
  // tr/ch, d/gi/r, l/n at the start (and "f" typed for "ph", "z" for
  // "d"), n/ng and t/c at the end, i/y.
  var SOUNDS = [[/^tr/, "ch"], [/^x/, "s"], [/^f/, "ph"], [/^z/, "d"], [/^(gi|r)/, "d"], [/^n(?!g|h)/, "l"],
    [/ng$/, "n"], [/c$/, "t"], [/y/g, "i"]];

  /** A folded syllable with each confusion made one sound, and which
      of SOUNDS changed it (one bit each). */
  function soundKey(folded) {
    var key = folded, used = 0;
    SOUNDS.forEach((rule, i) => {
      var next = key.replace(rule[0], rule[1]);
      if (next !== key) used |= 1 << i;
      key = next;
    });
    return { key, used };
  }

  /** Edit distance, a transposition counting one, stopping above `most`. */
  function editDistance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var prev2 = null, prev = [], row;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        row.push(d);
        if (d < low) low = d;
      }
      if (low > most) return most + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  /** How far a folded word is from a folded term: each confusion of
      sounds (SOUNDS) that tells them apart costs half a letter. */
  function spellingDistance(word, term, most) {
    var plain = editDistance(word, term, most);
    var a = soundKey(word), b = soundKey(term), differ = a.used ^ b.used, confusions = 0;
    for (; differ; differ >>= 1) confusions += differ & 1;
    return Math.min(plain, 0.5 * confusions + editDistance(a.key, b.key, most));
  }

  /** How many letters a word of `length` may have wrong: none in a word of
      two or three letters (too many words are that close), but a confusion
      of sounds; one in a syllable; two in a long one. */
  function allowedDistance(length) {
    return length <= 3 ? 0.5 : length <= 6 ? 1 : 2;
  }

  /** A folded word the catalog lacks, as catalog words written together
      ("thuebao" → ["thue", "bao"]): the fewest words of two letters or
      more, then the most frequent. The last may be a beginning while the
      reader types it. Null if there is no such split. */
  function splitGlued(folded, vocab, typing) {
    var n = folded.length;
    if (n < 4 || n > 40 || !/^[a-z]+$/.test(folded)) return null;
    // best[i]: the best split of the first i letters, [count, -weight, pieces].
    var best = [[0, 0, []]];
    for (var i = 1; i <= n; i++) {
      best.push(null);
      for (var j = Math.max(0, i - 7); j <= i - 2; j++) {
        if (!best[j]) continue;
        var piece = folded.slice(j, i);
        var df = vocab.df(piece);
        if (!df && typing && i === n && vocab.hasPrefix(piece)) df = 1;
        if (!df) continue;
        var candidate = [best[j][0] + 1, best[j][1] - Math.log(1 + df), best[j][2].concat([piece])];
        if (!best[i] || candidate[0] < best[i][0] || (candidate[0] === best[i][0] && candidate[1] < best[i][1])) best[i] = candidate;
      }
    }
    return best[n] && best[n][2].length > 1 ? best[n][2] : null;
  }

  /** Catalog words close to a folded word (see spellingDistance), at
      most `most` away, the closest first, the more frequent among equals:
      [{word, distance}]. Its first letter is kept, but for a confusion of
      sounds ("xuc" → "suc"): a word is rarely mistyped from its start
      ("bong" is not "cong"). */
  function closeWords(folded, vocab, most) {
    if (!/^[a-z]+$/.test(folded)) return [];
    var found = [], start = soundKey(folded).key[0];
    vocab.words.forEach((term) => {
      // A confusion of sounds may change the length by one ("f" for "ph").
      if (term === folded || Math.abs(term.length - folded.length) > Math.ceil(most) || term.length < 2) return;
      if (term[0] !== folded[0] && soundKey(term).key[0] !== start) return;
      var d = spellingDistance(folded, term, Math.ceil(most));
      if (d <= most) found.push({ word: term, distance: d, df: vocab.df(term) });
    });
    return found.sort((a, b) => a.distance - b.distance || b.df - a.df || (a.word < b.word ? -1 : 1));
  }

  /** The catalog word closest to a folded word it lacks, or null. */
  function closestWord(folded, vocab) {
    var close = closeWords(folded, vocab, allowedDistance(folded.length));
    return close.length ? close[0].word : null;
  }

  var LONGEST_KEY = 8;

  /** What a query probably meant, given the catalog's words (`vocab`:
      has, hasPrefix, df, words) and its table of other names (`names`,
      see namesOf and nameFor: a run of chunks, see chunksOf, without
      "và").

      Returns {words, alternatives, changed, typing, pair}: `words` the
      understood query words [{text, folded, typed}] but those that carry
      no subject (fillerTokens; unless it has no other), `changed`
      whether they differ from what was typed; `alternatives` the queries
      to search, in order (the words as typed first where a name the
      catalog writes itself was expanded: "UBND" finds "UBND" first, then
      "ủy ban nhân dân"); `pair` whether they are two syllables (isPair).
      A place the query names (`places`, see placesOf and placeAt) is a
      qualifier: its words, and those before it that say so ("ở", "đặc
      khu"), are `place`, `places` lists the places' names, and `topic` the
      words the query is about; the alternatives without the place follow
      those with it. */
  function understandWith(query, vocab, names, places) {
    var nfc = (query || "").normalize("NFC");
    var tokens = tokenize(nfc);
    var typing = isTyping(nfc);
    var words = [], asTyped = [], expandedKnown = false, named = [];
    var chunks = chunksOf(nfc, tokens);
    var last = chunks.length - 1;
    var known = function (t, isLast) {
      return vocab.has(t.folded) || /^[0-9]+$/.test(t.folded) || (isLast && typing && vocab.hasPrefix(t.folded));
    };
    var typedWord = function (t) { return { text: t.exact, folded: t.folded, typed: true }; };
    var fillers = fillerTokens(tokens), at = 0;
    // A reader who types marks typed each word's marks, none included.
    var marks = tokens.some((t) => t.exact !== t.folded);
    chunks.forEach((c) => { c.first = at; at += c.tokens.length; });
    for (var i = 0; i < chunks.length;) {
      // Words that carry no subject are kept as typed.
      if (fillers[chunks[i].first]) {
        chunks[i].tokens.forEach((t, k) => {
          var w = typedWord(t);
          w.filler = fillers[chunks[i].first + k];
          words.push(w);
          asTyped.push(w);
        });
        i++;
        continue;
      }
      // Another name: the longest run of chunks that is a key.
      var matched = 0, means = null;
      if (names) {
        var keyParts = [];
        for (var j = i; j < chunks.length && keyParts.length < LONGEST_KEY; j++) {
          if (chunks[j].key === "va") continue;
          keyParts.push(chunks[j]);
          var hit = nameFor(names, keyParts);
          if (hit !== undefined) { matched = j - i + 1; means = hit; }
        }
      }
      // A place: the longest run of chunks that is one, kept as typed;
      // unless a longer name begins with it ("an sinh xã hội" is not "xã
      // hội" in the commune of An Sinh).
      var place = places && places.size ? placeAt(places, chunks, i) : null;
      if (place && place.count >= matched) {
        markBefore(words);
        named.push(place.name);
        // Searched as the list writes it: "halong" is "hạ long".
        tokenize(place.name).forEach((t) => {
          var w = Object.assign(typedWord(t), { place: true });
          words.push(w);
          asTyped.push(w);
        });
        i += place.count;
        continue;
      }
      if (matched) {
        var span = chunks.slice(i, i + matched);
        var spanTokens = [].concat.apply([], span.map((c) => c.tokens));
        // An abbreviation the catalog writes itself ("UBND") is searched
        // as written too; a name of several words stands for the other.
        var allKnown = matched === 1 && spanTokens.every((t) => vocab.has(t.folded));
        var expanded = tokenize(means).map((t) => ({ text: t.exact, folded: t.folded, typed: false }));
        expanded.forEach((w) => { words.push(w); });
        (allKnown ? spanTokens.map(typedWord) : expanded).forEach((w) => { asTyped.push(w); });
        if (allKnown) expandedKnown = true;
        i += matched;
        continue;
      }
      var chunk = chunks[i];
      chunk.tokens.forEach((t, k) => {
        var isLast = i === last && k === chunk.tokens.length - 1;
        var understood = understandWord(t, isLast, typing, vocab, known, nfc.slice(t.start, t.end), marks);
        understood.forEach((w) => { words.push(w); asTyped.push(w); });
      });
      i++;
    }
    // "số 357 năm 2025": the catalog writes "357/2025".
    words = words.filter((w, k) => !(w.folded === "nam" && w.text !== "nam" && k > 0 && k + 1 < words.length &&
      /^[0-9]+$/.test(words[k - 1].folded) && /^(19|20)[0-9][0-9]$/.test(words[k + 1].folded)));
    // Ends with a space when its last word is finished: an expansion or a
    // split of a word is complete; a word typed or decoded while typing is
    // a beginning.
    var lastWord = words[words.length - 1];
    var open = typing && lastWord && lastWord.open;
    var text = function (list) {
      return list.map((w) => w.text).join(" ") + (open && list[list.length - 1] === lastWord ? "" : " ");
    };
    // A yes-or-no question ("nước vịnh Hạ Long có bị ô nhiễm không"): its
    // "có … không" asks, and carries no subject.
    var asks = (w, word) => w.typed && (w.text === w.folded ? w.folded === fold(word) : w.text.toLowerCase() === word);
    var ask = words.findIndex((w) => asks(w, "có"));
    if (words.length > 2 && ask >= 0 && ask < words.length - 2 && asks(words[words.length - 1], "không")) {
      words[ask].filler = words[words.length - 1].filler = true;
    }
    // Words that carry no subject need not match: the query is its other
    // words, if it has any.
    var subjects = words.filter((w) => !w.filler);
    if (subjects.length) {
      words = subjects;
      asTyped = asTyped.filter((w) => !w.filler);
    }
    var changed = words.length !== tokens.length || words.some((w, k) => w.text !== tokens[k].exact);
    // Corrections of real syllables are offered, not applied.
    var offer = words.some((w) => w.offer) ? text(words.map((w) => w.offer ? { text: w.offer } : w)).trim() : null;
    // The words as typed first: what the reader wrote ranks before what
    // it stands for.
    var alternativesOf = (list, typed) => expandedKnown ? [text(typed), text(list)] : [text(list)];
    var alternatives = alternativesOf(words, asTyped);
    // A place is a qualifier: the entries with it first, then the others.
    var topic = words.filter((w) => !w.place);
    if (!topic.length) topic = words;
    var apart = topic === words ? [] : alternativesOf(topic, asTyped.filter((w) => !w.place));
    return { words, alternatives, changed, typing, pair: isPair(words), offer, places: named, topic, apart };
  }

  /** Whether `words` are two syllables the reader typed: one word of two
      syllables, which an entry has only with them side by side ("bản vẽ"
      is not about "bản đồ … vẽ"). */
  function isPair(words) {
    return words.length === 2 && words.every((w) => w.typed && isSyllable(w.text));
  }

  /** One query word (token `t`, typed as `typed`) as the words it
      stands for. An acronym in capitals ("DTI", "GIS") is no Telex and no
      misspelling: it stays as typed. A real syllable is respelled only by
      a confusion of sounds ("khoan" → "khoang", "sy" → "si"), and one
      typed with its marks, or with none in a query whose other words have
      theirs (`marks`: "con" in "con tôi học lớp 5" is not "công"), only
      by i/y ("kĩ" → "kỹ"): any other correction of it is offered
      (`offer`), the word kept as typed ("hồng" is not "hương", "Móng" is
      not "môn"). */
  function understandWord(t, isLast, typing, vocab, known, typed, marks) {
    var prefix = isLast && typing;
    var word = { text: t.exact, folded: t.folded, typed: true, open: prefix };
    if (known(t, isLast)) return [word];
    if (/^[A-ZĐ]{2,}$/.test(typed || "")) return [word];
    var decoded = decodeTelex(t.exact) || decodeVni(t.exact);
    if (decoded) {
      var f = fold(decoded);
      if (vocab.has(f) || (prefix && vocab.hasPrefix(f))) return [{ text: decoded, folded: f, typed: true, open: prefix, decoded: true }];
    }
    // A legal reference's kind and number typed together ("NĐ357",
    // "QĐ38/2021"): the catalog writes them apart.
    var glued = /^([^0-9]+)([0-9]+)$/.exec(t.exact);
    if (glued && vocab.has(fold(glued[1]))) {
      return [glued[1], glued[2]].map((p) => ({ text: p, folded: fold(p), typed: true, open: false, split: true }));
    }
    var syllable = isSyllable(t.exact), marked = marks || t.exact !== t.folded;
    // A syllable the catalog lacks is more likely misspelt ("khoan" for
    // "khoang") than two words run together; anything longer, the other
    // way round ("thuebao").
    var corrected = function () {
      var close = closeWords(t.folded, vocab, allowedDistance(t.folded.length));
      if (!close.length) return null;
      // "kĩ" and "kỹ" are one word; "cái" and "cay" are not.
      var to = close[0].word, iy = (w) => /^[^aeiouy]*[iy]$/.test(w) ? w.replace(/y$/, "i") : w;
      if (syllable && (marked ? iy(to) !== iy(t.folded) || to === t.folded : close[0].distance > 0.5)) return [Object.assign(word, { offer: to })];
      return [{ text: to, folded: to, typed: true, open: false, corrected: true }];
    };
    var split = function () {
      var pieces = splitGlued(t.folded, vocab, prefix);
      return pieces && pieces.map((p, k) => ({ text: p, folded: p, typed: true, open: prefix && k === pieces.length - 1, split: true }));
    };
    return (syllable ? corrected() || split() : split() || corrected()) || [word];
  }

  Object.assign(understanding, { spellingDistance, allowedDistance, splitGlued, closeWords,
    closestWord, understandWith, isPair });
})(DanhmucSearch);
