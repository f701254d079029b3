//! `danhmuc import FILE`: entries from a spreadsheet (`.csv` or `.xlsx`)
//! laid out like the site's own `data/catalog.csv` (a header row naming the
//! columns: Nhóm, TT, Tên cơ sở dữ liệu, Lĩnh vực, Đơn vị chủ trì, Mục đích,
//! Phạm vi, nội dung chính, Cơ chế thu thập, Kết nối, chia sẻ dữ liệu, Ghi
//! chú; the slug columns are optional). One entry file per row; sectors and
//! agencies not yet declared are added to `sectors.yaml` and
//! `agencies.yaml`. Rows that cannot be read are reported with their row
//! number, and then nothing is written.

use crate::exit;
use crate::model::Group;
use crate::validate::SECTION_HEADINGS;
use std::collections::HashMap;
use std::path::Path;

/// The columns read, by their header; the first five long ones in the
/// order of the entry's sections.
const TITLE: &str = "Tên cơ sở dữ liệu";
const GROUP: &str = "Nhóm";
const NUMBER: &str = "TT";
const SECTOR: &str = "Lĩnh vực";
const SECTOR_SLUG: &str = "Mã lĩnh vực";
const ENTRY_SLUG: &str = "Mã CSDL";
const AGENCIES: &str = "Đơn vị chủ trì";
const AGENCY_SLUGS: &str = "Mã đơn vị chủ trì";
const NOTES: &str = "Ghi chú";
const REQUIRED: [&str; 9] = [
    GROUP,
    NUMBER,
    TITLE,
    SECTOR,
    AGENCIES,
    SECTION_HEADINGS[0],
    SECTION_HEADINGS[1],
    SECTION_HEADINGS[2],
    SECTION_HEADINGS[3],
];

/// A row of the sheet: its number as a spreadsheet shows it, and its cells
/// by header.
struct Row {
    number: usize,
    cells: HashMap<String, String>,
}

impl Row {
    fn get(&self, header: &str) -> &str {
        self.cells.get(header).map_or("", |c| c.trim())
    }
}

pub fn run(root: &Path, file: &Path) -> u8 {
    let rows = match read_rows(file) {
        Ok(rows) => rows,
        Err(message) => {
            eprintln!("{message}");
            return exit::CONTENT_ERRORS;
        }
    };
    let (project, loaded) = crate::source::load(root);
    // A project without entries yet is what an import fills.
    let blocking = loaded.diagnostics().iter().any(|d| {
        d.severity == crate::diagnostics::Severity::Error
            && !(d.code == crate::diagnostics::Code::Io && d.file == Path::new(crate::source::ENTRIES_DIR))
    });
    if blocking {
        eprint!("{}", loaded.without_strict_only().to_human(root));
        eprintln!("Chưa nhập: sửa các lỗi trên trước, vì cần đọc được các lĩnh vực và đơn vị đã khai báo.");
        return exit::CONTENT_ERRORS;
    }
    let mut sectors: Vec<(String, String)> =
        project.sectors.iter().map(|s| (s.slug.value.trim().to_string(), s.name.value.trim().to_string())).collect();
    let mut agencies: Vec<(String, String)> =
        project.agencies.iter().map(|a| (a.slug.value.trim().to_string(), a.name.value.trim().to_string())).collect();
    let (known_sectors, known_agencies) = (sectors.len(), agencies.len());
    let mut problems = Vec::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for row in &rows {
        match entry_file(row, &mut sectors, &mut agencies) {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(format!("Dòng {}: {problem}", row.number)),
        }
    }
    for (path, _) in &files {
        if root.join(path).exists() || files.iter().filter(|(p, _)| p == path).count() > 1 {
            problems.push(format!("Tệp {path} đã có hoặc trùng số thứ tự: không ghi đè."));
        }
    }
    if rows.is_empty() {
        problems.push("Bảng tính không có dòng CSDL nào dưới dòng tiêu đề.".to_string());
    }
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        for problem in &problems {
            eprintln!("{problem}");
        }
        eprintln!("Chưa ghi gì: sửa các dòng trên trong bảng tính rồi nhập lại.");
        return exit::CONTENT_ERRORS;
    }
    let written = write_all(root, &files, &sectors[known_sectors..], &agencies[known_agencies..]);
    if let Err(e) = written {
        eprintln!("Không ghi được: {}.", crate::diagnostics::io_message(&e));
        return exit::FAILURE;
    }
    println!(
        "Đã nhập {} CSDL vào {}/; khai báo thêm {} lĩnh vực và {} đơn vị. Chạy danhmuc check để kiểm tra.",
        files.len(),
        crate::source::ENTRIES_DIR,
        sectors.len() - known_sectors,
        agencies.len() - known_agencies
    );
    exit::OK
}

