//! Markdown to safe HTML.
//!
//! Content comes from many editors, so raw HTML inside it is never trusted:
//! after pulldown-cmark renders it, ammonia (a maintained allow-list
//! sanitizer) removes scripts, event handlers, `javascript:` links, frames
//! and styles while keeping ordinary formatting, tables and links.

use crate::content_links::{LinkTargets, rewrite};
use pulldown_cmark::{Event, Options, Parser, Tag, html};
use std::sync::OnceLock;

mod depth;
pub use depth::{Depth, MAX_DEPTH};

/// Where a piece of Markdown comes from and is shown, so that its links to
/// content files and site pages become relative links for that page.
pub struct LinkContext<'a> {
    /// The content file the Markdown is in.
    pub from_file: &'a str,
    /// The page's way back to the site root, e.g. "../../".
    pub root: &'a str,
    pub targets: &'a LinkTargets,
}

/// The first byte of `markdown` where its nesting goes past [`MAX_DEPTH`].
pub fn too_deep_at(markdown: &str) -> Option<usize> {
    depth::too_deep_in(pulldown_cmark::Parser::new_ext(markdown, options()).into_offset_iter())
}

pub fn options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options
}

/// Renders Markdown to sanitized HTML, rewriting internal links for the
/// page described by `links`.
pub fn to_html(markdown: &str, links: Option<&LinkContext>) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    let mut plain = true;
    let mut depth = Depth::default();
    let events = Parser::new_ext(markdown, options())
        .map(|event| match (event, links) {
            (Event::Start(Tag::Link { link_type, dest_url, title, id }), Some(cx)) => Event::Start(Tag::Link {
                link_type,
                dest_url: rewrite(&dest_url, cx.from_file, cx.root, cx.targets).into(),
                title,
                id,
            }),
            (Event::Start(Tag::Image { link_type, dest_url, title, id }), Some(cx)) => Event::Start(Tag::Image {
                link_type,
                dest_url: rewrite(&dest_url, cx.from_file, cx.root, cx.targets).into(),
                title,
                id,
            }),
            (event, _) => event,
        })
        .inspect(|event| {
            plain &= is_plain(event);
            depth.push(event);
        });
    html::push_html(&mut html, events);
    // Nested past the limit, the sanitizer's parser would take time that
    // grows with depth times tags (see `depth`); validation refuses such
    // content, and what reaches here anyway (an old version's) is shown
    // as its plain text.
    if depth.is_too_deep() {
        return format!("<p>{}</p>", crate::text::escape_xml(&to_plain_text(markdown)));
    }
    // Sanitizing re-parses the HTML: a third of the time Markdown takes.
    // Text alone needs none, since pulldown-cmark escapes it.
    if plain { html } else { sanitizer().clean(&html).to_string() }
}

/// Whether pulldown-cmark prints `event` as escaped text or as a tag with
/// no attribute ammonia would remove: no raw HTML, no link or image (their
/// URLs need checking), no fenced code's class, no table alignment's style.
fn is_plain(event: &Event) -> bool {
    use pulldown_cmark::CodeBlockKind;
    match event {
        Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak | Event::Rule | Event::End(_) => true,
        Event::Start(tag) => match tag {
            Tag::Paragraph
            | Tag::List(_)
            | Tag::Item
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::BlockQuote(None)
            | Tag::CodeBlock(CodeBlockKind::Indented) => true,
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => info.is_empty(),
            Tag::Heading { id, classes, attrs, .. } => id.is_none() && classes.is_empty() && attrs.is_empty(),
            Tag::Table(alignments) => alignments.iter().all(|a| *a == pulldown_cmark::Alignment::None),
            _ => false,
        },
        _ => false,
    }
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .url_schemes(crate::urls::LINK_SCHEMES.into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            .add_tag_attributes("th", ["scope"])
            .add_tag_attributes("ol", ["start"]);
        builder
    })
}

/// Markdown to plain text (for descriptions and search), without markup.
pub fn to_plain_text(markdown: &str) -> String {
    let mut plain = PlainText::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        plain.push(&event);
    }
    plain.finish()
}

/// Plain text gathered from Markdown events: the words of text and code,
/// joined by single spaces as they come (no second pass), paragraphs,
/// items, headings and line breaks read as spaces.
#[derive(Default)]
pub struct PlainText {
    out: String,
    /// Whether whitespace came since the last word.
    space: bool,
}

