//! The decision's body read once into its parts: the legal bases ("Căn cứ
//! …", "Theo đề nghị …") before "QUYẾT ĐỊNH:", and the articles, each with
//! its number, heading and text. The decision page and the Word document
//! both lay out these parts, so neither has to recognise words such as
//! "Căn cứ" while writing.
//!
//! An article starts at a heading "## Điều 2. Tổ chức thực hiện" (any
//! level) or at a paragraph that opens with bold "**Điều 1.**" (the bold
//! may hold the heading too: "**Điều 2. Tổ chức thực hiện**"); a plain
//! paragraph that happens to begin with "Điều 3." stays text, since an
//! article's points often cite other articles. Everything before the first
//! article is a legal basis, one per block, except a paragraph that says
//! only "QUYẾT ĐỊNH:", which the layouts write themselves.

use crate::diagnostics::{Code, Diagnostic, Report};
use crate::model::{Article, DecisionText};
use pulldown_cmark::{Event, Parser, Tag};
use std::ops::Range;

/// Where an article starts in the body: its number, heading, the range of
/// the block that opens it and where its text begins.
struct Start {
    number: u32,
    heading: String,
    block: Range<usize>,
    text_from: usize,
}

/// One block at the top of the body: its range and, when it could open an
/// article or be the "QUYẾT ĐỊNH:" line, what it says.
struct Block {
    range: Range<usize>,
    kind: Kind,
}

enum Kind {
    Article { number: u32, heading: String, text_from: usize },
    Decides,
    Other,
}

/// "Điều 2. Tổ chức thực hiện" → (2, "Tổ chức thực hiện").
fn article_title(text: &str) -> Option<(u32, String)> {
    let rest = text.trim().strip_prefix("Điều")?.trim_start();
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let number = rest[..digits].parse().ok()?;
    let heading = rest[digits..].strip_prefix('.')?;
    Some((number, heading.trim().to_string()))
}

fn is_decides(text: &str) -> bool {
    matches!(text.trim(), "QUYẾT ĐỊNH:" | "QUYẾT ĐỊNH")
}

/// The blocks at the top level of `body`, each with what it opens.
fn blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    // The block being read: its range, whether it is a heading, its text,
    // and the bold run it opens with (its text and range), if any.
    let mut range = 0..0;
    let mut is_heading = false;
    let mut text = String::new();
    let mut opening_bold: Option<(String, Range<usize>)> = None;
    let mut in_opening_bold = false;
    let mut first_event = false;
    for (event, at) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    range = at.clone();
                    is_heading = matches!(tag, Tag::Heading { .. });
                    text.clear();
                    opening_bold = None;
                    first_event = matches!(tag, Tag::Paragraph);
                } else if first_event && matches!(tag, Tag::Strong) {
                    opening_bold = Some((String::new(), at.clone()));
                    in_opening_bold = true;
                    first_event = false;
                } else {
                    first_event = false;
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth <= 1 {
                    in_opening_bold = false;
                }
                if depth == 0 {
                    out.push(Block {
                        range: range.clone(),
                        kind: kind(is_heading, &text, opening_bold.take(), &range),
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if in_opening_bold && let Some((bold, _)) = opening_bold.as_mut() {
                    bold.push_str(&t);
                }
                text.push_str(&t);
                first_event = false;
            }
            Event::SoftBreak | Event::HardBreak => {
                text.push(' ');
                first_event = false;
            }
            _ if depth == 0 => out.push(Block { range: at, kind: Kind::Other }),
            _ => first_event = false,
        }
    }
    out
}

/// What a finished top-level block opens: an article (a heading, or a
/// paragraph opening with bold "Điều N."), the "QUYẾT ĐỊNH:" line, or
/// nothing.
fn kind(is_heading: bool, text: &str, opening_bold: Option<(String, Range<usize>)>, range: &Range<usize>) -> Kind {
    if is_heading {
        return article_title(text).map_or(Kind::Other, |(number, heading)| Kind::Article {
            number,
            heading,
            text_from: range.end,
        });
    }
    if is_decides(text) {
        return Kind::Decides;
    }
    match opening_bold.and_then(|(bold, at)| article_title(&bold).map(|title| (title, at))) {
        Some(((number, heading), at)) => Kind::Article { number, heading, text_from: at.end },
        None => Kind::Other,
    }
}