fn write_all(
    root: &Path,
    files: &[(String, String)],
    new_sectors: &[(String, String)],
    new_agencies: &[(String, String)],
) -> std::io::Result<()> {
    use std::io::Write;
    let append = |path: &str, items: &[(String, String)]| -> std::io::Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        let full = root.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let existing = std::fs::read_to_string(&full).unwrap_or_default();
        let mut text = String::new();
        if !existing.is_empty() && !existing.ends_with('\n') {
            text.push('\n');
        }
        for (slug, name) in items {
            text.push_str(&format!("- slug: {slug}\n  name: {}\n", super::new::yaml_text(name)));
        }
        std::fs::OpenOptions::new().create(true).append(true).open(full)?.write_all(text.as_bytes())
    };
    append(crate::source::SECTORS_FILE, new_sectors)?;
    append(crate::source::AGENCIES_FILE, new_agencies)?;
    for (path, text) in files {
        let full = root.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::OpenOptions::new().write(true).create_new(true).open(full)?.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// A spreadsheet cell as the site wrote it: one leading `'` keeps a text
/// that starts like a formula from being run, and is dropped.
fn unescape(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// A cell's list written on one line ("- a - b" or "- a; - b") as a
/// Markdown list, one item a line; other text as it is.
fn as_markdown(cell: &str) -> String {
    let cell = cell.trim();
    if !cell.starts_with("- ") || cell.contains('\n') {
        return cell.to_string();
    }
    let items: Vec<&str> = cell[2..].split(" - ").map(|i| i.trim().trim_end_matches(';').trim()).collect();
    items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n")
}

/// A name the decision's headings write in capitals ("NÔNG NGHIỆP VÀ MÔI
/// TRƯỜNG") as a name is written ("Nông nghiệp và môi trường"); other
/// names as they are.
fn as_written(name: &str) -> String {
    let name = crate::text::nfc(name.trim());
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    crate::text::capitalize(&name.to_lowercase())
}

/// Finds or declares a sector or agency by name (or by the slug given).
fn declared(list: &mut Vec<(String, String)>, name: &str, slug: Option<&str>) -> Result<String, String> {
    if let Some((slug, _)) = list.iter().find(|(s, n)| slug.map_or(n == name, |given| s == given)) {
        return Ok(slug.clone());
    }
    if let Some((slug, _)) =
        list.iter().find(|(_, n)| crate::text::fold(&n.to_lowercase()) == crate::text::fold(&name.to_lowercase()))
    {
        return Ok(slug.clone());
    }
    let slug = slug.map(str::to_string).unwrap_or_else(|| crate::text::slugify(name));
    if slug.is_empty() {
        return Err(format!("“{name}” không có chữ nào để làm mã."));
    }
    list.push((slug.clone(), name.to_string()));
    Ok(slug)
}

/// The entry file of one row: its path and text.
fn entry_file(
    row: &Row,
    sectors: &mut Vec<(String, String)>,
    agencies: &mut Vec<(String, String)>,
) -> Result<(String, String), String> {
    for header in REQUIRED {
        if header != NOTES && row.get(header).is_empty() {
            return Err(format!("cột “{header}” đang trống."));
        }
    }
    let group = Group::parse(row.get(GROUP)).ok_or_else(|| format!("Nhóm “{}” không phải A hay B.", row.get(GROUP)))?;
    let number: u32 = row
        .get(NUMBER)
        .trim_end_matches(".0")
        .parse()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("TT “{}” không phải số thứ tự.", row.get(NUMBER)))?;
    let title = crate::text::nfc(row.get(TITLE));
    let slug = Some(row.get(ENTRY_SLUG))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| crate::text::slugify(&title));
    if slug.is_empty() {
        return Err(format!("tên “{title}” không có chữ nào để làm địa chỉ trang."));
    }
    let sector = declared(sectors, &as_written(row.get(SECTOR)), Some(row.get(SECTOR_SLUG)).filter(|s| !s.is_empty()))?;
    let names: Vec<&str> = row.get(AGENCIES).split([';', '\n']).map(str::trim).filter(|n| !n.is_empty()).collect();
    let slugs: Vec<&str> = row.get(AGENCY_SLUGS).split(';').map(str::trim).filter(|n| !n.is_empty()).collect();
    if !slugs.is_empty() && slugs.len() != names.len() {
        return Err("số mã đơn vị chủ trì khác số đơn vị.".to_string());
    }
    let mut agency_slugs = Vec::new();
    for (i, name) in names.iter().enumerate() {
        agency_slugs.push(declared(agencies, &crate::text::nfc(name), slugs.get(i).copied())?);
    }
    let yaml = super::new::yaml_text;
    let mut text = String::from("---\n");
    text.push_str(&format!("title: {}\n", yaml(&title)));
    if slug != crate::text::slugify(&title) {
        text.push_str(&format!("slug: {}\n", yaml(&slug)));
    }
    text.push_str(&format!("group: {}\nnumber: {number}\nsector: {}\nagencies:\n", group.code(), yaml(&sector)));
    for agency in &agency_slugs {
        text.push_str(&format!("  - {}\n", yaml(agency)));
    }
    let notes = unescape(row.get(NOTES));
    if !notes.trim().is_empty() {
        text.push_str(&format!("notes: {}\n", yaml(notes.trim())));
    }
    text.push_str("---\n");
    for heading in SECTION_HEADINGS {
        text.push_str(&format!("\n## {heading}\n\n{}\n", as_markdown(&unescape(row.get(heading)))));
    }
    let mut short = slug.clone();
    if short.len() > 40 {
        short.truncate(short[..=40].rfind('-').unwrap_or(40));
    }
    Ok((format!("{}/{}-{number:02}-{short}.md", crate::source::ENTRIES_DIR, group.slug()), text))
}

