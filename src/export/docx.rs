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
use crate::model::{Catalog, Decision, Group};
use std::fmt::Write as _;
use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

pub const PATH: &str = "data/quyet-dinh.docx";

/// Page sizes and margins in twentieths of a point (1 mm ≈ 56.7).
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
const MARGIN_TOP: u32 = 1134;
const MARGIN_BOTTOM: u32 = 1134;
const MARGIN_LEFT: u32 = 1701;
const MARGIN_RIGHT: u32 = 851;
/// The text's width on a portrait page and on a landscape one.
const WIDTH_PORTRAIT: u32 = A4_SHORT - MARGIN_LEFT - MARGIN_RIGHT;
const WIDTH_LANDSCAPE: u32 = A4_LONG - MARGIN_LEFT - MARGIN_RIGHT;
/// Font sizes in half-points.
const BODY: u32 = 28;
const TABLE: u32 = 24;
const SMALL: u32 = 22;

/// A run of text and how it is set.
#[derive(Clone, Default)]
struct Style {
    bold: bool,
    italic: bool,
    size: Option<u32>,
}

fn run(text: &str, style: &Style) -> String {
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
enum Align {
    Left,
    Center,
    Both,
}

/// A paragraph of `runs` (already XML); `indent` is the first line's.
fn paragraph(runs: &str, align: Align, indent: u32, extra: &str) -> String {
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

fn centered(text: &str, style: &Style) -> String {
    paragraph(&run(text, style), Align::Center, 0, "")
}

/// The short rule under the issuing body and under the motto: an empty
/// paragraph with its top border, narrowed by `inset` on each side.
fn rule(inset: u32) -> String {
    format!(
        "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"60\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"{inset}\" w:right=\"{inset}\"/></w:pPr></w:p>"
    )
}

fn cell(width: u32, span: u32, content: &str) -> String {
    let span = if span > 1 { format!("<w:gridSpan w:val=\"{span}\"/>") } else { String::new() };
    // A cell ends with a paragraph.
    let content = if content.ends_with("</w:p>") { content.to_string() } else { format!("{content}<w:p/>") };
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{span}</w:tcPr>{content}</w:tc>")
}

/// A table of `rows` (XML) with columns `widths`, ruled or not.
fn table(widths: &[u32], rows: &str, ruled: bool) -> String {
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

/// Markdown as paragraphs: each block, list items with their number or
/// dash, strong and emphasised text kept; `italic_if` sets a paragraph in
/// italics by its text (the legal bases).
fn markdown(text: &str, size: u32, align: Align, indent: u32, italic_if: &dyn Fn(&str) -> bool) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut runs: Vec<(String, Style)> = Vec::new();
    let (mut bold, mut italic) = (0, 0);
    // The articles' headings ("Điều 1.") are set in bold.
    let mut heading = false;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let flush = |runs: &mut Vec<(String, Style)>, out: &mut String| {
        if runs.is_empty() {
            return;
        }
        let plain: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        let all_italic = italic_if(plain.trim());
        let centre = plain.trim() == "QUYẾT ĐỊNH:";
        let xml: String = runs
            .drain(..)
            .map(|(t, mut s)| {
                s.italic |= all_italic;
                run(&t, &s)
            })
            .collect();
        out.push_str(&paragraph(&xml, if centre { Align::Center } else { align }, if centre { 0 } else { indent }, ""));
    };
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Paragraph) => flush(&mut runs, &mut out),
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
                runs.push((mark, Style { size: Some(size), ..Style::default() }));
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut runs, &mut out);
                heading = false;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => flush(&mut runs, &mut out),
            Event::Text(t) | Event::Code(t) => {
                runs.push((t.to_string(), Style { bold: bold > 0 || heading, italic: italic > 0, size: Some(size) }))
            }
            Event::SoftBreak | Event::HardBreak => {
                runs.push((" ".to_string(), Style { size: Some(size), ..Style::default() }))
            }
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
        None => format!("ngày … tháng … năm {}", decision.year),
    }
}

fn number(decision: &Decision) -> String {
    decision.number.clone().unwrap_or_else(|| "……/QĐ-UBND".to_string())
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
    let legal = |text: &str| text.starts_with("Căn cứ") || text.starts_with("Theo đề nghị");
    xml.push_str(&markdown(&decision.body, BODY, Align::Both, 567, &legal));
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

/// The appendix: its title and the table of the decision's eight columns.
fn appendix(catalog: &Catalog, config: &Config, decision: &Decision) -> String {
    let bold = Style { bold: true, ..Style::default() };
    let mut xml = String::new();
    xml.push_str(&centered("PHỤ LỤC", &bold));
    xml.push_str(&centered(&config.catalog_name().to_uppercase(), &bold));
    xml.push_str(&centered(
        &format!("(Kèm theo Quyết định số {} {} của {})", number(decision), date_words(decision), decision.issuer),
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
                let none = |_: &str| false;
                let section = |md: &str| markdown(md, TABLE, Align::Left, 0, &none);
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

/// A section's properties: its page, margins and headers (page numbers,
/// none on the document's first page).
fn section(landscape: bool) -> String {
    let (w, h, orient) =
        if landscape { (A4_LONG, A4_SHORT, " w:orient=\"landscape\"") } else { (A4_SHORT, A4_LONG, "") };
    let first = if landscape { "" } else { "<w:headerReference w:type=\"first\" r:id=\"rIdFirst\"/>" };
    let title_page = if landscape { "" } else { "<w:titlePg/>" };
    format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdPage\"/>{first}<w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/><w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>{title_page}</w:sectPr>"
    )
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

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
    let page_number = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>"
    );
    let empty_header =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}><w:p/></w:hdr>");
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", STYLES.to_string()),
        ("word/header1.xml", page_number),
        ("word/header2.xml", empty_header),
        ("word/document.xml", document),
    ];
    Some((|| {
        let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default());
        for (name, xml) in parts {
            zip.start_file(name, options).map_err(std::io::Error::other)?;
            zip.write_all(xml.as_bytes())?;
        }
        Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
    })())
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdPage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;

/// Times New Roman 14 pt, Vietnamese, single spacing.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;
