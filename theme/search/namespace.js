/* danhmuc search: the query-time half of the search (the index is built by
   `danhmuc build`, see docs/search.md). Written as parts by concern in
   theme/search/, each a complete script that adds what it defines to
   one object, DanhmucSearch, and takes from it what earlier parts
   defined; the build joins them in the order of theme/search/parts into
   one plain script (build.rs). Plain scripts, not modules: the page must
   work opened from disk, where a browser refuses module scripts. In the
   browser DanhmucSearch is a global, which the index files a large
   catalog loads call (DanhmucSearch.addShard…); in Node the joined script
   is a CommonJS module, its DanhmucSearch its own and its exports. */
var DanhmucSearch = {};