/// The rows under the header row of a `.csv` file or of the first sheet
/// of a `.xlsx` workbook that has one.
fn read_rows(file: &Path) -> Result<Vec<Row>, String> {
    let extension = file.extension().and_then(|e| e.to_str()).map(str::to_lowercase);
    let table: Vec<Vec<String>> = match extension.as_deref() {
        Some("csv") => {
            let bytes = std::fs::read(file)
                .map_err(|e| format!("Không đọc được {}: {}.", file.display(), crate::diagnostics::io_message(&e)))?;
            let text = String::from_utf8(bytes).map_err(|_| format!("{} không phải văn bản UTF-8.", file.display()))?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
            reader
                .records()
                .map(|r| r.map(|r| r.iter().map(str::to_string).collect()))
                .collect::<Result<_, _>>()
                .map_err(|e| format!("{} không đọc được như CSV: {e}.", file.display()))?
        }
        Some("xlsx") => {
            use calamine::{Reader, open_workbook_auto};
            let mut workbook =
                open_workbook_auto(file).map_err(|e| format!("Không mở được bảng tính {}: {e}.", file.display()))?;
            let names = workbook.sheet_names().to_vec();
            // The first sheet whose header row has every column read (the
            // site's workbook: its flat sheet), else the first with a title
            // column, to say what it lacks.
            let (mut complete, mut titled) = (None, None);
            for name in names {
                let Ok(range) = workbook.worksheet_range(&name) else { continue };
                let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
                let header = rows.iter().take(10).find(|r| r.iter().any(|c| c.trim() == TITLE));
                if header.is_some_and(|h| REQUIRED.iter().all(|x| h.iter().any(|c| c.trim() == *x))) {
                    complete = Some(rows);
                    break;
                }
                if header.is_some() && titled.is_none() {
                    titled = Some(rows);
                }
            }
            complete
                .or(titled)
                .ok_or_else(|| format!("Không trang tính nào của {} có cột “{TITLE}”.", file.display()))?
        }
        _ => return Err(format!("{}: danhmuc import đọc tệp .csv hoặc .xlsx.", file.display())),
    };
    let header_at = table
        .iter()
        .take(10)
        .position(|r| r.iter().any(|c| c.trim() == TITLE))
        .ok_or_else(|| format!("Không tìm thấy dòng tiêu đề có cột “{TITLE}” trong {}.", file.display()))?;
    let mut headers: Vec<String> = table[header_at].iter().map(|h| h.trim().to_string()).collect();
    let has = |headers: &[String], name: &str| headers.iter().any(|x| x == name);
    // The decision's appendix has no group or sector column: heading rows
    // ("A | NHÓM …", "I | LĨNH VỰC …: 15 CSDL") say them for the rows below.
    let appendix = !has(&headers, GROUP) && !has(&headers, SECTOR);
    let table = if appendix {
        headers.push(GROUP.to_string());
        headers.push(SECTOR.to_string());
        with_headings(&table[header_at + 1..], header_at + 1)?
    } else {
        table[header_at + 1..].iter().cloned().enumerate().map(|(i, cells)| (header_at + 2 + i, cells)).collect()
    };
    let missing: Vec<&str> = REQUIRED.iter().copied().filter(|h| !has(&headers, h)).collect();
    if !missing.is_empty() {
        return Err(format!("Bảng tính thiếu cột: {}.", missing.join(", ")));
    }
    Ok(table
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(number, cells)| Row { number, cells: headers.iter().cloned().zip(cells).collect() })
        .collect())
}

