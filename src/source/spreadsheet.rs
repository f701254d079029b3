//! Reading the spreadsheet `danhmuc import` takes (`.csv`, or the first
//! suitable sheet of an `.xlsx` workbook) into rows of cells named by their
//! header, whichever of the two layouts it has: the site's own flat table
//! (a group and a sector column) or the decision's appendix (heading rows
//! "A | NHÓM …" and "I | LĨNH VỰC …" above the entries).
//!
//! A spreadsheet is untrusted input, so every size is bounded before
//! anything is allocated for it: the file's bytes, the bytes its workbook
//! parts unpack to (counted while inflating, not taken from the zip's
//! headers, which may lie), and the rows and columns a cell may sit at.
//! Cells are read one at a time (calamine's cell reader), never as the
//! sheet's whole bounding box, which one cell at XFD1048576 would make
//! seventeen billion cells.

use crate::model::{SECTION_HEADINGS, fields};
use std::collections::HashMap;
use std::io::Read;

/// Larger files are refused: at 10,000 entries the site's own CSV file
/// is 13 MB, its workbook 5.3 MB.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// What the parts of a workbook may unpack to, all together: the site's
/// own unpacks to 23 MB at 10,000 entries.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// Rows and columns a non-empty cell may sit in (the site's own workbook
/// has 15 columns and a row per entry).
pub const MAX_ROWS: usize = 50_000;
pub const MAX_COLUMNS: usize = 64;
/// Parts in a workbook: a real one has a few dozen.
const MAX_PARTS: usize = 10_000;

/// The columns read, by their header (`model::fields`: the headers the
/// site's own flat table writes); the first five long ones in the order
/// of the entry's sections.
pub const TITLE: &str = fields::column(fields::TITLE);
pub const GROUP: &str = fields::column(fields::GROUP);
pub const NUMBER: &str = fields::column(fields::NUMBER);
pub const SECTOR: &str = fields::column(fields::SECTOR);
pub const SECTOR_SLUG: &str = fields::code_column(fields::SECTOR);
pub const ENTRY_SLUG: &str = fields::column(fields::SLUG);
pub const AGENCIES: &str = fields::column(fields::AGENCIES);
pub const AGENCY_SLUGS: &str = fields::code_column(fields::AGENCIES);
pub const NOTES: &str = fields::column(fields::NOTES);
/// Optional: the entry's `keywords`, separated by ";" or line breaks, as
/// the site's flat table writes them.
pub const KEYWORDS: &str = fields::column(fields::KEYWORDS);
/// Every column read.
pub const READ: [&str; 14] = [
    GROUP,
    NUMBER,
    TITLE,
    ENTRY_SLUG,
    SECTOR,
    SECTOR_SLUG,
    AGENCIES,
    AGENCY_SLUGS,
    SECTION_HEADINGS[0],
    SECTION_HEADINGS[1],
    SECTION_HEADINGS[2],
    SECTION_HEADINGS[3],
    NOTES,
    KEYWORDS,
];
pub const REQUIRED: [&str; 9] = [
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

/// The two kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// By the file name's extension, in any case.
    pub fn of(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// A row of the sheet: its number as a spreadsheet shows it, and its cells
/// by header.
#[derive(Debug, Clone)]
pub struct Row {
    pub number: usize,
    cells: HashMap<String, String>,
}

impl Row {
    /// The cell under `header`, trimmed; empty when there is none.
    pub fn get(&self, header: &str) -> &str {
        self.cells.get(header).map_or("", |c| c.trim())
    }
}

/// The rows under the header row of a spreadsheet's bytes; `name` is how
/// messages call the file. Errors are sentences for the user.
pub fn read_rows(bytes: &[u8], format: Format, name: &str) -> Result<Vec<Row>, String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{name} quá lớn ({} MiB, tối đa {} MiB): một danh mục không cần đến cỡ đó.",
            bytes.len() >> 20,
            MAX_FILE_BYTES >> 20
        ));
    }
    let table = match format {
        Format::Csv => csv_table(bytes, name)?,
        Format::Xlsx => workbook_table(bytes, name)?,
    };
    rows(table, name)
}

fn csv_table(bytes: &[u8], name: &str) -> Result<Vec<Vec<String>>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| format!("{name} không phải văn bản UTF-8."))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut table = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{name} không đọc được như CSV: {e}."))?;
        if i >= MAX_ROWS {
            return Err(too_many_rows(name));
        }
        let used =
            record.iter().enumerate().filter(|(_, c)| !c.trim().is_empty()).last().map_or(0, |(last, _)| last + 1);
        if used > MAX_COLUMNS {
            return Err(too_many_columns(name, i + 1));
        }
        table.push(record.iter().take(used).map(str::to_string).collect());
    }
    Ok(table)
}

