//! One entry file as `danhmuc new` and `danhmuc import` write it: its path
//! under `content/csdl/` and its text, front matter and the four sections.
//! The front matter is written by a YAML serializer, so a value with a
//! quote, a colon, a `#`, a leading `-` or a line break reads back as the
//! same text and never as another key; the body is checked to split back
//! into the four sections, so a cell cannot add a fifth.

use crate::model::{Group, SECTION_HEADINGS};
use serde::Serialize;

/// The part of a short name kept in a file name (`a-07-csdl-dat-dai.md`).
const FILE_NAME_SLUG_LEN: usize = 40;

/// An entry about to be written. `slug` must be a valid slug (the caller
/// checks it with `model::Slug`); it is written only when it differs from
/// the one the title gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFile {
    pub title: String,
    pub slug: String,
    pub group: Group,
    pub number: u32,
    pub sector: String,
    pub agencies: Vec<String>,
    pub notes: Option<String>,
    /// Words people search by (the front matter's `keywords`).
    pub keywords: Vec<String>,
    /// The Markdown under each of [`SECTION_HEADINGS`], in order.
    pub sections: [String; 4],
}

#[derive(Serialize)]
struct FrontMatter<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    slug: Option<&'a str>,
    group: &'a str,
    number: u32,
    sector: &'a str,
    agencies: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    keywords: &'a [String],
}

/// Why an entry's text could not be written as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryFileError {
    /// A section's Markdown holds a level-1 or level-2 heading, which would
    /// read as a section of its own: the heading of the section it is in.
    HeadingInSection(&'static str),
}

impl std::fmt::Display for EntryFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntryFileError::HeadingInSection(heading) => write!(
                f,
                "nội dung “{heading}” có dòng được hiểu là tiêu đề mục (## …, hay một dòng chỉ có --- ngay dưới một dòng chữ); viết lại dòng đó"
            ),
        }
    }
}

impl EntryFile {
    /// The file's project path: group, two-digit number and the slug cut
    /// at a hyphen to at most 40 characters.
    pub fn path(&self) -> String {
        format!("{}/{}-{:02}-{}.md", super::ENTRIES_DIR, self.group.slug(), self.number, short(&self.slug))
    }

    /// The file's text. A missing `notes` is written as a comment showing
    /// where it goes.
    pub fn text(&self) -> Result<String, EntryFileError> {
        let front = FrontMatter {
            title: &self.title,
            slug: (self.slug != crate::text::slugify(&self.title)).then_some(self.slug.as_str()),
            group: self.group.code(),
            number: self.number,
            sector: &self.sector,
            agencies: &self.agencies,
            notes: self.notes.as_deref(),
            keywords: &self.keywords,
        };
        let mut options = serde_saphyr::SerializerOptions::default();
        // One line a value, as editors write them; lists indented under
        // their key, as in every entry of the catalog.
        options.prefer_block_scalars = false;
        options.compact_list_indent = false;
        // Plain strings and numbers only: serializing cannot fail.
        let yaml = serde_saphyr::to_string_with_options(&front, options).unwrap_or_default();
        let mut text = format!("---\n{yaml}");
        if self.notes.is_none() {
            text.push_str("# notes: \"Căn cứ pháp lý, ví dụ: Quyết định số …\"\n");
        }
        text.push_str("---\n");
        let body_start = text.len();
        for (heading, body) in SECTION_HEADINGS.iter().zip(&self.sections) {
            let body = body.trim();
            text.push_str(&format!("\n## {heading}\n\n"));
            if !body.is_empty() {
                text.push_str(body);
                text.push('\n');
            }
        }
        let (_, sections) = super::split_sections(&text[body_start..]);
        let read: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
        if read != SECTION_HEADINGS {
            // The section before the first heading out of place is the one
            // whose text added it.
            let first = read.iter().zip(SECTION_HEADINGS).take_while(|(r, h)| *r == h).count();
            return Err(EntryFileError::HeadingInSection(SECTION_HEADINGS[first.saturating_sub(1)]));
        }
        Ok(text)
    }
}

