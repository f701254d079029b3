//! `data/catalog.xlsx`: the catalog as an Excel workbook. The first sheet is
//! laid out like the decision's appendix (headings, group and sector rows,
//! wrapped text, frozen header); the second is the flat table of the CSV,
//! with filters, for sorting and counting. Document properties carry no
//! clock time, so two builds give the same bytes.
//!
//! Written here as SpreadsheetML parts in a zip (the `zip` crate), not
//! with rust_xlsxwriter, which this module used until it took a quarter of
//! a 100,000-entry build's CPU time (BENCHMARKS.md, "Decisions"): it hashed
//! every cell's string with SipHash into its shared-string table, copied
//! it there, and wrote both sheets to temporary files and read them back.
//! Here the catalog's texts are borrowed, each string is hashed once with
//! foldhash, and the two sheets and the string table are compressed side
//! by side. The workbook needs only a handful of cell styles, written out
//! below, and the layout rust_xlsxwriter gave it: column widths, merged
//! group and sector rows, frozen headings, print titles, a filter.

use super::table::{HEADERS, rows};
use crate::model::{Catalog, Group};
use crate::text::escape_xml;
use rayon::prelude::*;
use std::borrow::Cow;
use std::fmt;
use std::io::Write;
use zip::write::{PreparedZipFile, SimpleFileOptions, ZipFileBuilder};
use zip::{CompressionMethod, DateTime, ZipWriter};

pub const PATH: &str = crate::urls::CATALOG_XLSX;

use crate::validate::writing::{MAX_CELL_CHARS, thousands};

/// Level 2 instead of zlib's default 6. At 10,000 entries, level 6 makes
/// the file 8 % smaller than level 3 for 2.3 times the time; at 2,000
/// entries, level 2 (zlib-rs's "fast" strategy) makes it 7.6 % larger than
/// level 3 for a quarter less work (277 against 376 million instructions,
/// the whole build 2.98 billion), and level 1 half as large again.
const COMPRESSION_LEVEL: i64 = 2;

const APPENDIX_SHEET: &str = "Phụ lục";
const FLAT_SHEET: &str = "Bảng dữ liệu";

/// Why the workbook could not be made.
#[derive(Debug)]
pub enum XlsxError {
    /// A text longer than a cell holds, in the entry of file `file`.
    TooLong {
        file: String,
        column: &'static str,
        chars: usize,
    },
    Zip(zip::result::ZipError),
}

impl fmt::Display for XlsxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            XlsxError::TooLong { file, column, chars } => write!(
                f,
                "{file}, cột “{column}”: {} ký tự, quá {} ký tự một ô Excel chứa được; hãy rút gọn nội dung này",
                thousands(*chars),
                thousands(MAX_CELL_CHARS)
            ),
            XlsxError::Zip(e) => write!(f, "lỗi khi nén tệp: {e}"),
        }
    }
}

impl From<zip::result::ZipError> for XlsxError {
    fn from(e: zip::result::ZipError) -> Self {
        XlsxError::Zip(e)
    }
}

impl From<std::io::Error> for XlsxError {
    fn from(e: std::io::Error) -> Self {
        XlsxError::Zip(e.into())
    }
}

/// Cell styles: indices into `cellXfs` of [`STYLES`].
mod style {
    pub const TITLE: u8 = 1;
    pub const HEADING: u8 = 2;
    pub const NUMBER: u8 = 3;
    pub const CELL: u8 = 4;
    pub const GROUP_ROW: u8 = 5;
    pub const SECTOR_ROW: u8 = 6;
    pub const FLAT_HEADING: u8 = 7;
    pub const FLAT_CELL: u8 = 8;
}

/// A string of the shared-string table, or none (an empty text).
type Text = Option<u32>;

/// The workbook's shared strings: every distinct non-empty text once, in
/// the order first met. Texts are borrowed from the catalog where they can
/// be; a text is hashed once.
#[derive(Default)]
struct Strings<'a> {
    texts: Vec<Cow<'a, str>>,
    index: hashbrown::HashTable<u32>,
    hasher: foldhash::fast::FixedState,
    /// References to a string from the sheets' cells (the table's `count`).
    uses: usize,
}

impl<'a> Strings<'a> {
    fn add(&mut self, text: Cow<'a, str>) -> Text {
        use std::hash::BuildHasher as _;
        if text.is_empty() {
            return None;
        }
        self.uses += 1;
        let hash = self.hasher.hash_one(text.as_ref());
        if let Some(&i) = self.index.find(hash, |&i| self.texts[i as usize] == text) {
            return Some(i);
        }
        let i = self.texts.len() as u32;
        self.texts.push(text);
        let (texts, hasher) = (&self.texts, &self.hasher);
        self.index.insert_unique(hash, i, |&i| hasher.hash_one(texts[i as usize].as_ref()));
        Some(i)
    }
}

