/* Syllables, and words typed with Telex or VNI keys. */
(function (search) {
  "use strict";
  var understanding = search.understanding = {};

  var TONE_MARKS = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323",
    1: "\u0301", 2: "\u0300", 3: "\u0309", 4: "\u0303", 5: "\u0323" };
  var TONE_CLASS = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var INITIALS = ["ngh", "ng", "gh", "gi", "kh", "ph", "th", "tr", "ch", "nh", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];
  var FINALS = { "": 1, c: 1, ch: 1, m: 1, n: 1, ng: 1, nh: 1, p: 1, t: 1 };
  var STOP_FINALS = { c: 1, ch: 1, p: 1, t: 1 };
  // Vowel groups of a syllable, semivowel endings included; those that need
  // a final consonant or an ending are marked with "+".
  var NUCLEI = {};
  ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua ui uơ uy ưa ưi ưu " +
   "oai oay oao oeo uây uôi uya uyu ươi ươu iêu yêu " +
   "iê+ yê+ uô+ ươ+ uâ+ oă+ uyê+ uê").split(" ").forEach((n) => {
    NUCLEI[n.replace("+", "")] = n.indexOf("+") < 0 ? 1 : 2;
  });
  var VOWELS = "aăâeêioôơuưy";
  var QUALITY = "ăâêôơư";

  /** `word` (lower case, NFC) as [initial, vowels, final, tone mark], or
      null when it is not one Vietnamese syllable. */
  function syllableParts(word) {
    var nfd = word.normalize("NFD"), tones = nfd.match(TONE_CLASS);
    if (tones && tones.length > 1) return null;
    var base = nfd.replace(TONE_CLASS, "").normalize("NFC");
    var initial = "";
    for (var i = 0; i < INITIALS.length; i++) {
      if (base.startsWith(INITIALS[i])) { initial = INITIALS[i]; break; }
    }
    var rest = base.slice(initial.length);
    // "gi" and "qu" are consonants before a vowel; "gì" is "g" + "i".
    if (initial === "gi" && (rest === "" || VOWELS.indexOf(rest[0]) < 0)) { initial = "g"; rest = base.slice(1); }
    var v = 0;
    while (v < rest.length && VOWELS.indexOf(rest[v]) >= 0) v++;
    var vowels = rest.slice(0, v), final = rest.slice(v);
    var kind = NUCLEI[vowels];
    if (!kind || !FINALS[final] && final !== "") return null;
    if (FINALS[final] === undefined) return null;
    if (kind === 2 && final === "") return null;
    var tone = tones ? tones[0] : "";
    if (STOP_FINALS[final] && tone !== "" && tone !== "\u0301" && tone !== "\u0323") return null;
    return [initial, vowels, final, tone];
  }

  /** Whether `word` is one Vietnamese syllable. */
  function isSyllable(word) {
    return syllableParts(word) !== null;
  }

  /** The syllable of `base` (its vowels' qualities, no tone) with tone
      mark `tone` put in the traditional place: on the vowel with a
      quality mark (the last of "ươ"), else the last vowel before a final
      consonant, else the middle of three and the first of two
      ("hòa", "thủy"), as the index's exact forms have it. */
  function withTone(base, tone) {
    var parts = syllableParts(base);
    if (!parts) return null;
    if (!tone) return base;
    var start = parts[0].length, vowels = parts[1], at = -1;
    for (var i = 0; i < vowels.length; i++) if (QUALITY.indexOf(vowels[i]) >= 0) at = i;
    if (at < 0) at = parts[2] ? vowels.length - 1 : vowels.length === 3 ? 1 : 0;
    var word = base.slice(0, start + at + 1) + tone + base.slice(start + at + 1);
    word = word.normalize("NFC");
    return syllableParts(word) ? word : null;
  }

  var CIRCUMFLEX = { a: "â", e: "ê", o: "ô" };
  var HORN = { o: "ơ", u: "ư" };

  /** Gives the last vowel of `out` (letters) among `from` its mark:
      returns whether one was found. */
  function markLast(out, from, marks) {
    for (var i = vowelsEnd(out) - 1; i >= 0; i--) {
      if (marks[out[i]] && from.indexOf(out[i]) >= 0) { out[i] = marks[out[i]]; return true; }
      if (VOWELS.indexOf(out[i]) < 0) break;
    }
    return false;
  }

  /** Where the vowels of a syllable typed so far end: before its final
      consonants, which a reader may type before the keys of the marks
      ("truongwf", "hoc5"). */
  function vowelsEnd(out) {
    var n = out.length;
    while (n > 0 && VOWELS.indexOf(out[n - 1]) < 0) n--;
    return n;
  }

  /** The horn of "w" (Telex) or "7" (VNI): "uo" takes it on both. */
  function horn(out) {
    var n = vowelsEnd(out), start = n;
    while (start > 0 && VOWELS.indexOf(out[start - 1]) >= 0) start--;
    // "uo" within the vowels ("nguoiwf" → "người"), not the "u" of "qu".
    for (var i = start; i < n - 1; i++) {
      if ((out[i] === "u" || out[i] === "ư") && out[i + 1] === "o" && !(out[i] === "u" && out[i - 1] === "q")) {
        out[i] = "ư"; out[i + 1] = "ơ";
        return true;
      }
    }
    return markLast(out, "ou", HORN) || markLast(out, "a", { a: "ă" });
  }

  /** A word typed with Telex keys while the input method was off, as the
      syllable it stands for ("ddieenj" → "điện", "nhaf" → "nhà"), or null.
      Tone keys (s f r x j) count after the first vowel, wherever they
      stand; "aa", "ee", "oo" may have consonants between them. */
  function decodeTelex(word) {
    if (!/^[a-z]+$/.test(word)) return null;
    var out = [], tone = "", vowel = false, keys = false;
    for (var i = 0; i < word.length; i++) {
      var c = word[i];
      if (vowel && TONE_MARKS[c] && "sfrxj".indexOf(c) >= 0) { tone = TONE_MARKS[c]; keys = true; continue; }
      // A vowel doubled after the tone key is a second word: "coso" is
      // "co so", not "cố".
      if (tone && CIRCUMFLEX[c] && out.lastIndexOf(c) >= 0) return null;
      if (c === "d" && out.length === 1 && out[0] === "d") { out[0] = "đ"; keys = true; continue; }
      if (c === "w") {
        if (!horn(out)) out.push("ư");
        vowel = keys = true;
        continue;
      }
      // "aa", "ee", "oo", also with consonants between ("nhaan", "nhana").
      if (vowel && CIRCUMFLEX[c] && out.lastIndexOf(c) >= 0) {
        out[out.lastIndexOf(c)] = CIRCUMFLEX[c];
        keys = true;
        continue;
      }
      out.push(c);
      if (VOWELS.indexOf(c) >= 0) vowel = true;
    }
    return keys ? withTone(out.join(""), tone) : null;
  }

  /** A word typed with VNI keys while the input method was off
      ("d9ie65n" → "điện", "o73" → "ở"), or null. */
  function decodeVni(word) {
    if (!/^[a-z]+[a-z0-9]*$/.test(word) || !/[a-z][1-9]|[1-9][a-z]/.test(word)) return null;
    var out = [], tone = "";
    for (var i = 0; i < word.length; i++) {
      var c = word[i];
      if (c >= "1" && c <= "5") tone = TONE_MARKS[c];
      else if (c === "6") { if (!markLast(out, "aeo", CIRCUMFLEX)) return null; }
      else if (c === "7") { if (!horn(out)) return null; }
      else if (c === "8") { if (!markLast(out, "a", { a: "ă" })) return null; }
      else if (c === "9") { if (out[out.length - 1] !== "d") return null; out[out.length - 1] = "đ"; }
      else if (c === "0") return null;
      else out.push(c);
    }
    return withTone(out.join(""), tone);
  }

  Object.assign(understanding, { isSyllable, decodeTelex, decodeVni });
})(DanhmucSearch);
