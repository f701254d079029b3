//! What the site says of an entry's changes: its history, line by line,
//! and word-level differences as HTML. Used by the entry pages and the
//! version pages.

use crate::model::Catalog;
use crate::versions::compare::{Piece, word_diff};
use crate::versions::{Status, Versions};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Serialize, Clone)]
pub struct FieldView {
    pub label: &'static str,
    /// The word-level difference as HTML: <del> and <ins>, each also said
    /// in words for screen readers and print.
    pub html: String,
}

/// `before` → `after` as HTML, words removed in <del> and added in <ins>.
pub fn diff_html(before: &str, after: &str) -> String {
    let mut html = String::new();
    for (piece, text) in word_diff(before, after) {
        let core = text.trim();
        let (lead, trail) = (&text[..text.len() - text.trim_start().len()], &text[text.trim_end().len()..]);
        html.push_str(lead);
        match piece {
            Piece::Same => html.push_str(&crate::text::escape_xml(core)),
            Piece::Removed => html.push_str(&format!(
                "<del><span class=\"change-word\">[bỏ: </span>{}<span class=\"change-word\">]</span></del>",
                crate::text::escape_xml(core)
            )),
            Piece::Added => html.push_str(&format!(
                "<ins><span class=\"change-word\">[thêm: </span>{}<span class=\"change-word\">]</span></ins>",
                crate::text::escape_xml(core)
            )),
        }
        html.push_str(trail);
    }
    html
}

/// A changed field as HTML. A field naming declarations (a sector, the
/// agencies: those with codes in the field table) is names: the whole
/// name removed, the whole new one added ("[bỏ: Ban Quản lý …] [thêm:
/// Sở Tài chính]"), never word by word; each agency of a list once.
pub fn field_html(field: &crate::versions::compare::FieldChange) -> String {
    let (before, after) = (field.before.as_str(), field.after.as_str());
    match field.field.code_column {
        Some(_) => {
            let names = |text: &str| -> Vec<String> {
                text.split("; ").filter(|n| !n.is_empty()).map(str::to_string).collect()
            };
            let (old, new) = (names(before), names(after));
            let mut html = Vec::new();
            for name in &new {
                if old.contains(name) {
                    html.push(crate::text::escape_xml(name).to_string());
                }
            }
            for name in old.iter().filter(|n| !new.contains(n)) {
                html.push(format!(
                    "<del><span class=\"change-word\">[bỏ: </span>{}<span class=\"change-word\">]</span></del>",
                    crate::text::escape_xml(name)
                ));
            }
            for name in new.iter().filter(|n| !old.contains(n)) {
                html.push(format!(
                    "<ins><span class=\"change-word\">[thêm: </span>{}<span class=\"change-word\">]</span></ins>",
                    crate::text::escape_xml(name)
                ));
            }
            html.join("; ")
        }
        None => diff_html(before, after),
    }
}

/// A line of an entry's history: a version it is in, and what that
/// version did to it.
#[derive(Serialize, Clone)]
pub struct HistoryLine {
    pub version: String,
    pub url: String,
    pub status: &'static str,
    pub what: String,
    /// What each field it changed was and became, word by word; for an
    /// issued decision (a draft's proposal is in the box above the entry).
    pub fields: Vec<FieldView>,
}

/// Each current entry's history (by slug), oldest version first, and the
/// fields the draft changes in it compared with the version in force.
pub fn entry_histories(versions: &Versions, current: &Catalog) -> HashMap<String, Vec<HistoryLine>> {
    let mut lines: HashMap<String, Vec<HistoryLine>> = HashMap::new();
    if versions.is_empty() {
        return lines;
    }
    // An entry's slugs through its renames: its slug in each version.
    let mut known: Vec<HashSet<String>> = Vec::new();
    for version in &versions.list {
        // A pending draft has its own content; otherwise the working tree
        // is the site's catalog.
        let slugs: HashSet<String> = match (&version.catalog, version.current) {
            (Some(catalog), _) => catalog.entries().iter().map(|e| e.slug.to_string()).collect(),
            (None, true) => current.entries().iter().map(|e| e.slug.to_string()).collect(),
            _ => HashSet::new(),
        };
        known.push(slugs);
    }
    for entry in current.entries() {
        let mut slug = entry.slug.to_string();
        let mut own = Vec::new();
        for i in (0..versions.list.len()).rev() {
            let version = &versions.list[i];
            if !known[i].contains(&slug) {
                // An entry in force that the pending draft removes or renames.
                let proposed = version.changes.as_ref().filter(|_| version.status == Status::Draft).and_then(|c| {
                    if c.removed.iter().any(|e| e.slug == slug) {
                        Some("Đề xuất đưa ra khỏi Danh mục".to_string())
                    } else {
                        c.renamed
                            .iter()
                            .find(|r| r.from.slug == slug)
                            .map(|r| format!("Đề xuất đổi tên thành “{}”", r.to.title))
                    }
                });
                if let Some(what) = proposed {
                    own.push(HistoryLine {
                        version: version.title(),
                        url: version.url(),
                        status: version.status.name(),
                        what,
                        fields: Vec::new(),
                    });
                }
                continue;
            }
            let mut shown = Vec::new();
            let what = match &version.changes {
                Some(changes) if changes.added.iter().any(|e| e.slug == slug) => match version.status {
                    Status::Draft => "Đề xuất bổ sung vào Danh mục".to_string(),
                    _ => "Bổ sung vào Danh mục".to_string(),
                },
                Some(changes) => {
                    let renamed = changes.renamed.iter().find(|r| r.to.slug == slug);
                    let changed = changes.changed.iter().find(|c| c.entry.slug == slug);
                    let fields: Vec<&str> =
                        changed.map(|c| c.fields.iter().map(|f| f.field.label).collect()).unwrap_or_default();
                    if version.status != Status::Draft {
                        shown = changed
                            .map(|c| {
                                c.fields
                                    .iter()
                                    .map(|f| FieldView { label: f.field.label, html: field_html(f) })
                                    .collect()
                            })
                            .unwrap_or_default();
                    }
                    let mut parts = Vec::new();
                    if let Some(r) = renamed {
                        parts.push(format!("đổi tên từ “{}”", r.from.title));
                    }
                    if !fields.is_empty() {
                        parts.push(format!("sửa đổi {}", fields.join(", ")));
                    }
                    if let Some(r) = renamed {
                        slug = r.from.slug.clone();
                    }
                    if parts.is_empty() {
                        "Không thay đổi".to_string()
                    } else if version.status == Status::Draft {
                        // A draft proposes; it changes nothing yet.
                        format!("Đề xuất {}", parts.join("; "))
                    } else {
                        crate::text::capitalize(&parts.join("; "))
                    }
                }
                None if version.status == Status::Draft => "Có trong dự thảo Danh mục".to_string(),
                None => "Có trong Danh mục".to_string(),
            };
            own.push(HistoryLine {
                version: version.title(),
                url: version.url(),
                status: version.status.name(),
                what,
                fields: shown,
            });
        }
        own.reverse();
        lines.insert(entry.slug.to_string(), own);
    }
    lines
}

