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
/// git (the working tree is not touched) and checked as `check` checks the
/// working tree, in memory. Returns the catalog, or None when it no longer
/// validates, with what was found; an error when the revision cannot be
/// read at all (no git, a shallow clone, no such revision).
pub fn catalog_at(root: &Path, revision: &str) -> Result<(Option<Catalog>, Report), Diagnostic> {
    use crate::source::{CONTENT_DIR, STATIC_DIR};
    let snapshot =
        crate::source::git::files_at(root, revision, &[crate::config::CONFIG_FILE, CONTENT_DIR], &[STATIC_DIR])?;
    // A file refused for its size comes first: it is why the rest fails.
    let mut report: Report = snapshot.refused.into_iter().collect();
    let (project, found) = crate::source::load_files(snapshot.files, snapshot.listed);
    report.extend(found);
    Ok(checked(project, report))
}

/// The catalog of the project folder `root`, checked, without its
/// templates and static files (a comparison needs the content only).
pub fn catalog_in(root: &Path) -> (Option<Catalog>, Report) {
    let (project, report) = crate::source::load(root);
    checked(project, report)
}

fn checked(project: crate::source::RawProject, mut report: Report) -> (Option<Catalog>, Report) {
    let (catalog, validation) = crate::validate::validate(&project);
    report.extend(validation);
    let report = report.without_strict_only();
    (catalog.filter(|_| !report.has_errors()).map(|(catalog, _)| catalog), report)
}

/// Where a version stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The newest issued decision.
    InForce,
    /// An issued decision a later one replaced.
    Replaced,
    /// The working tree, before its decision is signed.
    Draft,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::InForce => "Đang có hiệu lực",
            Status::Replaced => "Đã được thay thế",
            Status::Draft => "Dự thảo",
        }
    }
}

/// One version of the catalog.
#[derive(Debug)]
pub struct Version {
    /// The decision's number; None for a draft.
    pub number: Option<String>,
    pub date: Option<crate::model::IsoDate>,
    pub revision: Option<String>,
    pub status: Status,
    /// Its page's folder under `phien-ban/`.
    pub slug: String,
    /// Whether it is the working tree (its catalog is the site's own).
    pub current: bool,
    /// Its content, for a version read from history; None for the current
    /// one, for a version declared without content, and for one whose
    /// content no longer validates (reported).
    pub catalog: Option<Catalog>,
    /// How many entries it has, when its content is known.
    pub entries: Option<usize>,
    /// What it changed from the version before it whose content is known.
    pub changes: Option<diff::Changes>,
}

impl Version {
    /// "Quyết định số 2609/QĐ-UBND ngày 17/9/2024", or "Dự thảo": the
    /// version in lists, tables, links and the feed.
    pub fn title(&self) -> String {
        match (&self.number, self.date) {
            (Some(number), Some(date)) => crate::model::cite_decision(number, date),
            _ => "Dự thảo".to_string(),
        }
    }

    /// "Quyết định số 2609/QĐ-UBND ngày 17 tháng 9 năm 2024", or "Dự thảo":
    /// the version at the head of its own page.
    pub fn heading(&self) -> String {
        match (&self.number, self.date) {
            (Some(number), Some(date)) => crate::model::name_decision(number, date),
            _ => "Dự thảo".to_string(),
        }
    }

    pub fn url(&self) -> String {
        crate::urls::version_page(&self.slug)
    }
}

/// Every version, oldest first; the last is the working tree.
#[derive(Debug, Default)]
pub struct History {
    pub versions: Vec<Version>,
}

impl History {
    /// The declared versions of `config` and the working tree (`current`),
    /// each older version's content read from git. A version whose content
    /// no longer validates is a warning (it stays on the versions page
    /// without its content); a history that cannot be read at all (no git,
    /// a shallow clone, a revision missing) is an error.
    pub fn load(root: &Path, config: &crate::config::Config, current: &Catalog, report: &mut Report) -> History {
        // Signed once `[decision] number` and `date` are set.
        let signed =
            config.decision.number.clone().zip(config.decision.date.as_deref().and_then(crate::model::IsoDate::parse));
        let mut versions: Vec<Version> = Vec::new();
        // The working tree may be the newest declared decision itself.
        let declared: Vec<_> =
            config.versions.iter().filter(|d| signed.as_ref().is_none_or(|(number, _)| *number != d.number)).collect();
        // Each version's content is read and checked on every core.
        use rayon::prelude::*;
        let read: Vec<_> = declared
            .par_iter()
            .map(|d| d.revision.as_deref().map(|revision| (revision, catalog_at(root, revision))))
            .collect();
        for (declared, read) in declared.into_iter().zip(read) {
            let date = crate::model::IsoDate::parse(&declared.date);
            let catalog = read.and_then(|(revision, read)| match read {
                Ok((Some(catalog), _)) => Some(catalog),
                Ok((None, found)) => {
                    let first = found.diagnostics().iter().find(|d| d.severity == crate::diagnostics::Severity::Error);
                    let place = first.map_or(String::new(), |d| format!(" ({}: {})", d.file.display(), d.message));
                    report.push(
                        Diagnostic::warning(
                            crate::diagnostics::Code::History,
                            crate::config::CONFIG_FILE,
                            format!(
                                "Nội dung của Quyết định {} (phiên bản “{revision}”) không còn hợp lệ{place}: trang phiên bản không có toàn bộ danh mục của nó.",
                                declared.number
                            ),
                        )
                        .hint("Sửa lỗi trên một nhánh từ thẻ đó rồi gắn lại thẻ, hoặc bỏ revision của phiên bản này."),
                    );
                    None
                }
                Err(problem) => {
                    report.push(problem);
                    None
                }
            });
            versions.push(Version {
                number: Some(declared.number.clone()),
                date,
                revision: declared.revision.clone(),
                status: Status::Replaced,
                slug: crate::text::slugify(&declared.number),
                current: false,
                entries: catalog.as_ref().map(|c| c.entries().len()),
                catalog,
                changes: None,
            });
        }
        let (number, date) = signed.map_or((None, None), |(n, d)| (Some(n), Some(d)));
        let slug = number.as_deref().map_or_else(|| "du-thao".to_string(), crate::text::slugify);
        versions.push(Version {
            status: if number.is_some() { Status::InForce } else { Status::Draft },
            number,
            date,
            revision: None,
            slug,
            current: true,
            catalog: None,
            entries: Some(current.entries().len()),
            changes: None,
        });
        // The newest issued decision is in force.
        if let Some(newest) = versions.iter_mut().rev().find(|v| v.status != Status::Draft) {
            newest.status = Status::InForce;
        }
        // Each version's changes from the one before it with content.
        let mut previous: Option<usize> = None;
        for i in 0..versions.len() {
            let this = if versions[i].current { Some(current) } else { versions[i].catalog.as_ref() };
            let Some(this) = this else { continue };
            if let Some(p) = previous {
                let before = versions[p].catalog.as_ref().expect("an older version with content");
                versions[i].changes = Some(diff::compare(before, this));
            }
            previous = Some(i);
        }
        History { versions }
    }

    /// Whether there is anything to show beyond the working tree.
    pub fn is_empty(&self) -> bool {
        self.versions.len() <= 1
    }

    pub fn current(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// The version in force (the newest issued decision), if any.
    pub fn in_force(&self) -> Option<&Version> {
        self.versions.iter().find(|v| v.status == Status::InForce)
    }
}
