//! Markdown to safe HTML.
//!
//! Content comes from many editors, so raw HTML inside it is never trusted:
//! after pulldown-cmark renders it, ammonia (a maintained allow-list
//! sanitizer) removes scripts, event handlers, `javascript:` links, frames
//! and styles while keeping ordinary formatting, tables and links.

use pulldown_cmark::{Options, Parser, html};
use std::sync::OnceLock;

/// Renders Markdown to sanitized HTML.
pub fn to_html(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    sanitizer().clean(&unsafe_html).to_string()
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            .add_tag_attributes("th", ["scope"])
            .add_tag_attributes("ol", ["start"]);
        builder
    })
}

/// Markdown to plain text (for descriptions and search), without markup.
pub fn to_plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_tables_render() {
        let html = to_html("Intro:\n\n- Một\n- Hai\n\n| A | B |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<li>Một</li>"), "{html}");
        assert!(html.contains("<table>"), "{html}");
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<iframe src=\"https://e.org\"></iframe><style>body{}</style>",
        );
        for bad in ["<script", "onerror", "javascript:", "<iframe", "<style"] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(to_plain_text("## Mục\n\n- **Một**\n- Hai"), "Mục Một Hai");
    }
}
