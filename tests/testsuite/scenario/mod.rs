//! The catalog's life checked end to end, as readers and editors meet it:
//! the repository of [`build`] (a decision signed and tagged, then the
//! next draft) built into a site, every kind of page, every data file,
//! `danhmuc diff` in every format, and both Word documents as LibreOffice
//! prints them.

pub mod build;
mod data;
mod diff;
mod pages;
mod printed;

use crate::common::Project;
use build::Stage;

/// The catalog's repository at `stage`, in a temporary folder.
pub fn at(stage: Stage) -> Project {
    let dir = tempfile::tempdir().unwrap();
    build::write(dir.path(), std::path::Path::new(env!("CARGO_BIN_EXE_danhmuc")), stage);
    Project { dir }
}

/// The catalog with 1234/QĐ-UBND in force and the next draft pending,
/// built into `site/`.
pub fn scenario() -> Project {
    let project = at(Stage::Draft);
    project.build();
    project
}

/// The text a reader sees of an HTML page: scripts left out, tags as
/// spaces, runs of white space as one.
pub fn visible(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        text.push_str(&rest[..start]);
        rest = rest[start..].find("</script>").map_or("", |end| &rest[start + end + "</script>".len()..]);
    }
    text.push_str(rest);
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}
