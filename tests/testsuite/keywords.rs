//! An entry's `keywords`: the words people type for its subject. They are
//! found on the entry page, apart from the decision's fields, and in every
//! data file that describes the entry, but never in the decision's own
//! appendix; a spreadsheet's "Từ khóa" column imports them.

use crate::common::Project;

const KEYWORDS: &str = "keywords:\n  - bản đồ số\n  - địa hình\n---";

fn with_keywords() -> Project {
    let project = Project::small();
    project.edit(&project.entry_file("a-02"), "  - so-thu\n---", &format!("  - so-thu\n{KEYWORDS}"));
    let run = project.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    project
}

/// Guards against keywords that are read but shown nowhere, or shown as
/// if the decision said them.
#[test]
fn the_entry_page_shows_the_keywords_apart_from_the_decision() {
    let project = with_keywords();
    let page = project.read_site("csdl/csdl-ban-do/index.html");
    let heading = page.find("Từ khóa tìm kiếm").expect("a heading for the keywords");
    assert!(page[heading..].contains("không thuộc nội dung Quyết định"), "labelled as not the decision's");
    assert!(page[heading..].contains("<li>bản đồ số</li><li>địa hình</li>"), "{}", &page[heading..]);
    // An entry without keywords has no such section.
    assert!(!project.read_site("csdl/csdl-thuy-san/index.html").contains("Từ khóa tìm kiếm"));
}

/// Guards against keywords missing from the open data: catalog.json (each
/// entry, an empty list when none), DCAT's dcat:keyword beside the sector
/// and group, and the flat table's last column.
#[test]
fn the_data_files_publish_the_keywords() {
    let project = with_keywords();
    let catalog: serde_json::Value = serde_json::from_str(&project.read_site("data/catalog.json")).unwrap();
    let entries = catalog["entries"].as_array().unwrap();
    let entry = entries.iter().find(|e| e["slug"] == "csdl-ban-do").unwrap();
    assert_eq!(entry["keywords"], serde_json::json!(["bản đồ số", "địa hình"]));
    assert!(entries.iter().all(|e| e["keywords"].is_array()), "every entry has the key");
    let own: serde_json::Value = serde_json::from_str(&project.read_site("csdl/csdl-ban-do/index.json")).unwrap();
    assert_eq!(own["keywords"], entry["keywords"]);

    let dcat: serde_json::Value = serde_json::from_str(&project.read_site("data/catalog.jsonld")).unwrap();
    let dataset = dcat["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@type"] == "dcat:Dataset" && n["dct:title"]["@value"] == "CSDL bản đồ")
        .unwrap();
    let words: Vec<&str> =
        dataset["dcat:keyword"].as_array().unwrap().iter().map(|k| k["@value"].as_str().unwrap()).collect();
    assert!(words.ends_with(&["bản đồ số", "địa hình"]), "{words:?}");

    let csv = project.read_site("data/catalog.csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.iter().next_back(), Some("Từ khóa"));
    let row = reader.records().map(|r| r.unwrap()).find(|r| r.get(6) == Some("csdl-ban-do")).unwrap();
    assert_eq!(row.iter().next_back(), Some("bản đồ số; địa hình"));
}

/// Guards against keywords leaking into the decision: the appendix sheet
/// and the Word document print the decision's columns only.
#[test]
fn the_decision_documents_leave_the_keywords_out() {
    let project = Project::real();
    let file = project.entry_file("a-01");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replacen("\nkeywords:\n", "\nkeywords:\n  - chữ thử riêng\n", 1);
    let text = if text.contains("chữ thử riêng") {
        text
    } else {
        text.replacen("\n---\n", "\nkeywords:\n  - chữ thử riêng\n---\n", 1)
    };
    std::fs::write(&file, text).unwrap();
    let run = project.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(project.site().join("data/quyet-dinh.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("Mục đích") && !xml.contains("chữ thử riêng"));
    use calamine::Reader;
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(project.site().join("data/catalog.xlsx")).unwrap();
    let appendix = workbook.worksheet_range("Phụ lục").unwrap();
    assert!(!appendix.rows().flatten().any(|c| c.to_string().contains("chữ thử riêng")));
    let flat = workbook.worksheet_range("Bảng dữ liệu").unwrap();
    assert!(flat.rows().flatten().any(|c| c.to_string().contains("chữ thử riêng")));
}

/// Guards against an import that drops the "Từ khóa" column, or writes a
/// keyword twice, which `check` would then refuse.
#[test]
fn a_keywords_column_is_imported() {
    let project = Project::small();
    std::fs::remove_dir_all(project.path("content/csdl")).unwrap();
    let csv = "Nhóm,TT,Tên cơ sở dữ liệu,Lĩnh vực,Đơn vị chủ trì,Mục đích,\"Phạm vi, nội dung chính\",Cơ chế thu thập,\"Kết nối, chia sẻ dữ liệu\",Ghi chú,Từ khóa\n\
A,1,CSDL rừng,Lâm nghiệp,Sở Thử,Bảo vệ rừng,Diện tích,Kiểm kê,Chia sẻ,,trồng rừng; cháy rừng; Trồng Rừng\n";
    let file = project.path("bang.csv");
    std::fs::write(&file, csv).unwrap();
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(project.entry_file("a-01")).unwrap();
    assert!(text.contains("keywords:\n  - trồng rừng\n  - cháy rừng\n"), "{text}");
    assert_eq!(project.run(&["check"]).code, 0);
}
