//! Structured data embedded in pages for search engines: schema.org
//! `Dataset` on entry pages and `DataCatalog` on the home page (JSON-LD),
//! and the plain-text descriptions used in meta tags.

use crate::config::Config;
use crate::model::fields::SCOPE;
use crate::model::{Catalog, Entry};
use serde::Serialize;
use serde_json::json;

/// JSON for a `<script>` element: "</" cannot end the script early.
fn script_json(value: &impl Serialize) -> String {
    let json = crate::json::to_string(value);
    match json.contains("</") {
        true => json.replace("</", "<\\/"),
        false => json,
    }
}

/// `text` cut to at most `limit` characters at a space, with "…"; as it
/// is when it fits (a text of at most `limit` bytes does, uncounted).
fn shorten(text: String, limit: usize) -> String {
    let Some((end, _)) = (text.len() > limit).then(|| text.char_indices().nth(limit)).flatten() else {
        return text;
    };
    let cut = &text[..end];
    [cut.rsplit_once(' ').map_or(cut, |(head, _)| head), "…"].concat()
}

/// The meta description of an entry page.
pub fn entry_description(entry: &Entry, catalog: &Catalog) -> String {
    let sector = &catalog.sector(entry.sector).name;
    let purpose = &entry.sections.plain.purpose;
    shorten([&entry.title, ": ", entry.group.name(), ", lĩnh vực ", sector, ". ", purpose].concat(), 300)
}

/// An absolute URL when the base URL is known, else one relative to the
/// page at `from` (JSON-LD resolves it against the page).
fn url(config: &Config, from_root: &str, path: &str) -> String {
    match &config.base_url {
        Some(base) => format!("{base}{path}"),
        None => format!("{from_root}{path}"),
    }
}

/// A schema.org organisation or place: `{"@type": …, "name": …}`.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// An entry page's `Dataset`, its keys in the order serde_json's map gives
/// them (sorted), so the page reads as it did when built through a map.
#[derive(Serialize)]
struct Dataset<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<&'a str>,
    #[serde(rename = "conditionsOfAccess")]
    conditions_of_access: &'a str,
    creator: Vec<Named<'a>>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    description: String,
    identifier: String,
    #[serde(rename = "inLanguage")]
    in_language: &'static str,
    #[serde(rename = "includedInDataCatalog")]
    included_in: IncludedIn<'a>,
    #[serde(rename = "isAccessibleForFree")]
    is_accessible_for_free: bool,
    keywords: Vec<&'a str>,
    name: &'a str,
    publisher: Named<'a>,
    #[serde(rename = "spatialCoverage", skip_serializing_if = "Option::is_none")]
    spatial_coverage: Option<Named<'a>>,
    url: String,
}

#[derive(Serialize)]
struct IncludedIn<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
}

/// An entry page's JSON-LD, written from a struct rather than built as a
/// `serde_json` map first (every key and string copied into the map, then
/// out of it: 5 % of a large build's instructions).
pub fn dataset(entry: &Entry, catalog: &Catalog, config: &Config) -> String {
    let sector = &catalog.sector(entry.sector).name;
    let page = crate::urls::entry_folder(entry.slug.as_str());
    let organisation = |name| Named { kind: "GovernmentOrganization", name };
    // "tỉnh Quảng Ninh" → "Tỉnh Quảng Ninh, Việt Nam".
    let area = config.publisher.area();
    let place = format!("{}, Việt Nam", crate::text::capitalize(area));
    let dataset = Dataset {
        context: "https://schema.org",
        kind: "Dataset",
        citation: entry.notes.as_deref(),
        conditions_of_access: &entry.sections.plain.sharing,
        creator: entry.agencies.iter().map(|a| organisation(&catalog.agency(*a).name)).collect(),
        date_modified: entry.updated.map(|updated| updated.to_string()),
        description: shorten(
            [&entry.sections.plain.purpose, " ", SCOPE.label, ": ", &entry.sections.plain.scope].concat(),
            4900,
        ),
        identifier: entry.reference(),
        in_language: "vi",
        included_in: IncludedIn { kind: "DataCatalog", name: &config.title, url: url(config, "../../", "") },
        is_accessible_for_free: true,
        keywords: [sector.as_str(), entry.group.name(), "cơ sở dữ liệu dùng chung", area]
            .into_iter()
            .filter(|k| !k.is_empty())
            .collect(),
        name: &entry.title,
        publisher: organisation(config.publisher()),
        spatial_coverage: (!area.is_empty()).then_some(Named { kind: "Place", name: &place }),
        url: url(config, "../../", &page),
    };
    script_json(&dataset)
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
        "publisher": { "@type": "GovernmentOrganization", "name": config.publisher() },
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
                    "url": url(config, "", &crate::urls::entry_folder(e.slug.as_str())),
                })
            })
            .collect();
    }
    script_json(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_script_element() {
        let note = Named { kind: "Thing", name: "Luật </script><script>alert(1)</script>" };
        let json = script_json(&note);
        assert_eq!(json, r#"{"@type":"Thing","name":"Luật <\/script><script>alert(1)<\/script>"}"#);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["name"], note.name);
        assert_eq!(script_json(&json!({"name": "Sở Nội vụ"})), r#"{"name":"Sở Nội vụ"}"#);
    }
}
