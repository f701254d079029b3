//! `data/quyet-dinh.docx`: the decision as the Word document that gets
//! signed. Its layout is checked as a reader sees it by
//! `tests/open-data/check.py` (LibreOffice Writer makes a PDF of it); here,
//! what it is made of.

use crate::common::Project;

fn document(project: &Project) -> String {
    let bytes = std::fs::read(project.site().join("data/quyet-dinh.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut text).unwrap();
    text
}

#[test]
fn the_draft_decision_is_a_word_document_with_its_appendix() {
    let project = Project::real();
    project.build();
    let xml = document(&project);
    assert!(xml.contains("DỰ THẢO") && xml.contains("Số: ……/QĐ-UBND"), "a draft says so and leaves the number blank");
    assert!(xml.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && xml.contains("Độc lập - Tự do - Hạnh phúc"));
    assert!(xml.contains("ngày … tháng … năm 2026"));
    // A4 portrait, then landscape for the appendix, page numbers from the
    // second page, the appendix's header row on every page.
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#) && xml.contains(r#"w:orient="landscape""#));
    assert!(xml.contains("<w:titlePg/>") && xml.contains("<w:tblHeader/>"));
    assert!(
        xml.contains(r#"w:top="1134" w:right="851" w:bottom="1134" w:left="1701""#),
        "margins 20, 15, 20 and 30 mm"
    );
    // Every entry, in the decision's order.
    let catalog: serde_json::Value = serde_json::from_str(&project.read_site("data/catalog.json")).unwrap();
    let mut at = 0;
    for entry in catalog["entries"].as_array().unwrap() {
        let title = entry["title"].as_str().unwrap().replace('&', "&amp;");
        let found = xml[at..].find(&title).unwrap_or_else(|| panic!("{title} missing or out of order"));
        at += found + title.len();
    }
    // The same bytes again.
    let before = std::fs::read(project.site().join("data/quyet-dinh.docx")).unwrap();
    project.build();
    assert!(std::fs::read(project.site().join("data/quyet-dinh.docx")).unwrap() == before);
}

#[test]
fn a_signed_decision_has_its_number_and_date() {
    let project = Project::real();
    let config = project.path("danhmuc.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace(
            "# number = \"123/QĐ-UBND\"\n# date = \"2026-06-01\"",
            "number = \"1234/QĐ-UBND\"\ndate = \"2026-06-15\"",
        ),
    )
    .unwrap();
    project.build();
    let xml = document(&project);
    assert!(!xml.contains("DỰ THẢO"));
    assert!(xml.contains("Số: 1234/QĐ-UBND") && xml.contains("Quảng Ninh, ngày 15 tháng 6 năm 2026"));
    assert!(xml.contains(
        "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15 tháng 6 năm 2026 của Ủy ban nhân dân tỉnh Quảng Ninh)"
    ));
}
