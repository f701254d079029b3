  return {
    fold: fold,
    tokenize: tokenize,
    Searcher: Searcher,
    initPage: initPage,
    readState: readState,
    stateQuery: stateQuery,
    addShard: addShard,
    addPositions: addPositions,
    addForm: addForm,
    addTerms: addTerms,
    addTexts: addTexts,
    addFilters: addFilters,
    addNames: addNames,
    addUnderstanding: addUnderstanding,
    understanding: function () { return registry.understanding; }
  };
});
