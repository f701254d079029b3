/* danhmuc search: the query-time half of the search (the index is built by
   `danhmuc build`, see docs/search.md). The tokenizer here must match the
   Rust one in src/search/mod.rs; tests/search-vectors.json checks both.
   Loads as a plain script in the browser (file:// included) and as a
   CommonJS module in Node for the tests. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.DanhmucSearch = api;
    if (typeof document !== "undefined") {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { api.initPage(root, document); });
      } else {
        api.initPage(root, document);
      }
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var WORD = /[\p{Alphabetic}\p{M}\p{N}]/u;
  var MARKS = /\p{M}/gu;

  /** Drops every diacritic: "Đất đai" → "Dat dai". */
  function fold(text) {
    return text.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  /** Words of a text, as the index stores them: NFC, runs of letters, marks
      and digits, lower-cased and folded, with UTF-16 offsets in the NFC text. */
  function tokenize(text) {
    var nfc = text.normalize("NFC");
    var tokens = [];
    var start = -1;
    var i = 0;
    for (var ch of nfc + " ") {
      var inWord = WORD.test(ch);
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        var exact = nfc.slice(start, i).toLowerCase();
        tokens.push({ exact: exact, folded: fold(exact), position: tokens.length, start: start, end: i });
        start = -1;
      }
      i += ch.length;
    }
    return tokens;
  }

  // Field order is the index's: title, sector, agencies, notes, purpose,
  // scope, collection, sharing. A title match counts most.
  var WEIGHTS = [10, 4, 4, 2, 3, 1.5, 1, 1];
  var SNIPPET_FIELDS = [4, 5, 6, 7, 3];
  // A word that only agrees once diacritics are dropped, when the reader
  // typed diacritics, counts for less than an exact one ("bản đồ" before
  // "bàn đỏ"); so does a word matched only by its beginning.
  var FOLDED_ONLY = 0.5;
  var PREFIX_ONLY = 0.75;
  var ADJACENT = 2;
  var WHOLE_PHRASE = 10;

  function lowerBound(terms, key, lo, hi) {
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Term ids for a query word: the folded word itself, or every term it
      begins when it is the last word being typed; among `terms` from `lo`
      to `hi` (sorted). */
  function termIds(terms, folded, prefix, lo, hi) {
    var first = lowerBound(terms, folded, lo, hi);
    var ids = [];
    for (var t = first; t < hi; t++) {
      var term = terms[t];
      if (term === folded || (prefix && term.lastIndexOf(folded, 0) === 0)) ids.push(t);
      else break;
    }
    return ids;
  }

  // A sharded index (large catalogs) keeps postings and texts in files
  // loaded on demand; they announce themselves through these registries.
  var registry = { shards: {}, texts: {}, filters: null, terms: {} };
  function addShard(k, data) { registry.shards[k] = data; }
  function addTerms(b, data) { registry.terms[b] = data; }
  function addTexts(c, rows) { registry.texts[c] = rows; }
  function addFilters(rows) { registry.filters = rows; }
  var FILTERS_FILE = "assets/search/filters.js";
  // While typing, a prefix in a sharded index expands to its completions
  // from the rarest up, until they cover this many document occurrences:
  // rare words are cheap to download and tell entries apart, and each
  // further letter narrows the prefix.
  var PREFIX_BUDGET = 2000;
  // A single letter says too little to be worth downloading completions.
  var PREFIX_MIN = 2;

  /** `load(path)` fetches an index file (a script) and resolves once it ran;
      only a sharded index needs it. */
  function Searcher(index, load) {
    this.index = index;
    this.sharded = !!index.sharded;
    this.load = load;
    this.tokenCache = new Map();
    if (this.sharded) {
      var count = index.term_count;
      // Terms and their document frequencies arrive by block (first letter).
      this.terms = new Array(count);
      this.df = new Int32Array(count);
      this.blockOf = new Map(index.blocks.map(function (b, i) { return [b[0], i]; }));
      this.forms = new Array(count);
      this.postings = new Array(count);
      this.texts = new Array(index.doc_count);
      // The shard of each term, from each shard's first term.
      this.shardOf = new Int32Array(count);
      for (var k = 0; k < index.shard_first.length; k++) {
        var end = k + 1 < index.shard_first.length ? index.shard_first[k + 1] : count;
        this.shardOf.fill(k, index.shard_first[k], end);
      }
      this.filterData = null;
      this.loaded = new Set();
    } else {
      this.terms = index.terms;
      this.forms = index.forms.map(function (f) { return f.split("|"); });
      this.postings = index.postings;
      this.texts = index.text;
    }
  }

  /** Term ids a query word stands for (see termIds), capped while typing
      in a sharded index. */
  Searcher.prototype.termIdsFor = function (folded, prefix) {
    if (this.sharded && prefix && folded.length < PREFIX_MIN) prefix = false;
    if (!this.sharded) return termIds(this.terms, folded, prefix, 0, this.terms.length);
    // A sharded index searches the block of the word's first letter, once
    // prepare() has loaded it.
    var block = this.index.blocks[this.blockOf.get(folded.charCodeAt(0))];
    if (!block || this.terms[block[1]] === undefined) return [];
    var ids = termIds(this.terms, folded, prefix, block[1], block[1] + block[2]);
    if (!prefix) return ids;
    var df = this.df;
    var terms = this.terms;
    var chosen = ids.filter(function (t) { return terms[t] === folded; });
    var budget = PREFIX_BUDGET - chosen.reduce(function (sum, t) { return sum + df[t]; }, 0);
    var rest = ids.filter(function (t) { return terms[t] !== folded; }).sort(function (a, b) { return df[a] - df[b] || a - b; });
    for (var i = 0; i < rest.length; i++) {
      if (df[rest[i]] > budget && chosen.length > 0) break;
      chosen.push(rest[i]);
      budget -= df[rest[i]];
    }
    return chosen.sort(function (a, b) { return a - b; });
  };

  function loadAll(searcher, paths) {
    var missing = paths.filter(function (p) { return !searcher.loaded.has(p); });
    return Promise.all(missing.map(function (p) {
      return searcher.load(p).then(function () { searcher.loaded.add(p); });
    }));
  }

  /** Makes sure the postings a query needs are here, and what the
      filters need when one is set. */
  Searcher.prototype.prepare = function (query, filters) {
    if (!this.sharded) return Promise.resolve();
    var self = this;
    var words = tokenize(query || "");
    var typing = isTyping(query || "");
    // First the term blocks of the words' first letters, then the postings.
    var blocks = new Set();
    words.forEach(function (w) {
      var b = self.blockOf.get(w.folded.charCodeAt(0));
      if (b !== undefined) blocks.add(b);
    });
    var blockFiles = Array.from(blocks).map(function (b) { return "assets/search/k" + b + ".js"; });
    return loadAll(this, blockFiles).then(function () {
      blocks.forEach(function (b) {
        var data = registry.terms[b];
        if (self.terms[data.first] !== undefined) return;
        for (var i = 0; i < data.terms.length; i++) {
          self.terms[data.first + i] = data.terms[i];
          self.df[data.first + i] = data.df[i];
        }
      });
      return self.preparePostings(words, typing, filters);
    });
  };

  /** The postings of a prepared query's terms, and the filter data. */
  Searcher.prototype.preparePostings = function (words, typing, filters) {
    var self = this;
    var shards = new Set();
    words.forEach(function (w, i) {
      self.termIdsFor(w.folded, typing && i === words.length - 1).forEach(function (t) { shards.add(self.shardOf[t]); });
    });
    var wanted = Array.from(shards).sort(function (a, b) { return a - b; });
    var files = wanted.map(function (k) { return "assets/search/p" + k + ".js"; });
    var filtered = filters && (filters.group || filters.sector || filters.agency);
    if (filtered) files.push(FILTERS_FILE);
    return loadAll(this, files).then(function () {
      if (filtered) self.filterData = registry.filters;
      wanted.forEach(function (k) {
        var data = registry.shards[k];
        for (var i = 0; i < data.postings.length; i++) {
          if (!self.postings[data.first + i]) {
            self.postings[data.first + i] = decodePostings(data.postings[i]);
            self.forms[data.first + i] = data.forms[i].split("|");
          }
        }
      });
    });
  };

  /** Makes sure titles, addresses and snippet texts of `ids` are here. */
  Searcher.prototype.loadTexts = function (ids) {
    if (!this.sharded) return Promise.resolve();
    var self = this;
    var size = this.index.text_chunk;
    var chunks = Array.from(new Set(ids.map(function (id) { return Math.floor(id / size); })));
    return loadAll(this, chunks.map(function (c) { return "assets/search/t" + c + ".js"; })).then(function () {
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

  var VLQ = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach(function (c, i) { VLQ[c] = i; });

  /** Shards store postings as base-64 VLQ with deltas (see encode_postings
      in src/search/index.rs); this gives back the quadruples. */
  function decodePostings(text) {
    var numbers = [];
    var value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = VLQ[text[i]];
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
      } else {
        numbers.push(value);
        value = 0;
        shift = 0;
      }
    }
    var out = new Array(numbers.length / 3 * 4);
    var doc = 0, field = -1, position = 0;
    for (var k = 0, o = 0; k < numbers.length; k += 3, o += 4) {
      var d = doc + numbers[k];
      var f = numbers[k + 1] & 7;
      var p = d === doc && f === field ? position + numbers[k + 2] : numbers[k + 2];
      out[o] = d; out[o + 1] = f; out[o + 2] = p; out[o + 3] = numbers[k + 1] >> 3;
      doc = d; field = f; position = p;
    }
    return out;
  }

  function isTyping(query) {
    return !/[^\p{Alphabetic}\p{M}\p{N}]$/u.test(query.normalize("NFC"));
  }

  /** Hits of one query word, by document: [{field, position, weight}]. */
  Searcher.prototype.hitsFor = function (word, prefix) {
    var index = this.index;
    var hasMarks = word.exact !== word.folded;
    var byDoc = new Map();
    var ids = this.termIdsFor(word.folded, prefix);
    for (var k = 0; k < ids.length; k++) {
      var t = ids[k];
      var postings = this.postings[t];
      var forms = this.forms[t];
      if (!postings) continue; // a sharded index without prepare(): nothing loaded
      var partial = this.terms[t] !== word.folded;
      for (var p = 0; p < postings.length; p += 4) {
        var doc = postings[p], field = postings[p + 1], position = postings[p + 2];
        var form = forms[postings[p + 3]];
        var exact = partial ? form.lastIndexOf(word.exact, 0) === 0 : form === word.exact;
        var weight = WEIGHTS[field] * (hasMarks && !exact ? FOLDED_ONLY : 1) * (partial ? PREFIX_ONLY : 1);
        var list = byDoc.get(doc);
        if (!list) byDoc.set(doc, (list = []));
        list.push({ field: field, position: position, weight: weight });
      }
    }
    return byDoc;
  };

  function matchesFilters(doc, index, filters) {
    if (filters.group && index.groups[doc.group][0] !== filters.group) return false;
    if (filters.sector && index.sectors[doc.sector][0] !== filters.sector) return false;
    if (filters.agency && !doc.agencies.some(function (a) { return index.agencies[a][0] === filters.agency; })) return false;
    return true;
  }

  /** Ranked results for a query and filters: [{doc, id, score, snippet}].
      Every query word must match (after folding); an empty query with
      filters lists the filtered catalog in the decision's order. */
  Searcher.prototype.search = function (query, filters) {
    filters = filters || {};
    var index = this.index;
    var words = tokenize(query || "");
    var self = this;
    var results = [];
    if (words.length === 0) {
      if (!filters.group && !filters.sector && !filters.agency) return [];
      for (var id = 0, n = this.docCount(); id < n; id++) {
        if (matchesFilters(self.doc(id), index, filters)) results.push({ id: id, score: 0 });
      }
      return this.fillSnippets(results, "");
    }
    var typing = isTyping(query);
    var hits = words.map(function (w, i) { return self.hitsFor(w, typing && i === words.length - 1); });
    hits[0].forEach(function (_, id) {
      for (var i = 1; i < hits.length; i++) if (!hits[i].has(id)) return;
      if (!matchesFilters(self.doc(id), index, filters)) return;
      results.push({ id: id, score: score(hits, id) });
    });
    results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return this.fillSnippets(results, query);
  };

  function score(hits, id) {
    var total = 0;
    for (var i = 0; i < hits.length; i++) {
      var list = hits[i].get(id);
      var best = 0;
      for (var k = 0; k < list.length; k++) if (list[k].weight > best) best = list[k].weight;
      total += best + 0.05 * Math.min(list.length, 10);
    }
    return total + phraseBonus(hits, id);
  }

  /** Vietnamese words are several syllables ("môi trường"): query words
      that stand next to each other, in order, in one field earn a bonus
      that grows with the run, and more when the run is the whole query. */
  function phraseBonus(hits, id) {
    var best = 0;
    var previous = new Map();
    for (var i = 0; i < hits.length; i++) {
      var current = new Map();
      var list = hits[i].get(id);
      for (var k = 0; k < list.length; k++) {
        var hit = list[k];
        var before = previous.get(hit.field + ":" + (hit.position - 1));
        var run = before ? { length: before.length + 1, weight: Math.min(before.weight, hit.weight) } : { length: 1, weight: hit.weight };
        var key = hit.field + ":" + hit.position;
        var seen = current.get(key);
        if (!seen || seen.length < run.length || (seen.length === run.length && seen.weight < run.weight)) current.set(key, run);
        if (run.length > 1) {
          var bonus = (run.length - 1) * ADJACENT * run.weight;
          if (run.length === hits.length) bonus += WHOLE_PHRASE + 2 * run.weight;
          if (bonus > best) best = bonus;
        }
      }
      previous = current;
    }
    return best;
  }

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
    var field = SNIPPET_FIELDS[0], at = 0, bestCount = 0;
    for (var f = 0; f < SNIPPET_FIELDS.length; f++) {
      var tokens = self.fieldTokens(id, SNIPPET_FIELDS[f]);
      var matched = tokens.map(matchOf);
      for (var t = 0; t < tokens.length; t++) {
        if (matched[t] < 0) continue;
        var seen = new Set();
        var inOrder = 0;
        for (var u = t; u < Math.min(tokens.length, t + 8); u++) {
          if (matched[u] >= 0) seen.add(matched[u]);
          if (matched[u] >= 0 && matched[u + 1] === matched[u] + 1) inOrder++;
        }
        var count = seen.size * 10 + inOrder;
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

  // ---- The search page ------------------------------------------------

  function readState(location) {
    var params = new URLSearchParams(location.search);
    return {
      q: params.get("q") || "",
      group: params.get("nhom") || "",
      sector: params.get("linh-vuc") || "",
      agency: params.get("don-vi") || ""
    };
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.group) params.set("nhom", state.group);
    if (state.sector) params.set("linh-vuc", state.sector);
    if (state.agency) params.set("don-vi", state.agency);
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function fillSelect(select, options, doc) {
    options.forEach(function (o) {
      var option = doc.createElement("option");
      option.value = o[0];
      option.textContent = o[1];
      select.appendChild(option);
    });
  }

  function initPage(win, doc) {
    var form = doc.getElementById("search-form");
    var index = win.DANHMUC_SEARCH_INDEX;
    if (!form || !index) return;
    var root = form.getAttribute("data-root") || "";
    var searcher = new Searcher(index, function (path) {
      return new Promise(function (resolve, reject) {
        var script = doc.createElement("script");
        script.src = root + path;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("không tải được " + path)); };
        doc.head.appendChild(script);
      });
    });
    var input = doc.getElementById("q");
    var group = doc.getElementById("filter-group");
    var sector = doc.getElementById("filter-sector");
    var agency = doc.getElementById("filter-agency");
    var list = doc.getElementById("search-results");
    var status = doc.getElementById("search-status");
    var empty = doc.getElementById("search-empty");
    var shown = 0;
    fillSelect(group, index.groups.map(function (g) { return [g[0], "Nhóm " + g[0]]; }), doc);
    fillSelect(sector, index.sectors, doc);
    fillSelect(agency, index.agencies, doc);
    [group, sector, agency].forEach(function (select) { select.disabled = false; });
    doc.documentElement.classList.add("search-ready");

    function current() {
      return { q: input.value, group: group.value, sector: sector.value, agency: agency.value };
    }

    // A large (sharded) catalog shows the first results only, so that one
    // search downloads a bounded amount.
    var PAGE = searcher.sharded ? 20 : Infinity;
    var sequence = 0;

    function show(state, writeUrl) {
      input.value = state.q;
      group.value = state.group;
      sector.value = state.sector;
      agency.value = state.agency;
      var mine = ++sequence;
      searcher.prepare(state.q, state).then(function () {
        if (mine !== sequence) return null;
        var results = searcher.search(state.q, state);
        var page = results.slice(0, PAGE);
        return searcher.loadTexts(page.map(function (r) { return r.id; })).then(function () {
          if (mine !== sequence) return;
          searcher.fillSnippets(page, state.q);
          render(page, results.length, state);
        });
      }).catch(function (error) {
        status.textContent = "Không tải được chỉ mục tìm kiếm (" + error.message + "). Hãy tải lại trang.";
      });
      if (writeUrl) {
        var url = win.location.pathname + stateQuery(state);
        try { win.history[writeUrl === "push" ? "pushState" : "replaceState"](state, "", url); } catch (e) { /* some file:// setups refuse */ }
      }
    }

    function render(results, total, state) {
      list.textContent = "";
      shown = results.length;
      results.forEach(function (r) {
        var li = doc.createElement("li");
        var a = doc.createElement("a");
        a.href = root + r.doc.url;
        a.textContent = r.doc.title;
        var meta = doc.createElement("p");
        meta.className = "result-meta";
        meta.textContent = "Nhóm " + index.groups[r.doc.group][0] + " · TT " + r.doc.number + " · " +
          index.sectors[r.doc.sector][1] + " · " +
          r.doc.agencies.map(function (x) { return index.agencies[x][1]; }).join("; ");
        var snippet = doc.createElement("p");
        snippet.className = "snippet";
        r.snippet.forEach(function (part) {
          if (part.mark) {
            var mark = doc.createElement("mark");
            mark.textContent = part.text;
            snippet.appendChild(mark);
          } else {
            snippet.appendChild(doc.createTextNode(part.text));
          }
        });
        li.appendChild(a);
        li.appendChild(meta);
        if (r.snippet.length) li.appendChild(snippet);
        list.appendChild(li);
      });
      var filtered = state.group || state.sector || state.agency;
      var asked = state.q.trim();
      if (!asked && !filtered) {
        status.textContent = "Nhập từ khóa để tìm trong " + searcher.docCount() + " CSDL; gõ có dấu hoặc không dấu đều được.";
      } else if (total === 0) {
        status.textContent = "Không tìm thấy CSDL nào" + (asked ? " cho “" + asked + "”" : "") + (filtered ? " với bộ lọc đã chọn" : "") + ".";
      } else {
        status.textContent = "Tìm thấy " + total + " CSDL" + (asked ? " cho “" + asked + "”" : "") + (filtered ? " với bộ lọc đã chọn" : "") + "." +
          (shown < total ? " Hiển thị " + shown + " kết quả đầu; thêm từ khóa hoặc bộ lọc để thu hẹp." : "");
      }
      empty.hidden = total !== 0 || (!asked && !filtered);
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { show(current(), "replace"); }, 80);
    });
    [group, sector, agency].forEach(function (select) {
      select.addEventListener("change", function () { show(current(), "push"); });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      show(current(), "push");
    });
    win.addEventListener("popstate", function () { show(readState(win.location), null); });
    show(readState(win.location), null);
  }

  return {
    fold: fold,
    tokenize: tokenize,
    Searcher: Searcher,
    initPage: initPage,
    readState: readState,
    stateQuery: stateQuery,
    addShard: addShard,
    addTerms: addTerms,
    addTexts: addTexts,
    addFilters: addFilters
  };
});
