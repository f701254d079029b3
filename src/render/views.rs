//! The data a template sees, built once from the catalog.
//!
//! Views hold display-ready values (Markdown already rendered to sanitized
//! HTML, names resolved, URLs relative to the site root), so templates stay
//! free of logic and each page reuses the same views.

use crate::config::Config;
use crate::markdown;
use crate::model::{Agency, Catalog, Entry, Group, Sector};
use serde::Serialize;

/// Site-root-relative URL of a page folder's `index.html`. Links keep the
/// file name so that the site also works opened from disk (file://).
pub fn entry_url(slug: &str) -> String {
    format!("csdl/{slug}/index.html")
}

pub fn sector_url(sector: &Sector) -> String {
    format!("linh-vuc/{}/index.html", sector.slug)
}

pub fn agency_url(agency: &Agency) -> String {
    format!("don-vi/{}/index.html", agency.slug)
}

pub fn group_url(group: Group) -> String {
    format!("nhom/{}/index.html", group.slug())
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
    pub sector: Link,
    pub agencies: Vec<AgencyLink>,
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

/// Views of the whole catalog, indexed like `Catalog`'s vectors.
pub struct CatalogViews {
    pub entries: Vec<EntryView>,
    pub sectors: Vec<Link>,
    pub agencies: Vec<AgencyLink>,
    pub counts: Counts,
}

impl CatalogViews {
    pub fn new(catalog: &Catalog, config: &Config) -> Self {
        let sectors: Vec<Link> = catalog
            .sectors()
            .iter()
            .map(|s| Link { slug: s.slug.to_string(), name: s.name.clone(), url: sector_url(s) })
            .collect();
        let agencies: Vec<AgencyLink> = catalog
            .agencies()
            .iter()
            .map(|a| AgencyLink {
                slug: a.slug.to_string(),
                name: a.name.clone(),
                short_name: a.short_name.clone(),
                url: agency_url(a),
            })
            .collect();
        let entries = catalog.entries().iter().map(|e| entry_view(e, &sectors, &agencies, config)).collect();
        let counts = Counts {
            entries: catalog.entries().len(),
            sectors: catalog.sectors().len(),
            agencies: catalog.agencies().len(),
            groups: Group::ALL.iter().map(|g| GroupView::new(*g, catalog.entries_in_group(*g).count())).collect(),
        };
        CatalogViews { entries, sectors, agencies, counts }
    }
}

fn entry_view(entry: &Entry, sectors: &[Link], agencies: &[AgencyLink], config: &Config) -> EntryView {
    EntryView {
        summary: EntrySummary {
            slug: entry.slug.to_string(),
            url: entry_url(entry.slug.as_str()),
            title: entry.title.clone(),
            reference: entry.reference(),
            number: entry.number,
            group: entry.group.code(),
            sector: sectors[entry.sector.0].clone(),
            agencies: entry.agencies.iter().map(|a| agencies[a.0].clone()).collect(),
        },
        group_name: entry.group.name(),
        purpose_html: markdown::to_html(&entry.sections.purpose),
        scope_html: markdown::to_html(&entry.sections.scope),
        collection_html: markdown::to_html(&entry.sections.collection),
        sharing_html: markdown::to_html(&entry.sections.sharing),
        notes: entry.notes.clone(),
        extra_html: markdown::to_html(&entry.extra),
        source_path: entry.source_path.clone(),
        edit_url: config.edit_url(&entry.source_path),
    }
}
