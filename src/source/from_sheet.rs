//! What `danhmuc import` makes of a spreadsheet's rows, in memory: one
//! [`EntryFile`] per row, and the sectors and agencies it names that the
//! project has not declared. Nothing here touches the disk, so the fuzz
//! target runs the whole reading and planning on arbitrary bytes.
//!
//! Every cell is untrusted: the codes given (Mã CSDL, Mã lĩnh vực, Mã đơn
//! vị chủ trì) must pass the slug rule the front matter's `slug` passes
//! (`model::Slug`), since one of them names the file written; names are
//! one line; the YAML is written by a serializer (`entry_file`,
//! `declarations`).

use super::entry_file::EntryFile;
use super::spreadsheet::{
    AGENCIES, AGENCY_SLUGS, ENTRY_SLUG, Format, GROUP, KEYWORDS, NOTES, NUMBER, READ, REQUIRED, Row, SECTOR,
    SECTOR_SLUG, TITLE,
};
use crate::model::{Group, SECTION_HEADINGS, Slug};
use std::collections::HashMap;

pub use super::declarations::Declaration;

/// What an import would write.
#[derive(Debug, Default)]
pub struct Plan {
    /// Each entry file: its project path and text.
    pub files: Vec<(String, String)>,
    pub new_sectors: Vec<Declaration>,
    pub new_agencies: Vec<Declaration>,
}

/// Reads the spreadsheet's bytes and plans the import against the sectors
/// and agencies already declared. `Err` holds every problem found, each a
/// sentence naming its row, sorted.
pub fn plan(
    bytes: &[u8],
    format: Format,
    name: &str,
    sectors: &[Declaration],
    agencies: &[Declaration],
) -> Result<Plan, Vec<String>> {
    let rows = super::spreadsheet::read_rows(bytes, format, name).map_err(|e| vec![e])?;
    let mut sectors = Register::new(sectors);
    let mut agencies = Register::new(agencies);
    let mut problems = Vec::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for row in &rows {
        match entry_file(row, &mut sectors, &mut agencies)
            .and_then(|e| Ok((e.path(), e.text().map_err(|e| e.to_string())?)))
        {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(format!("Dòng {}: {problem}.", row.number)),
        }
    }
    let mut paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    paths.sort_unstable();
    for twice in paths.windows(2).filter(|w| w[0] == w[1]) {
        problems.push(format!("Hai dòng cùng ghi vào {}: trùng nhóm và số thứ tự.", twice[0]));
    }
    if rows.is_empty() {
        problems.push("Bảng tính không có dòng CSDL nào dưới dòng tiêu đề.".to_string());
    }
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(problems);
    }
    Ok(Plan { files, new_sectors: sectors.declared_here(), new_agencies: agencies.declared_here() })
}

/// The entry of one row.
fn entry_file(row: &Row, sectors: &mut Register, agencies: &mut Register) -> Result<EntryFile, String> {
    for header in REQUIRED {
        if header != NOTES && row.get(header).is_empty() {
            return Err(format!("cột “{header}” đang trống"));
        }
    }
    // The rule `check` applies to content: no control character reaches
    // an entry file or a data file.
    for header in READ {
        if let Some((_, c)) = crate::chars::forbidden(row.get(header)).next() {
            return Err(format!(
                "cột “{header}” có ký tự điều khiển {}, không nhìn thấy được; xóa ký tự đó trong bảng tính",
                crate::chars::describe(c)
            ));
        }
    }
    let group = Group::parse(row.get(GROUP)).ok_or_else(|| format!("Nhóm “{}” không phải A hay B", row.get(GROUP)))?;
    let number: u32 = row
        .get(NUMBER)
        .trim_end_matches(".0")
        .parse()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("TT “{}” không phải số thứ tự", row.get(NUMBER)))?;
    let title = one_line(row.get(TITLE));
    let slug = match row.get(ENTRY_SLUG) {
        "" => crate::text::slugify(&title),
        given => valid_code(ENTRY_SLUG, given)?,
    };
    if slug.is_empty() {
        return Err(format!("tên “{title}” không có chữ nào để làm địa chỉ trang"));
    }
    let sector_slug =
        Some(row.get(SECTOR_SLUG)).filter(|s| !s.is_empty()).map(|s| valid_code(SECTOR_SLUG, s)).transpose()?;
    let sector = sectors.find_or_declare(&as_written(row.get(SECTOR)), sector_slug)?;
    let names: Vec<String> = row.get(AGENCIES).split([';', '\n']).map(one_line).filter(|n| !n.is_empty()).collect();
    let slugs: Vec<&str> = row.get(AGENCY_SLUGS).split(';').map(str::trim).filter(|n| !n.is_empty()).collect();
    if !slugs.is_empty() && slugs.len() != names.len() {
        return Err("số mã đơn vị chủ trì khác số đơn vị".to_string());
    }
    let mut agency_slugs = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let given = slugs.get(i).map(|s| valid_code(AGENCY_SLUGS, s)).transpose()?;
        agency_slugs.push(agencies.find_or_declare(name, given)?);
    }
    let notes = unescape(row.get(NOTES)).trim().to_string();
    // Written once each, as `check` wants them (case and diacritics aside).
    let mut keywords: Vec<String> = Vec::new();
    for keyword in row.get(KEYWORDS).split([';', '\n']).map(one_line).filter(|k| !k.is_empty()) {
        let key = crate::text::fold(&keyword.to_lowercase());
        if !keywords.iter().any(|k| crate::text::fold(&k.to_lowercase()) == key) {
            keywords.push(keyword);
        }
    }
    Ok(EntryFile {
        title,
        slug,
        group,
        number,
        sector,
        agencies: agency_slugs,
        notes: (!notes.is_empty()).then_some(notes),
        keywords,
        sections: SECTION_HEADINGS.map(|heading| as_markdown(&unescape(row.get(heading)))),
    })
}

