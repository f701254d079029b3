//! The bảng so sánh: the Word table that goes with a draft and its tờ
//! trình, one row per entry the draft changes: TT, the entry, the text in
//! force (nội dung hiện hành), the proposed text (nội dung đề xuất) and the
//! reason (lý do, the draft entry's `ly_do`). `danhmuc diff --format docx`
//! writes it for any two versions; the build publishes it for a pending
//! draft as `data/du-thao/bang-so-sanh.docx`.
//!
//! Laid out by the rules of the decision's document (`docx.rs`, whose
//! pieces it uses): A4 landscape for the wide table, Times New Roman, the
//! issuing body and the national name at the head, the header row repeated
//! on every page. A changed field is shown whole on each side, not word by
//! word: the signer reads the two texts, not markup.

use super::docx::{self, Align, Style};
use crate::config::Config;
use crate::model::fields;
use crate::model::{Catalog, Entry};
use crate::versions::compare::Changes;
use std::collections::HashMap;

/// Where the build publishes the table of a pending draft.
pub const PATH: &str = crate::urls::DRAFT_COMPARISON_DOCX;

/// The columns' headings.
const COLUMNS: [&str; 5] = ["TT", "CSDL", "Nội dung hiện hành", "Nội dung đề xuất", "Lý do"];

/// The columns' widths on a landscape page, the CSDL's narrow.
const WIDTHS: [u32; 5] = [700, 2800, 4100, 4100, docx::A4_LONG - docx::MARGIN_LEFT - docx::MARGIN_RIGHT - 11700];

/// One row of the table: the entry, and the paragraphs of each side.
struct Row {
    entry: String,
    in_force: Vec<(String, String)>,
    proposed: Vec<(String, String)>,
    reason: String,
}

/// A field's label and text, as one side of a row shows it.
fn labelled(label: &str, text: &str) -> (String, String) {
    (label.to_string(), text.to_string())
}

/// The whole of an entry as a side of a row shows it: an entry added or
/// taken out is read in full.
fn whole(catalog: &Catalog, entry: &Entry) -> Vec<(String, String)> {
    let agencies: Vec<&str> = entry.agencies.iter().map(|&a| catalog.agency(a).name.as_str()).collect();
    let plain = &entry.sections.plain;
    let mut parts = vec![
        labelled(fields::TITLE.label, &entry.title),
        labelled(fields::SECTOR.label, &catalog.sector(entry.sector).name),
        labelled(fields::AGENCIES.label, &agencies.join("; ")),
        labelled(fields::PURPOSE.label, &plain.purpose),
        labelled(fields::SCOPE.label, &plain.scope),
        labelled(fields::COLLECTION.label, &plain.collection),
        labelled(fields::SHARING.label, &plain.sharing),
    ];
    if let Some(notes) = &entry.notes {
        parts.push(labelled(fields::NOTES.label, notes));
    }
    parts
}

/// The rows, in the draft's order of entries (added, renamed and changed
/// ones), then the entries taken out, in the order they had.
fn rows(changes: &Changes, old: &Catalog, new: &Catalog) -> Vec<Row> {
    let old_by_slug: HashMap<&str, &Entry> = old.entries().iter().map(|e| (e.slug.as_str(), e)).collect();
    let named = |e: &Entry| format!("{}. {}", e.reference(), e.title);
    let mut rows = Vec::new();
    for entry in new.entries() {
        let slug = entry.slug.as_str();
        let reason = entry.reason.clone().unwrap_or_default();
        if changes.added.iter().any(|a| a.slug == slug) {
            rows.push(Row {
                entry: named(entry),
                in_force: vec![labelled("", "(chưa có)")],
                proposed: whole(new, entry),
                reason,
            });
            continue;
        }
        let renamed = changes.renamed.iter().find(|r| r.to.slug == slug);
        let fields = changes.changed.iter().find(|c| c.entry.slug == slug).map(|c| &c.fields[..]).unwrap_or(&[]);
        if renamed.is_none() && fields.is_empty() {
            continue;
        }
        let (mut in_force, mut proposed) = (Vec::new(), Vec::new());
        // A rename whose title did not change (its address did) still
        // names the entry on both sides.
        if let Some(renamed) = renamed.filter(|_| !fields.iter().any(|f| f.field == fields::TITLE)) {
            in_force.push(labelled(fields::TITLE.label, &renamed.from.title));
            proposed.push(labelled(fields::TITLE.label, &renamed.to.title));
        }
        for field in fields {
            in_force.push(labelled(field.field.label, &field.before));
            proposed.push(labelled(field.field.label, &field.after));
        }
        rows.push(Row { entry: named(entry), in_force, proposed, reason });
    }
    for gone in &changes.removed {
        let Some(entry) = old_by_slug.get(gone.slug.as_str()) else { continue };
        rows.push(Row {
            entry: named(entry),
            in_force: whole(old, entry),
            proposed: vec![labelled("", "Đưa ra khỏi Danh mục")],
            reason: String::new(),
        });
    }
    rows
}

fn text(value: &str, style: &Style) -> String {
    docx::paragraph(&docx::run(value, style), Align::Left, 0, "")
}

