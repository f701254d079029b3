//! Links written in the content, checked at validation and rewritten at
//! render time.
//!
//! An entry's Markdown is shown on its own page and again in the full table,
//! at different depths, so a plain relative link would break in one of the
//! two. Content therefore links in one of two forms, both turned into
//! relative links for each page they appear on:
//! - to another content file, by its path relative to the linking file
//!   (`b-08-csdl-dat-dai.md`, `../quyet-dinh.md#dieu-2`), so a link follows
//!   the file even if its slug changes;
//! - to any page of the site, by its path from the site root
//!   (`/linh-vuc/noi-vu/`).
//!
//! Links to other sites (http, https, mailto, tel) and to an anchor on the
//! same page (`#pham-vi`) are kept as written.

use crate::model::Catalog;
use std::collections::{BTreeSet, HashMap};

/// How a link destination found in the content is to be treated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link<'a> {
    /// Another site, or mail/phone.
    External,
    /// A scheme that must not be published (javascript:, data:, file:…).
    Unsafe,
    /// `#anchor` on the same page.
    Anchor(&'a str),
    /// A content file, resolved to its path from the project root.
    ContentFile { path: String, fragment: Option<&'a str> },
    /// A page by its path from the site root, normalised to a file
    /// (`linh-vuc/noi-vu/index.html`).
    SitePage { path: String, fragment: Option<&'a str> },
    /// Any other relative link: not allowed (it would break in the table).
    Relative,
}

pub fn classify<'a>(dest: &'a str, from_file: &str) -> Link<'a> {
    // One rule for every link the site publishes (`urls::LINK_SCHEMES`).
    if let Some(scheme) = crate::urls::scheme(dest) {
        return if crate::urls::LINK_SCHEMES.contains(&scheme.as_str()) { Link::External } else { Link::Unsafe };
    }
    // Anything else with a colon before its path is no page of the site.
    let lower = dest.trim().to_ascii_lowercase();
    if let Some(colon) = lower.find(':') {
        let scheme = &lower[..colon];
        if !scheme.contains('/') && !scheme.contains('#') {
            return if ["http", "https", "mailto", "tel"].contains(&scheme) { Link::External } else { Link::Unsafe };
        }
    }
    if dest.starts_with("//") {
        return Link::External;
    }
    if let Some(anchor) = dest.strip_prefix('#') {
        return Link::Anchor(anchor);
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    // A file name with spaces or diacritics may be written percent-encoded
    // (`Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf`) or decomposed (as macOS
    // stores it): both name the same file as its plain NFC spelling.
    let path = &decode_path(path);
    if let Some(site_path) = path.strip_prefix('/') {
        let mut page = site_path.to_string();
        if page.is_empty() || page.ends_with('/') {
            page.push_str("index.html");
        }
        return Link::SitePage { path: page, fragment };
    }
    if path.ends_with(".md") {
        return match resolve(from_file, path) {
            Some(path) => Link::ContentFile { path, fragment },
            None => Link::Relative,
        };
    }
    Link::Relative
}

/// A link's path as the file it names: percent-escapes decoded (when they
/// make UTF-8), then NFC.
fn decode_path(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    crate::text::nfc(&String::from_utf8(out).unwrap_or_else(|_| path.to_string()))
}

/// A site path as a link destination: the characters that would read as
/// something else in a URL (`%`, `?`, `#`) or end it (a space)
/// percent-encoded. The Markdown writer encodes the rest (non-ASCII
/// letters among them) when it writes the `href`.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3F"),
            '#' => out.push_str("%23"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

/// `path` relative to the folder of `from_file`, as a project path; None if
/// it climbs out of the project.
fn resolve(from_file: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = from_file.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// What links can point to: the site's pages, and which page each content
/// file becomes.
#[derive(Debug, Clone, Default)]
pub struct LinkTargets {
    pub pages: BTreeSet<String>,
    pub files: HashMap<String, String>,
}

impl LinkTargets {
    /// The catalog's pages and the files published from `static/` (site
    /// paths).
    pub fn new(catalog: &Catalog, static_files: impl IntoIterator<Item = String>) -> Self {
        use crate::urls;
        let mut pages: BTreeSet<String> = urls::FIXED_PAGES.iter().map(|p| p.to_string()).collect();
        pages.extend(static_files);
        let mut files = HashMap::new();
        for entry in catalog.entries() {
            let url = urls::entry_page(entry.slug.as_str());
            files.insert(entry.source_path.clone(), url.clone());
            pages.insert(url);
        }
        pages.extend(catalog.sectors().iter().map(|s| urls::sector_page(s.slug.as_str())));
        pages.extend(catalog.agencies().iter().map(|a| urls::agency_page(a.slug.as_str())));
        if let Some(decision) = catalog.decision() {
            files.insert(decision.source_path.clone(), urls::DECISION.to_string());
            pages.insert(urls::DECISION.to_string());
        }
        LinkTargets { pages, files }
    }

    /// The site page a link points to, if it is an internal one that exists.
    pub fn page_of(&self, link: &Link) -> Option<String> {
        match link {
            Link::ContentFile { path, .. } => self.files.get(path).cloned(),
            Link::SitePage { path, .. } => self.pages.contains(path).then(|| path.clone()),
            _ => None,
        }
    }

    /// The anchors a page has that content may link to.
    pub fn anchors_of(&self, page: &str) -> &'static [&'static str] {
        if page.starts_with("csdl/") { crate::urls::ENTRY_ANCHORS } else { &[] }
    }
}

/// Rewrites a destination for a page whose way back to the site root is
/// `root` ("../../"); leaves anything else as written.
pub fn rewrite(dest: &str, from_file: &str, root: &str, targets: &LinkTargets) -> String {
    let link = classify(dest, from_file);
    match (&link, targets.page_of(&link)) {
        (Link::ContentFile { fragment, .. } | Link::SitePage { fragment, .. }, Some(page)) => match fragment {
            Some(f) => format!("{root}{}#{f}", encode_path(&page)),
            None => format!("{root}{}", encode_path(&page)),
        },
        _ => dest.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_classified() {
        let from = "content/csdl/a-01.md";
        assert_eq!(classify("https://e.vn", from), Link::External);
        assert_eq!(classify("javascript:alert(1)", from), Link::Unsafe);
        assert_eq!(classify("JavaScript:alert(1)", from), Link::Unsafe);
        assert_eq!(classify(" java\tscript:alert(1)", from), Link::Unsafe);
        assert_eq!(classify("tel:02033835678", from), Link::External);
        assert_eq!(classify("#pham-vi", from), Link::Anchor("pham-vi"));
        assert_eq!(
            classify("b-08-dat-dai.md#muc-dich", from),
            Link::ContentFile { path: "content/csdl/b-08-dat-dai.md".into(), fragment: Some("muc-dich") }
        );
        assert_eq!(
            classify("../quyet-dinh.md", from),
            Link::ContentFile { path: "content/quyet-dinh.md".into(), fragment: None }
        );
        assert_eq!(
            classify("/linh-vuc/noi-vu/", from),
            Link::SitePage { path: "linh-vuc/noi-vu/index.html".into(), fragment: None }
        );
        assert_eq!(classify("/", from), Link::SitePage { path: "index.html".into(), fragment: None });
        assert_eq!(classify("../linh-vuc/", from), Link::Relative);
        assert_eq!(classify("../../../../x.md", from), Link::Relative);
    }

    /// Regression: a link to a file named with spaces or diacritics was
    /// broken unless written exactly as the name was stored.
    #[test]
    fn encoded_and_decomposed_spellings_name_the_same_file() {
        let from = "content/csdl/a-01.md";
        let plain = Link::SitePage { path: "tai-lieu/Quyết định 1.pdf".into(), fragment: None };
        assert_eq!(classify("/tai-lieu/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%201.pdf", from), plain);
        let decomposed: String =
            unicode_normalization::UnicodeNormalization::nfd("/tai-lieu/Quyết định 1.pdf").collect();
        assert_eq!(classify(&decomposed, from), plain);
        assert_eq!(
            classify("/tai-lieu/100%.pdf", from),
            Link::SitePage { path: "tai-lieu/100%.pdf".into(), fragment: None }
        );
        assert_eq!(encode_path("tai-lieu/Quyết định 100%.pdf"), "tai-lieu/Quyết%20định%20100%25.pdf");
    }
}
