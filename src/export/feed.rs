//! `feed.xml`: an Atom feed of the catalog's entries and of its issued
//! versions (each with what it changed), newest change first.
//!
//! An entry's `updated` is the front matter's `updated`, else the date of
//! the file's last git commit. Entries with neither are left out, and
//! without any dated entry there is no feed: Atom requires an `updated` on
//! every entry, and the build's clock time would make builds differ.

use crate::config::Config;
use crate::model::Catalog;
use crate::model::fields::SECTOR;
use crate::text::escape_xml;

pub const PATH: &str = "feed.xml";

/// An issued version as a feed item: its date, page and what it changed.
struct VersionItem {
    date: crate::model::IsoDate,
    title: String,
    path: String,
    summary: String,
}

fn version_items(versions: &crate::versions::Versions) -> Vec<VersionItem> {
    versions
        .list
        .iter()
        .filter_map(|v| {
            let date = v.date?;
            let summary = match &v.changes {
                Some(c) => format!("{}: {}.", v.status.name(), c.summary()),
                None => format!("{}.", v.status.name()),
            };
            Some(VersionItem { date, title: v.title(), path: crate::urls::folder(&v.url()).to_string(), summary })
        })
        .collect()
}

pub fn to_atom(catalog: &Catalog, config: &Config, versions: &crate::versions::Versions) -> Option<String> {
    let mut dated: Vec<_> = catalog.entries().iter().filter_map(|e| e.updated.map(|d| (d, e))).collect();
    // Newest first; the decision's order among equal dates.
    dated.sort_by_key(|(date, _)| std::cmp::Reverse(*date));
    let mut items = version_items(versions);
    items.sort_by_key(|v| std::cmp::Reverse(v.date));
    let newest = dated.first().map(|d| d.0).into_iter().chain(items.first().map(|v| v.date)).max()?;
    let base = config.base_url.as_deref();
    let id_of = |path: &str| match base {
        Some(base) => format!("{base}{path}"),
        None => format!("urn:danhmuc:{}", path.trim_end_matches('/').replace('/', ":")),
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    match base {
        Some(base) => xml.push_str(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\" xml:base=\"{}\">\n",
            escape_xml(base)
        )),
        None => xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"),
    }
    xml.push_str(&format!("  <title>{}</title>\n", escape_xml(&config.title)));
    if !config.description.is_empty() {
        xml.push_str(&format!("  <subtitle>{}</subtitle>\n", escape_xml(&config.description)));
    }
    xml.push_str(&format!("  <id>{}</id>\n", escape_xml(&id_of("danh-muc/"))));
    xml.push_str(&format!("  <updated>{newest}T00:00:00Z</updated>\n"));
    xml.push_str("  <link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n");
    xml.push_str("  <link rel=\"self\" type=\"application/atom+xml\" href=\"feed.xml\"/>\n");
    xml.push_str(&format!("  <author><name>{}</name></author>\n", escape_xml(config.publisher())));
    for version in &items {
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", escape_xml(&version.title)));
        xml.push_str(&format!("    <id>{}</id>\n", escape_xml(&id_of(&version.path))));
        xml.push_str(&format!("    <updated>{}T00:00:00Z</updated>\n", version.date));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_xml(&format!("{}index.html", version.path))
        ));
        xml.push_str(&format!("    <summary>{}</summary>\n", escape_xml(&version.summary)));
        xml.push_str("  </entry>\n");
    }
    for (date, entry) in dated {
        let path = crate::urls::entry_folder(entry.slug.as_str());
        let sector = &catalog.sector(entry.sector).name;
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", escape_xml(&entry.title)));
        xml.push_str(&format!("    <id>{}</id>\n", escape_xml(&id_of(&path))));
        xml.push_str(&format!("    <updated>{date}T00:00:00Z</updated>\n"));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_xml(&format!("{path}index.html"))
        ));
        for agency in &entry.agencies {
            xml.push_str(&format!("    <author><name>{}</name></author>\n", escape_xml(&catalog.agency(*agency).name)));
        }
        xml.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            escape_xml(catalog.sector(entry.sector).slug.as_str()),
            escape_xml(sector)
        ));
        xml.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape_xml(&format!(
                "{} · {} {sector} · {}",
                entry.reference(),
                SECTOR.label,
                entry.sections.plain.purpose
            ))
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Some(xml)
}
