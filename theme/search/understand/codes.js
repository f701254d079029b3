/* Entry codes: "A.5", "a5", "B-3", "CSDL số 5", "TT 5 nhóm A". */
(function (search) {
  "use strict";
  var understanding = search.understanding;
  var { fold } = search;

  // What may stand before a code, and the words for "number".
  var LEAD = /^(?:csdl|co so du lieu)\s*/;
  var NUMBER = "(?:so thu tu|stt|tt|so)";

  /** The entry code a query is, as {group, number} (`group` a group's
      code as the index has it, or null for "CSDL số 5": that number in
      every group), or null. Every common way of writing one: "A.5", "A5",
      "a-5", "A 5", "CSDL A.5", "A.05", "TT 5 nhóm A", "nhóm B số 9",
      "CSDL số 5". */
  function codeOf(query, groups) {
    var text = fold(query.normalize("NFC")).toLowerCase().replace(/[\s,;:]+/g, " ").trim();
    var lead = LEAD.test(text);
    text = text.replace(LEAD, "");
    var letters = groups.map((g) => fold(g[0]).toLowerCase()).filter((g) => /^[a-z]$/.test(g)).join("");
    if (!letters) return null;
    var G = "([" + letters + "])", N = "0*([0-9]{1,5})";
    var found = null, m;
    if ((m = new RegExp("^" + G + " ?[.\\-_/]? ?" + N + "$").exec(text))) found = [m[1], m[2]];
    else if ((m = new RegExp("^" + NUMBER + " ?" + N + " ?nhom ?" + G + "$").exec(text))) found = [m[2], m[1]];
    else if ((m = new RegExp("^nhom ?" + G + " ?[.\\-]? ?(?:" + NUMBER + " ?)?" + N + "$").exec(text))) found = [m[1], m[2]];
    else if ((m = new RegExp("^" + NUMBER + " ?" + N + "$").exec(text)) && (lead || /^(tt|stt)/.test(text))) found = [null, m[1]];
    if (!found) return null;
    var group = found[0] && groups.find((g) => fold(g[0]).toLowerCase() === found[0]);
    return { group: group ? group[0] : null, number: Number(found[1]) };
  }

  /** The entries a query that is an entry code names (see codeOf), in
      the decision's order: resolves to {results, total, searched}, or
      null when it is none or names none. */
  function findCode(self, query, shown) {
    var groups = self.index.groups || [], code = codeOf(query, groups);
    if (!code) return Promise.resolve(null);
    var wanted = groups.map((g, i) => i).filter((i) => !code.group || groups[i][0] === code.group);
    var found = self.index.docs ? Promise.resolve(docsNumbered(self.index.docs, wanted, code.number)) :
      Promise.all(wanted.map((g) => findNumbered(self, g, code.number))).then((ids) => ids.filter((id) => id !== null));
    return found.then((ids) => {
      if (!ids.length) return null;
      return self.loadTexts(ids.slice(0, shown)).then(() => {
        var results = self.fillSnippets(ids.slice(0, shown).map((id) => ({ id, score: 1 })), "");
        var searched = ids.map((id) => groups[self.doc(id).group][0] + "." + code.number).join("” hoặc “");
        return { results, total: ids.length, searched };
      });
    });
  }

  /** The documents of the groups `wanted` numbered `number`, when every
      entry's number is at hand (the single index file). */
  function docsNumbered(docs, wanted, number) {
    var ids = [];
    docs.forEach((doc, id) => { if (doc.number === number && wanted.indexOf(doc.group) >= 0) ids.push(id); });
    return ids;
  }

  /** The document of group `g` numbered `number` in a large catalog,
      whose numbers come with the entries' texts: documents are in the
      decision's order and the manifest says where each group starts, so
      the entry numbered n is nearly always the group's n-th (one text
      loaded), and otherwise found by halving. Resolves to its id or null. */
  function findNumbered(self, g, number) {
    var starts = self.index.group_starts || [];
    var lo = starts[g], hi = g + 1 < starts.length ? starts[g + 1] : self.docCount();
    if (lo === undefined || lo >= hi) return Promise.resolve(null);
    var probe = function (id) {
      return self.loadTexts([id]).then(() => {
        var n = self.doc(id).number;
        if (n === number) return id;
        if (n < number) lo = id + 1; else hi = id;
        return lo < hi ? probe((lo + hi) >> 1) : null;
      });
    };
    return probe(Math.min(Math.max(lo + number - 1, lo), hi - 1));
  }

  Object.assign(understanding, { codeOf, findCode });
})(DanhmucSearch);