/// What the appendix sheet shows of an entry, and its flat row.
struct EntryCells {
    number: u32,
    appendix: [Text; 7],
    flat: [Text; 16],
}

/// A heading row of the appendix: its first cell (a group's code or a
/// sector's numeral) and the merged text beside it.
struct HeadingRow {
    style: u8,
    label: Text,
    text: Text,
    /// The entries under it when it is a sector row, in order.
    entries: Vec<usize>,
}

pub fn to_xlsx(catalog: &Catalog, title: &str, base_url: Option<&str>) -> Result<Vec<u8>, XlsxError> {
    let mut strings = Strings::default();

    // The appendix's fixed rows come first in the string table.
    let title_text = strings.add(Cow::Owned(title.to_uppercase()));
    let columns = super::table::APPENDIX_COLUMNS.map(|name| strings.add(Cow::Borrowed(name)));
    let headers = HEADERS.map(|name| strings.add(Cow::Borrowed(name)));

    // Each entry's texts, once for both sheets: the appendix's seven are
    // the flat row's title, agencies and four sections and notes.
    let mut cells = Vec::with_capacity(catalog.entries().len());
    let appendix_in_row = super::table::appendix_in_row();
    for (entry, row) in catalog.entries().iter().zip(rows(catalog, base_url)) {
        let mut flat = [None; 16];
        for (column, value) in row.into_iter().enumerate() {
            // A text has at least as many bytes as characters: only a long
            // one needs counting.
            if value.len() > MAX_CELL_CHARS {
                let chars = value.chars().count();
                if chars > MAX_CELL_CHARS {
                    return Err(XlsxError::TooLong { file: entry.source_path.clone(), column: HEADERS[column], chars });
                }
            }
            flat[column] = strings.add(value);
        }
        let appendix = appendix_in_row.map(|column| flat[column]);
        // The appendix refers to these strings a second time.
        strings.uses += appendix.iter().flatten().count();
        cells.push(EntryCells { number: entry.number, appendix, flat });
    }

    let mut headings = Vec::new();
    for group in Group::ALL {
        let count = catalog.entries_in_group(group).count();
        if count == 0 {
            continue;
        }
        headings.push(HeadingRow {
            style: style::GROUP_ROW,
            label: strings.add(Cow::Borrowed(group.code())),
            text: strings.add(Cow::Owned(format!("{} ({count} CSDL)", group.name().to_uppercase()))),
            entries: Vec::new(),
        });
        for (n, (sector, entries)) in catalog.sectors_in_group(group).into_iter().enumerate() {
            let name = catalog.sector(sector).name.to_uppercase();
            headings.push(HeadingRow {
                style: style::SECTOR_ROW,
                label: strings.add(Cow::Owned(crate::text::roman(n + 1))),
                text: strings.add(Cow::Owned(format!("LĨNH VỰC {name}: {:02} CSDL", entries.len()))),
                entries,
            });
        }
    }

    let appendix = Appendix { title: title_text, columns, headings: &headings, cells: &cells };
    let flat = Flat { headers, cells: &cells };
    type WritePart<'p> = &'p (dyn Fn(&mut dyn Write) -> std::io::Result<()> + Sync);
    let parts: [(&str, WritePart); 3] = [
        ("xl/worksheets/sheet1.xml", &|out| appendix.write(out)),
        ("xl/worksheets/sheet2.xml", &|out| flat.write(out)),
        ("xl/sharedStrings.xml", &|out| write_strings(&strings, out)),
    ];
    // The three large parts are written and compressed side by side.
    let large: Vec<PreparedZipFile> =
        parts.par_iter().map(|(name, write)| compress(name, write)).collect::<Result<_, _>>()?;

    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let small = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/app.xml", APP.to_string()),
        ("docProps/core.xml", core_properties(title)),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_string()),
        ("xl/workbook.xml", workbook(catalog.entries().len() as u32 + 1)),
        ("xl/styles.xml", STYLES.to_string()),
    ];
    for (name, xml) in small {
        zip.add_prepared_file(compress(name, |out| out.write_all(xml.as_bytes()))?)?;
    }
    for part in large {
        zip.add_prepared_file(part)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// A part compressed into memory, ready to be put in the archive.
fn compress(
    name: &str,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<PreparedZipFile, XlsxError> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(COMPRESSION_LEVEL))
        .last_modified_time(DateTime::default());
    let mut builder = ZipFileBuilder::new(name, options)?;
    {
        // Parts are made in pieces of 64 KiB: the compressor takes them
        // whole, not a few bytes at a time.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut builder);
        write(&mut out)?;
        out.flush()?;
    }
    Ok(builder.finish()?)
}