/// What a pending draft proposes for an entry of the catalog in force.
#[derive(Serialize)]
pub struct DraftProposal {
    /// `changed`, `removed` or `added`.
    pub kind: &'static str,
    /// Its new name, when the draft renames it.
    pub renamed_to: Option<String>,
    /// Each field the draft changes, with its word-level difference.
    pub fields: Vec<FieldView>,
}

/// What the draft proposes for the entry `slug` compared with the version
/// in force: a change (its fields, word by word), a new name, or its
/// removal; None when the draft leaves it as it is.
pub fn draft_changes(versions: &Versions, slug: &str) -> Option<DraftProposal> {
    let current = versions.current().filter(|v| v.status == Status::Draft)?;
    let changes = current.changes.as_ref()?;
    if changes.removed.iter().any(|e| e.slug == slug) {
        return Some(DraftProposal { kind: "removed", renamed_to: None, fields: Vec::new() });
    }
    let renamed = changes.renamed.iter().find(|r| r.from.slug == slug);
    let now = renamed.map_or(slug, |r| r.to.slug.as_str());
    let fields: Vec<FieldView> = changes
        .changed
        .iter()
        .find(|c| c.entry.slug == now)
        .map(|c| c.fields.iter().map(|f| FieldView { label: f.field.label, html: field_html(f) }).collect())
        .unwrap_or_default();
    if fields.is_empty() && renamed.is_none() {
        return None;
    }
    Some(DraftProposal { kind: "changed", renamed_to: renamed.map(|r| r.to.title.clone()), fields })
}

/// What the draft changes compared with the version in force, in counts,
/// for the home page; None when the catalog is not a draft or nothing is
/// in force.
#[derive(Serialize)]
pub struct DraftSummary {
    in_force: String,
    url: String,
    /// What the draft proposes, in the decisions' words.
    summary: String,
}

pub fn draft_summary(versions: &Versions) -> Option<DraftSummary> {
    let current = versions.current().filter(|v| v.status == Status::Draft)?;
    let changes = current.changes.as_ref()?;
    Some(DraftSummary { in_force: versions.in_force()?.title(), url: current.url(), summary: changes.summary() })
}

/// The decision in force as the home page names it: its citation, the
/// decision it replaced, and what it changed when the content of both is
/// known.
#[derive(Serialize)]
pub struct InForceNote {
    title: String,
    url: String,
    /// The decision it replaced, the newest one before it.
    replaces: Option<String>,
    replaces_url: Option<String>,
    /// What it changed from the version before it with content.
    summary: Option<String>,
}

pub fn in_force_note(versions: &Versions) -> Option<InForceNote> {
    let index = versions.list.iter().position(|v| v.status == Status::InForce)?;
    let version = &versions.list[index];
    let replaced = versions.list[..index].iter().rev().find(|v| v.status == Status::Replaced);
    Some(InForceNote {
        title: version.title(),
        url: version.url(),
        replaces: replaced.map(|v| v.title()),
        replaces_url: replaced.map(|v| v.url()),
        summary: version.changes.as_ref().map(|c| c.summary()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fields;
    use crate::versions::compare::FieldChange;

    /// Guards against a change of lead agency shown word by word ("[bỏ:
    /// Ban][thêm: Sở] [bỏ: Quản][thêm: Tài] …"): one name replaces another.
    #[test]
    fn an_agency_replaced_is_one_name_replacing_another() {
        let change = |field| FieldChange {
            field,
            before: "Ban Quản lý dự án; Sở Thử".into(),
            after: "Sở Thử; Sở Tài chính".into(),
        };
        let html = field_html(&change(fields::AGENCIES));
        assert_eq!(
            html,
            "Sở Thử; <del><span class=\"change-word\">[bỏ: </span>Ban Quản lý dự án<span class=\"change-word\">]</span></del>; <ins><span class=\"change-word\">[thêm: </span>Sở Tài chính<span class=\"change-word\">]</span></ins>"
        );
        assert_eq!(field_html(&change(fields::SECTOR)), html, "a sector is one name too");
        assert_ne!(field_html(&change(fields::PURPOSE)), html, "text fields stay word by word");
    }
}
