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