/// The first sheet: the appendix as in the decision.
struct Appendix<'a> {
    title: Text,
    columns: [Text; 8],
    headings: &'a [HeadingRow],
    cells: &'a [EntryCells],
}

impl Appendix<'_> {
    /// The 1-based number of the last row.
    fn last_row(&self) -> u32 {
        4 + self.headings.len() as u32 + self.headings.iter().map(|h| h.entries.len() as u32).sum::<u32>()
    }

    fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        sheet_start(out, &format!("A1:H{}", self.last_row()), 4, true)?;
        for (column, width) in [6.0, 30.0, 22.0, 40.0, 55.0, 40.0, 40.0, 28.0].into_iter().enumerate() {
            write_column(out, column, width, None)?;
        }
        out.write_all(b"</cols><sheetData>")?;
        let mut row = Row::default();
        row.start(1, Some(36));
        row.text(0, style::TITLE, self.title);
        for column in 1..8 {
            row.blank(column, style::TITLE);
        }
        row.end(out)?;
        row.start(3, None);
        for (column, name) in self.columns.iter().enumerate() {
            row.text(column, style::HEADING, *name);
        }
        row.end(out)?;
        row.start(4, None);
        for column in 0..8 {
            row.number(column, style::HEADING, column as u32 + 1);
        }
        row.end(out)?;

        let mut merged = vec!["A1:H1".to_string()];
        let mut r = 5;
        for heading in self.headings {
            row.start(r, None);
            row.text(0, heading.style, heading.label);
            row.text(1, heading.style, heading.text);
            for column in 2..8 {
                row.blank(column, heading.style);
            }
            row.end(out)?;
            merged.push(format!("B{r}:H{r}"));
            r += 1;
            for &index in &heading.entries {
                let cells = &self.cells[index];
                row.start(r, None);
                row.number(0, style::NUMBER, cells.number);
                for (column, text) in cells.appendix.iter().enumerate() {
                    row.text(column + 1, style::CELL, *text);
                }
                row.end(out)?;
                r += 1;
            }
        }
        write!(out, "</sheetData><mergeCells count=\"{}\">", merged.len())?;
        for range in merged {
            write!(out, "<mergeCell ref=\"{range}\"/>")?;
        }
        out.write_all(b"</mergeCells>")?;
        out.write_all(PAGE_MARGINS.as_bytes())?;
        out.write_all(b"<pageSetup orientation=\"landscape\"/></worksheet>")
    }
}

/// The second sheet: the CSV's table, with a filter on its headings.
struct Flat<'a> {
    headers: [Text; 16],
    cells: &'a [EntryCells],
}

impl Flat<'_> {
    fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let last = self.cells.len() + 1;
        sheet_start(out, &format!("A1:P{last}"), 1, false)?;
        for column in 0..HEADERS.len() {
            let width = if (9..=12).contains(&column) { 45.0 } else { 18.0 };
            // The column's style is its cells' and that of the cells a
            // reader adds.
            write_column(out, column, width, Some(style::FLAT_CELL))?;
        }
        out.write_all(b"</cols><sheetData>")?;
        let mut row = Row::default();
        row.start(1, None);
        for (column, name) in self.headers.iter().enumerate() {
            row.text(column, style::FLAT_HEADING, *name);
        }
        row.end(out)?;
        for (r, cells) in self.cells.iter().enumerate() {
            row.start(r as u32 + 2, None);
            for (column, text) in cells.flat.iter().enumerate() {
                // An empty value is no cell: the column gives it its style.
                if text.is_some() {
                    row.text(column, style::FLAT_CELL, *text);
                }
            }
            row.end(out)?;
        }
        write!(out, "</sheetData><autoFilter ref=\"A1:P{last}\"/>")?;
        out.write_all(PAGE_MARGINS.as_bytes())?;
        out.write_all(b"</worksheet>")
    }
}

/// A sheet's opening, up to its column widths: the cells it spans, its
/// first `frozen` rows kept in view, whether it is the one shown first.
fn sheet_start(out: &mut dyn Write, dimension: &str, frozen: u32, selected: bool) -> std::io::Result<()> {
    let selected = if selected { " tabSelected=\"1\"" } else { "" };
    write!(
        out,
        "{XML_HEAD}<worksheet {NAMESPACES}><dimension ref=\"{dimension}\"/>\
         <sheetViews><sheetView{selected} workbookViewId=\"0\">\
         <pane ySplit=\"{frozen}\" topLeftCell=\"A{}\" activePane=\"bottomLeft\" state=\"frozen\"/>\
         <selection pane=\"bottomLeft\"/></sheetView></sheetViews>\
         <sheetFormatPr defaultRowHeight=\"15\"/><cols>",
        frozen + 1
    )
}

