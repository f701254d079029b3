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
/// The decision of the catalog the site shows, as the Word document that
/// was signed (or, for a draft with nothing in force, that gets signed).
pub const DECISION_DOCX: &str = "data/quyet-dinh.docx";
/// The pending draft's decision, the Word document to sign, published
/// beside the one in force.
pub const DRAFT_DECISION_DOCX: &str = "data/du-thao/quyet-dinh.docx";
/// The pending draft's catalog, published beside the one in force.
pub const DRAFT_CATALOG_JSON: &str = "data/du-thao/catalog.json";
/// The pending draft's bảng so sánh against the catalog in force.
pub const DRAFT_COMPARISON_DOCX: &str = "data/du-thao/bang-so-sanh.docx";

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
/// content may link to: the fields' own (`model::fields`).
pub const ENTRY_ANCHORS: &[&str] = &crate::model::fields::anchors();

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

/// The schemes a link the site publishes may have, wherever it was
/// written: in an entry's Markdown, an agency's `website`, the
/// configuration's `edit_url` and feedback address. ammonia, which
/// sanitises the Markdown's HTML, is given the same list. Any other
/// (`javascript:`, `data:`, `vbscript:`, `file:`) could run code on a
/// reader's page or point at their own disk.
pub const LINK_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// A URL's scheme, lower case, as a browser reads it: spaces and control
/// characters around the URL and tabs and line breaks inside it do not
/// count (`" Java\tScript:"` is `javascript`). None for a relative URL.
pub fn scheme(url: &str) -> Option<String> {
    let mut scheme = String::new();
    let url = url.trim_matches(|c: char| c <= ' ');
    for c in url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')) {
        match c {
            ':' if !scheme.is_empty() => return Some(scheme),
            c if c.is_ascii_alphabetic() || (!scheme.is_empty() && (c.is_ascii_digit() || "+-.".contains(c))) => {
                scheme.push(c.to_ascii_lowercase());
            }
            _ => return None,
        }
    }
    None
}

/// Whether a URL given in data or configuration (not a page of the site)
/// may be published as a link: an absolute `http(s)://` address or a
/// `mailto:` one.
pub fn is_web_address(url: &str) -> bool {
    match scheme(url).as_deref() {
        Some("http" | "https") => {
            let rest = url.trim_start().split_once(':').map_or("", |(_, rest)| rest);
            rest.starts_with("//") && rest.len() > 2
        }
        Some("mailto") => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: `javascript:` in an agency's website or the edit link's
    /// template was published as a link, in any case, after spaces, or
    /// with a tab inside (which browsers drop).
    #[test]
    fn schemes_are_read_as_browsers_read_them() {
        for (url, expected) in [
            ("https://snv.quangninh.gov.vn/", Some("https")),
            ("  JavaScript:alert(1)", Some("javascript")),
            ("java\tscript:alert(1)", Some("javascript")),
            ("\u{1}\njava\nscript:alert(1)", Some("javascript")),
            ("vbscript:x", Some("vbscript")),
            ("data:text/html,x", Some("data")),
            ("/linh-vuc/noi-vu/", None),
            ("b-08.md#muc-dich", None),
            ("javascript&#58;alert(1)", None),
            ("1http:x", None),
        ] {
            assert_eq!(scheme(url).as_deref(), expected, "{url:?}");
        }
        assert!(is_web_address("https://snv.quangninh.gov.vn"));
        assert!(is_web_address("mailto:gopy@example.gov.vn"));
        for url in [
            "javascript:alert(1)",
            " JAVASCRIPT:x",
            "java\tscript:x",
            "data:x",
            "snv.quangninh.gov.vn",
            "https:x",
            "tel:0203",
        ] {
            assert!(!is_web_address(url), "{url:?}");
        }
    }

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
