//! The two sides `danhmuc diff` compares, from what the user typed. Each
//! side is a declared decision's number (`1234/QĐ-UBND` or `1234`), a git
//! revision (a tag such as `qd-1234-2026`) of the project's repository or
//! a project folder. By default OLD is the version in force (the newest
//! `[[versions]]` with a revision) and NEW the working tree; once the
//! working tree is signed (`[decision]`), OLD is the issued version before
//! it. A declared revision is read from git only, never as a folder.

use crate::config::{Config, VersionConfig};
use crate::diagnostics::{Diagnostic, Report};
use crate::model::Catalog;
use crate::project::Project;
use std::path::Path;

/// The sides found, and how the report names them.
pub struct Sides {
    /// A revision, or a folder when not declared.
    pub old: String,
    /// Whether `old` is a declared version's revision (then never a folder).
    pub old_is_declared: bool,
    /// A revision or a folder (the project's own by default).
    pub new: String,
    /// How the report names OLD and NEW.
    pub labels: (String, String),
    /// No OLD was given and the working tree is signed: the two newest
    /// issued versions are compared.
    pub signed_pair: bool,
    /// The versions `danhmuc.toml` declares (none when it has a mistake).
    pub declared: Vec<VersionConfig>,
}

/// Why the sides could not be found.
pub enum Unresolved {
    /// `danhmuc.toml` has a mistake and OLD was not given.
    Config(Diagnostic),
    /// No declared version has a revision and OLD was not given.
    NoVersionInForce(String),
}

/// The sides for `old` and `new` as typed, in the project at `root` whose
/// configuration is `config`.
pub fn resolve(
    root: &Path,
    config: &Result<Config, Diagnostic>,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<Sides, Unresolved> {
    let versions = config.as_ref().map(|c| c.versions.clone()).map_err(Clone::clone);
    let declared_versions = versions.clone().unwrap_or_default();
    let declared = declared_versions.as_slice();
    // Once signed, the working tree is the version in force: the plain
    // command compares the two newest issued versions.
    let signed = config.as_ref().ok().and_then(|c| c.decision.issued()).map(|issued| issued.number);
    let previous = signed
        .as_deref()
        .and_then(|number| declared.iter().rev().filter(|v| v.number != number).find_map(|v| v.revision.clone()));
    let given = |what: &str| by_number(declared, what).unwrap_or_else(|| what.to_string());
    let (old_side, old_is_declared) = match old {
        Some(old) => (given(old), by_number(declared, old).is_some()),
        None if previous.is_some() => (previous.clone().unwrap_or_default(), true),
        None => match &versions {
            // The configuration has a mistake: a content error, as in `check`.
            Err(problem) => return Err(Unresolved::Config(problem.clone())),
            Ok(versions) => (in_force(versions).map_err(Unresolved::NoVersionInForce)?, true),
        },
    };
    let versions = versions.unwrap_or_default();
    let new_side = new.map_or_else(|| root.display().to_string(), given);
    let working = match (&signed, new) {
        (Some(number), None) => match versions.iter().find(|v| &v.number == number) {
            Some(v) => format!("{} (bản đang sửa, đã ký)", label_of(v)),
            None => format!("{} (bản đang sửa, đã ký)", crate::model::decision_by_number(number)),
        },
        (None, None) => "bản đang sửa".to_string(),
        (_, Some(_)) => label(&versions, &new_side),
    };
    let labels = (label(&versions, &old_side), working);
    Ok(Sides {
        old: old_side,
        old_is_declared,
        new: new_side,
        labels,
        signed_pair: old.is_none() && previous.is_some(),
        declared: versions,
    })
}

/// One side's catalog: a project folder if `what` is one (and
/// `may_be_folder`: given on the command line), else a revision of the
/// repository of `project`; None when it cannot be read or does not
/// validate, with what was found.
pub fn read(project: &Project, what: &str, may_be_folder: bool) -> (Option<Catalog>, Report) {
    let folder = Project::open(Path::new(what));
    if may_be_folder && folder.is_folder(crate::source::CONTENT_DIR) {
        super::catalog_in(&folder)
    } else {
        match super::catalog_at(project, what) {
            Ok(loaded) => loaded,
            Err(problem) => {
                let mut report = Report::default();
                report.push(problem);
                (None, report)
            }
        }
    }
}

/// The revision of the version in force: the newest declared version that
/// has one.
fn in_force(versions: &[VersionConfig]) -> Result<String, String> {
    versions.iter().rev().find_map(|v| v.revision.clone()).ok_or_else(|| {
        "Chưa có phiên bản nào đã ban hành có revision trong danhmuc.toml ([[versions]]): hãy ghi rõ phiên bản cũ, ví dụ `danhmuc diff qd-1234-2026`.".to_string()
    })
}

/// The revision of the declared version whose decision number is `what`:
/// "1234/QĐ-UBND" or its number alone, "1234".
fn by_number(versions: &[VersionConfig], what: &str) -> Option<String> {
    let what = what.trim();
    versions
        .iter()
        .find(|v| v.number == what || v.number.split('/').next() == Some(what))
        .and_then(|v| v.revision.clone())
}

/// A declared version as reports name it: its decision and date.
fn label_of(v: &VersionConfig) -> String {
    v.issued().map_or_else(|| crate::model::decision_by_number(&v.number), |issued| issued.citation())
}

/// How the report names a side: the decision it is, or what was given.
fn label(versions: &[VersionConfig], what: &str) -> String {
    match versions.iter().find(|v| v.revision.as_deref() == Some(what)) {
        Some(v) => format!("{} ({what})", label_of(v)),
        None => what.to_string(),
    }
}
