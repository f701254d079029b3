/* The files of a large catalog's index, loaded on demand: each is a
   script that hands its data to one of the add… functions below, which
   keep it until a store reads it (src/search/index.rs writes them). */
(function (search) {
  "use strict";

  // A sharded index (large catalogs) keeps postings and texts in files
  // loaded on demand; they announce themselves through these registries.
  var registry = { shards: {}, texts: {}, filters: null, terms: {}, positions: {}, forms: {} };
  function addShard(k, data) { registry.shards[k] = data; }
  function addPositions(k, field, texts) { registry.positions[k + "-" + field] = texts; }
  function addForm(t, form, bits) { registry.forms[t + "-" + form] = bits; }
  function addTerms(b, data) { registry.terms[b] = data; }
  function addTexts(c, rows) { registry.texts[c] = rows; }
  function addFilters(rows) { registry.filters = rows; }

  // Other names (abbreviations, synonyms, former names of agencies), from
  // the index or, when sharded, a file of their own.
  function addNames(list) { registry.names = list; }

  /** The name of an index file: the manifest's pattern for its kind
      (`files`, written by src/search/index.rs) with `a` and `b` in place
      of its `{}`. */
  function fileName(pattern, a, b) {
    var name = pattern.replace("{}", a);
    return b === undefined ? name : name.replace("{}", b);
  }

  /** Loads the files of `paths` that `loader` ({load, loaded}, see
      Searcher) has not loaded yet. */
  function loadAll(loader, paths) {
    var missing = paths.filter((p) => !loader.loaded.has(p));
    return Promise.all(missing.map((p) => {
      return loader.load(p).then(() => { loader.loaded.add(p); });
    }));
  }

  Object.assign(search, { registry, addShard, addPositions, addForm, addTerms, addTexts,
    addFilters, addNames, fileName, loadAll });
})(DanhmucSearch);
