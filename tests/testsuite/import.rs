//! `danhmuc import`: entries from a spreadsheet laid out like the site's
//! own `data/catalog.csv`. Importing the site's own CSV or workbook into the
//! project without its entries and building again gives the same
//! `catalog.json`.

use crate::common::Project;

fn without_entries(project: &Project) {
    std::fs::remove_dir_all(project.path("content/csdl")).unwrap();
}

#[test]
fn the_sites_own_csv_and_workbook_import_back_to_the_same_catalog() {
    let source = Project::real();
    source.build();
    let original = source.read_site("data/catalog.json");
    for data in ["data/catalog.csv", "data/catalog.xlsx"] {
        let project = Project::real();
        without_entries(&project);
        let file = source.site().join(data);
        let run = project.run(&["import", file.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{data}: {}", run.stderr);
        assert!(run.stdout.contains("Đã nhập 44 CSDL"), "{}", run.stdout);
        project.build();
        assert!(
            project.read_site("data/catalog.json") == original,
            "{data}: catalog.json differs after the round trip"
        );
    }
}

#[test]
fn a_row_that_cannot_be_read_is_named_and_nothing_is_written() {
    let project = Project::small();
    without_entries(&project);
    let sectors = std::fs::read_to_string(project.path("content/sectors.yaml")).unwrap();
    let csv = "Nhóm,TT,Tên cơ sở dữ liệu,Lĩnh vực,Đơn vị chủ trì,Mục đích,\"Phạm vi, nội dung chính\",Cơ chế thu thập,\"Kết nối, chia sẻ dữ liệu\",Ghi chú\n\
A,1,CSDL rừng,Lâm nghiệp,Sở Thử,Bảo vệ rừng,Diện tích,Kiểm kê,Chia sẻ,\n\
C,2,CSDL biển,Biển,Sở Thử,Quản lý biển,Vùng biển,Quan trắc,Chia sẻ,\n\
A,3,,Biển,Sở Thử,Quản lý,Vùng,Quan trắc,Chia sẻ,\n";
    let file = project.path("bang.csv");
    std::fs::write(&file, csv).unwrap();
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Dòng 3: Nhóm “C” không phải A hay B."), "{}", run.stderr);
    assert!(run.stderr.contains("Dòng 4: cột “Tên cơ sở dữ liệu” đang trống."), "{}", run.stderr);
    assert!(!project.path("content/csdl").exists(), "nothing written");
    assert_eq!(std::fs::read_to_string(project.path("content/sectors.yaml")).unwrap(), sectors);
}

#[test]
fn new_sectors_and_agencies_are_declared_and_one_line_lists_become_lists() {
    let project = Project::small();
    without_entries(&project);
    let csv = "Nhóm,TT,Tên cơ sở dữ liệu,Lĩnh vực,Đơn vị chủ trì,Mục đích,\"Phạm vi, nội dung chính\",Cơ chế thu thập,\"Kết nối, chia sẻ dữ liệu\",Ghi chú\n\
A,1,CSDL rừng ngập mặn,Lâm nghiệp,Sở Thử; Hạt Kiểm lâm,Bảo vệ rừng,- Diện tích rừng - Loài cây - Hiện trạng,Kiểm kê,Chia sẻ với ngành,Theo Luật Lâm nghiệp\n";
    let file = project.path("bang.csv");
    std::fs::write(&file, csv).unwrap();
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(project.path("content/sectors.yaml"))
            .unwrap()
            .contains("- slug: lam-nghiep\n  name: Lâm nghiệp\n")
    );
    let agencies = std::fs::read_to_string(project.path("content/agencies.yaml")).unwrap();
    assert!(agencies.contains("- slug: hat-kiem-lam\n") && agencies.matches("so-thu").count() == 1, "{agencies}");
    let entry = std::fs::read_to_string(project.path("content/csdl/a-01-csdl-rung-ngap-man.md")).unwrap();
    assert!(entry.contains("## Phạm vi, nội dung chính\n\n- Diện tích rừng\n- Loài cây\n- Hiện trạng\n"), "{entry}");
    assert!(entry.contains("notes: Theo Luật Lâm nghiệp\n"), "{entry}");
    assert_eq!(project.run(&["check"]).code, 0);
}

#[test]
fn the_template_spreadsheet_imports() {
    let project = Project::small();
    without_entries(&project);
    let template = crate::common::repo_root().join("docs/mau-nhap-danh-muc.csv");
    let run = project.run(&["import", template.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let entry = std::fs::read_to_string(project.path("content/csdl/a-01-csdl-dat-dai.md")).unwrap();
    assert!(entry.contains("Chia sẻ với các sở, ngành và Ủy ban nhân dân cấp xã"), "{entry}");
    let check = project.run(&["check"]);
    assert!(!check.stderr.contains("lỗi["), "{}", check.stderr);
}

#[test]
fn an_appendix_laid_out_as_the_decisions_imports_to_the_same_catalog() {
    // The workbook's first sheet is the appendix as the decision lays it
    // out: no group or sector column, heading rows instead ("A | NHÓM …",
    // "I | LĨNH VỰC NỘI VỤ: 15 CSDL"). Saved alone as CSV, as an office
    // would from the decision's table.
    use calamine::{Reader, open_workbook_auto};
    let source = Project::real();
    source.build();
    let mut workbook = open_workbook_auto(source.site().join("data/catalog.xlsx")).unwrap();
    let first = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&first).unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        writer.write_record(row.iter().map(|c| c.to_string())).unwrap();
    }
    let project = Project::real();
    without_entries(&project);
    let file = project.path("phu-luc.csv");
    std::fs::write(&file, writer.into_inner().unwrap()).unwrap();
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::remove_file(&file).unwrap();
    project.build();
    // The appendix is the decision's: it never carries the entries'
    // keywords, so everything else must come back.
    let mut expected: serde_json::Value = serde_json::from_str(&source.read_site("data/catalog.json")).unwrap();
    for entry in expected["entries"].as_array_mut().unwrap() {
        assert!(!entry["keywords"].as_array().unwrap().is_empty(), "the real entries have keywords");
        entry["keywords"] = serde_json::json!([]);
    }
    let imported: serde_json::Value = serde_json::from_str(&project.read_site("data/catalog.json")).unwrap();
    assert!(imported == expected);
}

/// The header of a flat sheet with the optional code columns.
const HEADER: &str = "Nhóm,TT,Tên cơ sở dữ liệu,Lĩnh vực,Đơn vị chủ trì,Mục đích,\"Phạm vi, nội dung chính\",Cơ chế thu thập,\"Kết nối, chia sẻ dữ liệu\",Ghi chú,Mã CSDL,Mã lĩnh vực,Mã đơn vị chủ trì";

/// Imports `rows` (under [`HEADER`]) as a CSV file into `project`.
fn import_csv(project: &Project, rows: &[&str]) -> crate::common::Run {
    let file = project.path("bang.csv");
    std::fs::write(&file, [HEADER].iter().chain(rows).copied().collect::<Vec<_>>().join("\n")).unwrap();
    project.run(&["import", file.to_str().unwrap()])
}

/// Every file of the project with its bytes, but the sheet imported.
fn files(project: &Project) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(project.root())
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() != "bang.csv")
        .map(|e| (e.path().display().to_string(), std::fs::read(e.path()).unwrap_or_default()))
        .collect();
    files.sort();
    files
}

