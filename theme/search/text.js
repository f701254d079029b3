/* Folding and tokenizing: the definition shared with src/search/tokenize.rs
   (tests/search-vectors.json checks both). */
(function (search) {
  "use strict";

  var WORD = /[\p{Alphabetic}\p{M}\p{N}]/u;
  var MARKS = /\p{M}/gu;

  // Below U+0370, the combining marks are exactly U+0300 to U+036F.
  var LATIN_MARKS = /[\u0300-\u036f]/g;

  /** Drops every diacritic: "Đất đai" → "Dat dai". Vietnamese needs only
      the Latin marks: the expression of every mark (MARKS) is kept for
      other text, since its Unicode class cost a fresh page milliseconds
      to compile. ASCII is its own folding. */
  function fold(text) {
    var i, ascii = true;
    for (i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 128;
    if (ascii) return text;
    var nfd = text.normalize("NFD"), marks = LATIN_MARKS;
    for (i = 0; i < nfd.length; i++) {
      if (nfd.charCodeAt(i) >= 0x370) {
        marks = MARKS;
        break;
      }
    }
    return nfd.replace(marks, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  // Folded words, by word: snippets fold every word of the texts shown,
  // from a vocabulary of a few thousand syllables.
  var folded = new Map();
  function foldWord(word) {
    var f = folded.get(word);
    if (f === undefined) {
      if (folded.size > 50000) folded.clear();
      f = fold(word);
      folded.set(word, f);
    }
    return f;
  }

  /** Whether `ch` (one code point) is part of a word: see isWordAt. */
  function isWordCharacter(ch) {
    return isWordAt(ch, 0, ch.charCodeAt(0), ch.length);
  }

  /** Whether the code point at `i` of `text`, `size` UTF-16 units whose
      first is `c`, is part of a word: a letter, mark or digit, as WORD
      says. ASCII, most of any text, and the letters and marks of
      Vietnamese beyond it (Latin-1 and Extended-A/B letters, combining
      marks, Latin Extended Additional) are told without running the
      regular expression (tokenizing snippet texts: a tenth faster). */
  function isWordAt(text, i, c, size) {
    if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) return true;
    return isInvisible(c) || WORD.test(text.substr(i, size));
  }

  /** Characters that show nothing (zero-width space and joiners, word
      joiner, soft hyphen, a byte-order mark inside the text): pasted into
      a word, they belong to it and are dropped from its forms, as the
      index does (src/text.rs). */
  function isInvisible(c) {
    return (c >= 0x200b && c <= 0x200d) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0xad || c === 0x180e;
  }
  var INVISIBLE = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e]/g;

  /** A lower-case syllable ending in "oa", "oe" or "uy" (not "qu") with
      its tone on the last vowel, written with the tone on the one before:
      "hoà" → "hòa", "thuỷ" → "thủy". The index stores the traditional
      placement, so both spellings are one word (src/text.rs). The caller
      has checked that the word ends in "o" or "u" and a letter past
      ASCII. */
  var TONE_MOVES = {
    "à": "\u0300a", "á": "\u0301a", "ả": "\u0309a", "ã": "\u0303a", "ạ": "\u0323a",
    "è": "\u0300e", "é": "\u0301e", "ẻ": "\u0309e", "ẽ": "\u0303e", "ẹ": "\u0323e",
    "ỳ": "\u0300y", "ý": "\u0301y", "ỷ": "\u0309y", "ỹ": "\u0303y", "ỵ": "\u0323y"
  };
  function traditionalTone(word) {
    var n = word.length, first = word[n - 2], move = TONE_MOVES[word[n - 1]];
    if (move === undefined || (n > 2 && word[n - 3] === "q") || (first === "u") !== (move[1] === "y")) return word;
    return word.slice(0, n - 2) + (first + move[0]).normalize("NFC") + move[1];
  }

  /** Words of a text, as the index stores them: NFC, runs of letters, marks
      and digits, lower-cased and folded, with UTF-16 offsets in the NFC text.
      Code points are read by their codes, not as one string each (snippets
      tokenize five fields of every result shown). */
  function tokenize(text) {
    var nfc = text.normalize("NFC");
    var tokens = [];
    var start = -1, n = nfc.length, hidden = false;
    for (var i = 0; i <= n;) {
      var size = 1, inWord = false;
      if (i < n) {
        var c = nfc.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (nfc.charCodeAt(i + 1) & 0xfc00) === 0xdc00) size = 2;
        inWord = isWordAt(nfc, i, c, size);
        if (c > 0xac && isInvisible(c)) hidden = true;
      }
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        var exact = nfc.slice(start, i).toLowerCase(), m;
        if (hidden) exact = exact.replace(INVISIBLE, "");
        m = exact.length;
        if (m > 1 && exact.charCodeAt(m - 1) >= 0xc0 && (exact[m - 2] === "o" || exact[m - 2] === "u")) exact = traditionalTone(exact);
        if (m) tokens.push({ exact, folded: foldWord(exact), position: tokens.length, start, end: i });
        start = -1;
        hidden = false;
      }
      i += size;
    }
    return tokens;
  }

  /** Whether the query ends inside a word (no space or mark after it).
      Its last character only, by the tokenizer's test: a regular
      expression of its own cost 3 ms to compile on a fresh page. */
  function isTyping(query) {
    var nfc = query.normalize("NFC"), end = nfc.length;
    if (end === 0) return true;
    var c = nfc.charCodeAt(end - 1);
    var pair = c >= 0xdc00 && c <= 0xdfff && end > 1 && (nfc.charCodeAt(end - 2) & 0xfc00) === 0xd800;
    return isWordCharacter(nfc.slice(pair ? end - 2 : end - 1));
  }

  /** Whether a posting of `form` matches query word `word` exactly (with
      its diacritics); `partial`: the term completes the word being
      typed. */
  function isExactForm(form, word, partial) {
    return partial ? form.startsWith(word.exact) : form === word.exact;
  }

  Object.assign(search, { fold, tokenize, isTyping, isExactForm });
})(DanhmucSearch);
