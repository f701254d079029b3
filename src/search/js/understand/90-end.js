
  return {
    understandWith: understandWith,
    findFurther: findFurther,
    showFurther: showFurther,
    adjacentCount: adjacentCount,
    pageOfAll: pageOfAll,
    correctOne: correctOne,
    suggest: suggest,
    nameKey: nameKey,
    spellingDistance: spellingDistance,
    decodeTelex: decodeTelex,
    decodeVni: decodeVni,
    isSyllable: isSyllable,
    splitGlued: splitGlued,
    closeWords: closeWords,
    closestWord: closestWord
  };
});
