//! danhmuc turns a catalog of shared databases (one Markdown file per
//! database) into a static website and open data.
//!
//! The pipeline is explicit: [`source::load`] reads the project,
//! [`validate::validate`] turns it into a [`model::Catalog`] or diagnostics,
//! [`site::build_into`] renders pages and exports into an [`output::Sink`]:
//! an [`output::Staging`] folder that is published atomically when the build
//! is complete (`build`), or [`output::SiteFiles`] in memory (`serve`).
//! The versions declared in `danhmuc.toml` are read from git's objects by
//! [`source`] and compared by [`versions`]; the site shows each of them.

pub mod chars;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content_links;
pub mod diagnostics;
pub mod export;
pub mod json;
pub mod markdown;
pub mod model;
pub mod output;
pub mod preview;
pub mod project;
pub mod render;
pub mod schema;
pub mod search;
pub mod site;
pub mod source;
pub mod text;
pub mod urls;
pub mod validate;
pub mod versions;

/// A deterministic stream of pseudo-random numbers (xorshift64) for the
/// tests that stand in for the fuzz targets in CI.
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

/// One to six random edits of `bytes` (cut, overwrite, insert one of
/// `pieces`, repeat a tail, delete a run), for the same tests.
#[cfg(test)]
pub(crate) fn mutate(bytes: &mut Vec<u8>, next: &mut impl FnMut() -> u64, pieces: &[&[u8]]) {
    for _ in 0..(next() % 6 + 1) {
        let at = (next() as usize) % (bytes.len() + 1);
        match next() % 5 {
            0 => bytes.truncate(at),
            1 if at < bytes.len() => bytes[at] = next() as u8,
            2 => bytes.splice(at..at, pieces[(next() as usize) % pieces.len()].iter().copied()).for_each(drop),
            3 => {
                let copy = bytes[at..].to_vec();
                bytes.extend(copy);
            }
            _ => {
                let end = (at + (next() as usize) % 40).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
}

/// Process exit codes, documented in README.md.
pub mod exit {
    /// Success (warnings allowed).
    pub const OK: u8 = 0;
    /// The content has errors (or warnings under `--strict`); nothing was published.
    pub const CONTENT_ERRORS: u8 = 1;
    /// Wrong command-line usage, or an I/O failure unrelated to the content.
    pub const FAILURE: u8 = 2;
}