/// Regression: a code column with `../` wrote the entry file outside the
/// project (Mã CSDL names the file), and a line break in Mã lĩnh vực
/// wrote keys of its own (`website`) into sectors.yaml.
#[test]
fn codes_that_are_not_slugs_are_refused_and_nothing_is_written() {
    let project = Project::small();
    let outside = project.root().parent().unwrap().join("ngoai.md");
    let before = files(&project);
    let run = import_csv(
        &project,
        &[
            "A,1,CSDL rừng,Lâm nghiệp,Sở Thử,Bảo vệ,Diện tích,Kiểm kê,Chia sẻ,,../../../../ngoai,,",
            "A,2,CSDL biển,Biển,Sở Thử,Quản lý,Vùng biển,Quan trắc,Chia sẻ,,,\"bien\n  website: https://gia.vn\",",
        ],
    );
    let _ = std::fs::remove_file(&outside);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("Dòng 2: “../../../../ngoai” ở cột “Mã CSDL” không phải mã hợp lệ"), "{}", run.stderr);
    assert!(run.stderr.contains("Dòng 3: “bien\\n  website: https://gia.vn” ở cột “Mã lĩnh vực”"), "{}", run.stderr);
    assert_eq!(files(&project), before, "nothing written");
}

/// Regression: a long code in Vietnamese made import panic (a file name
/// cut inside a multi-byte letter).
#[test]
fn a_long_code_in_vietnamese_is_an_error_not_a_panic() {
    let project = Project::small();
    let code = "đất-đai-".repeat(10);
    let run =
        import_csv(&project, &[&format!("A,1,CSDL rừng,Lâm nghiệp,Sở Thử,Bảo vệ,Diện tích,Kiểm kê,Chia sẻ,,{code},,")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("không phải mã hợp lệ") && run.stderr.contains("“dat-dai-dat-dai"), "{}", run.stderr);
}

/// Regression: declarations were appended as text, which broke a valid
/// sectors.yaml written as a flow list (`[…]`).
#[test]
fn a_data_file_in_another_yaml_style_stays_valid() {
    let project = Project::small();
    let sectors = project.path("content/sectors.yaml");
    let text = std::fs::read_to_string(&sectors).unwrap();
    let flow: Vec<String> = text
        .split("- slug: ")
        .skip(1)
        .map(|item| {
            let (slug, name) = item.split_once("\n  name: ").unwrap();
            format!("{{slug: {slug}, name: \"{}\"}}", name.trim())
        })
        .collect();
    std::fs::write(&sectors, format!("# Lĩnh vực\n[{}]\n", flow.join(", "))).unwrap();
    assert_eq!(project.run(&["check"]).code, 0);
    let run = import_csv(&project, &["A,9,CSDL rừng,Lâm nghiệp,Sở Thử,Bảo vệ,Diện tích,Kiểm kê,Chia sẻ,,,,"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = project.run(&["check"]);
    assert!(!check.stderr.contains("lỗi["), "{}", check.stderr);
    let written = std::fs::read_to_string(&sectors).unwrap();
    assert!(
        written.starts_with("# Lĩnh vực\n") && written.ends_with("- slug: lam-nghiep\n  name: Lâm nghiệp\n"),
        "{written}"
    );
}

/// Regression: every " - " split a list item, so "kinh tế - xã hội" (a
/// phrase of the real content) became two items.
#[test]
fn a_hyphen_inside_a_phrase_is_no_list_item() {
    let project = Project::small();
    let run = import_csv(
        &project,
        &["A,9,CSDL dân cư,Nội vụ,Sở Thử,Bảo vệ,- Chỉ tiêu kinh tế - xã hội - Dân số,Kiểm kê,Chia sẻ,,,noi-vu,"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let entry = std::fs::read_to_string(project.path("content/csdl/a-09-csdl-dan-cu.md")).unwrap();
    assert!(entry.contains("\n- Chỉ tiêu kinh tế - xã hội\n- Dân số\n"), "{entry}");
}

/// Regression: an import that failed half-way (here `content/csdl` is a
/// file, so no entry can be written) had already appended the new sectors
/// and agencies, and a retry then found them declared twice.
#[test]
fn an_import_that_fails_changes_nothing_and_a_retry_succeeds() {
    let project = Project::small();
    without_entries(&project);
    std::fs::write(project.path("content/csdl"), "").unwrap();
    let before = files(&project);
    let rows = ["A,1,CSDL rừng,Lâm nghiệp,Sở Thử,Bảo vệ,Diện tích,Kiểm kê,Chia sẻ,,,,"];
    let run = import_csv(&project, &rows);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("Chưa ghi gì"), "{}", run.stderr);
    assert_eq!(files(&project), before, "nothing changed");
    std::fs::remove_file(project.path("content/csdl")).unwrap();
    let run = import_csv(&project, &rows);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(project.run(&["check"]).code, 0);
}

/// Regression: an import stopped half-way (Ctrl-C, a full disk) left the
/// declarations appended and some entry files written. The file-size
/// limit makes the kernel stop the process at the second entry, longer
/// than the limit; then the project is as before, and a retry succeeds.
#[cfg(unix)]
#[test]
fn an_import_killed_half_way_leaves_the_project_as_it_was() {
    let project = Project::small();
    without_entries(&project);
    let long = "Chia sẻ dữ liệu với các sở, ngành. ".repeat(200);
    let rows = [
        "A,1,CSDL rừng,Lâm nghiệp,Sở Thử,Bảo vệ,Diện tích,Kiểm kê,Chia sẻ,,,,".to_string(),
        format!("A,2,CSDL biển,Biển,Sở Thử,Quản lý,Vùng biển,Quan trắc,\"{long}\",,,,"),
    ];
    let file = project.path("bang.csv");
    std::fs::write(&file, [HEADER.to_string()].iter().chain(&rows).cloned().collect::<Vec<_>>().join("\n")).unwrap();
    let before = files(&project);
    // 8 blocks of 512 bytes: the declarations and the first entry fit.
    let killed = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 8; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_danhmuc"))
        .args(["import", file.to_str().unwrap(), "--root"])
        .arg(project.root())
        .status()
        .unwrap();
    // Stopped by the kernel's signal, not refused for another reason.
    assert_eq!(killed.code(), None, "{killed:?}");
    let visible = |files: Vec<(String, Vec<u8>)>| -> Vec<(String, Vec<u8>)> {
        files.into_iter().filter(|(path, _)| !path.contains("/.")).collect()
    };
    assert_eq!(visible(files(&project)), visible(before), "only temporary files may be left");
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Đã nhập 2 CSDL"), "{}", run.stdout);
    assert_eq!(project.run(&["check"]).code, 0);
}

/// A workbook of one sheet, its XML `sheet`, plus the parts of the zip
/// file `extra`.
fn workbook(sheet: &str, extra: Option<Vec<u8>>) -> Vec<u8> {
    use std::io::Write;
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ),
        (
            "xl/workbook.xml",
            format!(r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{relationships}"><sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
        ),
        ("xl/worksheets/sheet1.xml", sheet.to_string()),
    ];
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    if let Some(extra) = extra {
        let mut extra = zip::ZipArchive::new(std::io::Cursor::new(extra)).unwrap();
        for i in 0..extra.len() {
            zip.raw_copy_file(extra.by_index_raw(i).unwrap()).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

/// Regression: a 2 KiB workbook whose one cell sits at the sheet's far
/// corner made the reader allocate the whole bounding box (seventeen
/// billion cells) and the process abort.
#[test]
fn a_cell_at_the_far_corner_of_the_sheet_is_refused() {
    let project = Project::small();
    let sheet = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tên cơ sở dữ liệu</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#;
    let bytes = workbook(sheet, None);
    assert!(bytes.len() < 2048, "{}", bytes.len());
    let file = project.path("goc.xlsx");
    std::fs::write(&file, bytes).unwrap();
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("có chữ ở quá 50000 dòng"), "{}", run.stderr);
}

/// Regression: a small zip bomb (a part that unpacks to more than the
/// limit) was unpacked whole. It is refused, counting the bytes as they
/// unpack rather than trusting the sizes the zip declares.
#[test]
fn a_workbook_that_unpacks_to_too_much_is_refused() {
    let project = Project::small();
    let sheet =
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#;
    let bytes = workbook(sheet, Some(deflate_bomb("xl/sharedStrings.xml", 65 << 20)));
    assert!(bytes.len() < 512 << 10, "{}", bytes.len());
    let file = project.path("bom.xlsx");
    std::fs::write(&file, bytes).unwrap();
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("giải nén ra quá 64 MiB"), "{}", run.stderr);
}

/// A zip file of one part, `name`, that unpacks to `size` letters "a":
/// one literal, then copies of 258 bytes at distance 1, in a deflate block
/// of fixed codes (13 bits each), written here because compressing that
/// much text in a test build takes seconds. Its checksum is left 0: the
/// reader must refuse it long before reaching its end.
fn deflate_bomb(name: &str, size: u32) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.push(0b1, 1); // the last block
    bits.push(0b01, 2); // fixed codes
    bits.code(0x30 + u32::from(b'a'), 8);
    for _ in 0..(size - 1) / 258 {
        bits.code(0b1100_0101, 8); // length 258
        bits.code(0, 5); // distance 1
    }
    bits.code(0, 7); // end of block
    let data = bits.bytes;
    let size = 1 + (size - 1) / 258 * 258;
    let header = |signature: u32, central: bool| {
        let mut h = signature.to_le_bytes().to_vec();
        if central {
            h.extend(20u16.to_le_bytes());
        }
        h.extend(20u16.to_le_bytes()); // version needed
        h.extend(0u16.to_le_bytes()); // flags
        h.extend(8u16.to_le_bytes()); // deflate
        h.extend([0; 4]); // time and date
        h.extend([0; 4]); // checksum
        h.extend((data.len() as u32).to_le_bytes());
        h.extend(size.to_le_bytes());
        h.extend((name.len() as u16).to_le_bytes());
        h.extend(0u16.to_le_bytes()); // extra field
        if central {
            h.extend([0; 14]); // comment, disk, attributes, offset 0
        }
        h.extend(name.as_bytes());
        h
    };
    let mut zip = header(0x0403_4b50, false);
    zip.extend(&data);
    let directory = header(0x0201_4b50, true);
    let offset = zip.len() as u32;
    zip.extend(&directory);
    zip.extend(0x0605_4b50u32.to_le_bytes());
    zip.extend([0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend((directory.len() as u32).to_le_bytes());
    zip.extend(offset.to_le_bytes());
    zip.extend([0, 0]);
    zip
}

/// Bits packed as deflate packs them: from the lowest bit of each byte.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    fn push(&mut self, value: u32, count: u32) {
        for i in 0..count {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            let bit = ((value >> i) & 1) as u8;
            *self.bytes.last_mut().unwrap() |= bit << (self.used % 8);
            self.used += 1;
        }
    }

    /// A Huffman code: its highest bit first.
    fn code(&mut self, code: u32, length: u32) {
        for i in (0..length).rev() {
            self.push((code >> i) & 1, 1);
        }
    }
}

/// Regression: a workbook whose string table claims billions of strings
/// (`uniqueCount`) made the reader reserve room for them before reading
/// one, and the process abort; and a string named by many cells was
/// copied into each of them without a bound.
#[test]
fn a_workbook_that_claims_or_repeats_too_much_text_is_refused() {
    let project = Project::small();
    let strings = |count: &str, text: &str| {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("xl/sharedStrings.xml", zip::write::SimpleFileOptions::default()).unwrap();
        let xml = format!(
            r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="{count}"><si><t>{text}</t></si></sst>"#
        );
        std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    };
    let header = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Tên cơ sở dữ liệu</t></is></c></row>"#;
    let sheet = |rows: &str| {
        format!(
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{header}{rows}</sheetData></worksheet>"#
        )
    };
    let claims = workbook(&sheet(""), Some(strings("999999999999999", "x")));
    let repeated_rows: String =
        (2..300).map(|r| format!(r#"<row r="{r}"><c r="B{r}" t="s"><v>0</v></c></row>"#)).collect();
    let repeats = workbook(&sheet(&repeated_rows), Some(strings("1", &"đất đai ".repeat(30_000))));
    for (bytes, message) in [(claims, "bảng chuỗi khai báo quá"), (repeats, "Chữ trong các ô")] {
        let file = project.path("chuoi.xlsx");
        std::fs::write(&file, bytes).unwrap();
        let run = project.run(&["import", file.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains(message), "{}", run.stderr);
    }
}