/// A row being written: its cells, then `end` hands it to the part.
#[derive(Default)]
struct Row {
    xml: Vec<u8>,
    number: u32,
}

impl Row {
    fn start(&mut self, number: u32, height: Option<u32>) {
        self.xml.clear();
        self.number = number;
        let _ = match height {
            Some(h) => write!(self.xml, "<row r=\"{number}\" ht=\"{h}\" customHeight=\"1\">"),
            None => write!(self.xml, "<row r=\"{number}\">"),
        };
    }

    fn cell(&mut self, column: usize, style: u8) {
        let _ = write!(self.xml, "<c r=\"{}{}\" s=\"{style}\"", column_name(column), self.number);
    }

    fn text(&mut self, column: usize, style: u8, text: Text) {
        match text {
            Some(index) => {
                self.cell(column, style);
                let _ = write!(self.xml, " t=\"s\"><v>{index}</v></c>");
            }
            None => self.blank(column, style),
        }
    }

    fn number(&mut self, column: usize, style: u8, value: u32) {
        self.cell(column, style);
        let _ = write!(self.xml, "><v>{value}</v></c>");
    }

    fn blank(&mut self, column: usize, style: u8) {
        self.cell(column, style);
        self.xml.extend_from_slice(b"/>");
    }

    fn end(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        self.xml.extend_from_slice(b"</row>");
        out.write_all(&self.xml)
    }
}

/// A column's letter (the sheets have at most 26 columns).
fn column_name(column: usize) -> char {
    debug_assert!(column < 26);
    (b'A' + column as u8) as char
}

/// A column's width in characters as Excel stores it: with the padding of
/// the default font (7 pixels a character, 5 of margin), as Excel itself
/// writes a width typed into it.
fn write_column(out: &mut dyn Write, column: usize, width: f64, style: Option<u8>) -> std::io::Result<()> {
    let stored = ((width * 7.0 + 5.0) / 7.0 * 256.0).trunc() / 256.0;
    let n = column + 1;
    write!(out, "<col min=\"{n}\" max=\"{n}\" width=\"{stored}\" customWidth=\"1\"")?;
    if let Some(style) = style {
        write!(out, " style=\"{style}\"")?;
    }
    out.write_all(b"/>")
}

fn write_strings(strings: &Strings, out: &mut dyn Write) -> std::io::Result<()> {
    write!(
        out,
        "{XML_HEAD}<sst xmlns=\"{MAIN_NS}\" count=\"{}\" uniqueCount=\"{}\">",
        strings.uses,
        strings.texts.len()
    )?;
    let mut xml = Vec::new();
    for text in &strings.texts {
        xml.clear();
        // Leading or trailing white space is kept only when marked so.
        let edge = |c: Option<char>| c.is_some_and(char::is_whitespace);
        if edge(text.chars().next()) || edge(text.chars().next_back()) {
            xml.extend_from_slice(b"<si><t xml:space=\"preserve\">");
        } else {
            xml.extend_from_slice(b"<si><t>");
        }
        escape(&mut xml, text);
        xml.extend_from_slice(b"</t></si>");
        out.write_all(&xml)?;
    }
    out.write_all(b"</sst>")
}

