//! Joins the search page's script from its parts (`src/search/js/*.js`, in
//! file-name order) into the one plain script the site publishes. A page
//! opened from disk can only load plain scripts, so the browser gets one
//! file; people read and change it by concern. `tests/js/helpers.js` joins
//! the parts the same way for the Node tests.

use std::path::Path;

fn main() {
    let dir = Path::new("src/search/js");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut parts: Vec<_> = std::fs::read_dir(dir)
        .expect("src/search/js")
        .map(|item| item.expect("a part of the search script").path())
        .filter(|path| path.extension().is_some_and(|e| e == "js"))
        .collect();
    parts.sort();
    let mut script = String::new();
    for part in &parts {
        println!("cargo:rerun-if-changed={}", part.display());
        script.push_str(&std::fs::read_to_string(part).expect("a part of the search script"));
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("search.js");
    std::fs::write(out, script).expect("writing the joined search script");
}
