//! `data/quyet-dinh.docx`: the decision as the Word document that gets
//! signed, from the same content as the site, laid out as Nghị định
//! 30/2020/NĐ-CP (Phụ lục I) prescribes for an administrative decision: A4,
//! margins 20 mm top and bottom, 30 mm left, 15 mm right, Times New Roman
//! 14 pt; the two-column header (the issuing body, and the national name
//! with its motto, each with its rule under it), the number and the place
//! and date; the document type and its summary; the legal bases in
//! italics; the articles; the signature block and "Nơi nhận"; page numbers
//! at the top from the second page. The appendix follows on landscape pages
//! with the decision's eight columns, its group and sector heading rows,
//! and the header row repeated on every page. While the decision is a
//! draft the document says "DỰ THẢO" and leaves the number and date blank.
//!
//! Written here as WordprocessingML rather than with docx-rs: docx-rs
//! cannot mark a table row as a header repeated on every page (`tblHeader`),
//! which the appendix needs, and the workbook is written the same way
//! (`xlsx.rs`). Deterministic bytes, like every other output.

use crate::config::Config;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Catalog, Decision, Group};
use crate::output::Sink;
use std::fmt::Write as _;
use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

pub const PATH: &str = crate::urls::DECISION_DOCX;

/// Page sizes and margins in twentieths of a point (1 mm ≈ 56.7).
pub(super) const A4_SHORT: u32 = 11906;
pub(super) const A4_LONG: u32 = 16838;
const MARGIN_TOP: u32 = 1134;
const MARGIN_BOTTOM: u32 = 1134;
pub(super) const MARGIN_LEFT: u32 = 1701;
pub(super) const MARGIN_RIGHT: u32 = 851;
/// The text's width on a portrait page and on a landscape one.
const WIDTH_PORTRAIT: u32 = A4_SHORT - MARGIN_LEFT - MARGIN_RIGHT;
const WIDTH_LANDSCAPE: u32 = A4_LONG - MARGIN_LEFT - MARGIN_RIGHT;
/// Font sizes in half-points.
pub(super) const BODY: u32 = 28;
pub(super) const TABLE: u32 = 24;
const SMALL: u32 = 22;

/// A run of text and how it is set.
#[derive(Clone, Default)]
pub(super) struct Style {
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) size: Option<u32>,
}

pub(super) fn run(text: &str, style: &Style) -> String {
    let mut props = String::new();
    if style.bold {
        props.push_str("<w:b/>");
    }
    if style.italic {
        props.push_str("<w:i/>");
    }
    if let Some(size) = style.size {
        let _ = write!(props, "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
    }
    format!("<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>", crate::text::escape_xml(text))
}

/// How a paragraph sits on the line.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Align {
    Left,
    Center,
    Both,
}

/// A paragraph of `runs` (already XML); `indent` is the first line's.
pub(super) fn paragraph(runs: &str, align: Align, indent: u32, extra: &str) -> String {
    let jc = match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Both => "both",
    };
    let first = if indent > 0 { format!("<w:ind w:firstLine=\"{indent}\"/>") } else { String::new() };
    format!(
        "<w:p><w:pPr>{extra}<w:spacing w:before=\"0\" w:after=\"120\"/>{first}<w:jc w:val=\"{jc}\"/></w:pPr>{runs}</w:p>"
    )
}

pub(super) fn centered(text: &str, style: &Style) -> String {
    paragraph(&run(text, style), Align::Center, 0, "")
}

/// The short rule under the issuing body and under the motto: an empty
/// paragraph with its top border, narrowed by `inset` on each side.
pub(super) fn rule(inset: u32) -> String {
    format!(
        "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"60\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"{inset}\" w:right=\"{inset}\"/></w:pPr></w:p>"
    )
}

pub(super) fn cell(width: u32, span: u32, content: &str) -> String {
    let span = if span > 1 { format!("<w:gridSpan w:val=\"{span}\"/>") } else { String::new() };
    // A cell ends with a paragraph.
    let content = if content.ends_with("</w:p>") { content.to_string() } else { format!("{content}<w:p/>") };
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{span}</w:tcPr>{content}</w:tc>")
}

