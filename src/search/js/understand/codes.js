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
      the decision's order: {results, total, searched}, or null when it
      is none or names none. A catalog whose entries' numbers are not all
      at hand (a large one's are loaded with their texts) is not searched
      this way. */
  function findCode(self, query, shown) {
    var groups = self.index.groups || [], code = codeOf(query, groups);
    if (!code || !self.index.docs) return null;
    var ids = [];
    self.index.docs.forEach((doc, id) => {
      if (doc.number === code.number && (!code.group || groups[doc.group][0] === code.group)) ids.push(id);
    });
    if (!ids.length) return null;
    var results = self.fillSnippets(ids.slice(0, shown).map((id) => ({ id, score: 1 })), "");
    var searched = ids.map((id) => groups[self.index.docs[id].group][0] + "." + code.number).join("” hoặc “");
    return { results, total: ids.length, searched };
  }

  Object.assign(understanding, { codeOf, findCode });
})(DanhmucSearch);
