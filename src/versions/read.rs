//! A version's catalog, read and checked: from a git revision (in memory)
//! or from a project folder. Its own room so that the guard of the record
//! can read the signed version without reaching back into `versions`.

use crate::diagnostics::{Diagnostic, Report};
use crate::model::Catalog;
use crate::project::Project;

/// The content of the project as it was at `revision`, read from
/// git (the working tree is not touched) and checked as `check` checks the
/// working tree, in memory. Returns the catalog, or None when it no longer
/// validates, with what was found; an error when the revision cannot be
/// read at all (no git, a shallow clone, no such revision).
pub fn catalog_at(project: &Project, revision: &str) -> Result<(Option<Catalog>, Report), Diagnostic> {
    use crate::source::{CONTENT_DIR, STATIC_DIR};
    let snapshot =
        crate::source::git::files_at(project, revision, &[crate::config::CONFIG_FILE, CONTENT_DIR], &[STATIC_DIR])?;
    // A file refused for its size comes first: it is why the rest fails.
    let mut report: Report = snapshot.refused.into_iter().collect();
    let (project, found) = crate::source::load(&snapshot.project);
    report.extend(found);
    Ok(checked(project, report))
}

/// The catalog of `project`, checked, without its templates and static
/// files (a comparison needs the content only).
pub fn catalog_in(project: &Project) -> (Option<Catalog>, Report) {
    let (project, report) = crate::source::load(project);
    checked(project, report)
}

fn checked(project: crate::source::RawProject, mut report: Report) -> (Option<Catalog>, Report) {
    let (catalog, validation) = crate::validate::validate(&project);
    report.extend(validation);
    let report = report.without_strict_only();
    (catalog.filter(|_| !report.has_errors()).map(|(catalog, _)| catalog), report)
}