/// A table of `rows` (XML) with columns `widths`, ruled or not.
pub(super) fn table(widths: &[u32], rows: &str, ruled: bool) -> String {
    let total: u32 = widths.iter().sum();
    let line = if ruled { "single" } else { "nil" };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| format!("<w:{side} w:val=\"{line}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"))
        .collect();
    let grid: String = widths.iter().map(|w| format!("<w:gridCol w:w=\"{w}\"/>")).collect();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:left w:w=\"70\" w:type=\"dxa\"/><w:right w:w=\"70\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )
}

/// How a piece of Markdown is set: its size, alignment and first-line
/// indent, all in italics (the legal bases) or not, and a bold `lead` run
/// into its first paragraph ("Điều 1." before the article's text).
#[derive(Clone, Copy)]
struct Setting<'a> {
    size: u32,
    align: Align,
    indent: u32,
    italic: bool,
    lead: Option<&'a str>,
}

/// Markdown as paragraphs: each block, a list item with its number or dash
/// and its text on the same line (tight or loose), strong and emphasised
/// text kept.
fn markdown(text: &str, setting: &Setting) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let size = setting.size;
    let mut out = String::new();
    let mut runs: Vec<(String, Style)> = Vec::new();
    let (mut bold, mut italic) = (0, 0);
    let mut heading = false;
    let mut lists: Vec<Option<u64>> = Vec::new();
    // An item's number waits for its first paragraph, so that a loose
    // list's "4." is not a paragraph of its own.
    let mut item_opened = false;
    let mut lead = setting.lead;
    let flush = |runs: &mut Vec<(String, Style)>, out: &mut String| {
        if runs.is_empty() {
            return;
        }
        let xml: String = runs.drain(..).map(|(t, s)| run(&t, &s)).collect();
        out.push_str(&paragraph(&xml, setting.align, setting.indent, ""));
    };
    let plain = Style { italic: setting.italic, size: Some(size), ..Style::default() };
    for event in Parser::new_ext(text, crate::markdown::options()) {
        match event {
            Event::Start(Tag::Paragraph) => {
                if !std::mem::take(&mut item_opened) {
                    flush(&mut runs, &mut out);
                }
                if let Some(lead) = lead.take() {
                    runs.push((format!("{lead} "), Style { bold: true, ..plain.clone() }));
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut runs, &mut out);
                heading = true;
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Strong) => bold -= 1,
            Event::End(TagEnd::Emphasis) => italic -= 1,
            Event::Start(Tag::List(start)) => {
                flush(&mut runs, &mut out);
                item_opened = false;
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut runs, &mut out);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut runs, &mut out);
                let mark = match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                runs.push((mark, plain.clone()));
                item_opened = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut runs, &mut out);
                heading = false;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => flush(&mut runs, &mut out),
            Event::Text(t) | Event::Code(t) => {
                item_opened = false;
                let style = Style { bold: bold > 0 || heading, italic: italic > 0 || setting.italic, size: Some(size) };
                runs.push((t.to_string(), style));
            }
            Event::SoftBreak | Event::HardBreak => runs.push((" ".to_string(), plain.clone())),
            _ => {}
        }
    }
    flush(&mut runs, &mut out);
    out
}

/// "ngày 08 tháng 01 năm 2027", or blanks while a draft.
fn date_words(decision: &Decision) -> String {
    match decision.date {
        Some(d) => d.long(),
        None => crate::model::IsoDate::blank_in(decision.year),
    }
}

fn number(decision: &Decision) -> String {
    decision.number.clone().unwrap_or_else(|| "……/QĐ-UBND".to_string())
}

