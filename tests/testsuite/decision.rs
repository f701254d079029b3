//! The decision read once into its parts (legal bases, articles, signer,
//! recipients) and laid out from them by the decision page and the Word
//! document, in both of the forms `content/quyet-dinh.md` is written in:
//! articles as headings (the real decision) and as bold "**Điều 1.**"
//! opening their paragraph (the starter decision of `init`).

use crate::common::{Project, copy_recursively, repo_root};

fn document(project: &Project) -> String {
    let bytes = std::fs::read(project.site().join("data/quyet-dinh.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut text).unwrap();
    text
}

/// The Word paragraph that holds `words`.
fn paragraph_with<'a>(xml: &'a str, words: &str) -> &'a str {
    let at = xml.find(words).unwrap_or_else(|| panic!("{words} is not in the document"));
    let start = xml[..at].rfind("<w:p>").unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap();
    &xml[start..end]
}

/// Guards the real decision's page: each article under a heading a reader
/// can link to, after the bases and "QUYẾT ĐỊNH:".
#[test]
fn the_decision_page_lays_out_bases_and_articles() {
    let project = Project::real();
    project.build();
    let page = project.read_site("quyet-dinh/index.html");
    assert_eq!(page.matches("QUYẾT ĐỊNH:").count(), 1, "{page}");
    let bases = page.find("<p>Căn cứ Luật Tổ chức chính quyền địa phương").expect("the first basis");
    let decides = page.find("<p class=\"decides\"><strong>QUYẾT ĐỊNH:</strong></p>").expect("QUYẾT ĐỊNH:");
    let first = page.find("<h2 id=\"dieu-1\">Điều 1.</h2>").expect("Điều 1");
    assert!(bases < decides && decides < first);
    assert!(page.contains("<h2 id=\"dieu-2\">Điều 2. Tổ chức thực hiện</h2>"));
    assert!(page.contains("<h2 id=\"dieu-4\">Điều 4.</h2>\n<p>Chánh Văn phòng"), "{page}");
    // The draft's blank date is the one the Word document prints.
    assert!(page.contains("Quảng Ninh, ngày … tháng … năm 2026</em>"), "{page}");
}

/// Guards the starter form (bold "**Điều 1.**" and no "QUYẾT ĐỊNH:"): the
/// page and the document find the same articles, the document runs each
/// title into its text and sets the bases in italics.
#[test]
fn a_decision_with_bold_article_numbers_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    copy_recursively(&repo_root().join("tests/fixtures/other-province"), dir.path());
    let project = Project { dir };
    let check = project.run(&["check", "--strict"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    project.build();
    let page = project.read_site("quyet-dinh/index.html");
    assert!(page.contains("<p class=\"decides\"><strong>QUYẾT ĐỊNH:</strong></p>"), "{page}");
    assert!(page.contains("<h2 id=\"dieu-3\">Điều 3.</h2>\n<p>Chánh Văn phòng"), "{page}");
    let xml = document(&project);
    let first = paragraph_with(&xml, "Điều 1. ");
    assert!(first.contains("<w:b/>") && first.contains("Ban hành kèm theo Quyết định này"), "{first}");
    assert!(paragraph_with(&xml, "Căn cứ Luật Dữ liệu").contains("<w:i/>"), "a basis is in italics");
    assert!(!paragraph_with(&xml, "Chánh Văn phòng").contains("<w:i/>"), "an article is not");
    assert_eq!(xml.matches("QUYẾT ĐỊNH:").count(), 1);
}

/// Guards the one draft rule when `[decision]` gives a number and a date
/// but the project has no `content/quyet-dinh.md`: the catalog is issued
/// everywhere. Pages said "dự thảo" while `catalog.json` and the versions
/// page said the decision was in force. Without its text there is no
/// decision page and no Word document; with it, the document is signed
/// as the pages say.
#[test]
fn a_signed_decision_without_its_text_is_issued_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    copy_recursively(&repo_root().join("tests/fixtures/other-province"), dir.path());
    let project = Project { dir };
    let text = std::fs::read_to_string(project.path("content/quyet-dinh.md")).unwrap();
    std::fs::remove_file(project.path("content/quyet-dinh.md")).unwrap();
    let check = project.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    project.build();

    let home = project.read_site("index.html");
    assert!(home.contains("ban hành kèm theo Quyết định số 77/QĐ-UBND ngày 01/10/2026."), "{home}");
    for page in
        ["index.html", "csdl/csdl-gia-dat/index.html", "phien-ban/index.html", "phien-ban/77-qd-ubnd/index.html"]
    {
        let html = project.read_site(page);
        assert!(!html.to_lowercase().contains("dự thảo"), "{page} calls the catalog a draft: {html}");
    }
    let catalog: serde_json::Value = serde_json::from_str(&project.read_site("data/catalog.json")).unwrap();
    assert_eq!(catalog["version"]["status"], "in-force");
    assert_eq!(catalog["version"]["number"], "77/QĐ-UBND");
    assert_eq!(catalog["version"]["date"], "2026-10-01");
    let dcat = project.read_site("data/catalog.jsonld");
    assert!(dcat.contains("\"@value\": \"2026-10-01\""), "the catalog is issued in DCAT too: {dcat}");
    assert!(!project.site().join("data/quyet-dinh.docx").exists());
    assert!(!project.site().join("quyet-dinh/index.html").exists());
    // Nor does any page link to the page there is not.
    for page in ["index.html", "csdl/csdl-gia-dat/index.html", "phien-ban/77-qd-ubnd/index.html", "404.html"] {
        assert!(!project.read_site(page).contains("quyet-dinh/index.html"), "{page} links a missing decision page");
    }

    // With its text, the same decision: its page, its document, signed.
    std::fs::write(project.path("content/quyet-dinh.md"), text).unwrap();
    project.build();
    let home = project.read_site("index.html");
    assert!(home.contains("Quyết định số 77/QĐ-UBND ngày 01/10/2026 của Ủy ban nhân dân tỉnh Sông Lam"), "{home}");
    assert!(!home.to_lowercase().contains("dự thảo"), "{home}");
    assert!(project.read_site("quyet-dinh/index.html").contains("Quyết định số 77/QĐ-UBND"));
    let xml = document(&project);
    assert!(!xml.contains("DỰ THẢO") && xml.contains("Số: 77/QĐ-UBND"), "{xml}");
}
