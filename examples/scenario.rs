//! Writes the catalog's life (`tests/testsuite/scenario/build.rs`): a
//! decision signed and tagged, then the next draft, as a git repository.
//!
//! `cargo run --example scenario -- DIR DANHMUC` writes it into the empty
//! or missing folder DIR, running the `danhmuc` binary at DANHMUC where an
//! editor would. The browser test builds its site from there.

#[path = "../tests/testsuite/scenario/build.rs"]
#[allow(dead_code)] // the tests also take the signed stage alone
mod build;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, danhmuc] = args.as_slice() else {
        eprintln!("usage: scenario DIR DANHMUC");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).unwrap();
    build::write(dir, std::path::Path::new(danhmuc), build::Stage::Draft);
}
