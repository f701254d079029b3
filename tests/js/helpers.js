// Shared helpers for the JavaScript and browser tests: build a site with the
// real danhmuc binary, load its search index, start Debian's Chromium.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");

const REPO = path.resolve(__dirname, "..", "..");
/** The real catalog's project folder. */
const REAL_CATALOG = path.join(REPO, "catalog");
/** The built-in theme's sources, compiled into the binary. */
const THEME = path.join(REPO, "theme");

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
  if (!realSite) realSite = buildSite(REAL_CATALOG);
  return realSite;
}

/** The index object that `assets/search-index.js` assigns in a browser. */
function loadIndex(site) {
  const context = { window: {} };
  vm.runInNewContext(fs.readFileSync(path.join(site, "assets", "search-index.js"), "utf8"), context);
  // Re-create the object in this realm so deep equality sees plain arrays.
  return JSON.parse(JSON.stringify(context.window.DANHMUC_SEARCH_INDEX));
}

/** A loader for a sharded index in Node: runs each requested file as the
    browser would (it calls DanhmucSearch.addShard/addTexts), and records
    which files were loaded. */
function fileLoader(site, api, loaded = []) {
  return (rel) => {
    loaded.push(rel);
    // The script that understands queries comes from its source, as
    // search.js does here.
    const file = rel === "assets/search-understand.js" ? understandScriptPath() : path.join(site, rel);
    vm.runInNewContext(fs.readFileSync(file, "utf8"), { DanhmucSearch: api });
    return Promise.resolve();
  };
}

/** A Searcher of the site at `site`, loading its files as the page does. */
function searcherOf(site, api = searchModule(), loaded = []) {
  return new api.Searcher(loadIndex(site), fileLoader(site, api, loaded));
}

/** A throwaway copy of the real project (its configuration and content)
    in a new temporary folder; returns the folder. */
function copyRealCatalog(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `danhmuc-${name}-`));
  for (const item of ["danhmuc.toml", "content"]) {
    fs.cpSync(path.join(REAL_CATALOG, item), path.join(dir, item), { recursive: true });
  }
  return dir;
}

/** Builds a copy of the real project with `extraConfig` appended to its
    danhmuc.toml. */
function buildRealSiteWith(name, extraConfig) {
  const dir = copyRealCatalog(name);
  fs.appendFileSync(path.join(dir, "danhmuc.toml"), `\n${extraConfig}\n`);
  return buildSite(dir);
}

/** The real catalog with `[search] sharded = true`, built once. */
let shardedSite = null;
function buildShardedRealSite() {
  if (!shardedSite) shardedSite = buildRealSiteWith("sharded", "[search]\nsharded = true\npositions_apart_above = 10");
  return shardedSite;
}

/** The real catalog with its full table split into pages of 20 rows
    (`[table] page_size`), as a large catalog's is; built once. */
let pagedSite = null;
function buildPagedRealSite() {
  if (!pagedSite) pagedSite = buildRealSiteWith("paged", "[table]\npage_size = 20");
  return pagedSite;
}

/** The search page's script as the build joins it, from
    `scripts/search-js` (which reads the same list of parts as build.rs),
    written once per process to a temporary file. */
const joined = new Map();
function joinParts(args, name) {
  if (!joined.has(name)) {
    const run = spawnSync(path.join(REPO, "scripts", "search-js"), args, { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`scripts/search-js failed:\n${run.stderr}`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "danhmuc-search-js-")), name);
    fs.writeFileSync(file, run.stdout);
    joined.set(name, file);
  }
  return joined.get(name);
}
function searchScriptPath() {
  return joinParts([], "search.js");
}
/** The script that understands queries (theme/search/understand/), which
    search.js loads when a query needs it. */
function understandScriptPath() {
  return joinParts(["--understand"], "search-understand.js");
}

function searchModule() {
  return require(searchScriptPath());
}

/** The search page of `site` opened from disk with `query` ("?q=…"), once
    its script is ready; `page.errors` collects the page's errors. */
async function openSearchPage(browser, site, query = "") {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(fileUrl(site, "tim-kiem/index.html") + query);
  await page.waitForSelector("html.search-ready");
  page.errors = errors;
  return page;
}

async function launchBrowser(extraArgs = []) {
  const { chromium } = require("playwright-core");
  const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} not found: install Debian's chromium (scripts/test does)`);
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", ...extraArgs],
  });
}

/** Serves `site` on 127.0.0.1 under `prefix` (e.g. "/danh-muc/"), as any
    static server would; resolves to { base, close }. */
function serveSite(site, prefix = "/") {
  const http = require("node:http");
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml" };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); return res.end(); }
    let file = path.join(site, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(site)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      res.writeHead(404, { "content-type": types[".html"] });
      return fs.createReadStream(path.join(site, "404.html")).pipe(res);
    }
    const headers = { "content-type": types[path.extname(file)] || "application/octet-stream" };
    // Compress text as every production static server does (nginx gzip on).
    if (/gzip/.test(req.headers["accept-encoding"] || "") && /text|json|xml|svg/.test(headers["content-type"])) {
      res.writeHead(200, { ...headers, "content-encoding": "gzip", vary: "Accept-Encoding" });
      return res.end(require("node:zlib").gzipSync(fs.readFileSync(file)));
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({ base: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => server.close() });
  }));
}

function fileUrl(site, page) {
  return "file://" + path.join(site, page);
}

module.exports = {
  REAL_CATALOG,
  REPO,
  THEME,
  buildPagedRealSite,
  buildRealSite,
  buildRealSiteWith,
  buildShardedRealSite,
  buildSite,
  copyRealCatalog,
  fileLoader,
  fileUrl,
  launchBrowser,
  openSearchPage,
  loadIndex,
  searchModule,
  searchScriptPath,
  searcherOf,
  serveSite,
  understandScriptPath,
};
