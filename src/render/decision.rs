//! The decision page's text from the structured decision: its legal bases,
//! "QUYẾT ĐỊNH:", and each article under a heading of its own ("Điều 2. Tổ
//! chức thực hiện", anchored `#dieu-2`) so that a reader can link to it. The
//! Word document lays out the same parts as the signed text prints them
//! (`export/docx.rs`).

use crate::markdown::LinkContext;
use crate::model::Decision;
use crate::text::escape_xml;

/// The body of the decision page, as HTML.
pub(super) fn body_html(decision: &Decision, links: &LinkContext) -> String {
    let html = |markdown: &str| crate::markdown::to_html(markdown, Some(links));
    let mut out = String::new();
    for basis in &decision.text.bases {
        out.push_str(&html(basis));
    }
    if !decision.text.articles.is_empty() {
        out.push_str("<p class=\"decides\"><strong>QUYẾT ĐỊNH:</strong></p>\n");
    }
    for article in &decision.text.articles {
        out.push_str(&format!("<h2 id=\"dieu-{}\">{}</h2>\n", article.number, escape_xml(&article.title())));
        out.push_str(&html(&article.text));
    }
    out
}
