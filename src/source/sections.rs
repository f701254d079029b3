//! Splitting an entry's Markdown body at its level-2 headings.
//!
//! The headings are found with the Markdown parser, not by matching lines,
//! so a "## " inside a code block or a list is not mistaken for a section.

use crate::markdown::PlainText;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::ops::Range;

/// A `## Heading` and the Markdown under it, as byte ranges in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSection {
    pub heading: String,
    /// Where the heading line starts.
    pub heading_start: usize,
    /// The Markdown between this heading and the next level-2 heading.
    pub content: Range<usize>,
    /// The plain text of the content (`markdown::to_plain_text` of it,
    /// trimmed), taken from the body's parse when that reads the content
    /// as a parse of it alone would; None otherwise (see [`reads_alone`]).
    pub plain: Option<String>,
}

/// The body's text before the first level-2 heading, and the sections.
pub fn split_sections(body: &str) -> (Range<usize>, Vec<RawSection>) {
    let Body { preamble, sections, .. } = split_body(body);
    (preamble, sections)
}

/// An entry's body read once: what [`split_sections`] gives, and where
/// its nesting goes too deep for the page to be made safely.
#[derive(Debug)]
pub struct Body {
    pub preamble: Range<usize>,
    pub sections: Vec<RawSection>,
    /// The first byte where the body nests deeper than
    /// [`crate::markdown::MAX_DEPTH`] elements, followed in the same parse.
    pub too_deep_at: Option<usize>,
}

/// Splits `body` into its sections and measures its nesting in one parse.
pub fn split_body(body: &str) -> Body {
    let mut depth = crate::markdown::Depth::default();
    let mut too_deep_at = None;
    let mut sections: Vec<RawSection> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    // The text of the section being read (once a heading has ended): a
    // section's Markdown is parsed once here rather than once more on its
    // own (3 % of a build's instructions). Not gathered where the whole
    // body can change how a section reads: a link reference may be defined
    // in another section, and a lone carriage return ends a line too
    // (loading turns CRLF into LF).
    let gather = !(body.contains("]:") || body.contains('\r'));
    let mut plain = PlainText::default();
    let mut reading = false;
    // Without tables and strikethrough, as `markdown::to_plain_text` reads:
    // they add a level or two at most to what `to_html` makes, whose own
    // check is the last word.
    for (event, range) in Parser::new(body).into_offset_iter() {
        if let Some(at) = depth.push(&event) {
            too_deep_at = Some(range.start + at);
        }
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => {
                if let Some(last) = sections.last_mut() {
                    last.content.end = range.start;
                    last.plain = reading.then(|| plain.take());
                }
                reading = false;
                current = Some((range.start, String::new()));
            }
            Event::Text(text) | Event::Code(text) if current.is_some() => {
                if let Some((_, heading)) = current.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) if current.is_some() => {
                if let Some((start, heading)) = current.take() {
                    sections.push(RawSection {
                        heading: heading.trim().to_string(),
                        heading_start: start,
                        content: range.end..body.len(),
                        plain: None,
                    });
                    reading = gather;
                }
            }
            event if reading => plain.push(&event),
            _ => {}
        }
    }
    if let Some(last) = sections.last_mut() {
        last.plain = reading.then(|| plain.take());
    }
    for section in &mut sections {
        if section.plain.is_some() && !reads_alone(body, section) {
            section.plain = None;
        }
    }
    let preamble_end = sections.first().map_or(body.len(), |s| s.heading_start);
    Body { preamble: 0..preamble_end, sections, too_deep_at }
}

