//! The catalog over time on the site: `phien-ban/` (every version, its
//! status and what it changed), a page per version (its changes, and its
//! full table as it stood), each entry's history, and a page at the address
//! of every entry a later version removed or renamed, so that no link to
//! an entry that ever existed breaks.

use super::changes::FieldView;
use super::pages::{Crumb, PageBuilder};
use crate::diagnostics::Diagnostic;
use crate::model::{Catalog, Entry};
use crate::output::Sink;
use crate::versions::compare::{Changes, EntryRef};
use crate::versions::{Status, Version, Versions};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Serialize)]
pub struct VersionView {
    pub title: String,
    /// The title with its date written out, for the version's own page.
    pub heading: String,
    pub url: String,
    pub status: &'static str,
    pub status_key: Status,
    pub current: bool,
    /// A draft pending beside the catalog in force: not what the pages show.
    pub pending: bool,
    pub entries: Option<usize>,
    pub has_content: bool,
    /// Declared with a revision whose content no longer validates.
    pub unreadable: bool,
    pub added: usize,
    pub removed: usize,
    pub renamed: usize,
    pub changed: usize,
    pub compared_with: Option<String>,
    /// What it changed in the decisions' words, counts of zero left out.
    pub summary: String,
    pub summary_capitalized: String,
    /// The issued decision that replaced it, for a replaced one.
    pub replaced_by: Option<VersionLink>,
    /// The day it took effect, "08/01/2027" (a decision here takes effect
    /// on the day it is signed); None for a draft.
    pub in_force_from: Option<String>,
    /// The day the decision that replaced it took effect.
    pub in_force_until: Option<String>,
    /// Its decision's text on the site, for the version the pages show.
    pub decision_url: Option<&'static str>,
    /// Its decision as a Word document: the version the pages show, and a
    /// pending draft (the document to sign).
    pub document_url: Option<&'static str>,
}

/// Where a version's decision is published: its page and its document.
#[derive(Clone, Copy, Default)]
struct Published {
    decision_url: Option<&'static str>,
    document_url: Option<&'static str>,
}

/// The decisions the site publishes, by version: the decision of the
/// catalog the pages show, at `quyet-dinh/`, and a pending draft's
/// document beside it.
fn published(pages: &PageBuilder, versions: &Versions) -> Vec<Published> {
    let mut published = vec![Published::default(); versions.list.len()];
    let shown = match versions.in_force_catalog() {
        Some(_) => versions.list.iter().position(|v| v.status == Status::InForce),
        None => versions.list.len().checked_sub(1),
    };
    if let Some(shown) = shown.filter(|_| pages.catalog().decision().is_some()) {
        published[shown] =
            Published { decision_url: Some(crate::urls::DECISION), document_url: Some(crate::urls::DECISION_DOCX) };
    }
    if versions.pending_draft().is_some_and(|draft| draft.decision().is_some()) {
        published[versions.list.len() - 1].document_url = Some(crate::urls::DRAFT_DECISION_DOCX);
    }
    published
}

fn view(versions: &Versions, index: usize, published: Published) -> VersionView {
    let v = &versions.list[index];
    let counts = v.changes.as_ref();
    let compared_with = counts.and_then(|_| {
        versions.list[..index].iter().rev().find(|p| p.catalog.is_some() || p.current).map(Version::title)
    });
    let summary = counts.map(Changes::summary).unwrap_or_default();
    let replaced_by = (v.status == Status::Replaced)
        .then(|| versions.list[index + 1..].iter().find(|later| later.status != Status::Draft))
        .flatten()
        .map(VersionLink::of);
    VersionView {
        title: v.title(),
        heading: v.heading(),
        url: v.url(),
        status: v.status.name(),
        status_key: v.status,
        current: v.current,
        pending: v.current && v.catalog.is_some(),
        entries: v.entries,
        has_content: v.entries.is_some(),
        unreadable: v.revision.is_some() && v.entries.is_none(),
        added: counts.map_or(0, |c| c.added.len()),
        removed: counts.map_or(0, |c| c.removed.len()),
        renamed: counts.map_or(0, |c| c.renamed.len()),
        changed: counts.map_or(0, |c| c.changed.len()),
        compared_with,
        summary_capitalized: crate::text::capitalize(&summary),
        summary,
        in_force_from: (v.status != Status::Draft).then_some(v.date).flatten().map(|d| d.short()),
        in_force_until: replaced_by.as_ref().and_then(|by| by.date.clone()),
        replaced_by,
        decision_url: published.decision_url,
        document_url: published.document_url,
    }
}

#[derive(Serialize)]
struct EntryLink {
    reference: String,
    title: String,
    /// Its page now: the entry's own, or the page kept at its address.
    url: String,
}