/// The legal bases in italics, "QUYẾT ĐỊNH:", and the articles: an
/// article's title in bold, run into its first paragraph when it has no
/// heading of its own ("Điều 1. Ban hành kèm theo …"), else on its own line
/// above its points ("Điều 2. Tổ chức thực hiện").
fn decision_text(decision: &Decision) -> String {
    let text = Setting { size: BODY, align: Align::Both, indent: 567, italic: false, lead: None };
    let mut xml = String::new();
    for basis in &decision.text.bases {
        xml.push_str(&markdown(basis, &Setting { italic: true, ..text }));
    }
    if !decision.text.articles.is_empty() {
        xml.push_str(&centered("QUYẾT ĐỊNH:", &Style { bold: true, ..Style::default() }));
    }
    for article in &decision.text.articles {
        let title = article.title();
        let runs_in = article.heading.is_empty() && starts_with_paragraph(&article.text);
        if runs_in {
            xml.push_str(&markdown(&article.text, &Setting { lead: Some(&title), ..text }));
        } else {
            xml.push_str(&paragraph(&run(&title, &Style { bold: true, ..Style::default() }), Align::Both, 567, ""));
            xml.push_str(&markdown(&article.text, &text));
        }
    }
    xml
}

/// Whether Markdown opens with a paragraph (rather than a list, say).
fn starts_with_paragraph(text: &str) -> bool {
    use pulldown_cmark::{Event, Parser, Tag};
    matches!(Parser::new_ext(text, crate::markdown::options()).next(), Some(Event::Start(Tag::Paragraph)))
}

/// The document's body up to the appendix: header, title, text, signature.
fn decision_pages(decision: &Decision) -> String {
    let bold = Style { bold: true, ..Style::default() };
    let mut xml = String::new();
    if decision.is_draft() {
        let boxed = "<w:pBdr><w:top w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"000000\"/><w:right w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"000000\"/></w:pBdr><w:ind w:right=\"7600\"/>";
        xml.push_str(&paragraph(&run("DỰ THẢO", &bold), Align::Center, 0, boxed));
    }
    // The issuing body in capitals, its first words on a line of their own
    // ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NINH").
    let issuer = decision.issuer.to_uppercase();
    let issuer_lines: Vec<&str> = match issuer.split_once("NHÂN DÂN ") {
        Some((head, tail)) => vec![&issuer[..head.len() + "NHÂN DÂN".len()], tail],
        None => vec![issuer.as_str()],
    };
    let size13 = |bold: bool, italic: bool| Style { bold, italic, size: Some(26) };
    let left_widths = 3700;
    let right_widths = WIDTH_PORTRAIT - left_widths;
    let mut left: String = issuer_lines.iter().map(|l| centered(l, &size13(true, false))).collect();
    left.push_str(&rule(1100));
    left.push_str(&centered(&format!("Số: {}", number(decision)), &size13(false, false)));
    let mut right =
        centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &Style { bold: true, italic: false, size: Some(TABLE) });
    right.push_str(&centered("Độc lập - Tự do - Hạnh phúc", &Style { bold: true, italic: false, size: Some(BODY) }));
    right.push_str(&rule(1300));
    right.push_str(&centered(
        &format!("{}, {}", decision.place, date_words(decision)),
        &Style { italic: true, ..Style::default() },
    ));
    xml.push_str(&table(
        &[left_widths, right_widths],
        &format!("<w:tr>{}{}</w:tr>", cell(left_widths, 1, &left), cell(right_widths, 1, &right)),
        false,
    ));
    xml.push_str(&paragraph("", Align::Center, 0, ""));
    xml.push_str(&centered("QUYẾT ĐỊNH", &bold));
    let summary = decision.title.strip_prefix("Quyết định ").unwrap_or(&decision.title);
    xml.push_str(&centered(&crate::text::capitalize(summary), &bold));
    xml.push_str(&rule(3200));
    xml.push_str(&centered(&decision.issuer.to_uppercase(), &bold));
    xml.push_str(&decision_text(decision));
    // The signature block: "Nơi nhận" on the left, the signer on the right.
    let mut recipients =
        paragraph(&run("Nơi nhận:", &Style { bold: true, italic: true, size: Some(TABLE) }), Align::Left, 0, "");
    for r in &decision.recipients {
        recipients.push_str(&paragraph(
            &run(&format!("- {r}"), &Style { size: Some(SMALL), ..Style::default() }),
            Align::Left,
            0,
            "",
        ));
    }
    let mut signer: String = decision.signer_title.iter().map(|t| centered(&t.to_uppercase(), &bold)).collect();
    for _ in 0..4 {
        signer.push_str(&paragraph("", Align::Center, 0, ""));
    }
    signer.push_str(&centered(&decision.signer, &bold));
    let half = WIDTH_PORTRAIT / 2;
    xml.push_str(&table(
        &[half, WIDTH_PORTRAIT - half],
        &format!("<w:tr>{}{}</w:tr>", cell(half, 1, &recipients), cell(WIDTH_PORTRAIT - half, 1, &signer)),
        false,
    ));
    xml
}

