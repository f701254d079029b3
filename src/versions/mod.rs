//! The catalog over time. A version is an issued decision (`[[versions]]`
//! in danhmuc.toml: number, date, and the git revision that holds its
//! content); the working tree is the current one, a draft until
//! `[decision] number/date` are set. This module reads a version's content
//! from the repository's history, compares two catalogs ([`compare`]),
//! reports the changes ([`report`]) and finds the two sides `danhmuc diff`
//! is asked to compare ([`sides`]).

pub mod compare;
mod guard;
mod read;
pub mod report;
pub mod sides;

pub use read::{catalog_at, catalog_in};

use crate::diagnostics::{Diagnostic, Report};
use crate::model::Catalog;
use crate::project::Project;
use std::collections::HashMap;
use std::sync::Arc;

/// What reading a revision gave: its catalog (None when it no longer
/// validates) and what was found, or why it could not be read at all.
pub type Content = Result<(Option<Arc<Catalog>>, Report), Diagnostic>;

/// Each revision's content, read and checked on every core.
fn read_contents(project: &Project, revisions: &[&str]) -> Vec<Arc<Content>> {
    use rayon::prelude::*;
    revisions
        .par_iter()
        .map(|revision| Arc::new(catalog_at(project, revision).map(|(catalog, found)| (catalog.map(Arc::new), found))))
        .collect()
}

/// The versions' contents as read during one `serve` session, by
/// revision and the commit it named when it was read: a save reads no
/// version again, and a tag moved or added (or `danhmuc.toml` naming
/// other revisions) is read anew. Which commit each revision names is
/// asked of git on every rebuild, in one `git cat-file --batch-check`.
#[derive(Default)]
pub struct ReadVersions {
    read: std::sync::Mutex<HashMap<(String, String), Arc<Content>>>,
}

impl ReadVersions {
    fn contents(&self, project: &Project, revisions: &[&str]) -> Vec<Arc<Content>> {
        // A revision git cannot resolve is read again each time, so that
        // its error is the full one (a shallow clone, no such name).
        let commits = crate::source::git::commits(project, revisions);
        let mut read = self.read.lock().expect("versions read");
        let keys: Vec<Option<(String, String)>> = revisions
            .iter()
            .zip(&commits)
            .map(|(revision, commit)| commit.clone().map(|c| (revision.to_string(), c)))
            .collect();
        let missing: Vec<&str> = revisions
            .iter()
            .zip(&keys)
            .filter(|(_, key)| key.as_ref().is_none_or(|key| !read.contains_key(key)))
            .map(|(revision, _)| *revision)
            .collect();
        let mut fresh = read_contents(project, &missing).into_iter();
        let contents = keys
            .iter()
            .map(|key| match key.as_ref().and_then(|key| read.get(key)) {
                Some(content) => content.clone(),
                None => fresh.next().expect("one content per revision read"),
            })
            .collect();
        // Only what the declarations name now is kept.
        read.retain(|key, _| keys.iter().flatten().any(|k| k == key));
        for (key, content) in keys.iter().zip(&contents) {
            if let Some(key) = key {
                read.entry(key.clone()).or_insert_with(|| Arc::clone(content));
            }
        }
        contents
    }
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
            Status::InForce => "Còn hiệu lực",
            Status::Replaced => "Hết hiệu lực",
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
    /// Its content, for a version read from history, and for the working
    /// tree when it is a draft pending beside an issued version with
    /// content (see [`History::pending_draft`]); None for the working tree
    /// otherwise, for a version declared without content, and for one
    /// whose content no longer validates (reported).
    pub catalog: Option<Arc<Catalog>>,
    /// How many entries it has, when its content is known.
    pub entries: Option<usize>,
    /// What it changed from the version before it whose content is known.
    pub changes: Option<compare::Changes>,
}

impl Version {
    /// Its decision's number and date; None for a draft.
    pub fn issued(&self) -> Option<crate::model::Issued> {
        crate::model::Issued::of(self.number.as_deref(), self.date)
    }

    /// "Quyết định số 2609/QĐ-UBND ngày 17/9/2024", or "Dự thảo": the
    /// version in lists, tables, links and the feed.
    pub fn title(&self) -> String {
        crate::model::version_title(self.issued().as_ref())
    }

    /// "Quyết định số 2609/QĐ-UBND ngày 17 tháng 9 năm 2024", or "Dự thảo":
    /// the version at the head of its own page.
    pub fn heading(&self) -> String {
        crate::model::version_heading(self.issued().as_ref())
    }

    pub fn url(&self) -> String {
        crate::urls::version_page(&self.slug)
    }
}

/// Every version, oldest first; the last is the working tree.
#[derive(Debug, Default)]
pub struct Versions {
    pub list: Vec<Version>,
}

