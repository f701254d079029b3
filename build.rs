//! Joins the search page's scripts from their parts: the files listed in
//! `theme/search/parts` into `search.js`, and those in
//! `theme/search/understand/parts` into `search-understand.js`, which
//! `search.js` loads when a query needs it. Each part is a complete script
//! that adds to one object (`DanhmucSearch`); a page opened from disk can
//! only load plain scripts, so the browser gets one plain file of each.
//! The list is the one definition of the join: `scripts/search-js` reads
//! it too, and the Node tests take their script from that.

use std::path::Path;

fn main() {
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    join(Path::new("theme/search"), &out.join("search.js"));
    join(Path::new("theme/search/understand"), &out.join("search-understand.js"));
}

/// Joins the parts `dir/parts` lists (one file name a line; `#` starts a
/// comment line), in that order. Every `.js` file of `dir` must be listed,
/// so that a part cannot be left out by mistake.
fn join(dir: &Path, out: &Path) {
    let list = dir.join("parts");
    println!("cargo:rerun-if-changed={}", list.display());
    println!("cargo:rerun-if-changed={}", dir.display());
    let listed = std::fs::read_to_string(&list).expect("the list of the search script's parts");
    let parts: Vec<&str> =
        listed.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect();
    for item in std::fs::read_dir(dir).expect("the search script's folder") {
        let name = item.expect("a part of the search script").file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".js") && !parts.contains(&name.as_ref()) {
            panic!("{} is not listed in {}", dir.join(name.as_ref()).display(), list.display());
        }
    }
    let mut script = String::new();
    for part in &parts {
        let path = dir.join(part);
        println!("cargo:rerun-if-changed={}", path.display());
        script.push_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
    }
    std::fs::write(out, script).expect("writing the joined search script");
}