/// Whether the body's parse reads a section's content as a parse of the
/// trimmed content alone does. A level-2 heading at the start of a line
/// closes every block before it, so a content between two such headings
/// (or the end) starts and ends at the top level; what could still differ
/// is what trimming takes from the first and last lines (an indented
/// first line is a code block in the body and a paragraph once trimmed;
/// spaces or tabs after the last one can be code); [`split_sections`]
/// rules out link references and carriage returns. A heading inside a list
/// or quote does not start a line.
fn reads_alone(body: &str, section: &RawSection) -> bool {
    let at_line_start = |i: usize| i == 0 || i == body.len() || body.as_bytes()[i - 1] == b'\n';
    let at_line_end = |i: usize| i == body.len() || body.as_bytes()[i] == b'\n';
    let content = &body[section.content.clone()];
    let first = section.content.start + content.find(|c: char| !c.is_whitespace()).unwrap_or(content.len());
    let end = section.content.start + content.trim_end().len();
    at_line_start(section.heading_start)
        && at_line_start(section.content.end)
        && (first == section.content.end || (at_line_start(first) && at_line_end(end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_split_at_level_two_headings_only() {
        let body = "\n## Mục đích\n\nA\n\n### Chi tiết\n\nB\n\n```\n## not a heading\n```\n\n## Cơ chế thu thập\nC\n";
        let (preamble, sections) = split_sections(body);
        assert_eq!(body[preamble].trim(), "");
        let headings: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["Mục đích", "Cơ chế thu thập"]);
        assert!(body[sections[0].content.clone()].contains("### Chi tiết"));
        assert!(body[sections[0].content.clone()].contains("## not a heading"));
        assert_eq!(body[sections[1].content.clone()].trim(), "C");
    }

    /// Every section whose plain text the body's parse gave.
    fn plain_texts_given(body: &str) -> usize {
        let (_, sections) = split_sections(body);
        let mut given = 0;
        for section in sections {
            if let Some(plain) = section.plain {
                let alone = crate::markdown::to_plain_text(body[section.content.clone()].trim());
                assert_eq!(plain, alone, "section “{}” of {body:?}", section.heading);
                given += 1;
            }
        }
        given
    }

    const TRICKY: &[&str] = &[
        "## A\n    indented *code*\n## B\ntext *em* `code`\n",
        "## A\n\n[x][r] and [y]\n\n## B\n\n[r]: /u\n",
        "- ## A\n  item *x*\n## B\nc\n",
        "> ## A\n> quoted\n\nafter\n## B\nx\n",
        "## A\n<div>\n*x*\n</div>\n\n*y*\n## B\n",
        "## A\n```\n## not a heading\n```\ntext *em*\n## B\n",
        "Setext\n--\ntext\n## B\n  two spaces *y*\n",
        "## A\n\ttab *t*\n## B\n\n\n   three *spaces*\n",
        "## A\ntext\\\nhard break\n## B\n&amp; &#x301;e &copy;\n",
        "## A\n1. one\n2. two\n   - nested\n\n## B\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        "## A\n<!--\n## hidden\n-->\nvisible\n## B\nx\n",
        "## A\ntext\n===\n## B\n### C\nd\n",
        "##A\n## B ##\ntext  \nmore\n## C\n",
        "## A\n- a\n\n  b\n- c\n> d\ne\n## B\n<https://x.vn> a<b>c</b>\n",
        "## A\n0.# A\n0. one\n~~~~~~~~~~~~~~~~~~~\t\t one\n~~~~~~~~~~~~~~~~~~~\t\t",
        "## A\ntext\r*/\r>\n## B\r\nx\r\n",
    ];

    /// Where the body's parse gives a section's plain text, a parse of
    /// the trimmed content alone gives the same; it does for ordinary
    /// sections.
    #[test]
    fn plain_text_from_the_body_is_the_contents_own() {
        let mut given = 0;
        for body in TRICKY {
            given += plain_texts_given(body);
        }
        assert!(given > 10, "{given}");
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/content");
        let mut entries = 0;
        for file in walkdir::WalkDir::new(content).into_iter().map(Result::unwrap) {
            if file.path().extension().is_some_and(|e| e == "md") {
                let body = std::fs::read_to_string(file.path()).unwrap();
                assert!(plain_texts_given(&body) >= 4 || body.contains("]:"), "{}", file.path().display());
                entries += 1;
            }
        }
        assert!(entries >= 44, "{entries}");
    }

    /// The same on thousands of mutations of the tricky bodies: pieces of
    /// Markdown inserted, bytes dropped and repeated.
    #[test]
    fn plain_text_from_the_body_survives_mutations() {
        let mut random = crate::xorshift(0x2545_f491_4f6c_dd1d);
        let mut next = move || random() as usize;
        let pieces = [
            "\n## ", "\n", "    ", "\t", "- ", "> ", "*", "`", "```\n", "[a]", "]: /x\n", "(u)", "<b>", "&amp;", "\\",
            "---\n", "1. ", "|", "ệ", " ", "~~~", "  \n", "\r",
        ];
        let mut given = 0;
        for _ in 0..4000 {
            let mut body = TRICKY[next() % TRICKY.len()].to_string();
            for _ in 0..(next() % 6 + 1) {
                let mut at = next() % (body.len() + 1);
                while !body.is_char_boundary(at) {
                    at -= 1;
                }
                match next() % 3 {
                    0 => body.insert_str(at, pieces[next() % pieces.len()]),
                    1 => {
                        let mut end = (at + next() % 12).min(body.len());
                        while !body.is_char_boundary(end) {
                            end -= 1;
                        }
                        body.replace_range(at..end, "");
                    }
                    _ => {
                        let copy = body[at..].to_string();
                        body.push_str(&copy);
                    }
                }
            }
            given += plain_texts_given(&body);
        }
        assert!(given > 4000, "{given}");
    }

    #[test]
    fn text_before_the_first_heading_is_the_preamble() {
        let body = "Lời mở đầu\n\n## Mục đích\nA\n";
        let (preamble, sections) = split_sections(body);
        assert_eq!(body[preamble].trim(), "Lời mở đầu");
        assert_eq!(sections.len(), 1);
    }
}