fn too_many_rows(name: &str) -> String {
    format!(
        "{name} có chữ ở quá {MAX_ROWS} dòng: một danh mục không cần đến cỡ đó. Xóa các dòng thừa ở cuối bảng rồi nhập lại."
    )
}

fn too_many_columns(name: &str, row: usize) -> String {
    format!("{name}, dòng {row}: có chữ ở quá {MAX_COLUMNS} cột. Xóa các ô thừa ở bên phải bảng rồi nhập lại.")
}

/// The first sheet whose header row has every column read (the site's
/// workbook: its flat sheet), else the first with a title column, to say
/// what it lacks.
fn workbook_table(bytes: &[u8], name: &str) -> Result<Vec<Vec<String>>, String> {
    use calamine::Reader;
    check_unpacked_size(bytes, name)?;
    let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("Không mở được bảng tính {name}: {e}."))?;
    let mut titled = None;
    let mut text_bytes = 0;
    for sheet in workbook.sheet_names() {
        let Ok(mut cells) = workbook.worksheet_cells_reader(&sheet) else { continue };
        let mut table: Vec<Vec<String>> = Vec::new();
        loop {
            let cell = match cells.next_cell() {
                Ok(Some(cell)) => cell,
                Ok(None) => break,
                Err(e) => return Err(format!("Không đọc được trang “{sheet}” của {name}: {e}.")),
            };
            let text = calamine::Data::from(cell.get_value().clone()).to_string();
            if text.trim().is_empty() {
                continue;
            }
            // A shared string is stored once and may be named by every
            // cell of every sheet: what the cells hold is bounded too.
            text_bytes += text.len() as u64;
            if text_bytes > MAX_UNPACKED_BYTES {
                return Err(format!(
                    "Chữ trong các ô của {name} quá {} MiB: không phải một danh mục, hoặc tệp đã hỏng.",
                    MAX_UNPACKED_BYTES >> 20
                ));
            }
            let (row, column) = cell.get_position();
            let (row, column) = (row as usize, column as usize);
            if row >= MAX_ROWS {
                return Err(too_many_rows(name));
            }
            if column >= MAX_COLUMNS {
                return Err(too_many_columns(name, row + 1));
            }
            if table.len() <= row {
                table.resize(row + 1, Vec::new());
            }
            let cells = &mut table[row];
            if cells.len() <= column {
                cells.resize(column + 1, String::new());
            }
            cells[column] = text;
        }
        let header = table.iter().take(10).find(|r| r.iter().any(|c| c.trim() == TITLE));
        if header.is_some_and(|h| REQUIRED.iter().all(|x| h.iter().any(|c| c.trim() == *x))) {
            return Ok(table);
        }
        if header.is_some() && titled.is_none() {
            titled = Some(table);
        }
    }
    titled.ok_or_else(|| format!("Không trang tính nào của {name} có cột “{TITLE}”."))
}

/// Inflates every part of the workbook, counting, and refuses it once the
/// parts together pass [`MAX_UNPACKED_BYTES`]: a few kilobytes of zip can
/// claim, or unpack to, gigabytes.
fn check_unpacked_size(bytes: &[u8], name: &str) -> Result<(), String> {
    let not_a_workbook = |e: &dyn std::fmt::Display| format!("Không mở được bảng tính {name}: {e}.");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_a_workbook(&e))?;
    if zip.len() > MAX_PARTS {
        return Err(not_a_workbook(&format!("có {} phần, quá {MAX_PARTS}", zip.len())));
    }
    let mut left = MAX_UNPACKED_BYTES;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| not_a_workbook(&e))?;
        let strings = part.name().is_ok_and(|n| n.to_lowercase().ends_with("sharedstrings.xml"));
        let mut text = Vec::new();
        let read = match strings {
            true => part.by_ref().take(left + 1).read_to_end(&mut text).map(|n| n as u64),
            false => std::io::copy(&mut part.by_ref().take(left + 1), &mut std::io::sink()),
        }
        .map_err(|e| not_a_workbook(&e))?;
        if strings && declared_strings(&text) > MAX_STRINGS {
            return Err(not_a_workbook(&format!("bảng chuỗi khai báo quá {MAX_STRINGS} chuỗi")));
        }
        if read > left {
            return Err(format!(
                "Bảng tính {name} giải nén ra quá {} MiB: không phải một danh mục, hoặc tệp đã hỏng.",
                MAX_UNPACKED_BYTES >> 20
            ));
        }
        left -= read;
    }
    Ok(())
}

/// Strings a workbook's string table may declare (`uniqueCount`): the
/// reader reserves room for that many before reading one, so a few bytes
/// could ask for terabytes. Each string takes at least 8 bytes of XML.
const MAX_STRINGS: u64 = MAX_UNPACKED_BYTES / 8;