/// "Danh mục cơ sở dữ liệu (CSDL) dùng chung tỉnh X": the catalog's name
/// as the signed appendix writes it, naming the abbreviation its rows use.
fn appendix_title(config: &Config) -> String {
    match config.publisher.area() {
        "" => "Danh mục cơ sở dữ liệu (CSDL) dùng chung".to_string(),
        area => format!("Danh mục cơ sở dữ liệu (CSDL) dùng chung {area}"),
    }
}

/// The appendix: its title and the table of the decision's eight columns.
fn appendix(catalog: &Catalog, config: &Config, decision: &Decision) -> String {
    let bold = Style { bold: true, ..Style::default() };
    let mut xml = String::new();
    xml.push_str(&centered("PHỤ LỤC", &bold));
    xml.push_str(&centered(&appendix_title(config).to_uppercase(), &bold));
    xml.push_str(&centered(
        &format!(
            "(Kèm theo {} {} của {})",
            crate::model::decision_by_number(&number(decision)),
            date_words(decision),
            decision.issuer
        ),
        &Style { italic: true, ..Style::default() },
    ));
    let widths = [600, 2100, 1600, 2100, 2800, 1700, 1700, WIDTH_LANDSCAPE - 12600];
    let text = |t: &str, s: &Style| paragraph(&run(t, s), Align::Left, 0, "");
    let small = Style { size: Some(TABLE), ..Style::default() };
    let small_bold = Style { bold: true, size: Some(TABLE), ..Style::default() };
    let heads = super::table::APPENDIX_COLUMNS;
    // The header row is repeated at the top of every page.
    let mut rows = String::from("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (w, h) in widths.iter().zip(heads) {
        rows.push_str(&cell(*w, 1, &paragraph(&run(h, &small_bold), Align::Center, 0, "")));
    }
    rows.push_str("</w:tr>");
    // Under it, the columns' numbers (1 … 8), repeated with it.
    rows.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (n, w) in widths.iter().enumerate() {
        rows.push_str(&cell(*w, 1, &paragraph(&run(&(n + 1).to_string(), &small_bold), Align::Center, 0, "")));
    }
    rows.push_str("</w:tr>");
    let span: u32 = widths[1..].iter().sum();
    let heading = |label: &str, title: &str| {
        format!(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>{}{}</w:tr>",
            cell(widths[0], 1, &paragraph(&run(label, &small_bold), Align::Center, 0, "")),
            cell(span, 7, &text(title, &small_bold))
        )
    };
    for group in Group::ALL {
        let count = catalog.entries_in_group(group).count();
        if count == 0 {
            continue;
        }
        rows.push_str(&heading(group.code(), &format!("{} ({count} CSDL)", group.name().to_uppercase())));
        for (n, (sector, entries)) in catalog.sectors_in_group(group).into_iter().enumerate() {
            let name = catalog.sector(sector).name.to_uppercase();
            rows.push_str(&heading(&crate::text::roman(n + 1), &format!("LĨNH VỰC {name}: {:02} CSDL", entries.len())));
            for index in entries {
                let entry = &catalog.entries()[index];
                let cell_text = Setting { size: TABLE, align: Align::Left, indent: 0, italic: false, lead: None };
                let section = |md: &str| markdown(md, &cell_text);
                let agencies: String = entry.agencies.iter().map(|a| text(&catalog.agency(*a).name, &small)).collect();
                let cells = [
                    paragraph(&run(&entry.number.to_string(), &small), Align::Center, 0, ""),
                    text(&entry.title, &small),
                    agencies,
                    section(&entry.sections.purpose),
                    section(&entry.sections.scope),
                    section(&entry.sections.collection),
                    section(&entry.sections.sharing),
                    text(entry.notes.as_deref().unwrap_or(""), &small),
                ];
                rows.push_str("<w:tr>");
                for (w, c) in widths.iter().zip(cells) {
                    rows.push_str(&cell(*w, 1, &c));
                }
                rows.push_str("</w:tr>");
            }
        }
    }
    xml.push_str(&table(&widths, &rows, true));
    xml
}

