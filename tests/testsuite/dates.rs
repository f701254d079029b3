//! Dates as readers meet them: one way of writing them everywhere, as
//! Nghị định 30/2020/NĐ-CP writes them (a day below 10 and the months 1 and
//! 2 with a leading zero), written out in documents and headings, short in
//! lists, tables and the feed's text, and never ISO in Vietnamese text.

use crate::common::Project;

/// The real catalog signed on 8 January 2027, replacing a decision of
/// 5 January 2024.
fn signed_in_january() -> Project {
    let project = Project::real();
    let config = project.path("danhmuc.toml");
    project.edit(
        &config,
        "# number = \"123/QĐ-UBND\"\n# date = \"2026-06-01\"",
        "number = \"1234/QĐ-UBND\"\ndate = \"2027-01-08\"",
    );
    project.edit(&config, "date = \"2024-09-17\"", "date = \"2024-01-05\"");
    project
}

fn docx_text(project: &Project) -> String {
    let bytes = std::fs::read(project.site().join("data/quyet-dinh.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut text).unwrap();
    text
}

/// Guards against each page, document and feed writing dates its own way
/// ("ngày 8 tháng 1 năm 2027", "ngày 08 tháng 1", "ngày 8/1/2027").
#[test]
fn every_date_a_reader_sees_is_written_the_same_way() {
    let project = signed_in_january();
    project.build();
    let decision = project.read_site("quyet-dinh/index.html");
    assert!(decision.contains("Quảng Ninh, ngày 08 tháng 01 năm 2027"), "{decision}");
    let docx = docx_text(&project);
    assert!(docx.contains("Quảng Ninh, ngày 08 tháng 01 năm 2027"), "the Word document's header");
    assert!(docx.contains("(Kèm theo Quyết định số 1234/QĐ-UBND ngày 08 tháng 01 năm 2027 của"), "the appendix");
    let versions = project.read_site("phien-ban/index.html");
    for short in ["Quyết định số 1234/QĐ-UBND ngày 08/01/2027", "Quyết định số 2609/QĐ-UBND ngày 05/01/2024"]
    {
        assert!(versions.contains(short), "{short}: {versions}");
    }
    let page = project.read_site("phien-ban/1234-qd-ubnd/index.html");
    assert!(page.contains("<h1>Quyết định số 1234/QĐ-UBND ngày 08 tháng 01 năm 2027</h1>"), "{page}");
    let feed = project.read_site("feed.xml");
    assert!(feed.contains("<title>Quyết định số 2609/QĐ-UBND ngày 05/01/2024</title>"), "{feed}");
    // Machines keep ISO.
    assert!(feed.contains("<updated>2024-01-05T00:00:00Z</updated>"), "{feed}");
    for (name, text) in [("decision", &decision), ("versions", &versions), ("version", &page)] {
        assert!(!text.contains("2027-01-08") && !text.contains("2024-01-05"), "{name} page shows an ISO date");
    }
}
