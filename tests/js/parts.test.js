// The search scripts' parts (theme/search/, theme/search/understand/):
// each is a complete script on its own, and Node loads them in the order
// of their folder's `parts` list, as the joined script does.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { REPO, THEME, searchModule } = require("./helpers");

const SEARCH = path.join(THEME, "search");
const UNDERSTAND = path.join(SEARCH, "understand");

/** The files a folder's `parts` lists, in order. */
function parts(dir) {
  return fs.readFileSync(path.join(dir, "parts"), "utf8").split("\n").map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#")).map((name) => path.join(dir, name));
}

test("every part of the search scripts parses alone", () => {
  // Guards against parts that only make sense joined (a first part that
  // opens a function the last closes): no part could be checked, linted
  // or loaded by itself.
  for (const dir of [SEARCH, UNDERSTAND]) {
    const listed = parts(dir);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".js")).map((f) => path.join(dir, f));
    assert.deepEqual(files.sort(), [...listed].sort(), `${dir}: every part listed in parts, once`);
    for (const file of listed) {
      const check = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
      assert.equal(check.status, 0, `${path.relative(REPO, file)} does not parse alone:\n${check.stderr}`);
    }
  }
});

test("the parts loaded one by one in order make the search the joined script makes", async () => {
  const context = vm.createContext({});
  for (const file of [...parts(SEARCH), ...parts(UNDERSTAND)]) {
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  }
  const loaded = context.DanhmucSearch;
  const joined = searchModule();
  assert.deepEqual(Object.keys(loaded).filter((k) => k !== "understanding").sort(), Object.keys(joined).sort());
  assert.equal(loaded.fold("Đất đai"), "Dat dai");
  assert.equal(typeof loaded.understanding.decodeTelex, "function");
  assert.equal(loaded.understanding.decodeTelex("ddaats"), "đất");
});
