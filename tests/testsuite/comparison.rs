//! The bảng so sánh: `danhmuc diff --format docx --output FILE`, and the
//! build's `data/du-thao/bang-so-sanh.docx` while a draft is pending. A
//! fixture repository with a signed version and a draft that adds, takes
//! out, renames and edits entries, two of them with the reason (`ly_do`).

use crate::common::Project;
use crate::versions::{commit_and_tag, git};
use std::path::Path;

const ADDED: &str = "---\ntitle: CSDL rừng ngập mặn\ngroup: A\nnumber: 6\nsector: bien\nagencies:\n  - so-thu\nly_do: Thực hiện Luật Lâm nghiệp về bảo vệ rừng ven biển.\n---\n\n## Mục đích\n\nBảo vệ rừng.\n\n## Phạm vi, nội dung chính\n\nDiện tích rừng.\n\n## Cơ chế thu thập\n\nKiểm kê.\n\n## Kết nối, chia sẻ dữ liệu\n\nChia sẻ với ngành lâm nghiệp.\n";

/// The small catalog signed as Quyết định số 1/QĐ-UBND (tag qd-1-2025),
/// then a draft in the working tree: A.6 added (with its reason), B.1
/// taken out, A.3 renamed (its address changes), A.2's purpose edited
/// (with its reason).
fn draft() -> Project {
    let project = Project::small();
    project.add_config("\n[publisher]\nname = \"Ủy ban nhân dân tỉnh Thử\"\narea = \"tỉnh Thử\"\n");
    git(project.root(), &["init", "-q"]);
    commit_and_tag(&project, "qd-1-2025");
    project.add_config("\n[[versions]]\nnumber = \"1/QĐ-UBND\"\ndate = \"2025-03-08\"\nrevision = \"qd-1-2025\"\n");
    std::fs::write(project.path("content/csdl/a-06.md"), ADDED).unwrap();
    std::fs::remove_file(project.path("content/csdl/b-01.md")).unwrap();
    let a03 = project.path("content/csdl/a-03.md");
    project.edit(&a03, "title: CSDL môi sinh và trường học", "title: CSDL môi sinh và trường lớp");
    let a02 = project.path("content/csdl/a-02.md");
    project.edit(&a02, "Quản lý lớp dữ liệu nền.", "Quản lý lớp dữ liệu nền và địa hình.");
    project.edit(&a02, "sector: ban-do\n", "sector: ban-do\nly_do: Bổ sung dữ liệu địa hình theo yêu cầu quản lý.\n");
    project
}

/// `word/document.xml` of the Word file at `path`.
pub fn document_xml(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut text).unwrap();
    text
}

