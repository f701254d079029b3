/* The last part: the search as a CommonJS module in Node (the tests), or
   the search page started in a browser. */
(function (search) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = search;
  } else if (typeof document !== "undefined") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", () => { search.initPage(window, document); });
    } else {
      search.initPage(window, document);
    }
  }
})(DanhmucSearch);
