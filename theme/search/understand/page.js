/* On the search page: what a query was understood as. */
(function (search) {
  "use strict";
  var understanding = search.understanding;
  var { stateQuery } = search;

  /** Says on the search page what the query was searched as, with a link
      to search the words exactly as typed, and lists the suggestions when
      nothing matched, before the (empty) results' list, which keeps its
      height (#search-suggestions, made the first time). `page`: the page's document, its element for the first
      (#search-understood) and its list of results, how it draws a result
      (item) and how it shows a search (show). Returns the suggestions'
      element. */
  function showFurther(page, found, state) {
    var doc = page.doc, understood = page.understood;
    understood.textContent = "";
    understood.hidden = !found.understood;
    if (found.understood) {
      // An answer to part of the query names the words it leaves out, and
      // the places no entry (or no result) names.
      var phrases = (part, places) => (found.partial && part.length ? [part.join(" ")] : []).concat(places || []);
      var missing = phrases(found.missing || [], found.placesMissing), lacking = phrases(found.lacking || [], found.placesLacking);
      var said = (missing.length ? "Không có CSDL nào chứa “" + missing.join("”, “") + "”. " : "") +
        (lacking.length ? "Kết quả không chứa “" + lacking.join("”, “") + "”. " : "");
      if (found.place) {
        understood.appendChild(doc.createTextNode("Không CSDL nào ghi riêng “" + found.place + "”. Hãy tìm kèm điều cần biết, ví dụ “đất đai " + found.place + "”. "));
      }
      if (found.offer) {
        var offered = doc.createElement("a"), asked = { q: found.offer, group: state.group, sector: state.sector, agency: state.agency };
        offered.href = stateQuery(asked);
        offered.textContent = found.offer;
        offered.addEventListener("click", (event) => {
          event.preventDefault();
          page.show(asked, "push");
        });
        understood.appendChild(doc.createTextNode("Có phải bạn muốn tìm “"));
        understood.appendChild(offered);
        understood.appendChild(doc.createTextNode("”? "));
      }
      if (!found.asTyped) understood.appendChild(doc.createTextNode(said + "Kết quả cho “" + found.searched + "”. "));
    }
    if (found.understood && !found.asTyped) {
      var exact = doc.createElement("a");
      var asTyped = { q: state.q, group: state.group, sector: state.sector, agency: state.agency, exact: true };
      exact.href = stateQuery(asTyped);
      exact.textContent = "Tìm đúng như đã gõ: “" + state.q.trim() + "”";
      exact.addEventListener("click", (event) => {
        event.preventDefault();
        page.show(asTyped, "push");
      });
      understood.appendChild(exact);
    }
    understood.hidden = !understood.firstChild;
    return showSuggestions(page, found);
  }

  /** Lists the suggestions, if any, before the results' list. */
  function showSuggestions(page, found) {
    var doc = page.doc;
    var section = doc.getElementById("search-suggestions");
    if (!section) {
      section = doc.createElement("section");
      section.id = "search-suggestions";
      section.className = "search-suggestions";
      section.setAttribute("aria-labelledby", "search-suggestions-title");
      var title = doc.createElement("h2");
      title.id = "search-suggestions-title";
      title.textContent = "Có một phần từ khóa";
      var about = doc.createElement("p");
      about.className = "muted";
      about.textContent = "Các CSDL sau không có đủ các từ đã tìm, nhưng có một phần:";
      section.appendChild(title);
      section.appendChild(about);
      section.appendChild(doc.createElement("ol")).className = "search-results suggested";
      page.list.parentNode.insertBefore(section, page.list);
    }
    var list = section.querySelector("ol");
    list.textContent = "";
    found.suggestions.forEach((r) => { list.appendChild(page.item(r)); });
    section.hidden = found.suggestions.length === 0;
    return section;
  }

  /** Points the search page's "Báo cho chúng tôi" link (#search-report,
      shown with the notice that nothing was found, when a `[feedback]
      address` is configured) at a report of `query`: its template's
      `{query}` replaced by the query, percent-encoded. */
  function reportLink(query) {
    var link = typeof document !== "undefined" && document.getElementById("search-report");
    if (link) link.href = link.getAttribute("data-template").split("{query}").join(encodeURIComponent(query.trim()));
  }

  Object.assign(understanding, { showFurther, reportLink });
})(DanhmucSearch);
