//! The scenario's data files: those of the catalog in force list what
//! 1234/QĐ-UBND lists (the entry the draft takes out, not the one it
//! adds, names as signed); the draft's `data/du-thao/catalog.json` the
//! reverse.

use super::scenario;
use calamine::{Reader, Xlsx};
use serde_json::Value;

const TAKEN_OUT: &str = "he-thong-quan-ly-so-lieu-quan-trac-moi-truong-tu-dong";
const ADDED: &str = "csdl-tai-nguyen-nuoc";

fn slugs(catalog: &Value) -> Vec<&str> {
    catalog["entries"].as_array().unwrap().iter().map(|e| e["slug"].as_str().unwrap()).collect()
}

/// Guards the open data while a draft is pending: every file readers and
/// portals take describes the catalog in force, and the draft's file the
/// draft, with each one saying which version it is.
#[test]
fn the_data_files_describe_the_catalog_in_force_and_the_drafts_its_proposal() {
    let project = scenario();
    let in_force: Value = serde_json::from_str(&project.read_site("data/catalog.json")).unwrap();
    assert_eq!(
        slugs(&in_force),
        [
            "csdl-to-chuc-bo-may",
            "csdl-ve-khu-cong-nghiep-khu-kinh-te-tren-dia-ban-tinh-thuoc-csdl-ve-khu-cong",
            "csdl-nganh-giao-duc-tinh-quang-ninh",
            "csdl-dat-dai",
            TAKEN_OUT,
            "csdl-cong-bao-dien-tu",
        ]
    );
    assert_eq!(in_force["version"]["number"], "1234/QĐ-UBND");
    assert_eq!(in_force["version"]["status"], "in-force");
    let land = in_force["entries"].as_array().unwrap().iter().find(|e| e["slug"] == "csdl-dat-dai").unwrap();
    assert!(!land["scope"].as_str().unwrap().contains("hồ sơ địa chính"), "the text in force: {land}");
    let moved = &in_force["entries"][1]["agencies"];
    assert!(moved.to_string().contains("Ban Quản lý Khu kinh tế"), "{moved}");

    let draft: Value = serde_json::from_str(&project.read_site("data/du-thao/catalog.json")).unwrap();
    assert_eq!(
        slugs(&draft),
        [
            "csdl-to-chuc-bo-may-va-bien-che",
            "csdl-ve-khu-cong-nghiep-khu-kinh-te-tren-dia-ban-tinh-thuoc-csdl-ve-khu-cong",
            "csdl-nganh-giao-duc-tinh-quang-ninh",
            "csdl-dat-dai",
            ADDED,
            "csdl-cong-bao-dien-tu",
        ]
    );
    assert_eq!(draft["version"]["status"], "draft");
    assert!(draft["entries"][1]["agencies"].to_string().contains("Sở Tài chính"), "{}", draft["entries"][1]);
    assert!(!draft.to_string().contains("Luật Tài nguyên nước năm 2023"), "the reason is not part of the decision");

    let csv = project.read_site("data/catalog.csv");
    assert!(csv.contains(TAKEN_OUT) && !csv.contains(ADDED) && !csv.contains("Sở Tài chính"), "{csv}");
    assert_eq!(csv.lines().filter(|l| l.starts_with("A,") || l.starts_with("B,")).count(), 6, "{csv}");

    let dcat = project.read_site("data/catalog.jsonld");
    assert!(dcat.contains(TAKEN_OUT) && !dcat.contains(ADDED), "DCAT lists the catalog in force");
    assert_eq!(dcat.matches("\"dcat:Dataset\"").count(), 6, "{dcat}");

    let feed = project.read_site("feed.xml");
    assert!(feed.contains("<title>Quyết định số 1234/QĐ-UBND ngày 08/01/2027</title>"), "{feed}");
    assert!(!feed.contains(ADDED) && !feed.contains("tài nguyên nước"), "{feed}");
    let in_force_item = feed.split("<entry>").find(|e| e.contains("1234/QĐ-UBND")).unwrap();
    assert!(in_force_item.contains("Còn hiệu lực"), "{in_force_item}");
}

/// Guards the workbook while a draft is pending: both sheets hold the six
/// entries in force, the one the draft takes out among them, and nothing
/// only the draft proposes.
#[test]
fn the_workbook_holds_the_catalog_in_force() {
    let project = scenario();
    let mut workbook: Xlsx<_> = calamine::open_workbook(project.site().join("data/catalog.xlsx")).unwrap();
    let flat = workbook.worksheet_range("Bảng dữ liệu").unwrap();
    let titles: Vec<String> = flat.rows().skip(1).map(|r| r[5].to_string()).collect();
    assert_eq!(
        titles,
        [
            "CSDL tổ chức, bộ máy",
            "CSDL về Khu công nghiệp, Khu kinh tế trên địa bàn tỉnh (thuộc CSDL về khu công nghiệp, khu kinh tế)",
            "CSDL ngành giáo dục tỉnh Quảng Ninh",
            "CSDL Đất đai",
            "Hệ thống quản lý số liệu quan trắc môi trường tự động",
            "CSDL Công báo điện tử",
        ]
    );
    let appendix = workbook.worksheet_range("Phụ lục").unwrap();
    let cells: String = appendix.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect::<Vec<_>>().join("|");
    assert!(cells.contains("Hệ thống quản lý số liệu quan trắc") && cells.contains("Ban Quản lý Khu kinh tế"));
    for proposed in ["tài nguyên nước", "Sở Tài chính", "hồ sơ địa chính", "và biên chế"] {
        assert!(!cells.contains(proposed), "{proposed} is only proposed");
    }
}

/// Guards the sitemap while a draft is pending: it lists the pages of the
/// catalog in force for search engines, so the pages of what the draft
/// only proposes (the entry it adds, the new name of the one it renames)
/// are not among them, while the entry it proposes to take out is.
#[test]
fn the_sitemap_lists_the_catalog_in_force_not_the_drafts_proposals() {
    let project = super::at(super::build::Stage::Draft);
    project.edit(&project.path("danhmuc.toml"), "# base_url = \"\"", "base_url = \"https://csdl.example.gov.vn/\"");
    project.build();
    let sitemap = project.read_site("sitemap.xml");
    let base = "https://csdl.example.gov.vn/csdl/";
    assert!(sitemap.contains(&format!("<loc>{base}{TAKEN_OUT}/</loc>")), "{sitemap}");
    assert!(sitemap.contains(&format!("<loc>{base}csdl-to-chuc-bo-may/</loc>")), "{sitemap}");
    for proposed in [ADDED, "csdl-to-chuc-bo-may-va-bien-che"] {
        assert!(!sitemap.contains(&format!("<loc>{base}{proposed}/</loc>")), "{proposed}: {sitemap}");
    }
    assert!(sitemap.contains("<loc>https://csdl.example.gov.vn/phien-ban/du-thao/</loc>"), "{sitemap}");
}