#[derive(Serialize)]
struct ChangedView {
    entry: EntryLink,
    fields: Vec<FieldView>,
}

#[derive(Serialize)]
struct RenamedView {
    /// Its name before: readers know an entry by its name, not its slug.
    from_title: String,
    to: EntryLink,
}

#[derive(Serialize, Default)]
struct ChangesView {
    added: Vec<EntryLink>,
    removed: Vec<EntryLink>,
    renamed: Vec<RenamedView>,
    changed: Vec<ChangedView>,
}

fn link(entry: &EntryRef) -> EntryLink {
    EntryLink {
        reference: entry.reference.clone(),
        title: entry.title.clone(),
        url: crate::urls::entry_page(&entry.slug),
    }
}

fn changes_view(changes: &Changes) -> ChangesView {
    ChangesView {
        added: changes.added.iter().map(link).collect(),
        removed: changes.removed.iter().map(link).collect(),
        renamed: changes
            .renamed
            .iter()
            .map(|r| RenamedView { from_title: r.from.title.clone(), to: link(&r.to) })
            .collect(),
        changed: changes
            .changed
            .iter()
            .map(|c| ChangedView {
                entry: link(&c.entry),
                fields: c
                    .fields
                    .iter()
                    .map(|f| FieldView { label: f.field.label, html: super::changes::field_html(f) })
                    .collect(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct Row {
    reference: String,
    title: String,
    url: String,
    sector: String,
    agencies: String,
}

fn rows(catalog: &Catalog) -> Vec<Row> {
    catalog
        .entries()
        .iter()
        .map(|e| Row {
            reference: e.reference(),
            title: e.title.clone(),
            url: crate::urls::entry_page(e.slug.as_str()),
            sector: catalog.sector(e.sector).name.clone(),
            agencies: e.agencies.iter().map(|&a| catalog.agency(a).name.as_str()).collect::<Vec<_>>().join("; "),
        })
        .collect()
}

/// The versions page and the page of each version `which` takes (by its
/// place in `versions`).
pub(super) fn version_pages(
    pages: &PageBuilder,
    versions: &Versions,
    which: &dyn Fn(usize) -> bool,
    files: &dyn Sink,
) -> Result<(), Diagnostic> {
    let published = published(pages, versions);
    let views: Vec<VersionView> = (0..versions.list.len()).map(|i| view(versions, i, published[i])).collect();
    let mut context = pages.context(crate::urls::VERSIONS, "Các phiên bản của Danh mục", "decision", &[]);
    context.insert(
        "page_description",
        "Các Quyết định ban hành Danh mục cơ sở dữ liệu dùng chung, tình trạng hiệu lực và những gì mỗi Quyết định thay đổi.",
    );
    context.insert("versions", &views.iter().rev().collect::<Vec<_>>());
    context.insert("has_draft", &views.iter().any(|v| v.status_key == Status::Draft));
    pages.render(files, crate::urls::VERSIONS, "versions.html", &context)?;
    for (i, version) in versions.list.iter().enumerate().filter(|(i, _)| which(*i)) {
        let url = version.url();
        let crumbs = [Crumb { name: "Các phiên bản", url: crate::urls::VERSIONS }];
        let mut context = pages.context(&url, &views[i].title, "decision", &crumbs);
        context.insert(
            "page_description",
            &format!("{} – {}: những gì thay đổi trong Danh mục.", views[i].title, views[i].status),
        );
        context.insert("version", &views[i]);
        context.insert("changes", &version.changes.as_ref().map(changes_view));
        // The working tree's table is the site's own, unless it is a
        // draft pending beside the catalog in force.
        let table = version.catalog.as_deref().map(rows);
        // A pending draft's bảng so sánh, published beside its data.
        let comparison =
            (version.current && versions.in_force_catalog().is_some()).then_some(crate::urls::DRAFT_COMPARISON_DOCX);
        context.insert("comparison", &comparison);
        context.insert("rows", &table);
        pages.render(files, &url, "version.html", &context)?;
    }
    Ok(())
}

/// A version as a link.
#[derive(Serialize)]
pub struct VersionLink {
    title: String,
    url: String,
    status: &'static str,
    /// A draft proposes; only an issued decision does.
    draft: bool,
    /// Its decision's date, "08/01/2027"; None for a draft.
    date: Option<String>,
}

impl VersionLink {
    fn of(version: &Version) -> VersionLink {
        VersionLink {
            title: version.title(),
            url: version.url(),
            status: version.status.name(),
            draft: version.status == Status::Draft,
            date: version.issued().map(|issued| issued.date.short()),
        }
    }
}

/// A page at the address of each entry that some version had and the
/// current one does not: a renamed entry's old address leads to its new
/// page; a removed entry's says which decision removed it, with its last
/// text and the way back.
pub(super) fn gone_pages(
    pages: &PageBuilder,
    versions: &Versions,
    current: &Catalog,
    files: &dyn Sink,
) -> Result<(), Diagnostic> {
    let now: HashSet<&str> = current.entries().iter().map(|e| e.slug.as_str()).collect();
    // Renames, old slug → new slug, followed to the end.
    let mut renamed: HashMap<String, String> = HashMap::new();
    // A draft's renames are proposals: the old address stays the page.
    for version in versions.list.iter().filter(|v| v.status != Status::Draft) {
        for r in version.changes.iter().flat_map(|c| &c.renamed) {
            renamed.insert(r.from.slug.clone(), r.to.slug.clone());
        }
    }
    let follow = |slug: &str| {
        let mut slug = slug.to_string();
        let mut steps = 0;
        while let Some(next) = renamed.get(&slug) {
            slug = next.clone();
            steps += 1;
            if steps > versions.list.len() {
                break;
            }
        }
        slug
    };
    // Each slug once, with the last version that had it.
    let mut last: HashMap<String, (usize, &Entry, &Catalog)> = HashMap::new();
    for (i, version) in versions.list.iter().enumerate() {
        if let Some(catalog) = &version.catalog {
            for entry in catalog.entries() {
                last.insert(entry.slug.to_string(), (i, entry, catalog));
            }
        }
    }
    let mut gone: Vec<_> = last.into_iter().filter(|(slug, _)| !now.contains(slug.as_str())).collect();
    gone.sort_by(|a, b| a.0.cmp(&b.0));
    for (slug, (i, entry, catalog)) in gone {
        let path = crate::urls::entry_page(&slug);
        let target = follow(&slug);
        let crumbs = [Crumb { name: "Các phiên bản", url: crate::urls::VERSIONS }];
        if target != slug && now.contains(target.as_str()) {
            let new_entry = current.entries().iter().find(|e| e.slug.as_str() == target).expect("a current entry");
            let mut context = pages.context(&path, &format!("{} (đường dẫn cũ)", new_entry.title), "sectors", &crumbs);
            context.insert("moved_to", &crate::urls::entry_page(&target));
            context.insert("moved_title", &new_entry.title);
            context.insert("entry", &GoneEntry::of(entry, catalog));
            pages.render(files, &path, "gone.html", &context)?;
            continue;
        }
        // Only the pending draft has it: a proposed entry, not in force.
        if versions.list[i].status == Status::Draft {
            let renamed_from = versions.list[i]
                .changes
                .iter()
                .flat_map(|c| &c.renamed)
                .find(|r| r.to.slug == slug)
                .map(|r| link(&r.from));
            let mut context = pages.context(&path, &format!("{} (dự thảo đề xuất)", entry.title), "sectors", &crumbs);
            context.insert("entry", &GoneEntry::of(entry, catalog));
            context.insert("proposed_by", &VersionLink::of(&versions.list[i]));
            context.insert("renamed_from", &renamed_from);
            context.insert("in_force", &versions.in_force().map(VersionLink::of));
            pages.render(files, &path, "gone.html", &context)?;
            continue;
        }
        // The first version after its last one removed it.
        let removed_by = versions.list.get(i + 1).map(VersionLink::of);
        let status = match &removed_by {
            Some(by) if by.draft => "đề xuất đưa ra khỏi Danh mục",
            _ => "đã đưa ra khỏi Danh mục",
        };
        let mut context = pages.context(&path, &format!("{} ({status})", entry.title), "sectors", &crumbs);
        context.insert("entry", &GoneEntry::of(entry, catalog));
        context.insert("removed_by", &removed_by);
        context.insert("last_version", &VersionLink::of(&versions.list[i]));
        pages.render(files, &path, "gone.html", &context)?;
    }
    Ok(())
}

/// What a page at a gone entry's address shows of it: its last text.
#[derive(Serialize)]
struct GoneEntry {
    reference: String,
    title: String,
    sector: String,
    agencies: String,
    notes: Option<String>,
    purpose: String,
    scope: String,
    collection: String,
    sharing: String,
}

impl GoneEntry {
    fn of(entry: &Entry, catalog: &Catalog) -> GoneEntry {
        let plain = &entry.sections.plain;
        GoneEntry {
            reference: entry.reference(),
            title: entry.title.clone(),
            sector: catalog.sector(entry.sector).name.clone(),
            agencies: entry.agencies.iter().map(|&a| catalog.agency(a).name.as_str()).collect::<Vec<_>>().join("; "),
            notes: entry.notes.clone(),
            purpose: plain.purpose.clone(),
            scope: plain.scope.clone(),
            collection: plain.collection.clone(),
            sharing: plain.sharing.clone(),
        }
    }
}