/// A side of a row: each field's label in bold, then its text; an empty
/// text is said to be empty rather than left blank.
fn side(parts: &[(String, String)]) -> String {
    let small = Style { size: Some(docx::TABLE), ..Style::default() };
    let bold = Style { bold: true, ..small.clone() };
    let mut xml = String::new();
    for (label, value) in parts {
        let value = if value.trim().is_empty() { "(để trống)" } else { value.as_str() };
        let mut runs = String::new();
        if !label.is_empty() {
            runs.push_str(&docx::run(&format!("{label}: "), &bold));
        }
        runs.push_str(&docx::run(value, &small));
        xml.push_str(&docx::paragraph(&runs, Align::Left, 0, ""));
    }
    xml
}

/// The head of the page: the issuing body on the left, the national name
/// and motto on the right, each with its rule under it.
fn header(config: &Config) -> String {
    let issuer = config.publisher().to_uppercase();
    let lines: Vec<&str> = match issuer.split_once("NHÂN DÂN ") {
        Some((head, tail)) => vec![&issuer[..head.len() + "NHÂN DÂN".len()], tail],
        None => vec![issuer.as_str()],
    };
    let bold13 = Style { bold: true, italic: false, size: Some(26) };
    let mut left: String = lines.iter().map(|l| docx::centered(l, &bold13)).collect();
    left.push_str(&docx::rule(1100));
    let mut right = docx::centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &Style { size: Some(26), ..bold13.clone() });
    right.push_str(&docx::centered("Độc lập - Tự do - Hạnh phúc", &Style { size: Some(docx::BODY), ..bold13 }));
    right.push_str(&docx::rule(1900));
    let (l, r) = (5000, 7000);
    docx::table(&[l, r], &format!("<w:tr>{}{}</w:tr>", docx::cell(l, 1, &left), docx::cell(r, 1, &right)), false)
}

/// Adds the pending draft's table to `sink`: `changes` from `in_force`
/// (the catalog in force, by its decision `name`) to `draft`. A table that
/// cannot be made fails the build, as the decision's document does.
pub fn add_to(
    sink: &dyn crate::output::Sink,
    changes: &Changes,
    (in_force, draft): (&Catalog, &Catalog),
    config: &Config,
    name: &str,
) -> Result<(), crate::diagnostics::Diagnostic> {
    let bytes = to_docx(changes, in_force, draft, config, name).map_err(|e| {
        crate::diagnostics::Diagnostic::error(
            crate::diagnostics::Code::Io,
            PATH,
            format!("Không tạo được bảng so sánh của dự thảo: {}.", crate::diagnostics::io_message(&e)),
        )
    })?;
    sink.add(PATH, bytes);
    Ok(())
}

/// The bảng so sánh of `changes` from `old` (the version in force, named by
/// `in_force`, e.g. "Quyết định số 2609/QĐ-UBND ngày 17 tháng 9 năm 2024")
/// to `new` (the draft), as a `.docx`.
pub fn to_docx(
    changes: &Changes,
    old: &Catalog,
    new: &Catalog,
    config: &Config,
    in_force: &str,
) -> std::io::Result<Vec<u8>> {
    let bold = Style { bold: true, ..Style::default() };
    let mut body = header(config);
    body.push_str(&docx::paragraph("", Align::Center, 0, ""));
    body.push_str(&docx::centered("BẢNG SO SÁNH", &bold));
    body.push_str(&docx::centered(&config.catalog_name().to_uppercase(), &bold));
    body.push_str(&docx::centered(
        &format!("(Danh mục ban hành kèm theo {in_force} và nội dung đề xuất của Dự thảo)"),
        &Style { italic: true, ..Style::default() },
    ));
    let small = Style { size: Some(docx::TABLE), ..Style::default() };
    let small_bold = Style { bold: true, ..small.clone() };
    let centered_cell =
        |w: u32, t: &str, s: &Style| docx::cell(w, 1, &docx::paragraph(&docx::run(t, s), Align::Center, 0, ""));
    // The header row and the columns' numbers, repeated on every page.
    let mut table_rows = String::from("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (w, h) in WIDTHS.iter().zip(COLUMNS) {
        table_rows.push_str(&centered_cell(*w, h, &small_bold));
    }
    table_rows.push_str("</w:tr><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (n, w) in WIDTHS.iter().enumerate() {
        table_rows.push_str(&centered_cell(*w, &format!("({})", n + 1), &small_bold));
    }
    table_rows.push_str("</w:tr>");
    let all = rows(changes, old, new);
    if all.is_empty() {
        let span: u32 = WIDTHS.iter().sum();
        table_rows.push_str(&format!(
            "<w:tr>{}</w:tr>",
            docx::cell(span, 5, &text("Dự thảo không thay đổi CSDL nào của Danh mục.", &small))
        ));
    }
    for (n, row) in all.iter().enumerate() {
        let cells = [
            docx::paragraph(&docx::run(&(n + 1).to_string(), &small), Align::Center, 0, ""),
            text(&row.entry, &small_bold),
            side(&row.in_force),
            side(&row.proposed),
            text(&row.reason, &small),
        ];
        table_rows.push_str("<w:tr>");
        for (w, c) in WIDTHS.iter().zip(cells) {
            table_rows.push_str(&docx::cell(*w, 1, &c));
        }
        table_rows.push_str("</w:tr>");
    }
    body.push_str(&docx::table(&WIDTHS, &table_rows, true));
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {}><w:body>{body}{}</w:body></w:document>",
        docx::NS,
        docx::section(true)
    );
    docx::package(&document, &format!("Bảng so sánh {}", config.catalog_name()), config.publisher())
}
