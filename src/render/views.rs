//! The data a template sees, built once from the catalog.
//!
//! Views hold display-ready values (Markdown already rendered to sanitized
//! HTML, names resolved, URLs relative to the site root), so templates stay
//! free of logic and each page reuses the same views.

use super::templates::Renderer;
use crate::config::Config;
use crate::content_links::LinkTargets;
use crate::diagnostics::Diagnostic;
use crate::markdown;
use crate::model::{Agency, Catalog, Entry, Group, Sector};
use serde::Serialize;
use std::borrow::Cow;

pub fn sector_url(sector: &Sector) -> String {
    crate::urls::sector_page(sector.slug.as_str())
}

pub fn agency_url(agency: &Agency) -> String {
    crate::urls::agency_page(agency.slug.as_str())
}

pub fn group_url(group: Group) -> String {
    crate::urls::group_page(group.slug())
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub slug: String,
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgencyLink {
    pub slug: String,
    pub name: String,
    pub short_name: Option<String>,
    pub url: String,
    /// For an abolished agency (it has a successor): the agency that took
    /// over, which an entry naming it shows as "(nay là …)".
    pub now_name: Option<String>,
    pub now_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub code: &'static str,
    pub slug: &'static str,
    pub name: &'static str,
    pub url: String,
    pub count: usize,
}

impl GroupView {
    pub fn new(group: Group, count: usize) -> Self {
        GroupView { code: group.code(), slug: group.slug(), name: group.name(), url: group_url(group), count }
    }
}

/// What lists show of an entry.
#[derive(Debug, Clone, Serialize)]
pub struct EntrySummary {
    pub slug: String,
    pub url: String,
    pub title: String,
    /// "A.18"
    pub reference: String,
    pub number: u32,
    pub group: &'static str,
    /// The sector's [`Link`] and the agencies' [`AgencyLink`]s, as Tera
    /// values made once per catalog: a Tera value is shared, not copied,
    /// into each page that shows the entry (its own, its neighbours', the
    /// lists and the full table).
    pub sector: tera::Value,
    pub agencies: Vec<tera::Value>,
}

/// Everything an entry page or the full table shows of an entry.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    #[serde(flatten)]
    pub summary: EntrySummary,
    pub group_name: &'static str,
    pub purpose_html: String,
    pub scope_html: String,
    pub collection_html: String,
    pub sharing_html: String,
    pub notes: Option<String>,
    /// Words people search by, shown apart from the decision's fields.
    pub keywords: Vec<String>,
    pub extra_html: String,
    pub source_path: String,
    pub edit_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub entries: usize,
    pub sectors: usize,
    pub agencies: usize,
    pub groups: Vec<GroupView>,
}

/// Views of the whole catalog, indexed like `Catalog`'s vectors. Entry
/// views are rendered for entry pages (two folders deep).
pub struct CatalogViews {
    pub entries: Vec<EntryView>,
    /// Each entry's item in the lists of sector, agency and group pages
    /// (`partials/entry-item.html`), rendered once: an entry appears on
    /// three or four such pages, and all of them are two folders deep.
    pub list_items: Vec<String>,
    pub sectors: Vec<Link>,
    pub agencies: Vec<AgencyLink>,
    /// `sectors` and `agencies` as Tera values, for [`EntrySummary`].
    shared: SharedLinks,
    pub counts: Counts,
    /// What the content's links can point to, to make them relative.
    pub targets: std::sync::Arc<LinkTargets>,
}

struct SharedLinks {
    sectors: Vec<tera::Value>,
    agencies: Vec<tera::Value>,
}

impl SharedLinks {
    fn new(sectors: &[Link], agencies: &[AgencyLink]) -> Self {
        SharedLinks {
            sectors: sectors.iter().map(tera::Value::from_serializable).collect(),
            agencies: agencies.iter().map(tera::Value::from_serializable).collect(),
        }
    }
}

