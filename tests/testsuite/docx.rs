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

/// A part of the document's package, as text.
fn part(project: &Project, name: &str) -> Option<String> {
    let bytes = std::fs::read(project.site().join("data/quyet-dinh.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).ok()?, &mut text).unwrap();
    Some(text)
}

/// The pages of the PDF that LibreOffice Writer prints from the document,
/// each as `pdftotext -layout` lays it out.
fn printed_pages(project: &Project) -> Vec<String> {
    let out = tempfile::tempdir().unwrap();
    let run = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}/profile", out.path().display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out.path())
        .arg(project.site().join("data/quyet-dinh.docx"))
        .output()
        .expect("LibreOffice Writer prints the document: install libreoffice-writer-nogui (see scripts/test)");
    let pdf = out.path().join("quyet-dinh.pdf");
    assert!(pdf.is_file(), "no PDF: {}", String::from_utf8_lossy(&run.stderr));
    let text = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext reads the PDF: install poppler-utils (see scripts/test)");
    String::from_utf8(text.stdout).unwrap().split('\u{c}').map(str::to_string).collect()
}

fn lines(page: &str) -> Vec<&str> {
    page.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// Guards the document's layout as a reader gets it on paper: article
/// titles run into their text ("Điều 1. Ban hành …"), not alone on a line;
/// a loose list's points keep their number with their text; the date with
/// its leading zeros; the appendix's title with "(CSDL)", the columns'
/// numbers under its header, and its pages numbered on their own from 1
/// (Nghị định 30/2020/NĐ-CP); the package's properties and settings.
#[test]
fn the_printed_decision_reads_as_a_signed_one() {
    let project = Project::real();
    project.edit(
        &project.path("danhmuc.toml"),
        "# number = \"123/QĐ-UBND\"\n# date = \"2026-06-01\"",
        "number = \"1234/QĐ-UBND\"\ndate = \"2027-01-08\"",
    );
    project.build();
    let pages = printed_pages(&project);
    let all: Vec<&str> = pages.iter().flat_map(|p| lines(p)).collect();
    assert!(lines(&pages[0]).iter().any(|l| l.ends_with("Quảng Ninh, ngày 08 tháng 01 năm 2027")), "{}", pages[0]);
    for (title, text) in
        [("Điều 1.", "Ban hành kèm theo"), ("Điều 3.", "Quyết định này có hiệu lực"), ("Điều 4.", "Chánh Văn phòng")]
    {
        assert!(!all.contains(&title), "{title} stands alone on a line");
        assert!(all.iter().any(|l| l.starts_with(&format!("{title} {text}"))), "{title} does not run into its text");
    }
    assert!(all.contains(&"Điều 2. Tổ chức thực hiện"), "an article's own heading stays on its line");
    for (number, text) in [("4.", "Đối với các cơ quan"), ("5.", "Trường hợp cơ quan"), ("6.", "Việc quản lý")]
    {
        assert!(!all.contains(&number), "point {number} stands alone on a line");
        assert!(all.iter().any(|l| l.starts_with(&format!("{number} {text}"))), "point {number} lost its text");
    }
    // The appendix: its own first page, unnumbered, then 2, 3, …
    let first = pages.iter().position(|p| lines(p).first() == Some(&"PHỤ LỤC")).expect("the appendix's first page");
    let appendix = lines(&pages[first]);
    assert!(appendix.contains(&"DANH MỤC CƠ SỞ DỮ LIỆU (CSDL) DÙNG CHUNG TỈNH QUẢNG NINH"), "{appendix:?}");
    let numbers = appendix.iter().position(|l| l.split_whitespace().eq(["1", "2", "3", "4", "5", "6", "7", "8"]));
    let header = appendix.iter().position(|l| l.starts_with("TT "));
    assert!(matches!((header, numbers), (Some(h), Some(n)) if n > h), "no row of column numbers: {appendix:?}");
    for (n, page) in pages[first + 1..].iter().filter(|p| !p.trim().is_empty()).enumerate() {
        assert_eq!(lines(page)[0], (n + 2).to_string(), "the appendix's page {}", n + 2);
    }
    // What the file says of itself.
    let core = part(&project, "docProps/core.xml").expect("docProps/core.xml");
    assert!(
        core.contains("<dc:title>Quyết định ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Quảng Ninh</dc:title>")
    );
    assert!(core.contains("<dc:creator>Ủy ban nhân dân tỉnh Quảng Ninh</dc:creator>"), "{core}");
    assert!(part(&project, "word/settings.xml").is_some());
    assert!(part(&project, "[Content_Types].xml").unwrap().contains("/word/settings.xml"));
    assert!(part(&project, "_rels/.rels").unwrap().contains("docProps/core.xml"));
    assert!(part(&project, "word/_rels/document.xml.rels").unwrap().contains("settings.xml"));
}
