/* The search page. */
(function (search) {
  "use strict";
  var { Searcher } = search;
  // A large (sharded) catalog shows its results this many at a time, so
  // that one search downloads a bounded amount: the first page must be
  // ranked exactly, and the fewer results it holds the fewer word
  // positions and texts that takes (at 10,000 entries `cơ sở dữ liệu`
  // typed: 292 KB with 10, 315 KB with 20). "Xem thêm" shows the next.
  var PAGE_SIZE = 10;
  // While the reader types, a large catalog's search loads only the
  // positions of the words in titles and keywords, and tries nothing
  // else for a query that matches nothing; the rest comes once the
  // reader has paused this long (docs/search.md has what it saves).
  var SETTLE_MS = 400;

  function readState(location) {
    var params = new URLSearchParams(location.search);
    return {
      q: params.get("q") || "",
      group: params.get("nhom") || "",
      sector: params.get("linh-vuc") || "",
      agency: params.get("don-vi") || "",
      exact: params.get("chinh-xac") === "1"
    };
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.group) params.set("nhom", state.group);
    if (state.sector) params.set("linh-vuc", state.sector);
    if (state.agency) params.set("don-vi", state.agency);
    if (state.exact && state.q) params.set("chinh-xac", "1");
    var text = params.toString();
    return text ? "?" + text : "";
  }

  /** Starts the search page of document `doc` in window `win`, if it is
      one: its filters filled, its controls listened to, and the search
      its address asks for shown. */
  function initPage(win, doc) {
    var form = doc.getElementById("search-form");
    var index = win.DANHMUC_SEARCH_INDEX;
    if (!form || !index) return;
    var page = new SearchPage(win, doc, form, index);
    page.fillFilters();
    doc.documentElement.classList.add("search-ready");
    page.listen();
    page.show(readState(win.location), null);
  }

  /** Loads an index file `path` (relative to the site's root, `root`) as
      the browser loads a script: what opened from disk allows. */
  function scriptLoader(doc, root) {
    return (path) => new Promise((resolve, reject) => {
      var script = doc.createElement("script");
      script.src = root + path;
      script.onload = resolve;
      script.onerror = () => { reject(new Error("không tải được " + path)); };
      doc.head.appendChild(script);
    });
  }

  /** The search page: its elements, its searcher, and what it shows. */
  function SearchPage(win, doc, form, index) {
    var element = (id) => doc.getElementById(id);
    this.win = win;
    this.doc = doc;
    this.form = form;
    this.index = index;
    this.root = form.getAttribute("data-root") || "";
    this.searcher = new Searcher(index, scriptLoader(doc, this.root));
    this.input = element("q");
    this.group = element("filter-group");
    this.sector = element("filter-sector");
    this.agency = element("filter-agency");
    this.list = element("search-results");
    this.status = element("search-status");
    this.empty = element("search-empty");
    this.understood = element("search-understood");
    this.suggestions = null;
    // Absent from a template written before it: then the first page only.
    this.more = element("search-more");
    this.size = this.searcher.sharded ? PAGE_SIZE : Infinity;
    // How many results the latest search shows.
    this.limit = this.size;
    // The search once the reader pauses, while one is due (see show).
    this.settle = null;
    // Which search is the latest: an earlier one that ends later is not shown.
    this.sequence = 0;
    // Searching the words exactly as typed (a link from "Kết quả cho …")
    // lasts until the reader types again.
    this.exact = false;
  }

  Object.assign(SearchPage.prototype, {
    /** The filters' options, from the index, and the filters enabled. */
    fillFilters() {
      var index = this.index, doc = this.doc;
      var fill = (select, options) => {
        options.forEach((o) => {
          var option = doc.createElement("option");
          option.value = o[0];
          option.textContent = o[1];
          select.appendChild(option);
        });
        select.disabled = false;
      };
      fill(this.group, index.groups.map((g) => [g[0], "Nhóm " + g[0]]));
      fill(this.sector, index.sectors);
      fill(this.agency, index.agencies);
    },

    /** Searches as the reader types (after a short pause), changes a
        filter, submits, or goes back. */
    listen() {
      var timer = null;
      this.input.addEventListener("input", () => {
        this.exact = false;
        clearTimeout(timer);
        clearTimeout(this.settle);
        timer = setTimeout(() => { this.show(this.current(), "replace", "typing"); }, 80);
      });
      [this.group, this.sector, this.agency].forEach((select) => {
        select.addEventListener("change", () => { this.show(this.current(), "push"); });
      });
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        clearTimeout(timer);
        this.show(this.current(), "push");
      });
      this.win.addEventListener("popstate", () => { this.show(readState(this.win.location), null); });
      if (this.more) this.more.addEventListener("click", () => { this.show(this.current(), null, "more"); });
    },

    /** What the controls ask for (see readState). */
    current() {
      return { q: this.input.value, group: this.group.value, sector: this.sector.value, agency: this.agency.value, exact: this.exact };
    },

    /** Shows `state` in the controls, searches it and shows the results;
        `writeUrl` ("push" or "replace") writes it into the address.
        `how`: "more", the same search, a page more of its results, the
        reader's focus on the first of them; "typing", a search while the
        reader types, whose first results a large catalog puts in order by
        the heaviest fields' positions only, and in full order once the
        reader pauses for SETTLE_MS ("settle", not shown if the reader is
        among the results already). */
    show(state, writeUrl, how) {
      this.setControls(state);
      clearTimeout(this.settle);
      var before = how === "more" ? this.list.children.length : -1;
      this.limit = how === "more" ? this.limit + this.size : this.size;
      var mine = ++this.sequence, searcher = this.searcher;
      searcher.quick = how === "typing";
      searcher.rough = false;
      searcher.find(state.q, state, this.limit, state.exact).then((found) => {
        if (mine === this.sequence && searcher.rough) {
          this.settle = setTimeout(() => { this.show(this.current(), null, "settle"); }, SETTLE_MS);
        }
        if (mine !== this.sequence) return null;
        // Nothing found while typing, before what else it could mean was
        // tried: the last results stay until the reader pauses.
        if (how === "typing" && searcher.rough && found.total === 0) return null;
        return searcher.loadTexts(found.results.map((r) => r.id)).then(() => {
          if (mine !== this.sequence) return;
          // A reader already among the results keeps the place reached.
          if (how === "settle" && this.list.contains(this.doc.activeElement)) return;
          searcher.fillSnippets(found.results, found.highlight);
          this.render(found, state);
          var first = before >= 0 && this.list.children[before];
          if (first) first.querySelector("a").focus();
        });
      }).catch((error) => {
        this.status.textContent = "Không tải được chỉ mục tìm kiếm (" + error.message + "). Hãy tải lại trang.";
      });
      if (writeUrl) {
        var url = this.win.location.pathname + stateQuery(state);
        try { this.win.history[writeUrl === "push" ? "pushState" : "replaceState"](state, "", url); } catch (e) { /* some file:// setups refuse */ }
      }
    },

    setControls(state) {
      this.input.value = state.q;
      this.exact = !!state.exact;
      this.group.value = state.group;
      this.sector.value = state.sector;
      this.agency.value = state.agency;
      // A filter in use is shown, not folded away.
      var filters = this.doc.getElementById("search-filters");
      if (filters && (state.group || state.sector || state.agency)) filters.open = true;
    },

    /** A result (or suggestion) as a list item: its title linked, where
        it stands in the catalog, and the passage that matched. */
    item(r) {
      var doc = this.doc, index = this.index;
      var li = doc.createElement("li");
      var a = doc.createElement("a");
      a.href = this.root + r.doc.url;
      a.textContent = r.doc.title;
      var meta = doc.createElement("p");
      meta.className = "result-meta";
      meta.textContent = "Nhóm " + index.groups[r.doc.group][0] + " · TT " + r.doc.number + " · " +
        index.sectors[r.doc.sector][1] + " · " +
        r.doc.agencies.map((x) => index.agencies[x][1]).join("; ");
      li.appendChild(a);
      li.appendChild(meta);
      if (r.snippet.length) {
        var snippet = doc.createElement("p");
        snippet.className = "snippet";
        r.snippet.forEach((part) => {
          if (part.mark) {
            var mark = doc.createElement("mark");
            mark.textContent = part.text;
            snippet.appendChild(mark);
          } else {
            snippet.appendChild(doc.createTextNode(part.text));
          }
        });
        li.appendChild(snippet);
      }
      return li;
    },

    /** Shows what a search found: the results, the count's line, and
        what the query was understood as. */
    render(found, state) {
      this.list.textContent = "";
      found.results.forEach((r) => { this.list.appendChild(this.item(r)); });
      var filtered = state.group || state.sector || state.agency;
      var asked = state.q.trim();
      // The same line again (the search once the reader paused) is not
      // announced again.
      var line = this.statusLine(found, asked, filtered);
      if (this.status.textContent !== line) this.status.textContent = line;
      // What the query was understood as, and suggestions: shown by the
      // script that understood it.
      this.understood.hidden = true;
      if (this.suggestions) this.suggestions.hidden = true;
      if (found.understood || (found.suggestions || []).length) {
        this.suggestions = search.understanding.showFurther(this, found, state);
      }
      this.empty.hidden = found.total !== 0 || (!asked && !filtered);
      var left = found.total - found.results.length;
      if (this.more) {
        this.more.hidden = left <= 0;
        this.more.textContent = "Xem thêm " + Math.min(left, this.size) + " kết quả";
      }
    },

    /** The count's line: how many were found for what, and how many are
        shown. */
    statusLine(found, asked, filtered) {
      var total = found.total, shown = found.results.length;
      // What was searched, when the query was understood as other words.
      var searched = found.understood ? found.searched : asked;
      var what = (searched ? " cho “" + searched + "”" : "") + (filtered ? " với bộ lọc đã chọn" : "") + ".";
      if (!asked && !filtered) return "Nhập từ khóa để tìm trong " + this.searcher.docCount() + " CSDL; gõ có dấu hoặc không dấu đều được.";
      if (total === 0) return "Không tìm thấy CSDL nào" + what;
      return "Tìm thấy " + total + " CSDL" + what +
        (shown < total ? " Hiển thị " + shown + " kết quả đầu; thêm từ khóa hoặc bộ lọc để thu hẹp." : "");
    }
  });

  Object.assign(search, { initPage, readState, stateQuery, PAGE_SIZE });
})(DanhmucSearch);