/// A code given in the sheet, if it passes the slug rule of the front
/// matter's `slug`.
fn valid_code(column: &str, code: &str) -> Result<String, String> {
    match Slug::new(code) {
        Some(slug) => Ok(slug.as_str().to_string()),
        None => {
            let shown: String = code.chars().take(60).collect();
            let cut = if shown.len() < code.len() { "…" } else { "" };
            Err(format!(
                "“{}{cut}” ở cột “{column}” không phải mã hợp lệ: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “{}”",
                shown.escape_debug(),
                crate::text::slugify(code).chars().take(60).collect::<String>()
            ))
        }
    }
}

/// Text that is one line: runs of spaces and line breaks become a space.
fn one_line(text: &str) -> String {
    crate::text::nfc(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A spreadsheet cell as the site wrote it: one leading `'` keeps a text
/// that starts like a formula from being run, and is dropped.
fn unescape(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// A cell written on one line with its list inline ("Gồm: - Tên - Địa
/// chỉ", "- A - B + C") as Markdown: an intro paragraph, one item a line,
/// a `+` part as a nested item (the rule the content was first made with
/// from the decision; see docs/content-format.md). A hyphen counts as an item marker only
/// before a capital letter, so "kinh tế - xã hội" stays whole; a cell of
/// several lines is Markdown already and stays as it is.
pub fn as_markdown(cell: &str) -> String {
    let cell = crate::text::nfc(cell.trim());
    if cell.contains('\n') {
        return cell;
    }
    let pieces = split_before_capital(&cell, dash_marker);
    let intro = pieces[0];
    let items: Vec<&str> = pieces[1..].iter().copied().filter(|p| !p.is_empty()).collect();
    // Only a cell that starts with a hyphen or an intro ending in ":" is
    // a list: B.10's "CSDL Địa hình - Thổ nhưỡng; … CSDL Du lịch - Dịch
    // vụ; …" is a sentence of names (the script that first imported the
    // decision kept it as an exception).
    if items.is_empty() || !(cell.starts_with('-') || intro.ends_with(':')) {
        return cell;
    }
    let mut blocks = Vec::new();
    if !intro.is_empty() {
        blocks.push(intro.to_string());
    }
    let list: Vec<String> = items
        .iter()
        .map(|item| {
            let parts = split_before_capital(item, plus_marker);
            let mut lines = vec![format!("- {}", parts[0])];
            lines.extend(parts[1..].iter().map(|p| format!("  - {p}")));
            lines.join("\n")
        })
        .collect();
    blocks.push(list.join("\n"));
    blocks.join("\n\n")
}

/// `text` cut where `marker` matches just before a capital letter; the
/// pieces trimmed. `marker(text, at, earliest)` is the byte range of a
/// match that starts at `at` or just before it, not before `earliest`.
fn split_before_capital(text: &str, marker: fn(&str, usize, usize) -> Option<(usize, usize)>) -> Vec<&str> {
    let (mut pieces, mut start, mut searched) = (Vec::new(), 0, 0);
    for (at, _) in text.char_indices() {
        if at < searched {
            continue;
        }
        let Some((from, to)) = marker(text, at, searched) else { continue };
        searched = to.max(at + 1);
        if text[to..].chars().next().is_some_and(char::is_uppercase) {
            pieces.push(text[start..from].trim());
            start = to;
        }
    }
    pieces.push(text[start..].trim());
    pieces
}

/// A `-` at the start or after a space, with the spaces after it.
fn dash_marker(text: &str, at: usize, earliest: usize) -> Option<(usize, usize)> {
    if !text[at..].starts_with('-') {
        return None;
    }
    let from = match text[..at].chars().next_back() {
        None => at,
        Some(c) if c.is_whitespace() && at - c.len_utf8() >= earliest => at - c.len_utf8(),
        Some(_) => return None,
    };
    let after = &text[at + 1..];
    Some((from, at + 1 + after.len() - after.trim_start().len()))
}

/// A `+` between two spaces.
fn plus_marker(text: &str, at: usize, earliest: usize) -> Option<(usize, usize)> {
    let before = text[..at].chars().next_back().filter(|c| c.is_whitespace() && at - c.len_utf8() >= earliest)?;
    let mut after = text[at..].chars();
    (after.next() == Some('+')).then_some(())?;
    let space = after.next().filter(|c| c.is_whitespace())?;
    Some((at - before.len_utf8(), at + 1 + space.len_utf8()))
}

/// A name the decision's headings write in capitals ("NÔNG NGHIỆP VÀ MÔI
/// TRƯỜNG") as a name is written ("Nông nghiệp và môi trường"); other
/// names as they are.
fn as_written(name: &str) -> String {
    let name = one_line(name);
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    crate::text::capitalize(&name.to_lowercase())
}

/// The sectors or the agencies: those declared and those an import adds,
/// looked up by slug, by name and by name folded (one lookup each, since a
/// sheet may name thousands).
struct Register {
    list: Vec<Declaration>,
    /// How many were declared before the import.
    known: usize,
    by_slug: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    by_folded: HashMap<String, usize>,
}

impl Register {
    fn new(declared: &[Declaration]) -> Register {
        let mut register = Register {
            list: Vec::new(),
            known: declared.len(),
            by_slug: HashMap::new(),
            by_name: HashMap::new(),
            by_folded: HashMap::new(),
        };
        declared.iter().for_each(|d| register.add(d.clone()));
        register
    }

    fn add(&mut self, declaration: Declaration) {
        let at = self.list.len();
        self.by_slug.entry(declaration.slug.clone()).or_insert(at);
        self.by_name.entry(declaration.name.clone()).or_insert(at);
        self.by_folded.entry(folded(&declaration.name)).or_insert(at);
        self.list.push(declaration);
    }

    /// The slug of the sector or agency named `name` (or of the slug
    /// given), declared now if it was not.
    fn find_or_declare(&mut self, name: &str, slug: Option<String>) -> Result<String, String> {
        let found = match &slug {
            Some(given) => self.by_slug.get(given),
            None => self.by_name.get(name),
        };
        if let Some(&at) = found.or_else(|| self.by_folded.get(&folded(name))) {
            return Ok(self.list[at].slug.clone());
        }
        let slug = slug.unwrap_or_else(|| crate::text::slugify(name));
        if slug.is_empty() {
            return Err(format!("“{name}” không có chữ nào để làm mã"));
        }
        if let Some(&at) = self.by_slug.get(&slug) {
            return Err(format!("mã “{slug}” của “{name}” đã dùng cho “{}”; ghi mã khác ở cột mã", self.list[at].name));
        }
        self.add(Declaration { slug: slug.clone(), name: name.to_string() });
        Ok(slug)
    }

    /// Those the import declares.
    fn declared_here(mut self) -> Vec<Declaration> {
        self.list.split_off(self.known)
    }
}

fn folded(name: &str) -> String {
    crate::text::fold(&name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards against "kinh tế - xã hội" (a phrase of the real content)
    /// being cut into two list items: a hyphen marks an item only before a
    /// capital letter.
    #[test]
    fn a_hyphen_starts_an_item_only_before_a_capital_letter() {
        assert_eq!(
            as_markdown("- Thông tin phát triển kinh tế - xã hội vùng - Dân số"),
            "- Thông tin phát triển kinh tế - xã hội vùng\n- Dân số"
        );
        assert_eq!(as_markdown("Thông tin về hội: - Tên hội - Địa chỉ"), "Thông tin về hội:\n\n- Tên hội\n- Địa chỉ");
        assert_eq!(
            as_markdown("- Hộ kinh doanh + Tên + Địa chỉ - Doanh nghiệp"),
            "- Hộ kinh doanh\n  - Tên\n  - Địa chỉ\n- Doanh nghiệp"
        );
        // Text that is no intro: a sentence with dashes.
        assert_eq!(as_markdown("Du lịch - Dịch vụ"), "Du lịch - Dịch vụ");
        assert_eq!(
            as_markdown("CSDL Địa hình - Thổ nhưỡng; CSDL Du lịch - Dịch vụ"),
            "CSDL Địa hình - Thổ nhưỡng; CSDL Du lịch - Dịch vụ"
        );
        assert_eq!(as_markdown("- một - hai"), "- một - hai");
        assert_eq!(as_markdown("- A;\n- B"), "- A;\n- B");
        assert_eq!(as_markdown("- A; - B"), "- A;\n- B");
        assert_eq!(as_markdown("- - A"), "- - A");
    }

    fn csv(rows: &[&str]) -> Vec<u8> {
        let header = "Nhóm,TT,Tên cơ sở dữ liệu,Lĩnh vực,Đơn vị chủ trì,Mục đích,\"Phạm vi, nội dung chính\",Cơ chế thu thập,\"Kết nối, chia sẻ dữ liệu\",Ghi chú,Mã CSDL,Mã lĩnh vực,Mã đơn vị chủ trì";
        std::iter::once(header).chain(rows.iter().copied()).collect::<Vec<_>>().join("\n").into_bytes()
    }

    /// Guards against a code cell choosing where a file is written
    /// (`../../x`) or what YAML a declaration holds, and against a panic
    /// on a long code in Vietnamese.
    #[test]
    fn codes_must_be_slugs() {
        let long = "mã-rất-dài-".repeat(20);
        for (entry, sector, agency) in [
            ("../../../tmp/x", "", ""),
            ("", "../x", ""),
            ("", "", "so-thu\nwebsite: https://x"),
            (long.as_str(), "", ""),
            ("Dat-Dai", "", ""),
        ] {
            let row = format!(
                "A,1,CSDL rừng,Lâm nghiệp,Sở Thử,Bảo vệ,Diện tích,Kiểm kê,Chia sẻ,,{entry},{sector},\"{agency}\""
            );
            let problems = plan(&csv(&[&row]), Format::Csv, "bang.csv", &[], &[]).unwrap_err();
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(
                problems[0].starts_with("Dòng 2: “") && problems[0].contains("không phải mã hợp lệ"),
                "{problems:?}"
            );
        }
    }

    /// Guards against a control character (ESC, a Word page break) reaching
    /// a file `check` would then refuse; a line break written CRLF inside a
    /// cell is a line break.
    #[test]
    fn control_characters_are_refused_and_crlf_is_a_line_break() {
        let row = "A,1,CSDL rừng,Lâm nghiệp,Sở Thử,\"Bảo vệ\u{c}rừng\",Diện tích,Kiểm kê,Chia sẻ,,,,";
        let problems = plan(&csv(&[row]), Format::Csv, "bang.csv", &[], &[]).unwrap_err();
        assert_eq!(
            problems,
            [
                "Dòng 2: cột “Mục đích” có ký tự điều khiển U+000C (ngắt trang của Word), không nhìn thấy được; xóa ký tự đó trong bảng tính."
            ]
        );
        let row = "A,1,CSDL rừng,Lâm nghiệp,Sở Thử,\"Bảo vệ\r\nrừng\",Diện tích,Kiểm kê,Chia sẻ,,,,";
        let plan = plan(&csv(&[row]), Format::Csv, "bang.csv", &[], &[]).unwrap();
        assert!(plan.files[0].1.contains("\nBảo vệ\nrừng\n"), "{}", plan.files[0].1);
    }

    /// Guards against a name with a line break becoming two YAML lines.
    #[test]
    fn names_are_one_line() {
        let row = "A,1,\"CSDL\nrừng\",\"Lâm\nnghiệp\",\"Sở Thử\",Bảo vệ,Diện tích,Kiểm kê,Chia sẻ,,,,";
        let plan = plan(&csv(&[row]), Format::Csv, "bang.csv", &[], &[]).unwrap();
        assert_eq!(plan.new_sectors, [Declaration { slug: "lam-nghiep".into(), name: "Lâm nghiệp".into() }]);
        assert!(plan.files[0].1.contains("title: CSDL rừng\n"), "{}", plan.files[0].1);
    }

    /// A workbook of one sheet whose rows are `rows`, its parts stored
    /// (not compressed) so that a mutation of its bytes reaches the XML.
    pub(crate) fn workbook(rows: &[&[&str]]) -> Vec<u8> {
        use std::io::Write;
        let cells: String = rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                let row: String = row
                    .iter()
                    .map(|c| format!("<c t=\"inlineStr\"><is><t>{}</t></is></c>", crate::text::escape_xml(c)))
                    .collect();
                format!("<row r=\"{}\">{row}</row>", r + 1)
            })
            .collect();
        let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let package = "http://schemas.openxmlformats.org/package/2006/relationships";
        let parts = [
            (
                "_rels/.rels",
                format!(
                    "<Relationships xmlns=\"{package}\"><Relationship Id=\"rId1\" Type=\"{rels}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
                ),
            ),
            (
                "xl/workbook.xml",
                format!(
                    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"{rels}\"><sheets><sheet name=\"Trang\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
                ),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                format!(
                    "<Relationships xmlns=\"{package}\"><Relationship Id=\"rId1\" Type=\"{rels}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
                ),
            ),
            (
                "xl/worksheets/sheet1.xml",
                format!(
                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{cells}</sheetData></worksheet>"
                ),
            ),
        ];
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, text) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const ROWS: [&[&str]; 3] = [
        &[
            "Nhóm",
            "TT",
            "Tên cơ sở dữ liệu",
            "Lĩnh vực",
            "Đơn vị chủ trì",
            "Mục đích",
            "Phạm vi, nội dung chính",
            "Cơ chế thu thập",
            "Kết nối, chia sẻ dữ liệu",
            "Ghi chú",
            "Mã CSDL",
            "Mã lĩnh vực",
            "Mã đơn vị chủ trì",
        ],
        &[
            "A",
            "1",
            "CSDL đất đai",
            "Nông nghiệp và Môi trường",
            "Sở Nông nghiệp và Môi trường; Sở Xây dựng",
            "Quản lý",
            "Thông tin gồm: - Bản đồ - Hồ sơ + Thửa đất",
            "Cập nhật",
            "'- Chia sẻ",
            "Luật Đất đai",
            "",
            "",
            "",
        ],
        &[
            "B",
            "2.0",
            "CSDL “biển”: #1",
            "Biển",
            "Sở Thử",
            "- Quản lý\n- Giám sát",
            "Vùng biển",
            "Quan trắc",
            "Chia sẻ",
            "",
            "csdl-bien",
            "bien",
            "so-thu",
        ],
    ];

    /// The valid inputs the stand-in mutates: planned as they are first.
    #[test]
    fn the_fuzz_seeds_plan() {
        let csv: Vec<u8> = {
            let mut writer = csv::Writer::from_writer(Vec::new());
            ROWS.iter().for_each(|row| writer.write_record(*row).unwrap());
            writer.into_inner().unwrap()
        };
        for (bytes, format) in [(csv, Format::Csv), (workbook(&ROWS), Format::Xlsx)] {
            let plan = plan(&bytes, format, "bang", &[], &[]).unwrap();
            assert_eq!(plan.files.len(), 2);
            assert_eq!(plan.new_agencies.len(), 3, "{:?}", plan.new_agencies);
        }
    }

    /// A deterministic stand-in for the `import_sheet` fuzz target that
    /// runs in every CI: thousands of mutations of a valid CSV file and of
    /// a valid workbook (bytes flipped, cut, doubled, CSV, XML and YAML
    /// punctuation inserted) are read and planned without a panic, and
    /// what would be written stays within a bound of what was read.
    #[test]
    fn mutated_sheets_never_panic() {
        let mut next = crate::xorshift(0x2545_f491_4f6c_dd1d);
        let pieces: [&[u8]; 16] = [
            b",",
            b"\"",
            b"\n",
            b"\r\n",
            b"../",
            b" - ",
            b"\n## ",
            b": ",
            b"\xff",
            b"\xcc\x81",
            b"\xef\xbb\xbf",
            b"<c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c>",
            b"<row r=\"60000\">",
            b"</row>",
            b"&amp;",
            b"\xe1\xba\xa1",
        ];
        let csv: Vec<u8> = {
            let mut writer = csv::Writer::from_writer(Vec::new());
            ROWS.iter().for_each(|row| writer.write_record(*row).unwrap());
            writer.into_inner().unwrap()
        };
        let xlsx = workbook(&ROWS);
        let declared = [Declaration { slug: "bien".into(), name: "Biển".into() }];
        for round in 0..3000 {
            let (mut bytes, format) = match round % 2 {
                0 => (csv.clone(), Format::Csv),
                _ => (xlsx.clone(), Format::Xlsx),
            };
            crate::mutate(&mut bytes, &mut next, &pieces);
            if let Ok(plan) = plan(&bytes, format, "bang", &declared, &declared) {
                let written: usize = plan.files.iter().map(|(path, text)| path.len() + text.len()).sum();
                assert!(written <= 4 * bytes.len() + 1024 * plan.files.len(), "{written} bytes from {}", bytes.len());
            }
        }
    }
}
