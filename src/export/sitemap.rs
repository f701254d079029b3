//! `sitemap.xml` and `robots.txt`.
//!
//! The sitemap protocol requires absolute URLs, so the sitemap is written
//! only when a base URL is known; robots.txt points to it then. Page URLs in
//! the sitemap use the folder form (`csdl/<slug>/`) that servers resolve.

use crate::text::escape_xml;

/// The sitemap for the site's HTML pages, or None without a base URL.
pub fn sitemap(html_paths: impl Iterator<Item = impl AsRef<str>>, base_url: Option<&str>) -> Option<String> {
    let base = base_url?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in html_paths {
        let path = path.as_ref();
        // The 404 page and the search page are not content to index.
        if path == "404.html" || path.starts_with("tim-kiem/") || !path.ends_with(".html") {
            continue;
        }
        let pretty = path.strip_suffix("index.html").unwrap_or(path);
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape_xml(&format!("{base}{pretty}"))));
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

pub fn robots(base_url: Option<&str>) -> String {
    match base_url {
        Some(base) => format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"),
        None => "User-agent: *\nAllow: /\n".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_needs_a_base_url_and_lists_pretty_urls() {
        assert!(sitemap(["index.html"].iter(), None).is_none());
        let xml =
            sitemap(["index.html", "csdl/x/index.html", "404.html", "style.css"].iter(), Some("https://e.org/dm/"))
                .unwrap();
        assert!(xml.contains("<loc>https://e.org/dm/</loc>"));
        assert!(xml.contains("<loc>https://e.org/dm/csdl/x/</loc>"));
        assert!(!xml.contains("404"));
        assert!(!xml.contains("style.css"));
    }
}
