//! `data/catalog.json`: the whole catalog as data, in the decision's order.
//!
//! URLs are relative to the site root and use the folder form
//! (`csdl/<slug>/`), which any static server resolves. The four long fields
//! are the Markdown source of their section. Nothing depends on the clock,
//! so two builds of the same content give the same bytes.

use crate::model::{Catalog, Group};
use serde::Serialize;

pub const PATH: &str = crate::urls::CATALOG_JSON;
/// A pending draft's catalog: a proposal, beside the catalog in force.
pub const DRAFT_PATH: &str = crate::urls::DRAFT_CATALOG_JSON;

#[derive(Serialize)]
struct GroupJson {
    code: &'static str,
    name: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct GroupRef {
    code: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct Reference<'a> {
    slug: &'a str,
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
struct EntryJson<'a> {
    slug: &'a str,
    url: String,
    group: GroupRef,
    sector: Reference<'a>,
    number: u32,
    title: &'a str,
    agencies: Vec<Reference<'a>>,
    purpose: &'a str,
    scope: &'a str,
    collection: &'a str,
    sharing: &'a str,
    notes: Option<&'a str>,
    /// Words people search by; not part of the decision.
    keywords: &'a [String],
}

#[derive(Serialize)]
struct SectorJson<'a> {
    slug: &'a str,
    name: &'a str,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct AgencyJson<'a> {
    slug: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    website: Option<&'a str>,
    url: String,
    count: usize,
}

/// One entry as the object `catalog.json` holds (also published alone as
/// `csdl/<slug>/index.json`).
fn entry_json<'a>(catalog: &'a Catalog, e: &'a crate::model::Entry) -> EntryJson<'a> {
    let sector = catalog.sector(e.sector);
    EntryJson {
        slug: e.slug.as_str(),
        url: crate::urls::entry_folder(e.slug.as_str()),
        group: GroupRef { code: e.group.code(), name: e.group.name() },
        sector: Reference {
            slug: sector.slug.as_str(),
            name: &sector.name,
            url: crate::urls::sector_folder(sector.slug.as_str()),
        },
        number: e.number,
        title: &e.title,
        agencies: e
            .agencies
            .iter()
            .map(|id| {
                let agency = catalog.agency(*id);
                Reference {
                    slug: agency.slug.as_str(),
                    name: &agency.name,
                    url: crate::urls::agency_folder(agency.slug.as_str()),
                }
            })
            .collect(),
        purpose: &e.sections.purpose,
        scope: &e.sections.scope,
        collection: &e.sections.collection,
        sharing: &e.sections.sharing,
        notes: e.notes.as_deref(),
        keywords: &e.keywords,
    }
}

/// `csdl/<slug>/index.json` for one entry.
pub fn entry_to_json(catalog: &Catalog, e: &crate::model::Entry) -> String {
    let mut text = crate::json::to_string_pretty(&entry_json(catalog, e));
    text.push('\n');
    text
}

/// The catalog's other keys, around its entries.
#[derive(Serialize)]
struct Head<'a> {
    title: &'a str,
    groups: Vec<GroupJson>,
}

#[derive(Serialize)]
struct Tail<'a> {
    sectors: Vec<SectorJson<'a>>,
    agencies: Vec<AgencyJson<'a>>,
    /// The version this document is: the one in force, or a pending draft
    /// in the draft's own file.
    version: Option<&'a VersionJson>,
    /// Every version of the catalog, oldest first.
    versions: &'a [VersionJson],
}

/// A version of the catalog, as `catalog.json` lists it.
#[derive(Serialize, Debug, Clone)]
pub struct VersionJson {
    /// The decision's number; null for a draft.
    pub number: Option<String>,
    /// `YYYY-MM-DD`; null for a draft.
    pub date: Option<String>,
    /// `in-force`, `replaced` or `draft`.
    pub status: crate::versions::Status,
    /// Its page, relative to the site root.
    pub url: String,
    /// How many entries it has; null when its content is not known.
    pub entries: Option<usize>,
}

impl VersionJson {
    pub fn all(versions: &crate::versions::Versions) -> Vec<VersionJson> {
        versions
            .list
            .iter()
            .map(|v| VersionJson {
                number: v.number.clone(),
                date: v.date.map(|d| d.to_string()),
                status: v.status,
                url: crate::urls::folder(&v.url()).to_string(),
                entries: v.entries,
            })
            .collect()
    }
}

/// Writes the catalog to `out` as pretty-printed JSON, and hands each
/// entry's own file (`csdl/<slug>/index.json`) to `each_entry`. An entry is
/// serialized once for both: `catalog.json` holds the same text indented
/// two levels deeper.
pub fn write_json(
    catalog: &Catalog,
    title: &str,
    version: Option<&VersionJson>,
    versions: &[VersionJson],
    out: &mut dyn std::io::Write,
    each_entry: &(dyn Fn(&crate::model::Entry, String) + Sync),
) -> std::io::Result<()> {
    let mut sector_counts = vec![0; catalog.sectors().len()];
    let mut agency_counts = vec![0; catalog.agencies().len()];
    for e in catalog.entries() {
        sector_counts[e.sector.0] += 1;
        for a in &e.agencies {
            agency_counts[a.0] += 1;
        }
    }
    let head = Head {
        title,
        groups: Group::ALL
            .iter()
            .map(|g| GroupJson { code: g.code(), name: g.name(), count: catalog.entries_in_group(*g).count() })
            .collect(),
    };
    let tail = Tail {
        sectors: catalog
            .sectors()
            .iter()
            .zip(sector_counts)
            .map(|(s, count)| SectorJson {
                slug: s.slug.as_str(),
                name: &s.name,
                url: crate::urls::sector_folder(s.slug.as_str()),
                count,
            })
            .collect(),
        agencies: catalog
            .agencies()
            .iter()
            .zip(agency_counts)
            .map(|(a, count)| AgencyJson {
                slug: a.slug.as_str(),
                name: &a.name,
                short_name: a.short_name.as_deref(),
                website: a.website.as_deref(),
                url: crate::urls::agency_folder(a.slug.as_str()),
                count,
            })
            .collect(),
        version,
        versions,
    };
    // Both objects print as "{\n  …\n}": their members are spliced around
    // the entries.
    let members = |object: String| object[2..object.len() - 2].to_string();
    let head = members(serde_json::to_string_pretty(&head)?);
    let tail = members(serde_json::to_string_pretty(&tail)?);
    write!(out, "{{\n{head},\n  \"entries\": [")?;
    super::write_members(out, catalog.entries(), false, |entry| {
        let own = entry_to_json(catalog, entry);
        let nested = super::nested_member(&own);
        each_entry(entry, own);
        nested
    })?;
    match catalog.entries().is_empty() {
        true => write!(out, "],\n{tail}\n}}\n"),
        false => write!(out, "\n  ],\n{tail}\n}}\n"),
    }
}
