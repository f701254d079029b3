//! The scenario's two Word documents as they come out of the printer:
//! LibreOffice Writer prints each to PDF, `pdftotext -layout` reads it
//! back (the helper of `comparison.rs`, which `docx.rs` uses alike).

use super::build::Stage;
use super::{at, scenario};
use crate::comparison::printed;

/// The printed text's lines, trimmed, without empty ones.
fn lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// The printed text as one line of words (a sentence may wrap anywhere).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Guards the decision as signed, on paper: its number and its date with
/// the leading zeros of Nghị định 30/2020/NĐ-CP, articles running into
/// their text, and the appendix of six entries.
#[test]
fn the_signed_decision_prints_with_its_number_and_date() {
    let project = at(Stage::Signed);
    project.build();
    let pdf = printed(&project.site().join("data/quyet-dinh.docx"));
    let all = lines(&pdf);
    assert!(all.iter().any(|l| l.contains("Số: 1234/QĐ-UBND")), "{pdf}");
    assert!(all.iter().any(|l| l.ends_with("Quảng Ninh, ngày 08 tháng 01 năm 2027")), "{pdf}");
    assert!(!pdf.contains("DỰ THẢO"), "{pdf}");
    assert!(all.iter().any(|l| l.starts_with("Điều 1. Ban hành kèm theo")), "Điều 1. runs into its text: {pdf}");
    assert!(!all.contains(&"Điều 1."), "{pdf}");
    let text = words(&pdf);
    assert!(text.contains("thay thế Quyết định 2609/QĐ-UBND ngày 17/9/2024"), "{text}");
    assert!(
        text.contains(
            "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 08 tháng 01 năm 2027 của Ủy ban nhân dân tỉnh Quảng Ninh)"
        ),
        "{text}"
    );
    let appendix = &text[text.find("PHỤ LỤC").expect("the appendix")..];
    assert!(appendix.contains("Hệ thống quản") && !appendix.contains("CSDL tài nguyên"), "{appendix}");
}

/// Guards the documents a pending draft is submitted with, on paper: the
/// draft decision (blank number and day, its year, replacing the decision
/// in force, its appendix as proposed), published beside the signed one,
/// and the bảng so sánh (the decision
/// in force named with leading zeros, one row per change in order, the
/// reasons, "(chưa có)" and "Đưa ra khỏi Danh mục").
#[test]
fn the_drafts_decision_and_comparison_print_as_submitted() {
    let project = scenario();
    let decision = printed(&project.site().join("data/du-thao/quyet-dinh.docx"));
    let all = lines(&decision);
    assert_eq!(all.first(), Some(&"DỰ THẢO"), "{decision}");
    assert!(all.iter().any(|l| l.ends_with("Quảng Ninh, ngày … tháng … năm 2027")), "{decision}");
    assert!(all.iter().any(|l| l.starts_with("Điều 1. Ban hành kèm theo")), "{decision}");
    let text = words(&decision);
    assert!(text.contains("thay thế Quyết định 1234/QĐ-UBND ngày 08/01/2027 của Ủy ban nhân dân tỉnh"), "{text}");
    let appendix = &text[text.find("PHỤ LỤC").expect("the appendix")..];
    assert!(appendix.contains("CSDL tài nguyên") && !appendix.contains("Hệ thống quản"), "{appendix}");

    // The site's own document is still the decision in force, as its
    // decision page and home page say.
    let signed = printed(&project.site().join("data/quyet-dinh.docx"));
    assert!(lines(&signed).iter().any(|l| l.contains("Số: 1234/QĐ-UBND")), "{signed}");
    assert!(!signed.contains("DỰ THẢO") && words(&signed).contains("thay thế Quyết định 2609/QĐ-UBND"), "{signed}");

    let comparison = printed(&project.site().join("data/du-thao/bang-so-sanh.docx"));
    let text = words(&comparison);
    assert!(
        text.contains("(Danh mục ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 08 tháng 01 năm 2027 và nội dung đề xuất của Dự thảo)"),
        "{text}"
    );
    let order: Vec<usize> = [
        "BẢNG SO SÁNH",
        "A.1. CSDL tổ chức, bộ",
        "A.2. CSDL về Khu",
        "B.2. CSDL Đất đai",
        "B.3. CSDL tài nguyên",
        "(chưa có)",
        "B.3. Hệ thống quản lý",
        "Đưa ra khỏi Danh mục",
    ]
    .iter()
    .map(|w| comparison.find(w).unwrap_or_else(|| panic!("{w} not printed: {comparison}")))
    .collect();
    assert!(order.is_sorted(), "rows out of order {order:?}: {comparison}");
    assert!(text.contains("Bổ sung hồ sơ địa"), "the reason is printed: {text}");
}

/// Guards the document to sign against the previous draft's sentence: a
/// draft whose front matter replaces 1234/QĐ-UBND but whose Điều 3 still
/// says "thay thế Quyết định 2609/QĐ-UBND" passed `check` and printed the
/// wrong decision; `check` now names the line.
#[test]
fn check_names_the_sentence_that_replaces_the_wrong_decision() {
    let project = scenario();
    let path = project.path("content/quyet-dinh.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let wrong = text.replacen(
        "thay thế Quyết định 1234/QĐ-UBND ngày 08/01/2027 của Ủy ban nhân dân tỉnh về",
        "thay thế Quyết định 2609/QĐ-UBND ngày 17/9/2024 của Ủy ban nhân dân tỉnh về",
        1,
    );
    assert_ne!(wrong, text, "the scenario's Điều 3 names 1234/QĐ-UBND");
    std::fs::write(&path, &wrong).unwrap();
    let check = project.run(&["check"]);
    let line = wrong.lines().position(|l| l.contains("thay thế Quyết định 2609")).unwrap() + 1;
    assert!(
        check.stderr.contains(&format!("content/quyet-dinh.md:{line}:"))
            && check
                .stderr
                .contains("ghi “thay thế Quyết định 2609/QĐ-UBND”, nhưng Quyết định đang còn hiệu lực là 1234/QĐ-UBND"),
        "{}",
        check.stderr
    );
}
