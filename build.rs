//! Joins the search page's scripts from their parts, in file-name order:
//! `src/search/js/*.js` into `search.js`, and `src/search/js/understand/*.js`
//! into `search-understand.js`, which `search.js` loads when a query needs
//! it. A page opened from disk can only load plain scripts, so the browser
//! gets plain files; people read and change them by concern.
//! `tests/js/helpers.js` joins the parts the same way for the Node tests.

use std::path::Path;

fn main() {
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    join(Path::new("src/search/js"), &out.join("search.js"));
    join(Path::new("src/search/js/understand"), &out.join("search-understand.js"));
}

/// Joins the `.js` files of `dir` (not its folders), in file-name order.
fn join(dir: &Path, out: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut parts: Vec<_> = std::fs::read_dir(dir)
        .expect("the search script's folder")
        .map(|item| item.expect("a part of the search script").path())
        .filter(|path| path.extension().is_some_and(|e| e == "js"))
        .collect();
    parts.sort();
    let mut script = String::new();
    for part in &parts {
        println!("cargo:rerun-if-changed={}", part.display());
        script.push_str(&std::fs::read_to_string(part).expect("a part of the search script"));
    }
    std::fs::write(out, script).expect("writing the joined search script");
}