/// The largest `uniqueCount` written in a string table's XML (saturating).
fn declared_strings(xml: &[u8]) -> u64 {
    let key = b"uniqueCount";
    let mut largest = 0;
    for at in (0..xml.len().saturating_sub(key.len())).filter(|&at| xml[at..].starts_with(key)) {
        let rest = &xml[at + key.len()..];
        let rest = rest.trim_ascii_start().strip_prefix(b"=").unwrap_or(rest).trim_ascii_start();
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let number = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'+')
            .filter(|b| b.is_ascii_digit())
            .fold(0u64, |n, b| n.saturating_mul(10).saturating_add(u64::from(b - b'0')));
        largest = largest.max(number);
    }
    largest
}

/// The rows under the header row of `table`, with its layout understood.
fn rows(table: Vec<Vec<String>>, name: &str) -> Result<Vec<Row>, String> {
    let header_at = table
        .iter()
        .take(10)
        .position(|r| r.iter().any(|c| c.trim() == TITLE))
        .ok_or_else(|| format!("Không tìm thấy dòng tiêu đề có cột “{TITLE}” trong {name}."))?;
    let mut headers: Vec<String> = table[header_at].iter().map(|h| h.trim().to_string()).collect();
    let has = |headers: &[String], name: &str| headers.iter().any(|x| x == name);
    // The decision's appendix has no group or sector column: heading rows
    // ("A | NHÓM …", "I | LĨNH VỰC …: 15 CSDL") say them for the rows below.
    let appendix = !has(&headers, GROUP) && !has(&headers, SECTOR);
    let below = table.into_iter().skip(header_at + 1);
    let table = if appendix {
        headers.push(GROUP.to_string());
        headers.push(SECTOR.to_string());
        with_headings(below, header_at + 1)?
    } else {
        below.enumerate().map(|(i, cells)| (header_at + 2 + i, cells)).collect()
    };
    let missing: Vec<&str> = REQUIRED.iter().copied().filter(|h| !has(&headers, h)).collect();
    if !missing.is_empty() {
        return Err(format!("Bảng tính thiếu cột: {}.", missing.join(", ")));
    }
    Ok(table
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(number, mut cells)| {
            // An appendix row with fewer cells than headers still gets its
            // group and sector under their own headers.
            if appendix {
                let sector = cells.pop().unwrap_or_default();
                let group = cells.pop().unwrap_or_default();
                cells.resize(headers.len() - 2, String::new());
                cells.extend([group, sector]);
            }
            // A line break written CRLF inside a cell is a line break, as
            // in a content file.
            let cells = cells.into_iter().map(|c| if c.contains('\r') { c.replace("\r\n", "\n") } else { c });
            Row { number, cells: headers.iter().cloned().zip(cells).collect() }
        })
        .collect())
}

/// The entry rows of an appendix laid out as the decision's (`rows`, the
/// first of them row `first` of the sheet, counted from 0), each with the
/// group and sector of the heading rows above it appended: (row number as
/// a spreadsheet shows it, cells).
fn with_headings(rows: impl Iterator<Item = Vec<String>>, first: usize) -> Result<Vec<(usize, Vec<String>)>, String> {
    let (mut group, mut sector): (Option<String>, Option<String>) = (None, None);
    let mut entries = Vec::new();
    for (i, mut cells) in rows.enumerate() {
        let number = first + i + 1;
        let label = cells.first().map_or("", |c| c.trim());
        let text = cells.get(1).map_or("", |c| c.trim());
        if (label == "A" || label == "B") && crate::text::fold(&text.to_lowercase()).starts_with("nhom") {
            group = Some(label.to_string());
            sector = None;
            continue;
        }
        if !label.is_empty()
            && label.chars().all(|c| "IVXLC".contains(c))
            && let Some(name) = sector_heading(text)
        {
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
        cells.push(group.clone());
        cells.push(sector.clone());
        entries.push((number, cells));
    }
    Ok(entries)
}

/// The sector's name as written in a heading "LĨNH VỰC NỘI VỤ: 15 CSDL",
/// between "LĨNH VỰC " and ":"; None when the text is no such heading.
fn sector_heading(text: &str) -> Option<&str> {
    let mut words = text.splitn(3, char::is_whitespace);
    let (first, second) = (words.next()?, words.next()?);
    let folded = crate::text::fold(&format!("{first} {second}").to_lowercase());
    if folded != "linh vuc" {
        return None;
    }
    let rest = words.next()?.trim_start();
    Some(rest.split(':').next().unwrap_or("").trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sector_heading_gives_the_name_as_written() {
        assert_eq!(sector_heading("LĨNH VỰC NỘI VỤ: 15 CSDL"), Some("NỘI VỤ"));
        assert_eq!(sector_heading("Lĩnh vực Y tế"), Some("Y tế"));
        assert_eq!(sector_heading("CSDL lĩnh vực y tế"), None);
        assert_eq!(sector_heading("LĨNH VỰC"), None);
    }
}