impl PlainText {
    pub fn with_capacity(capacity: usize) -> Self {
        PlainText { out: String::with_capacity(capacity), space: false }
    }

    pub fn push(&mut self, event: &pulldown_cmark::Event) {
        use pulldown_cmark::{Event, Tag, TagEnd};
        match event {
            Event::Text(text) | Event::Code(text) => {
                for (i, word) in text.split(char::is_whitespace).enumerate() {
                    self.space |= i > 0;
                    if !word.is_empty() {
                        if self.space && !self.out.is_empty() {
                            self.out.push(' ');
                        }
                        self.out.push_str(word);
                        self.space = false;
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => self.space = true,
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => self.space = true,
            // A tight list's item holds its text without a paragraph: its
            // nested list must not glue on to that text.
            Event::Start(Tag::List(_) | Tag::Item) => self.space = true,
            _ => {}
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// The text so far, in a string of its own size; the joiner is left
    /// empty with its buffer kept, to gather the next text without growing.
    pub fn take(&mut self) -> String {
        let text = self.out.as_str().to_owned();
        self.out.clear();
        self.space = false;
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::TagEnd;

    /// Text that skips the sanitizer is what the sanitizer would have kept.
    #[test]
    fn plain_markdown_needs_no_sanitizing() {
        for markdown in [
            "Một đoạn *nhấn mạnh*, **đậm**, ~~gạch~~ và `mã <b>`.\n\nDòng hai  \nngắt dòng.",
            "# Tiêu đề\n\n> Trích dẫn\n\n---\n\n    mã thụt lề & <x>\n",
            "```\nmã \"rào\" <script>\n```\n",
            "3. Ba\n4. Bốn\n\n- a\n  - b\n",
            "| A | B |\n|---|---|\n| 1 < 2 | \"x\" & y |\n",
            "Kí tự &amp; thực thể &lt;b&gt; và <https://x.vn> tự liên kết",
        ] {
            let mut raw = String::new();
            html::push_html(&mut raw, Parser::new_ext(markdown, options()));
            let direct = to_html(markdown, None);
            assert_eq!(sanitizer().clean(&direct).to_string(), sanitizer().clean(&raw).to_string(), "{markdown}");
        }
        // Autolinks, raw HTML, fenced code with a language and aligned
        // tables all go through the sanitizer.
        for markdown in ["<https://x.vn>", "a <b>b</b>", "```js\nx\n```", "| A |\n|:-:|\n| 1 |", "[a](b)"] {
            assert!(!Parser::new_ext(markdown, options()).all(|e| is_plain(&e)), "{markdown}");
        }
    }

    #[test]
    fn plain_text_keeps_words_apart() {
        assert_eq!(to_plain_text("1. một\n2. hai\n   - ba\n   - bốn\n\nnăm"), "một hai ba bốn năm");
        assert_eq!(
            to_plain_text("Đoạn *nhấn*\nmạnh  \nngắt `mã`\n\n# Tiêu đề\n> trích"),
            "Đoạn nhấn mạnh ngắt mã Tiêu đề trích"
        );
    }

    #[test]
    fn lists_and_tables_render() {
        let html = to_html("Intro:\n\n- Một\n- Hai\n\n| A | B |\n|---|---|\n| 1 | 2 |\n", None);
        assert!(html.contains("<li>Một</li>"), "{html}");
        assert!(html.contains("<table>"), "{html}");
    }

    /// Known XSS payloads (from the OWASP filter evasion cheat sheet and
    /// Markdown-specific ones); none may leave anything executable.
    const XSS_PAYLOADS: &[&str] = &[
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<img src=\"jav&#x09;ascript:alert(1)\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<style>@import 'http://xss.example/x.css';</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "![x](javascript:alert(1))",
        "[x]: javascript:alert(1)\n\n[x]",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"http://xss.example/x.css\">",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
    ];

    #[test]
    fn known_xss_payloads_are_neutralised() {
        for payload in XSS_PAYLOADS {
            let html = to_html(&format!("Đoạn văn.\n\n{payload}\n"), None).to_lowercase();
            for bad in [
                "<script",
                "javascript:",
                "vbscript:",
                "data:text",
                " on",
                "<iframe",
                "<style",
                "<object",
                "<embed",
                "<svg",
                "<form",
                "<input",
                "<meta",
                "<base",
                "<link",
                "srcdoc",
                "style=",
            ] {
                let hit = if bad == " on" {
                    html.contains(" onerror")
                        || html.contains(" onload")
                        || html.contains(" onclick")
                        || html.contains(" onfocus")
                        || html.contains(" ontoggle")
                } else {
                    html.contains(bad)
                };
                assert!(!hit, "{bad} survived {payload:?}: {html}");
            }
        }
    }

    #[test]
    fn ordinary_formatting_tables_and_links_remain() {
        let html =
            to_html("**đậm** *nghiêng* [Cổng](https://quangninh.gov.vn)\n\n| A | B |\n|---|---|\n| 1 | 2 |\n", None);
        assert!(html.contains("<strong>đậm</strong>") && html.contains("<em>nghiêng</em>"), "{html}");
        assert!(html.contains("<a href=\"https://quangninh.gov.vn\" rel=\"noopener noreferrer\">Cổng</a>"), "{html}");
        assert!(html.contains("<td>1</td>"), "{html}");
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(to_plain_text("## Mục\n\n- **Một**\n- Hai"), "Mục Một Hai");
        // What joining the pieces and collapsing whitespace afterwards gives.
        for markdown in [
            "dữ*liệu* và  `mã`\n\n  - a\n- b",
            "  đầu và cuối  ",
            "không\u{a0}ngắt và\u{2003}em",
            "Câu một.\nCâu hai.  \nNgắt cứng.",
            "**Đậm**, *nghiêng* và ~~gạch~~",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "",
        ] {
            let mut joined = String::new();
            for event in Parser::new(markdown) {
                match event {
                    Event::Text(text) | Event::Code(text) => joined.push_str(&text),
                    Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                        joined.push(' ')
                    }
                    _ => {}
                }
            }
            let expected = joined.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(to_plain_text(markdown), expected, "{markdown:?}");
        }
    }

    // Nesting depth (markdown/depth.rs), through the parse with this
    // module's options.

    fn deepest(markdown: &str) -> Option<usize> {
        too_deep_at(markdown)
    }

    #[test]
    fn ordinary_text_is_far_from_the_limit() {
        let ordinary = "Đoạn *nhấn* **mạnh** [liên kết](https://a.vn).\n\n- một\n  - hai\n    - ba\n\n> trích\n\n\
                        <div><p>a<p>b<br><img src=x></div>\n\n<table><tr><td>1<td>2<tr><td>3</table>\n\n\
                        <ul><li>a<li>b<li>c</ul>\n";
        assert_eq!(deepest(ordinary), None);
        // Two hundred paragraphs and list items left unclosed are siblings.
        let siblings = format!("<div>{}</div>\n\n<ul>{}</ul>\n", "<p>x".repeat(200), "<li>x".repeat(200));
        assert_eq!(deepest(&siblings), None);
    }

    /// Regression: 60,000 nested `<div>` took 10 s to build.
    #[test]
    fn nested_html_markdown_quotes_and_lists_past_the_limit_are_found() {
        let divs = format!("Trước.\n\n{}x{}\n", "<div>".repeat(60_000), "</div>".repeat(60_000));
        assert_eq!(deepest(&divs), Some("Trước.\n\n".len() + 100 * "<div>".len()), "the 101st <div>");
        assert!(deepest(&format!("{}x [a](https://a.vn)\n", ">".repeat(5_000))).is_some());
        assert!(deepest(&format!("{}x\n", "- ".repeat(200))).is_some());
        assert!(deepest(&format!("{}x{}", "<span>".repeat(101), "</span>".repeat(101))).is_some());
        assert_eq!(deepest(&format!("{}x{}", "<span>".repeat(90), "</span>".repeat(90))), None);
    }

    /// What validation did not stop (an old version's text) is shown as
    /// its plain text, never handed to the sanitizer.
    #[test]
    fn html_too_deep_becomes_plain_text() {
        let divs = format!("Đoạn *đầu* & <b>cuối</b>.\n\n{}x{}\n", "<div>".repeat(60_000), "</div>".repeat(60_000));
        assert_eq!(to_html(&divs, None), "<p>Đoạn đầu &amp; cuối.</p>");
    }

    #[test]
    fn stray_angle_brackets_are_never_taken_as_deep() {
        for odd in ["<".repeat(100_000), "<a".repeat(100_000), "</x>".repeat(100_000), "<!--".repeat(100_000)] {
            assert_eq!(deepest(&odd), None, "{}", &odd[..8]);
        }
    }
}
