//! Splitting an entry's Markdown body at its level-2 headings.
//!
//! The headings are found with the Markdown parser, not by matching lines,
//! so a "## " inside a code block or a list is not mistaken for a section.

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
}

/// The body's text before the first level-2 heading, and the sections.
pub fn split_sections(body: &str) -> (Range<usize>, Vec<RawSection>) {
    let mut sections: Vec<RawSection> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => {
                if let Some(last) = sections.last_mut() {
                    last.content.end = range.start;
                }
                current = Some((range.start, String::new()));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, heading)) = current.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some((start, heading)) = current.take() {
                    sections.push(RawSection {
                        heading: heading.trim().to_string(),
                        heading_start: start,
                        content: range.end..body.len(),
                    });
                }
            }
            _ => {}
        }
    }
    let preamble_end = sections.first().map_or(body.len(), |s| s.heading_start);
    (0..preamble_end, sections)
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

    #[test]
    fn text_before_the_first_heading_is_the_preamble() {
        let body = "Lời mở đầu\n\n## Mục đích\nA\n";
        let (preamble, sections) = split_sections(body);
        assert_eq!(body[preamble].trim(), "Lời mở đầu");
        assert_eq!(sections.len(), 1);
    }
}