impl CatalogViews {
    pub fn new(
        catalog: &Catalog,
        targets: std::sync::Arc<LinkTargets>,
        config: &Config,
        renderer: &Renderer,
    ) -> Result<Self, Diagnostic> {
        let sectors: Vec<Link> = catalog
            .sectors()
            .iter()
            .map(|s| Link { slug: s.slug.to_string(), name: s.name.clone(), url: sector_url(s) })
            .collect();
        let agencies: Vec<AgencyLink> = catalog
            .agencies()
            .iter()
            .map(|a| {
                let now = a.successor.map(|s| catalog.agency(s));
                AgencyLink {
                    slug: a.slug.to_string(),
                    name: a.name.clone(),
                    short_name: a.short_name.clone(),
                    url: agency_url(a),
                    now_name: now.map(|s| s.name.clone()),
                    now_url: now.map(agency_url),
                }
            })
            .collect();
        let shared = SharedLinks::new(&sectors, &agencies);
        let entry_root = super::templates::root_prefix(&crate::urls::entry_page("x"));
        let entries: Vec<EntryView> = {
            use rayon::prelude::*;
            catalog.entries().par_iter().map(|e| entry_view(e, &shared, config, &targets, &entry_root)).collect()
        };
        let counts = Counts {
            entries: catalog.entries().len(),
            sectors: catalog.sectors().len(),
            // An abolished agency (it has a successor) leads nothing in
            // this catalog unless an entry still names it.
            agencies: catalog
                .agency_ids()
                .filter(|&id| {
                    catalog.agency(id).successor.is_none() || catalog.entries().iter().any(|e| e.agencies.contains(&id))
                })
                .count(),
            groups: Group::ALL.iter().map(|g| GroupView::new(*g, catalog.entries_in_group(*g).count())).collect(),
        };
        let list_items = {
            use rayon::prelude::*;
            entries.par_iter().map(|e| list_item(renderer, &e.summary)).collect::<Result<_, _>>()?
        };
        Ok(CatalogViews { entries, list_items, sectors, agencies, shared, counts, targets })
    }

    /// Rebuilds the view of one entry after it changed in `catalog`.
    pub fn refresh_entry(
        &mut self,
        catalog: &Catalog,
        config: &Config,
        renderer: &Renderer,
        index: usize,
    ) -> Result<(), Diagnostic> {
        let root = super::templates::root_prefix(&crate::urls::entry_page("x"));
        self.entries[index] = entry_view(&catalog.entries()[index], &self.shared, config, &self.targets, &root);
        self.list_items[index] = list_item(renderer, &self.entries[index].summary)?;
        Ok(())
    }

    /// Views of the entries at `indices` for a page at `page_path` other
    /// than their own (the full table), with content links made relative
    /// to that page. Only entries whose Markdown has links are rendered
    /// again; the others read the same from any page.
    pub fn entries_for_page(
        &self,
        catalog: &Catalog,
        config: &Config,
        page_path: &str,
        indices: &[usize],
    ) -> Vec<Cow<'_, EntryView>> {
        let root = super::templates::root_prefix(page_path);
        indices
            .iter()
            .map(|&i| {
                let e = &catalog.entries()[i];
                match may_have_links(e) {
                    true => Cow::Owned(entry_view(e, &self.shared, config, &self.targets, &root)),
                    false => Cow::Borrowed(&self.entries[i]),
                }
            })
            .collect()
    }
}

/// The root prefix of every page that lists entries.
pub const LIST_ROOT: &str = "../../";

fn list_item(renderer: &Renderer, summary: &EntrySummary) -> Result<String, Diagnostic> {
    let mut context = tera::Context::new();
    context.insert("root", LIST_ROOT);
    context.insert("item", summary);
    let html = renderer.render("partials/entry-item.html", &context)?;
    Ok(String::from_utf8(html).expect("Tera renders UTF-8"))
}

/// Whether an entry's Markdown may hold a link or image with a destination,
/// which needs `](` (inline) or `]:` (reference definition). Autolinks
/// (`<https://…>`) are absolute and never rewritten.
fn may_have_links(entry: &Entry) -> bool {
    let s = &entry.sections;
    [&s.purpose, &s.scope, &s.collection, &s.sharing, &entry.extra]
        .iter()
        .any(|md| md.contains("](") || md.contains("]:"))
}

fn entry_view(entry: &Entry, shared: &SharedLinks, config: &Config, targets: &LinkTargets, root: &str) -> EntryView {
    let links = markdown::LinkContext { from_file: &entry.source_path, root, targets };
    let html = |md: &str| markdown::to_html(md, Some(&links));
    EntryView {
        summary: EntrySummary {
            slug: entry.slug.to_string(),
            url: crate::urls::entry_page(entry.slug.as_str()),
            title: entry.title.clone(),
            reference: entry.reference(),
            number: entry.number,
            group: entry.group.code(),
            sector: shared.sectors[entry.sector.0].clone(),
            agencies: entry.agencies.iter().map(|a| shared.agencies[a.0].clone()).collect(),
        },
        group_name: entry.group.name(),
        purpose_html: html(&entry.sections.purpose),
        scope_html: html(&entry.sections.scope),
        collection_html: html(&entry.sections.collection),
        sharing_html: html(&entry.sections.sharing),
        notes: entry.notes.clone(),
        keywords: entry.keywords.clone(),
        extra_html: html(&entry.extra),
        source_path: entry.source_path.clone(),
        edit_url: config.edit_url(&entry.source_path),
    }
}
