//! The catalog over time. A version is an issued decision (`[[versions]]`
//! in danhmuc.toml: number, date, and the git revision that holds its
//! content); the working tree is the current one, a draft until
//! `[decision] number/date` are set. This module reads a version's content
//! from the repository's history and compares two catalogs ([`diff`]).

pub mod diff;

use crate::diagnostics::{Diagnostic, Report};
use crate::model::Catalog;
use std::path::Path;

/// The content of the project at `root` as it was at `revision`, read from
/// git (the working tree is not touched) into a temporary folder and
/// checked as `check` checks the working tree. Returns the catalog, or
/// None when it no longer validates, with what was found; an error when
/// the revision cannot be read at all (no git, a shallow clone, no such
/// revision).
pub fn catalog_at(root: &Path, revision: &str) -> Result<(Option<Catalog>, Report), Diagnostic> {
    let files =
        crate::source::git::files_at(root, revision, &[crate::config::CONFIG_FILE, crate::source::CONTENT_DIR])?;
    let folder = tempfile::Builder::new().prefix("danhmuc-version-").tempdir().map_err(|e| {
        Diagnostic::error(
            crate::diagnostics::Code::History,
            crate::config::CONFIG_FILE,
            format!("Không tạo được thư mục tạm: {}.", crate::diagnostics::io_message(&e)),
        )
    })?;
    for (path, bytes) in files {
        let target = folder.path().join(&path);
        let written =
            target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&target, bytes));
        if let Err(e) = written {
            return Err(Diagnostic::error(
                crate::diagnostics::Code::History,
                path,
                format!("Không ghi được tệp của phiên bản “{revision}”: {}.", crate::diagnostics::io_message(&e)),
            ));
        }
    }
    Ok(catalog_in(folder.path()))
}

/// The catalog of the project folder `root`, checked, without its
/// templates and static files (a comparison needs the content only).
pub fn catalog_in(root: &Path) -> (Option<Catalog>, Report) {
    let (project, mut report) = crate::source::load(root);
    let (catalog, validation) = crate::validate::validate(&project);
    report.extend(validation);
    let report = report.without_strict_only();
    (catalog.filter(|_| !report.has_errors()).map(|(catalog, _)| catalog), report)
}
