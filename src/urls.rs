//! The site's URL scheme: where each page and data file is published, in
//! one place that every step uses (validation for link targets, rendering,
//! the search index, the exports).
//!
//! A place has two spellings. A page link names its file
//! (`csdl/dat-dai/index.html`), so that the site also works opened from
//! disk, where `file://` does not resolve a folder to its `index.html`.
//! A folder URL (`csdl/dat-dai/`) is what the data files and the sitemap
//! give, which any web server resolves. Both are relative to the site root.

pub const HOME: &str = "index.html";
pub const SECTORS: &str = "linh-vuc/index.html";
pub const AGENCIES: &str = "don-vi/index.html";
pub const DECISION: &str = "quyet-dinh/index.html";
pub const TABLE: &str = "toan-bo-danh-muc/index.html";
pub const SEARCH: &str = "tim-kiem/index.html";
pub const STATISTICS: &str = "thong-ke/index.html";
/// The versions of the catalog: every issued decision, and the draft.
pub const VERSIONS: &str = "phien-ban/index.html";

pub const CATALOG_JSON: &str = "data/catalog.json";
pub const CATALOG_SCHEMA: &str = "data/catalog.schema.json";
pub const CATALOG_CSV: &str = "data/catalog.csv";
pub const CATALOG_XLSX: &str = "data/catalog.xlsx";
pub const CATALOG_JSONLD: &str = "data/catalog.jsonld";

/// Pages and files that exist whatever the content: what content may link
/// to besides entries, sectors, agencies, the decision and `static/`.
pub const FIXED_PAGES: &[&str] = &[
    HOME,
    SECTORS,
    AGENCIES,
    "nhom/a/index.html",
    "nhom/b/index.html",
    TABLE,
    SEARCH,
    STATISTICS,
    VERSIONS,
    CATALOG_JSON,
    CATALOG_CSV,
    CATALOG_XLSX,
    CATALOG_JSONLD,
];

/// Section anchors of an entry page (ids in `templates/entry.html`), which
/// content may link to.
pub const ENTRY_ANCHORS: &[&str] = &["muc-dich", "pham-vi", "co-che-thu-thap", "ket-noi-chia-se", "ghi-chu"];

/// The page of one version of the catalog (`slug`: its decision's number
/// as a slug, "du-thao" for the draft).
pub fn version_page(slug: &str) -> String {
    format!("phien-ban/{slug}/index.html")
}

pub fn entry_page(slug: &str) -> String {
    format!("csdl/{slug}/index.html")
}

pub fn entry_folder(slug: &str) -> String {
    format!("csdl/{slug}/")
}

/// An entry's own data, beside its page.
pub fn entry_data(slug: &str) -> String {
    format!("csdl/{slug}/index.json")
}

pub fn sector_page(slug: &str) -> String {
    format!("linh-vuc/{slug}/index.html")
}

pub fn sector_folder(slug: &str) -> String {
    format!("linh-vuc/{slug}/")
}

pub fn agency_page(slug: &str) -> String {
    format!("don-vi/{slug}/index.html")
}

pub fn agency_folder(slug: &str) -> String {
    format!("don-vi/{slug}/")
}

pub fn group_page(group_slug: &str) -> String {
    format!("nhom/{group_slug}/index.html")
}

/// Page `n` (from 1) of the full table.
pub fn table_page(n: usize) -> String {
    match n {
        1 => TABLE.to_string(),
        n => format!("toan-bo-danh-muc/trang-{n}/index.html"),
    }
}

/// The folder URL of a page link: `csdl/x/index.html` → `csdl/x/`, the
/// home page → `` (the site root).
pub fn folder(page: &str) -> &str {
    page.strip_suffix("index.html").unwrap_or(page)
}

/// Where a file of `static/` is published: its path under `static/`, in
/// NFC (as links in the content are written), whatever form the file
/// system stored its name in (macOS saves decomposed names).
pub fn static_file(path_under_static: &str) -> String {
    crate::text::nfc(path_under_static)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_and_its_folder_are_one_place() {
        assert_eq!(folder(&entry_page("csdl-dat-dai")), entry_folder("csdl-dat-dai"));
        assert_eq!(folder(&sector_page("noi-vu")), sector_folder("noi-vu"));
        assert_eq!(folder(&agency_page("so-noi-vu")), agency_folder("so-noi-vu"));
        assert_eq!(folder(SECTORS), "linh-vuc/");
        assert_eq!(folder(HOME), "");
        assert_eq!(table_page(1), TABLE);
        assert_eq!(folder(&table_page(2)), "toan-bo-danh-muc/trang-2/");
        assert!(FIXED_PAGES.iter().all(|p| p.ends_with("index.html") || p.starts_with("data/")));
    }
}
