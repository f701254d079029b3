// Shared helpers for the JavaScript and browser tests: build a site with the
// real danhmuc binary, load its search index, start Debian's Chromium.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");

const REPO = path.resolve(__dirname, "..", "..");

function binary() {
  const bin = process.env.DANHMUC_BIN || path.join(REPO, "target", "debug", "danhmuc");
  if (!fs.existsSync(bin)) throw new Error(`${bin} not found: run \`cargo build\` first (scripts/test does)`);
  return bin;
}

/** Builds the project at `root` into a fresh temporary folder; returns its path. */
function buildSite(root) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "danhmuc-site-"));
  const site = path.join(out, "site");
  const run = spawnSync(binary(), ["build", "--root", root, "--output", site], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`danhmuc build failed:\n${run.stderr}`);
  return site;
}

let realSite = null;
/** The real catalog, built once per test process. */
function buildRealSite() {
  if (!realSite) realSite = buildSite(REPO);
  return realSite;
}

/** The index object that `assets/search-index.js` assigns in a browser. */
function loadIndex(site) {
  const context = { window: {} };
  vm.runInNewContext(fs.readFileSync(path.join(site, "assets", "search-index.js"), "utf8"), context);
  // Re-create the object in this realm so deep equality sees plain arrays.
  return JSON.parse(JSON.stringify(context.window.DANHMUC_SEARCH_INDEX));
}

function searchModule() {
  return require(path.join(REPO, "static", "assets", "search.js"));
}

async function launchBrowser() {
  const { chromium } = require("playwright-core");
  const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} not found: install Debian's chromium (scripts/test does)`);
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

function fileUrl(site, page) {
  return "file://" + path.join(site, page);
}

module.exports = { REPO, buildSite, buildRealSite, loadIndex, searchModule, launchBrowser, fileUrl };