/// An existing entry file's text with its front matter's `number:` line
/// rewritten to `number`, everything else (other keys, comments, the
/// body, line endings) as it was. None when the front matter has no
/// `number:` line of its own (a number written some other way, which
/// `danhmuc new` then leaves for the editor to change).
pub fn renumbered(text: &str, number: u32) -> Option<String> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_start_matches('\u{feff}').trim_end() != "---" {
        return None;
    }
    let mut offset = first.len();
    for line in lines {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_end() == "---" {
            return None;
        }
        if let Some(value) = content.strip_prefix("number:") {
            // A comment after the value stays.
            let comment = value.find(" #").map_or("", |at| &value[at..]);
            let ending = &line[content.len()..];
            let rewritten = format!("number: {number}{comment}{ending}");
            return Some(format!("{}{rewritten}{}", &text[..offset], &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// `slug` cut at its last hyphen within the first 40 characters.
fn short(slug: &str) -> &str {
    match slug.char_indices().nth(FILE_NAME_SLUG_LEN) {
        None => slug,
        Some((end, _)) => {
            let head = &slug[..end];
            let cut = match slug[end..].starts_with('-') {
                true => end,
                false => head.rfind('-').unwrap_or(end),
            };
            &slug[..cut]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbering_changes_the_number_line_only() {
        let text = "\u{feff}---\r\ntitle: CSDL số 12\r\ngroup: B\r\nnumber: 12 # TT\r\nsector: y-te\r\n---\r\n\r\nnumber: 12\r\n";
        let expected = "\u{feff}---\r\ntitle: CSDL số 12\r\ngroup: B\r\nnumber: 13 # TT\r\nsector: y-te\r\n---\r\n\r\nnumber: 12\r\n";
        assert_eq!(renumbered(text, 13).as_deref(), Some(expected));
        assert_eq!(renumbered("---\ntitle: x\n---\nnumber: 3\n", 4), None, "the body is not front matter");
        assert_eq!(renumbered("title: x\nnumber: 3\n", 4), None);
    }

    fn entry(title: &str, notes: Option<&str>, sections: [&str; 4]) -> EntryFile {
        EntryFile {
            title: title.to_string(),
            slug: crate::text::slugify(title),
            group: Group::B,
            number: 7,
            sector: "noi-vu".to_string(),
            agencies: vec!["so-noi-vu".to_string(), "so-y-te".to_string()],
            notes: notes.map(str::to_string),
            keywords: Vec::new(),
            sections: sections.map(str::to_string),
        }
    }

    /// Guards against values that YAML would read as something else (a
    /// number, null, a comment, a list, another key) or that end the front
    /// matter: what is written parses back to the same entry.
    #[test]
    fn what_is_written_parses_back_to_the_same_entry() {
        let awkward = [
            "CSDL “đất đai”: bản đồ, hồ sơ",
            "\"Trích dẫn\" và 'nháy đơn'",
            "# không phải chú thích",
            "- không phải danh sách",
            "a: b",
            "null",
            "2025",
            "Dòng một\nwebsite: https://vi-du.vn",
            "---",
            "Kinh tế - xã hội; Ủy ban nhân dân tỉnh Quảng Ninh",
            "?x #y &z *w !v |u >t %s @r `q",
        ];
        for value in awkward {
            let mut written = entry(value, Some(value), ["a # b", "- Một\n- Hai: ba", "Dòng 1\n\nDòng 2", "“Chia sẻ”"]);
            written.slug = "mot-ma-rieng".to_string();
            let text = written.text().unwrap();
            let (file, raw) = crate::source::parse_entry("content/csdl/x.md", text.clone().into_bytes()).unwrap();
            assert_eq!(raw.title.map(|t| t.value).as_deref(), Some(value), "{text}");
            assert_eq!(raw.notes.map(|t| t.value).as_deref(), Some(value), "{text}");
            assert_eq!(raw.slug.map(|t| t.value).as_deref(), Some("mot-ma-rieng"));
            assert_eq!(raw.group.map(|t| t.value).as_deref(), Some("B"));
            assert_eq!(raw.number.map(|t| t.value), Some(7));
            assert_eq!(raw.sector.map(|t| t.value).as_deref(), Some("noi-vu"));
            let agencies: Vec<String> = raw.agencies.unwrap().value.into_iter().map(|a| a.value).collect();
            assert_eq!(agencies, ["so-noi-vu", "so-y-te"]);
            let (_, sections) = crate::source::split_sections(file.body());
            let read: Vec<(&str, &str)> =
                sections.iter().map(|s| (s.heading.as_str(), file.body()[s.content.clone()].trim())).collect();
            assert_eq!(
                read,
                SECTION_HEADINGS.iter().copied().zip(written.sections.iter().map(|s| s.as_str())).collect::<Vec<_>>()
            );
        }
    }

    /// Guards against a cell adding a section of its own, which the
    /// entry's page would show under a heading the decision does not have.
    #[test]
    fn a_heading_inside_a_section_is_refused() {
        for body in ["Mục đích chính\n\n## Phạm vi giả", "Dòng chữ\n---", "- ## trong danh sách"] {
            let written = entry("CSDL thử", None, ["Quản lý.", body, "Thu thập.", "Chia sẻ."]);
            assert_eq!(written.text(), Err(EntryFileError::HeadingInSection("Phạm vi, nội dung chính")), "{body}");
        }
    }

    #[test]
    fn the_slug_is_written_only_when_the_title_does_not_give_it() {
        let text = entry("CSDL đất đai", None, ["", "", "", ""]).text().unwrap();
        assert!(
            text.starts_with(
                "---\ntitle: CSDL đất đai\ngroup: B\nnumber: 7\nsector: noi-vu\nagencies:\n  - so-noi-vu\n"
            ),
            "{text}"
        );
        assert!(text.contains("# notes: "));
    }

    /// Guards against a panic when a long name is cut in the middle of a
    /// multi-byte character.
    #[test]
    fn file_names_are_cut_at_a_hyphen_within_forty_characters() {
        let mut written = entry("x", None, ["", "", "", ""]);
        written.slug = "co-so-du-lieu-ve-quan-ly-dat-dai-va-tai-nguyen-moi-truong".to_string();
        assert_eq!(written.path(), "content/csdl/b-07-co-so-du-lieu-ve-quan-ly-dat-dai-va-tai.md");
        assert_eq!(short("đất-đai-".repeat(20).as_str()).chars().count(), 39);
        assert_eq!(short("abc"), "abc");
    }
}
