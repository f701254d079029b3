/* The search page. */
(function (search) {
  "use strict";
  var Searcher = search.Searcher;

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
    var understood = doc.getElementById("search-understood");
    var suggestions = null;
    var shown = 0;
    fillSelect(group, index.groups.map(function (g) { return [g[0], "Nhóm " + g[0]]; }), doc);
    fillSelect(sector, index.sectors, doc);
    fillSelect(agency, index.agencies, doc);
    [group, sector, agency].forEach(function (select) { select.disabled = false; });
    doc.documentElement.classList.add("search-ready");

    function current() {
      return { q: input.value, group: group.value, sector: sector.value, agency: agency.value, exact: exactMode };
    }

    // A large (sharded) catalog shows the first results only, so that one
    // search downloads a bounded amount.
    var PAGE = searcher.sharded ? 20 : Infinity;
    var sequence = 0;
    // Searching the words exactly as typed (a link from "Kết quả cho …")
    // lasts until the reader types again.
    var exactMode = false;

    function show(state, writeUrl) {
      input.value = state.q;
      exactMode = !!state.exact;
      group.value = state.group;
      sector.value = state.sector;
      agency.value = state.agency;
      // A filter in use is shown, not folded away.
      var filters = doc.getElementById("search-filters");
      if (filters && (state.group || state.sector || state.agency)) filters.open = true;
      var mine = ++sequence;
      searcher.find(state.q, state, PAGE, state.exact).then(function (found) {
        if (mine !== sequence) return null;
        return searcher.loadTexts(found.results.map(function (r) { return r.id; })).then(function () {
          if (mine !== sequence) return;
          searcher.fillSnippets(found.results, found.highlight);
          render(found, state);
        });
      }).catch(function (error) {
        status.textContent = "Không tải được chỉ mục tìm kiếm (" + error.message + "). Hãy tải lại trang.";
      });
      if (writeUrl) {
        var url = win.location.pathname + stateQuery(state);
        try { win.history[writeUrl === "push" ? "pushState" : "replaceState"](state, "", url); } catch (e) { /* some file:// setups refuse */ }
      }
    }

    /** A result (or suggestion) as a list item: its title linked, where
        it stands in the catalog, and the passage that matched. */
    function item(r) {
      var li = doc.createElement("li");
      var a = doc.createElement("a");
      a.href = root + r.doc.url;
      a.textContent = r.doc.title;
      var meta = doc.createElement("p");
      meta.className = "result-meta";
      meta.textContent = "Nhóm " + index.groups[r.doc.group][0] + " · TT " + r.doc.number + " · " +
        index.sectors[r.doc.sector][1] + " · " +
        r.doc.agencies.map(function (x) { return index.agencies[x][1]; }).join("; ");
      li.appendChild(a);
      li.appendChild(meta);
      if (r.snippet.length) {
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
        li.appendChild(snippet);
      }
      return li;
    }

    function render(found, state) {
      var total = found.total;
      list.textContent = "";
      shown = found.results.length;
      found.results.forEach(function (r) { list.appendChild(item(r)); });
      var filtered = state.group || state.sector || state.agency;
      var asked = state.q.trim();
      // What was searched, when the query was understood as other words.
      var searched = found.understood ? found.searched : asked;
      if (!asked && !filtered) {
        status.textContent = "Nhập từ khóa để tìm trong " + searcher.docCount() + " CSDL; gõ có dấu hoặc không dấu đều được.";
      } else if (total === 0) {
        status.textContent = "Không tìm thấy CSDL nào" + (searched ? " cho “" + searched + "”" : "") + (filtered ? " với bộ lọc đã chọn" : "") + ".";
      } else {
        status.textContent = "Tìm thấy " + total + " CSDL" + (searched ? " cho “" + searched + "”" : "") + (filtered ? " với bộ lọc đã chọn" : "") + "." +
          (shown < total ? " Hiển thị " + shown + " kết quả đầu; thêm từ khóa hoặc bộ lọc để thu hẹp." : "");
      }
      // What the query was understood as, and suggestions: shown by the
      // script that understood it.
      understood.hidden = true;
      if (suggestions) suggestions.hidden = true;
      if (found.understood || (found.suggestions || []).length) {
        suggestions = search.understanding.showFurther({ doc: doc, understood: understood, list: list, item: item, show: show }, found, state);
      }
      empty.hidden = total !== 0 || (!asked && !filtered);
    }

    var timer = null;
    input.addEventListener("input", function () {
      exactMode = false;
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

  search.initPage = initPage;
  search.readState = readState;
  search.stateQuery = stateQuery;
})(DanhmucSearch);