/// The decision's bases and articles from its Markdown `body`; problems
/// with its shape are warnings in `report`, placed by `position` (an
/// offset in the body to its place in the file).
pub fn read_decision_body(
    body: &str,
    file: &str,
    position: &dyn Fn(usize) -> crate::diagnostics::Position,
    report: &mut Report,
) -> DecisionText {
    let blocks = blocks(body);
    let starts: Vec<Start> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            Kind::Article { number, heading, text_from } => {
                Some(Start { number: *number, heading: heading.clone(), block: b.range.clone(), text_from: *text_from })
            }
            _ => None,
        })
        .collect();
    let preamble_end = starts.first().map_or(body.len(), |s| s.block.start);
    let mut bases = Vec::new();
    let mut decided = false;
    for block in blocks.iter().take_while(|b| b.range.start < preamble_end) {
        match block.kind {
            Kind::Decides => decided = true,
            _ => {
                if decided {
                    report.push(
                        Diagnostic::warning(
                            Code::DecisionStructure,
                            file,
                            "Đoạn này nằm giữa “QUYẾT ĐỊNH:” và Điều 1: văn bản in nó cùng các căn cứ.",
                        )
                        .at(Some(position(block.range.start)))
                        .hint("Chuyển đoạn lên trước “QUYẾT ĐỊNH:”, hoặc vào một điều."),
                    );
                }
                bases.push(body[block.range.clone()].trim().to_string());
            }
        }
    }
    if starts.is_empty() {
        report.push(
            Diagnostic::warning(Code::DecisionStructure, file, "Quyết định chưa có điều nào.")
                .at(Some(position(body.len() - body.trim_start().len()))).hint(
                "Mỗi điều bắt đầu bằng một dòng “## Điều 1. …” hoặc một đoạn mở đầu bằng “**Điều 1.**”; các đoạn trước điều đầu tiên là căn cứ.",
            ),
        );
    }
    let mut articles = Vec::with_capacity(starts.len());
    for (i, start) in starts.iter().enumerate() {
        let expected = i as u32 + 1;
        if start.number != expected {
            report.push(
                Diagnostic::warning(
                    Code::DecisionStructure,
                    file,
                    format!("Điều {} đứng ở vị trí của Điều {expected}.", start.number),
                )
                .at(Some(position(start.block.start)))
                .hint("Các điều được đánh số liên tục từ 1, theo thứ tự trong văn bản."),
            );
        }
        let end = starts.get(i + 1).map_or(body.len(), |next| next.block.start);
        articles.push(Article {
            number: start.number,
            heading: start.heading.clone(),
            text: body[start.text_from.min(end)..end].trim().to_string(),
        });
    }
    DecisionText { bases, articles }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> (DecisionText, Report) {
        let mut report = Report::default();
        let text = read_decision_body(
            body,
            "content/quyet-dinh.md",
            &|_| crate::diagnostics::Position::new(1, 1),
            &mut report,
        );
        (text, report)
    }

    /// Guards the real decision's form: bases, "QUYẾT ĐỊNH:" and articles
    /// as headings, one with a heading of its own and a loose list.
    #[test]
    fn headings_open_articles_and_the_preamble_is_the_bases() {
        let (text, report) = read(
            "Căn cứ Luật Dữ liệu;\n\nTheo đề nghị của Sở.\n\n**QUYẾT ĐỊNH:**\n\n## Điều 1.\n\nBan hành Danh mục.\n\n## Điều 2. Tổ chức thực hiện\n\n1. Giao Sở:\n\na) Chủ trì.\n\n4. Một.\n\n5. Hai.\n",
        );
        assert!(report.diagnostics().is_empty(), "{:?}", report.diagnostics());
        assert_eq!(text.bases, ["Căn cứ Luật Dữ liệu;", "Theo đề nghị của Sở."]);
        assert_eq!(text.articles.len(), 2);
        assert_eq!((text.articles[0].number, text.articles[0].heading.as_str()), (1, ""));
        assert_eq!(text.articles[0].text, "Ban hành Danh mục.");
        assert_eq!(text.articles[1].heading, "Tổ chức thực hiện");
        assert_eq!(text.articles[1].text, "1. Giao Sở:\n\na) Chủ trì.\n\n4. Một.\n\n5. Hai.");
    }

    /// Guards the starter decision's form: bold "Điều N." running into its
    /// text, without "QUYẾT ĐỊNH:".
    #[test]
    fn bold_article_numbers_open_articles_in_their_paragraph() {
        let (text, report) = read(
            "Căn cứ Luật Dữ liệu;\n\n**Điều 1.** Ban hành Danh mục.\n\n**Điều 2. Hiệu lực** Kể từ ngày ký.\n\nĐiều 3. của Luật vẫn là chữ.\n",
        );
        assert!(report.diagnostics().is_empty());
        assert_eq!(text.bases, ["Căn cứ Luật Dữ liệu;"]);
        assert_eq!(text.articles[0].text, "Ban hành Danh mục.");
        assert_eq!(text.articles[1].heading, "Hiệu lực");
        assert_eq!(text.articles[1].text, "Kể từ ngày ký.\n\nĐiều 3. của Luật vẫn là chữ.");
    }

    /// Guards against odd bodies stopping a build: whatever is written, the
    /// body reads into some bases and articles without a panic.
    #[test]
    fn odd_bodies_read_without_panicking() {
        for body in [
            "",
            "**Điều**",
            "## Điều",
            "**Điều 99999999999999999999.** x",
            "**Điều 1.**",
            "## Điều 1.\n\n---\n\n<div>x</div>\n\n**Điều 2. Ðầu** ***y***",
            "QUYẾT ĐỊNH:\n\nlạc chỗ\n\n## Điều 1.\n\n> trích\n\n- a\n\n  - b",
            "**Điều 1.**\u{0}\r\n\r\n| a | b |\n|---|---|\n| 1 | 2 |",
        ] {
            let (text, _) = read(body);
            assert!(text.articles.iter().all(|a| !a.text.starts_with("**Điều")), "{body:?}");
        }
        let (text, report) = read("QUYẾT ĐỊNH:\n\nlạc chỗ\n\n## Điều 1.\n\nMột.");
        assert_eq!(text.bases, ["lạc chỗ"]);
        assert_eq!(report.diagnostics().len(), 1, "text between QUYẾT ĐỊNH: and Điều 1 is a warning");
    }

    /// Guards against a decision whose articles are missing or misnumbered
    /// going out without a word.
    #[test]
    fn a_decision_without_articles_or_with_a_gap_is_a_warning() {
        let (text, report) = read("Căn cứ Luật Dữ liệu;\n\nBan hành Danh mục.\n");
        assert_eq!(text.bases.len(), 2);
        assert_eq!(report.diagnostics()[0].code, Code::DecisionStructure);
        let (_, report) = read("**Điều 1.** Một.\n\n**Điều 3.** Ba.\n");
        assert_eq!(report.diagnostics().len(), 1);
        assert!(report.diagnostics()[0].message.contains("Điều 3"), "{:?}", report.diagnostics());
    }
}
