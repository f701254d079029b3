/* danhmuc search: the query-time half of the search (the index is built by
   `danhmuc build`, see docs/search.md). Written as parts by concern in
   src/search/js/, which the build joins in file-name order into one
   plain script (build.rs): it loads in the browser from file:// as well,
   and as a CommonJS module in Node for the tests. The tokenizer here must
   match the Rust one in src/search/tokenize.rs; tests/search-vectors.json
   checks both. */
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