/// A section's properties: its page, margins and headers. Each section
/// (the decision, then the appendix) numbers its pages from 1, at the top,
/// with no number on its first page: Nghị định 30/2020/NĐ-CP numbers an
/// appendix's pages on their own.
pub(super) fn section(landscape: bool) -> String {
    let (w, h, orient) =
        if landscape { (A4_LONG, A4_SHORT, " w:orient=\"landscape\"") } else { (A4_SHORT, A4_LONG, "") };
    format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdPage\"/><w:headerReference w:type=\"first\" r:id=\"rIdFirst\"/><w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/><w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr>"
    )
}

pub(super) const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// The decision as a `.docx`, or None when the project has no decision.
pub fn to_docx(catalog: &Catalog, config: &Config) -> Option<std::io::Result<Vec<u8>>> {
    let decision = catalog.decision()?;
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{}<w:p><w:pPr>{}</w:pPr></w:p>{}{}</w:body></w:document>",
        decision_pages(decision),
        section(false),
        appendix(catalog, config, decision),
        section(true)
    );
    Some(package(&document, &decision.title, config.publisher()))
}

/// A Word package around `document` (the body's XML, whose sections use
/// [`section`]): page numbers at the top from the second page, the
/// settings and styles of every document danhmuc writes, and `title` and
/// `creator` in its properties.
pub(super) fn package(document: &str, title: &str, creator: &str) -> std::io::Result<Vec<u8>> {
    let page_number = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>"
    );
    let empty_header =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}><w:p/></w:hdr>");
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>",
        crate::text::escape_xml(title),
        crate::text::escape_xml(creator)
    );
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/core.xml", core),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/styles.xml", STYLES.to_string()),
        ("word/header1.xml", page_number),
        ("word/header2.xml", empty_header),
        ("word/document.xml", document.to_string()),
    ];
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for (name, xml) in parts {
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// Adds the document of `catalog`'s decision to `sink` at `path`, if the
/// catalog has a decision. A document that cannot be made fails the
/// build, as the workbook does: the site must not go out without the text
/// that gets signed.
pub fn add_to(sink: &dyn Sink, path: &str, catalog: &Catalog, config: &Config) -> Result<(), Diagnostic> {
    match to_docx(catalog, config) {
        Some(made) => publish(sink, path, made),
        None => Ok(()),
    }
}

fn publish(sink: &dyn Sink, path: &str, made: std::io::Result<Vec<u8>>) -> Result<(), Diagnostic> {
    let bytes = made.map_err(|e| {
        Diagnostic::error(
            Code::Io,
            path,
            format!("Không tạo được tệp Word của Quyết định: {}.", crate::diagnostics::io_message(&e)),
        )
    })?;
    sink.add(path, bytes);
    Ok(())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdPage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;

/// The document's settings: no compression of Vietnamese spacing, the
/// layout rules of current Word.
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

/// Times New Roman 14 pt, Vietnamese, single spacing.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards against the document being dropped without a word when it
    /// cannot be made: the build reports it, as it reports the workbook.
    #[test]
    fn a_document_that_cannot_be_made_is_an_error() {
        let sink = std::sync::Mutex::new(crate::output::SiteFiles::default());
        let failed = publish(&sink, PATH, Err(std::io::Error::other("hết chỗ"))).unwrap_err();
        assert_eq!((failed.code, failed.file.to_str()), (Code::Io, Some(PATH)));
        assert!(failed.message.contains("Word") && failed.message.contains("hết chỗ"), "{}", failed.message);
        assert!(sink.lock().unwrap().get(PATH).is_none());
        publish(&sink, PATH, Ok(b"PK".to_vec())).unwrap();
        assert!(sink.lock().unwrap().get(PATH).is_some());
    }
}