/// The entry rows of an appendix laid out as the decision's (`rows`, the
/// first of them row `first` of the sheet, counted from 0), each with the
/// group and sector of the heading rows above it appended: (row number as
/// a spreadsheet shows it, cells).
fn with_headings(rows: &[Vec<String>], first: usize) -> Result<Vec<(usize, Vec<String>)>, String> {
    let (mut group, mut sector): (Option<String>, Option<String>) = (None, None);
    let mut entries = Vec::new();
    for (i, cells) in rows.iter().enumerate() {
        let number = first + i + 1;
        let label = cells.first().map_or("", |c| c.trim());
        let text = cells.get(1).map_or("", |c| c.trim());
        let folded = crate::text::fold(&text.to_lowercase());
        if (label == "A" || label == "B") && folded.starts_with("nhom") {
            group = Some(label.to_string());
            sector = None;
            continue;
        }
        if let Some(rest) = folded.strip_prefix("linh vuc ")
            && !label.is_empty()
            && label.chars().all(|c| "IVXLC".contains(c))
        {
            // The name as written, between "LĨNH VỰC " and ":".
            let start = text.len() - text.chars().rev().take(rest.chars().count()).map(char::len_utf8).sum::<usize>();
            let name = text[start..].split(':').next().unwrap_or("").trim();
            sector = Some(name.to_string());
            continue;
        }
        // An empty row, or the row that numbers the columns ((1) (2) …).
        let numbering = cells.iter().enumerate().all(|(k, c)| {
            let c = c.trim().trim_start_matches('(').trim_end_matches(')');
            c.is_empty() || c.trim_end_matches(".0").parse() == Ok(k + 1)
        });
        if numbering {
            continue;
        }
        let (Some(group), Some(sector)) = (&group, &sector) else {
            return Err(format!("Dòng {number}: chưa có dòng nhóm (A, B) và dòng lĩnh vực (I, II…) phía trên."));
        };
        let mut cells = cells.clone();
        cells.push(group.clone());
        cells.push(sector.clone());
        entries.push((number, cells));
    }
    Ok(entries)
}
