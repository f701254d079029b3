/* danhmuc search: understanding a query as people type it (Telex and VNI
   keys, glued words, abbreviations and other names, spelling, words that
   carry no subject), and what to do when nothing matches. Loaded by
   assets/search.js the first time a query needs it, so that most
   searches do not download it; see docs/search.md. Written as parts in
   src/search/js/understand/, joined by build.rs. */
DanhmucSearch.addUnderstanding(function (api) {
  "use strict";
  var tokenize = api.tokenize, fold = api.fold, isTyping = api.isTyping;
  var loadAll = api.loadAll, lowerBound = api.lowerBound, registry = api.registry, fillerTokens = api.fillerTokens;