impl Versions {
    /// The declared versions of `config` and the working tree (`current`),
    /// each older version's content read from git. A version whose content
    /// no longer validates is a warning (it stays on the versions page
    /// without its content); a version that cannot be read at all (no git,
    /// a shallow clone, a revision missing) is an error.
    pub fn load(project: &Project, config: &crate::config::Config, current: &Catalog, report: &mut Report) -> Versions {
        Versions::load_with(project, config, current, report, None)
    }

    /// [`History::load`], taking each version's content from `read` where
    /// it was read before at the same commit (`serve`, between saves).
    pub fn load_with(
        project: &Project,
        config: &crate::config::Config,
        current: &Catalog,
        report: &mut Report,
        read: Option<&ReadVersions>,
    ) -> Versions {
        // Signed once `[decision] number` and `date` are set.
        let signed = current.issued().cloned();
        let mut versions: Vec<Version> = Vec::new();
        // The working tree may be the newest declared decision itself.
        let declared: Vec<_> =
            config.versions.iter().filter(|d| signed.as_ref().is_none_or(|issued| issued.number != d.number)).collect();
        let revisions: Vec<&str> = declared.iter().filter_map(|d| d.revision.as_deref()).collect();
        let mut contents = match read {
            Some(read) => read.contents(project, &revisions),
            None => read_contents(project, &revisions),
        }
        .into_iter();
        for declared in declared {
            let date = crate::model::IsoDate::parse(&declared.date);
            // Only a version with a revision takes a content: one declared
            // by number and date alone (2609/QĐ-UBND) must not take the
            // content of the version after it.
            let read = declared.revision.as_deref().and_then(|r| Some((r, (*contents.next()?).clone())));
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
                                "Nội dung của Quyết định {} (phiên bản “{revision}”) không còn hợp lệ{place}: trang của phiên bản này không có toàn bộ Danh mục theo Quyết định đó.",
                                declared.number
                            ),
                        )
                        .hint("Thẻ của một Quyết định đã ban hành giữ nội dung đúng như khi ban hành, nên giữ nguyên thẻ và nội dung ấy. Trang phiên bản vẫn ghi số và ngày của Quyết định; muốn bỏ cảnh báo này thì xóa dòng revision của phiên bản trong danhmuc.toml."),
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
        let (number, date) = signed.map_or((None, None), |issued| (Some(issued.number), Some(issued.date)));
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
        // A draft has no legal force: while the version in force has
        // content, the draft is published beside it as a proposal, and
        // keeps its own content for that.
        let in_force_has_content = versions.iter().any(|v| v.status == Status::InForce && v.catalog.is_some());
        if let Some(draft) = versions.last_mut().filter(|v| v.status == Status::Draft && in_force_has_content) {
            draft.catalog = Some(Arc::new(current.clone()));
        }
        let before_current = versions
            .iter()
            .rev()
            .find(|v| v.status == Status::InForce && !v.current)
            .and_then(|v| v.number.as_deref().map(|number| (number, v.catalog.as_deref())));
        guard::guard(project, config, current, before_current, report);
        // Each version's changes from the one before it with content.
        let mut previous: Option<usize> = None;
        for i in 0..versions.len() {
            let this = if versions[i].current { Some(current) } else { versions[i].catalog.as_deref() };
            let Some(this) = this else { continue };
            if let Some(p) = previous {
                let before = versions[p].catalog.as_deref().expect("an older version with content");
                versions[i].changes = Some(compare::compare(before, this));
            }
            previous = Some(i);
        }
        Versions { list: versions }
    }

    /// The working tree's changes made anew after one of its entries
    /// changed (the live preview's fast path), against the version
    /// [`History::load`] compares it with; returns what they were.
    pub fn refresh_current(&mut self, current: &Catalog) -> Option<compare::Changes> {
        let (last, older) = self.list.split_last_mut()?;
        let before = older.iter().rev().find_map(|v| v.catalog.as_deref())?;
        last.changes.replace(compare::compare(before, current))
    }

    /// Whether there is anything to show beyond the working tree.
    pub fn is_empty(&self) -> bool {
        self.list.len() <= 1
    }

    pub fn current(&self) -> Option<&Version> {
        self.list.last()
    }

    /// The version in force (the newest issued decision), if any.
    pub fn in_force(&self) -> Option<&Version> {
        self.list.iter().find(|v| v.status == Status::InForce)
    }

    /// The catalog in force when it is not the working tree: the newest
    /// issued version, read from git, while the working tree is a draft.
    /// Pages, search and data describe it; None when the working tree is
    /// the catalog to publish (signed, or a draft with nothing in force
    /// whose content is known).
    pub fn in_force_catalog(&self) -> Option<&Catalog> {
        self.pending_draft()?;
        self.in_force()?.catalog.as_deref()
    }

    /// The draft pending beside the catalog in force: the working tree,
    /// published as a proposal only (its own page and data).
    pub fn pending_draft(&self) -> Option<&Catalog> {
        self.current().filter(|v| v.status == Status::Draft)?.catalog.as_deref()
    }
}
