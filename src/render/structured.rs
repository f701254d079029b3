//! Structured data embedded in pages for search engines: schema.org
//! `Dataset` on entry pages and `DataCatalog` on the home page (JSON-LD),
//! and the plain-text descriptions used in meta tags.

use crate::config::Config;
use crate::model::{Catalog, Entry};
use serde_json::{Value, json};

const PUBLISHER: &str = "Ủy ban nhân dân tỉnh Quảng Ninh";

/// JSON for a `<script>` element: "</" cannot end the script early.
fn script_json(value: &Value) -> String {
    serde_json::to_string(value).expect("JSON-LD serializes").replace("</", "<\\/")
}

fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The meta description of an entry page.
pub fn entry_description(entry: &Entry, catalog: &Catalog) -> String {
    let sector = &catalog.sector(entry.sector).name;
    shorten(
        &format!("{}: {}, lĩnh vực {sector}. {}", entry.title, entry.group.name(), entry.sections.plain.purpose),
        300,
    )
}

/// An absolute URL when the base URL is known, else one relative to the
/// page at `from` (JSON-LD resolves it against the page).
fn url(config: &Config, from_root: &str, path: &str) -> String {
    match &config.base_url {
        Some(base) => format!("{base}{path}"),
        None => format!("{from_root}{path}"),
    }
}

pub fn dataset(entry: &Entry, catalog: &Catalog, config: &Config) -> String {
    let sector = &catalog.sector(entry.sector).name;
    let page = crate::export::catalog_json::entry_url(entry.slug.as_str());
    let description = shorten(
        &format!("{} Phạm vi, nội dung chính: {}", entry.sections.plain.purpose, entry.sections.plain.scope),
        4900,
    );
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": entry.title,
        "description": description,
        "identifier": entry.reference(),
        "url": url(config, "../../", &page),
        "keywords": [sector, entry.group.name(), "cơ sở dữ liệu dùng chung", "Quảng Ninh"],
        "creator": entry.agencies.iter().map(|a| json!({ "@type": "GovernmentOrganization", "name": catalog.agency(*a).name })).collect::<Vec<_>>(),
        "publisher": { "@type": "GovernmentOrganization", "name": PUBLISHER },
        "isAccessibleForFree": true,
        "conditionsOfAccess": entry.sections.plain.sharing,
        "inLanguage": "vi",
        "spatialCoverage": { "@type": "Place", "name": "Tỉnh Quảng Ninh, Việt Nam" },
        "includedInDataCatalog": { "@type": "DataCatalog", "name": config.title, "url": url(config, "../../", "") },
    });
    if let Some(notes) = &entry.notes {
        value["citation"] = json!(notes);
    }
    if let Some(updated) = entry.updated {
        value["dateModified"] = json!(updated.to_string());
    }
    script_json(&value)
}

/// Above this many entries the home page's `DataCatalog` does not list its
/// datasets (each entry page still describes its own): the list would make
/// the home page heavy.
const LISTED_DATASETS: usize = 1000;

pub fn data_catalog(catalog: &Catalog, config: &Config) -> String {
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "DataCatalog",
        "name": config.title,
        "description": if config.description.is_empty() { &config.title } else { &config.description },
        "url": url(config, "", ""),
        "inLanguage": "vi",
        "publisher": { "@type": "GovernmentOrganization", "name": PUBLISHER },
    });
    if catalog.entries().len() <= LISTED_DATASETS {
        value["dataset"] = catalog
            .entries()
            .iter()
            .map(|e| {
                json!({
                    "@type": "Dataset",
                    "name": e.title,
                    "identifier": e.reference(),
                    "url": url(config, "", &crate::export::catalog_json::entry_url(e.slug.as_str())),
                })
            })
            .collect();
    }
    script_json(&value)
}