/// Appends `text` as XML character data. Besides `&`, `<` and `>`, control
/// characters, which XML 1.0 cannot hold, are written as Excel's `_xHHHH_`
/// escapes, and so is the `_` of a text that looks like one, so that it
/// reads back as written.
fn escape(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // U+FFFE and U+FFFF, which XML cannot hold either, start with 0xEF.
    let special =
        |b: u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'_' | 0xef) || (b < 0x20 && !matches!(b, b'\t' | b'\n'));
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !special(b) {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        match b {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            b'_' if looks_like_escape(&bytes[i..]) => out.extend_from_slice(b"_x005F_"),
            b'_' => out.push(b'_'),
            0xef => match &bytes[i..] {
                [_, 0xbf, last @ (0xbe | 0xbf), ..] => {
                    let _ = write!(out, "_xFFF{}_", if *last == 0xbe { 'E' } else { 'F' });
                    start = i + 3;
                }
                _ => out.push(b),
            },
            _ => {
                let _ = write!(out, "_x{b:04X}_");
            }
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Whether `bytes` start with `_xHHHH_`.
fn looks_like_escape(bytes: &[u8]) -> bool {
    bytes.len() >= 7 && bytes[1] == b'x' && bytes[2..6].iter().all(u8::is_ascii_hexdigit) && bytes[6] == b'_'
}

fn workbook(flat_rows: u32) -> String {
    let (appendix, flat) = (escape_xml(APPENDIX_SHEET), escape_xml(FLAT_SHEET));
    format!(
        "{XML_HEAD}<workbook {NAMESPACES}><bookViews><workbookView/></bookViews><sheets>\
         <sheet name=\"{appendix}\" sheetId=\"1\" r:id=\"rId1\"/>\
         <sheet name=\"{flat}\" sheetId=\"2\" r:id=\"rId2\"/></sheets><definedNames>\
         <definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"1\" hidden=\"1\">'{flat}'!$A$1:$O${flat_rows}</definedName>\
         <definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'{appendix}'!$3:$4</definedName>\
         </definedNames><calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>"
    )
}

fn core_properties(title: &str) -> String {
    let escaped = escape_xml(title);
    format!(
        "{XML_HEAD}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{escaped}</dc:title><dc:creator>danhmuc</dc:creator>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:modified>\
         </cp:coreProperties>"
    )
}

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NAMESPACES: &str = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
     xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
const PAGE_MARGINS: &str =
    "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>\
<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const WORKBOOK_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>\
</Relationships>";

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>danhmuc</Application></Properties>";

/// Fonts: 0 regular, 1 bold, 2 the title's; fills: 2 a group row's, 3 a
/// sector row's; borders: 1 thin all round. The cell styles are numbered
/// as in [`style`].
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<fonts count=\"3\">\
<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>\
<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>\
<font><b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/></font>\
</fonts>\
<fills count=\"4\">\
<fill><patternFill patternType=\"none\"/></fill>\
<fill><patternFill patternType=\"gray125\"/></fill>\
<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFF2DCDB\"/><bgColor indexed=\"64\"/></patternFill></fill>\
<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFF2F2F2\"/><bgColor indexed=\"64\"/></patternFill></fill>\
</fills>\
<borders count=\"2\">\
<border><left/><right/><top/><bottom/><diagonal/></border>\
<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>\
<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border>\
</borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"9\">\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"top\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>\
</cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>\
<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" defaultPivotStyle=\"PivotStyleLight16\"/>\
</styleSheet>";

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        escape(&mut out, text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn text_is_escaped_for_xml_and_for_excel() {
        assert_eq!(escaped("Sở <Nội vụ> & \"Tư pháp\""), "Sở &lt;Nội vụ&gt; &amp; &quot;Tư pháp&quot;");
        assert_eq!(escaped("dòng 1\ndòng 2\tcột"), "dòng 1\ndòng 2\tcột");
        // A control character XML cannot hold becomes Excel's escape; a
        // text that looks like that escape keeps its underscore.
        assert_eq!(escaped("a\u{1}b\rc"), "a_x0001_b_x000D_c");
        assert_eq!(escaped("ấ\u{fffe}ế\u{ffff}\u{fffd}"), "ấ_xFFFE_ế_xFFFF_\u{fffd}");
        assert_eq!(escaped("mã _x0041_ và ten_bien"), "mã _x005F_x0041_ và ten_bien");
    }

    #[test]
    fn each_text_is_stored_once() {
        let mut strings = Strings::default();
        let owned = String::from("Sở Nội vụ");
        let a = strings.add(Cow::Borrowed("Sở Nội vụ"));
        let b = strings.add(Cow::Borrowed("Sở Tư pháp"));
        assert_eq!(strings.add(Cow::Owned(owned)), a);
        assert_eq!(strings.add(Cow::Borrowed("")), None);
        assert_eq!((a, b), (Some(0), Some(1)));
        assert_eq!((strings.texts.len(), strings.uses), (2, 3));
    }

    #[test]
    fn counts_are_written_the_vietnamese_way() {
        assert_eq!([thousands(7), thousands(32_767), thousands(1_234_567)], ["7", "32.767", "1.234.567"]);
    }

    #[test]
    fn column_widths_are_stored_as_excel_stores_them() {
        let mut out = Vec::new();
        write_column(&mut out, 0, 6.0, None).unwrap();
        write_column(&mut out, 9, 45.0, Some(style::FLAT_CELL)).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<col min=\"1\" max=\"1\" width=\"6.7109375\" customWidth=\"1\"/>\
             <col min=\"10\" max=\"10\" width=\"45.7109375\" customWidth=\"1\" style=\"8\"/>"
        );
    }
}