/// The last table's rows, each as the text of its cells joined by " | ";
/// reading them fails on XML that is not well-formed.
pub fn rows(xml: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut rows, mut cells): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut in_text = false;
    loop {
        match reader.read_event().expect("word/document.xml is well-formed XML") {
            Event::Start(e) if e.name().0 == "w:tbl" => rows.clear(),
            Event::Start(e) if e.name().0 == "w:tc" => cells.push(String::new()),
            Event::Start(e) if e.name().0 == "w:t" => in_text = true,
            Event::End(e) if e.name().0 == "w:t" => in_text = false,
            Event::End(e) if e.name().0 == "w:tr" => rows.push(std::mem::take(&mut cells).join(" | ")),
            Event::Text(t) if in_text => {
                if let Some(cell) = cells.last_mut() {
                    cell.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                let named = r.xml10_content().into_owned();
                let character = quick_xml::escape::resolve_predefined_entity(&named).unwrap_or("?");
                if let Some(cell) = cells.last_mut() {
                    cell.push_str(character);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    rows
}

/// The pages of the PDF that LibreOffice Writer prints from `docx`, as
/// `pdftotext -layout` lays them out.
pub fn printed(docx: &Path) -> String {
    let out = tempfile::tempdir().unwrap();
    let run = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}/profile", out.path().display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out.path())
        .arg(docx)
        .output()
        .expect("LibreOffice Writer prints the document: install libreoffice-writer-nogui (see scripts/test)");
    let pdf = out.path().join(docx.with_extension("pdf").file_name().unwrap());
    assert!(pdf.is_file(), "no PDF: {}", String::from_utf8_lossy(&run.stderr));
    if let Ok(keep) = std::env::var("DANHMUC_KEEP_PDF") {
        std::fs::copy(&pdf, keep).unwrap();
    }
    let text = std::process::Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-").output().expect("pdftotext");
    String::from_utf8(text.stdout).unwrap()
}

/// Guards the bảng so sánh a draft is signed with: one row per change in
/// order (added, renamed, edited, then taken out), each change's whole old
/// and new text rather than word-level markup, "(chưa có)" for an entry
/// added and "Đưa ra khỏi Danh mục" for one taken out, the reasons written
/// as `ly_do`, the version in force named by its decision, and a document
/// LibreOffice prints with the rows in that order.
#[test]
fn diff_writes_the_comparison_table_as_a_word_document() {
    let project = draft();
    let out = project.root().join("bang-so-sanh.docx");
    let run = project.run_here(&["diff", "--format", "docx", "--output", "bang-so-sanh.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "the document goes to its file: {}", run.stdout);
    let xml = document_xml(&out);
    assert!(xml.contains("BẢNG SO SÁNH") && xml.contains("ỦY BAN NHÂN DÂN"), "{xml}");
    assert!(xml.contains("Quyết định số 1/QĐ-UBND ngày 08 tháng 3 năm 2025"), "{xml}");
    assert!(xml.contains("w:orient=\"landscape\"") && xml.contains("<w:tblHeader/>"));
    let rows = rows(&xml);
    assert_eq!(rows[0], "TT | CSDL | Nội dung hiện hành | Nội dung đề xuất | Lý do");
    let body: Vec<&String> = rows[2..].iter().collect();
    assert_eq!(body.len(), 4, "{rows:#?}");
    assert!(body[0].starts_with("1 | A.2. CSDL bản đồ | Mục đích: Quản lý lớp dữ liệu nền. | Mục đích: Quản lý lớp dữ liệu nền và địa hình. | Bổ sung dữ liệu địa hình theo yêu cầu quản lý."), "{}", body[0]);
    assert!(body[1].starts_with("2 | A.3. CSDL môi sinh và trường lớp | Tên CSDL: CSDL môi sinh và trường học | Tên CSDL: CSDL môi sinh và trường lớp |"), "{}", body[1]);
    assert!(body[1].ends_with("| "), "no reason written, none shown: {}", body[1]);
    assert!(
        body[2].starts_with("3 | A.6. CSDL rừng ngập mặn | (chưa có) | Tên CSDL: CSDL rừng ngập mặn"),
        "{}",
        body[2]
    );
    assert!(body[2].ends_with("| Thực hiện Luật Lâm nghiệp về bảo vệ rừng ven biển."), "{}", body[2]);
    assert!(body[3].starts_with("4 | B.1. CSDL nghề cá | Tên CSDL: CSDL nghề cá"), "{}", body[3]);
    assert!(body[3].contains("| Đưa ra khỏi Danh mục |"), "{}", body[3]);
    assert!(!xml.contains("{+") && !xml.contains("[-"), "whole texts, no word-level marks");

    let pdf = printed(&out);
    let order: Vec<usize> =
        ["BẢNG SO SÁNH", "CSDL bản đồ", "trường lớp", "rừng ngập mặn", "CSDL nghề cá", "Đưa ra khỏi"]
            .iter()
            .map(|words| pdf.find(words).unwrap_or_else(|| panic!("{words} not printed: {pdf}")))
            .collect();
    assert!(order.is_sorted(), "rows out of order {order:?}: {pdf}");
    assert!(pdf.contains("(chưa có)") && pdf.contains("Bổ sung dữ liệu địa"), "{pdf}");
}

/// Guards against `--format docx` writing nowhere or into the folders the
/// build reads (or git's own), and against `ly_do` being taken for a
/// change of the entry or shown to readers: it is not part of the decision.
#[test]
fn the_comparison_needs_a_file_outside_the_inputs_and_the_reason_stays_out_of_the_catalog() {
    let project = draft();
    let missing = project.run_here(&["diff", "--format", "docx"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("thêm --output"), "{}", missing.stderr);
    for inside in ["content/bang-so-sanh.docx", "static/x.docx", ".git/x.docx"] {
        let refused = project.run_here(&["diff", "--format", "docx", "--output", inside]);
        assert_eq!(refused.code, 2, "{inside}: {}", refused.stderr);
        assert!(refused.stderr.contains("Không ghi bảng so sánh"), "{}", refused.stderr);
        assert!(!project.path(inside).exists());
    }
    let check = project.run_here(&["check"]);
    assert_eq!(check.code, 0, "ly_do is a known key: {}", check.stderr);
    let json = project.run_here(&["diff", "--format", "json"]);
    assert!(!json.stdout.contains("ly_do") && !json.stdout.contains("Lâm nghiệp"), "{}", json.stdout);
    let build = project.build();
    assert_eq!(build.code, 0, "{}", build.stderr);
    for file in crate::common::files_under(&project.site()) {
        if file.ends_with(".docx") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(project.site().join(&file)).unwrap()).to_string();
        assert!(!text.contains("Luật Lâm nghiệp về bảo vệ rừng"), "the reason is shown in {file}");
    }
}

/// Guards the table a pending draft publishes: the build writes
/// `data/du-thao/bang-so-sanh.docx` (the very bytes `diff --format docx`
/// writes against the version in force) and the draft's version page links
/// it; a catalog with no version to compare against (the real one today)
/// publishes none and links none.
#[test]
fn a_pending_draft_publishes_its_comparison_table_and_links_it() {
    let project = draft();
    let build = project.build();
    assert_eq!(build.code, 0, "{}", build.stderr);
    let published = project.site().join("data/du-thao/bang-so-sanh.docx");
    let rows = rows(&document_xml(&published));
    assert_eq!(rows.len(), 6, "{rows:#?}");
    assert!(rows[5].contains("Đưa ra khỏi Danh mục"), "{rows:#?}");
    let run = project.run_here(&["diff", "--format", "docx", "--output", "bang-so-sanh.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read(&published).unwrap(), std::fs::read(project.path("bang-so-sanh.docx")).unwrap());
    let page = project.read_site("phien-ban/du-thao/index.html");
    assert!(page.contains("href=\"../../data/du-thao/bang-so-sanh.docx\">Bảng so sánh (tệp Word)</a>"), "{page}");

    let real = Project::real();
    let build = real.build();
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!real.site().join("data/du-thao").join("bang-so-sanh.docx").exists());
    for page in crate::common::files_under(&real.site()).iter().filter(|f| f.ends_with(".html")) {
        assert!(!real.read_site(page).contains("bang-so-sanh"), "{page} links a table that does not exist");
    }
}
