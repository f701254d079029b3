//! How deep the HTML made from a piece of Markdown nests, followed event by
//! event, so that content nested too deep is refused before the sanitizer
//! sees it.
//!
//! The sanitizer's HTML parser (html5ever, doing what the HTML standard
//! says) looks through the open elements at each new tag ("has an element
//! in scope"), so its time grows with the depth times the number of tags:
//! 60,000 nested `<div>` in one entry took 10 s to build, and 5,000 nested
//! quotes (`>>>>…`) with one link as long. A browser's parser does the
//! same work again for every reader. No catalog text needs more than a
//! handful of levels, so the depth is bounded rather than the parser
//! replaced: validation reports content nested deeper than [`MAX_DEPTH`]
//! (`nesting-too-deep`), and `to_html` never hands such HTML to the
//! sanitizer.

use pulldown_cmark::{Event, Tag, TagEnd};

/// How many elements deep the HTML of a text may nest: the Markdown's own
/// blocks and inlines (a quote, a list and its item, emphasis) and the
/// elements its raw HTML opens.
pub const MAX_DEPTH: usize = 100;

/// Elements with no content and no end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose start closes an open paragraph (`<p>a<div>` closes the
/// paragraph first).
const CLOSES_PARAGRAPH: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// The depth of the HTML made from Markdown events so far. It errs on the
/// deep side: an end tag left out is taken as HTML takes it only where the
/// element is closed at once (`<li>a<li>b`, `<p>a<p>b`, table cells and
/// rows); elsewhere the element counts as open. Once past [`MAX_DEPTH`] it
/// stops following, so that each event costs time bounded by its length.
#[derive(Debug, Default)]
pub struct Depth {
    /// Markdown elements open.
    markdown: usize,
    /// Elements opened by raw HTML and not yet closed, innermost last
    /// (never more than [`MAX_DEPTH`] + 1).
    html: Vec<String>,
    too_deep: bool,
}

impl Depth {
    /// Follows `event`. On the event that takes the nesting past
    /// [`MAX_DEPTH`], and on that one only, says where in it: the byte of
    /// its raw HTML where the tag that went too deep starts, or 0.
    pub fn push(&mut self, event: &Event) -> Option<usize> {
        if self.too_deep {
            return None;
        }
        let mut at = 0;
        match event {
            // Markers around raw HTML or front matter, not elements.
            Event::Start(Tag::HtmlBlock | Tag::MetadataBlock(_))
            | Event::End(TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {}
            Event::Start(_) => self.markdown += 1,
            Event::End(_) => self.markdown = self.markdown.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => at = self.follow_html(html),
            _ => {}
        }
        self.too_deep = self.markdown + self.html.len() > MAX_DEPTH;
        self.too_deep.then_some(at)
    }

    pub fn is_too_deep(&self) -> bool {
        self.too_deep
    }

    /// Follows the tags of a piece of raw HTML, each looked at once; stops
    /// at the tag that goes too deep and returns where it starts.
    fn follow_html(&mut self, html: &str) -> usize {
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            let start = html.len() - rest.len() + at;
            rest = &rest[at + 1..];
            if let Some(comment) = rest.strip_prefix("!--") {
                rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
                continue;
            }
            let (closing, tag) = match rest.strip_prefix('/') {
                Some(tag) => (true, tag),
                None => (false, rest),
            };
            if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            let name_end = tag.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(tag.len());
            let name = tag[..name_end].to_ascii_lowercase();
            let Some(end) = tag[name_end..].find('>') else {
                // No `>` in the rest: no other tag ends here either.
                if !closing {
                    self.open(name);
                }
                return start;
            };
            let self_closing = tag[name_end..name_end + end].ends_with('/');
            rest = &tag[name_end + end + 1..];
            if closing {
                self.close(&name);
            } else if !self_closing && !VOID.contains(&name.as_str()) {
                self.open(name);
                if self.markdown + self.html.len() > MAX_DEPTH {
                    return start;
                }
            }
        }
        0
    }

    fn open(&mut self, name: String) {
        let top_is = |html: &[String], names: &[&str]| html.last().is_some_and(|top| names.contains(&top.as_str()));
        if CLOSES_PARAGRAPH.contains(&name.as_str()) && top_is(&self.html, &["p"]) {
            self.html.pop();
        }
        let closed_by_sibling: &[&str] = match name.as_str() {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "td" | "th" | "tr" => &["td", "th"],
            "option" => &["option"],
            _ => &[],
        };
        if top_is(&self.html, closed_by_sibling) {
            self.html.pop();
        }
        if name == "tr" && top_is(&self.html, &["tr"]) {
            self.html.pop();
        }
        self.html.push(name);
    }

    /// Closes the innermost open element named `name` and every element
    /// inside it; an end tag with nothing to close is ignored.
    fn close(&mut self, name: &str) {
        if let Some(at) = self.html.iter().rposition(|open| open == name) {
            self.html.truncate(at);
        }
    }
}

/// The first byte where the nesting of a parse's events (with their
/// ranges) goes past [`MAX_DEPTH`]. The parse is the caller's, so that this
/// module needs nothing of the Markdown options above it.
pub fn too_deep_in<'a>(
    events: impl Iterator<Item = (pulldown_cmark::Event<'a>, std::ops::Range<usize>)>,
) -> Option<usize> {
    let mut depth = Depth::default();
    events.into_iter().find_map(|(event, range)| depth.push(&event).map(|at| range.start + at))
}
