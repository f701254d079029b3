//! `danhmuc diff` on the scenario, in every format, as an editor runs it
//! while the draft is pending: with no argument, with the decision's
//! number, and with revisions.

use super::build::TAG;
use super::scenario;
use crate::common::{Project, Run};
use crate::comparison::{document_xml, rows};
use serde_json::Value;

fn ok(run: Run) -> Run {
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

fn json(project: &Project, sides: &[&str]) -> Value {
    let run = ok(project.run_here(&[&["diff"], sides, &["--format", "json"]].concat()));
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// What changed, without the names of the two sides.
fn changes(mut report: Value) -> Value {
    let map = report.as_object_mut().unwrap();
    map.remove("old");
    map.remove("new");
    report
}

/// Guards `danhmuc diff` against the draft of the guide: the version in
/// force is 1234/QĐ-UBND whatever the sides are called (no argument, its
/// number, its tag against the draft's commit), and every change the
/// draft makes is reported, once, in the decisions' terms.
#[test]
fn diff_reports_the_drafts_changes_however_the_sides_are_named() {
    let project = scenario();
    let plain = json(&project, &[]);
    assert_eq!(plain["old"], format!("Quyết định số 1234/QĐ-UBND ngày 08/01/2027 ({TAG})"));
    assert_eq!(plain["added"], serde_json::json!(["csdl-tai-nguyen-nuoc"]));
    assert_eq!(plain["removed"], serde_json::json!(["he-thong-quan-ly-so-lieu-quan-trac-moi-truong-tu-dong"]));
    assert_eq!(plain["renamed"].as_array().unwrap().len(), 1);
    assert_eq!(plain["renamed"][0]["from_title"], "CSDL tổ chức, bộ máy");
    let changed: Vec<(String, Vec<String>)> = plain["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let fields = c["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap().to_string());
            (c["reference"].as_str().unwrap().to_string(), fields.collect())
        })
        .collect();
    let expected = [("A.1", "title"), ("A.2", "agencies"), ("B.2", "scope")];
    assert_eq!(changed, expected.map(|(reference, field)| (reference.to_string(), vec![field.to_string()])), "{plain}");
    assert!(!plain.to_string().contains("Luật Đất đai năm 2024"), "the reason is not a change of the entry");

    // The help says so, in the editors' language.
    let help = ok(project.run_here(&["diff", "--help"])).stdout;
    assert!(help.contains("số Quyết định đã khai báo (ví dụ 1234/QĐ-UBND hoặc 1234)"), "{help}");

    for sides in [&["1234/QĐ-UBND"][..], &["1234"], &[TAG], &[TAG, "HEAD"], &["1234", "HEAD"]] {
        assert_eq!(changes(json(&project, sides)), changes(plain.clone()), "diff {sides:?}");
    }
}

/// Guards the two reports for people: the terminal's marks and the
/// Markdown of the submission, each the same whether the version in force
/// is named or not.
#[test]
fn diff_reads_as_text_and_markdown() {
    let project = scenario();
    let text = ok(project.run_here(&["diff"])).stdout;
    assert!(
        text.starts_with("So sánh Quyết định số 1234/QĐ-UBND ngày 08/01/2027 (qd-1234-2027) với bản đang sửa."),
        "{text}"
    );
    for line in [
        "  + B.3 CSDL tài nguyên nước (csdl-tai-nguyen-nuoc)",
        "  - B.3 Hệ thống quản lý số liệu quan trắc môi trường tự động",
        "  ~ A.1 CSDL tổ chức, bộ máy và biên chế: đổi tên từ “CSDL tổ chức, bộ máy”",
        "    Phạm vi, nội dung chính: … bề mặt, dân cư, đo đạc{+, hồ sơ địa chính, giá đất+}...các tỷ lệ",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    assert_eq!(ok(project.run_here(&["diff", "1234/QĐ-UBND"])).stdout, text);

    let markdown = ok(project.run_here(&["diff", "--format", "markdown"])).stdout;
    assert!(markdown.contains("- B.3 CSDL tài nguyên nước (`csdl-tai-nguyen-nuoc`)"), "{markdown}");
    assert!(markdown.contains("<ins>(thêm: , hồ sơ địa chính, giá đất)</ins>"), "{markdown}");
    assert_eq!(ok(project.run_here(&["diff", "1234", "--format", "markdown"])).stdout, markdown);
}

/// Guards the bảng so sánh of the scenario: `diff --format docx` with no
/// argument writes the very bytes the site publishes, named by number the
/// same rows, and by revisions the same rows too; one row per change in
/// the draft's order, then the entry taken out, with the reasons.
#[test]
fn diff_writes_the_comparison_table_the_site_publishes() {
    let project = scenario();
    ok(project.run_here(&["diff", "--format", "docx", "--output", "bang-so-sanh.docx"]));
    let written = std::fs::read(project.path("bang-so-sanh.docx")).unwrap();
    assert!(written == std::fs::read(project.site().join("data/du-thao/bang-so-sanh.docx")).unwrap());

    let table = rows(&document_xml(&project.path("bang-so-sanh.docx")));
    let body = &table[2..];
    let starts = [
        "1 | A.1. CSDL tổ chức, bộ máy và biên chế | Tên CSDL: CSDL tổ chức, bộ máy | Tên CSDL: CSDL tổ chức, bộ máy và biên chế | ",
        "2 | A.2. CSDL về Khu công nghiệp, Khu kinh tế trên địa bàn tỉnh (thuộc CSDL về khu công nghiệp, khu kinh tế) | Đơn vị chủ trì: Ban Quản lý Khu kinh tế Quảng Ninh | Đơn vị chủ trì: Sở Tài chính | ",
        "3 | B.2. CSDL Đất đai | Phạm vi, nội dung chính: ",
        "4 | B.3. CSDL tài nguyên nước | (chưa có) | Tên CSDL: CSDL tài nguyên nước",
        "5 | B.3. Hệ thống quản lý số liệu quan trắc môi trường tự động | Tên CSDL: ",
    ];
    assert_eq!(body.len(), starts.len(), "{table:#?}");
    for (row, start) in body.iter().zip(starts) {
        assert!(row.starts_with(start), "{row}\n  should start with\n{start}");
    }
    assert!(body[2].ends_with("| Bổ sung hồ sơ địa chính và giá đất theo Luật Đất đai năm 2024."), "{}", body[2]);
    assert!(body[3].ends_with("| Thực hiện Luật Tài nguyên nước năm 2023 về cơ sở dữ liệu tài nguyên nước."));
    assert!(body[4].contains("| Đưa ra khỏi Danh mục |"), "{}", body[4]);

    for sides in [&["1234/QĐ-UBND"][..], &[TAG, "HEAD"]] {
        let args = [&["diff"], sides, &["--format", "docx", "--output", "khac.docx"]].concat();
        ok(project.run_here(&args));
        assert_eq!(rows(&document_xml(&project.path("khac.docx")))[2..], *body, "diff {sides:?}");
    }
}
