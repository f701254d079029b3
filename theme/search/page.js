/* The search page. */
(function (search) {
  "use strict";
  var { Searcher } = search;

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
    // A large (sharded) catalog shows the first results only, so that one
    // search downloads a bounded amount.
    this.size = this.searcher.sharded ? 20 : Infinity;
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
        timer = setTimeout(() => { this.show(this.current(), "replace"); }, 80);
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
    },

    /** What the controls ask for (see readState). */
    current() {
      return { q: this.input.value, group: this.group.value, sector: this.sector.value, agency: this.agency.value, exact: this.exact };
    },

    /** Shows `state` in the controls, searches it and shows the results;
        `writeUrl` ("push" or "replace") writes it into the address. */
    show(state, writeUrl) {
      this.setControls(state);
      var mine = ++this.sequence, searcher = this.searcher;
      searcher.find(state.q, state, this.size, state.exact).then((found) => {
        if (mine !== this.sequence) return null;
        return searcher.loadTexts(found.results.map((r) => r.id)).then(() => {
          if (mine !== this.sequence) return;
          searcher.fillSnippets(found.results, found.highlight);
          this.render(found, state);
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
      this.status.textContent = this.statusLine(found, asked, filtered);
      // What the query was understood as, and suggestions: shown by the
      // script that understood it.
      this.understood.hidden = true;
      if (this.suggestions) this.suggestions.hidden = true;
      if (found.understood || (found.suggestions || []).length) {
        this.suggestions = search.understanding.showFurther(this, found, state);
      }
      this.empty.hidden = found.total !== 0 || (!asked && !filtered);
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

  Object.assign(search, { initPage, readState, stateQuery });
})(DanhmucSearch);
