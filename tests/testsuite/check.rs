//! `danhmuc check`: every problem in one run, positions, JSON output, exit
//! codes.

use crate::common::Project;

#[test]
fn the_real_catalog_is_clean() {
    let project = Project::real();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Nội dung hợp lệ: 44 CSDL."));
    assert!(run.stderr.is_empty(), "no warnings on the real catalog:\n{}", run.stderr);
}

/// The decision writes "văn hoá" in B.06's title and "văn hóa" everywhere
/// else; the content keeps the decision's words, and, were B.06 not to
/// declare its title verbatim, `check --strict` points the inconsistency
/// out, alone.
#[test]
fn strict_check_finds_the_one_tone_placement_the_decision_writes_otherwise() {
    let project = Project::real();
    project.edit(&project.entry_file("b-06"), "verbatim: [title]\n", "");
    let run = project.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(run.code, 1);
    let found: Vec<serde_json::Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(found.len(), 1, "{}", run.stdout);
    assert_eq!(found[0]["code"], "tone-style");
    assert!(found[0]["file"].as_str().unwrap().starts_with("content/csdl/b-06-"));
    assert!(found[0]["message"].as_str().unwrap().contains("“hoá”"));
}

#[test]
fn all_mistakes_are_reported_in_one_run() {
    let project = Project::real();
    project.edit(&project.entry_file("a-01"), "agencies:", "agency:");
    project.edit(&project.entry_file("a-02"), "number: 2\n", "number: hai\n");
    project.edit(&project.entry_file("a-03"), "## Mục đích", "## Muc dich");
    project.edit(&project.entry_file("a-04"), "  - so-noi-vu", "  - so-noi-vuu");
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    for expected in [
        "lỗi[unknown-field]: content/csdl/a-01-csdl-to-chuc-bo-may.md:6:1: Trường “agency” không được dùng ở đây.",
        "Có phải ý bạn là “agencies”?",
        "lỗi[invalid-type]: content/csdl/a-02-csdl-chinh-quyen-dia-phuong-va-dia-gioi.md:4:9:",
        "lỗi[misspelled-section]: content/csdl/a-03-csdl-quan-ly-dao-tao-boi-duong-can-bo.md:18:1:",
        "lỗi[unknown-agency]: content/csdl/a-04-csdl-nhan-tai-viet-nam.md:7:5: Đơn vị “so-noi-vuu” chưa được khai báo.",
        "4 lỗi, 0 cảnh báo.",
    ] {
        assert!(run.stderr.contains(expected), "missing {expected:?} in:\n{}", run.stderr);
    }
}

#[test]
fn json_output_has_one_object_per_diagnostic() {
    let project = Project::real();
    project.edit(&project.entry_file("b-13"), "group: B", "group: C");
    let run = project.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let lines: Vec<serde_json::Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert_eq!(lines[0]["code"], "invalid-group");
    assert_eq!(lines[0]["file"], "content/csdl/b-13-csdl-cong-bao-dien-tu.md");
    assert_eq!(lines[0]["line"], 3);
    assert_eq!(lines[0]["severity"], "error");
}

#[test]
fn warnings_fail_only_under_strict() {
    let project = Project::real();
    // Declaring an agency nobody uses is a warning.
    let agencies = project.path("content/agencies.yaml");
    let mut text = std::fs::read_to_string(&agencies).unwrap();
    text.push_str("- slug: so-tai-chinh\n  name: Sở Tài chính\n");
    std::fs::write(&agencies, text).unwrap();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("cảnh báo[unused-agency]"), "{}", run.stderr);
    assert_eq!(project.run(&["check", "--strict"]).code, 1);
}

#[test]
fn bom_and_crlf_are_accepted_and_non_utf8_is_reported() {
    let project = Project::real();
    let file = project.entry_file("b-09");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "a byte-order mark and CRLF are no problem:\n{}", run.stderr);

    let file = project.entry_file("b-10");
    let mut bytes = std::fs::read(&file).unwrap();
    let at = bytes.windows(6).position(|w| w == b"title:").unwrap() + 7;
    bytes[at] = 0xC3; // Latin-1 "Ã" alone: not UTF-8
    bytes[at + 1] = b'X';
    std::fs::write(&file, bytes).unwrap();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("lỗi[not-utf8]: content/csdl/b-10-he-thong-canh-bao-thien-tai-tinh-quang.md:2:8"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("UTF-8"), "{}", run.stderr);
}

#[test]
fn duplicate_numbers_and_slugs_are_errors() {
    let project = Project::real();
    project.edit(&project.entry_file("b-12"), "number: 12\n", "number: 11\n");
    project.edit(
        &project.entry_file("b-13"),
        "title: CSDL Công báo điện tử\n",
        "title: CSDL Công báo điện tử\nslug: csdl-dat-dai\n",
    );
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("lỗi[duplicate-number]"), "{}", run.stderr);
    assert!(run.stderr.contains("lỗi[duplicate-slug]"), "{}", run.stderr);
}

/// Guards the appendix's order: an entry numbered into the middle of
/// another sector's run (the table would show it out of its number's
/// place) is found, with the number to write, while a group whose sectors
/// keep the decision's own order (group B names Khoa học và Công nghệ
/// after Văn hóa, Thể thao và Du lịch) is not.
#[test]
fn numbers_that_break_a_sectors_run_are_found_with_the_number_to_write() {
    let project = Project::real();
    project.edit(&project.entry_file("b-09"), "number: 9\n", "number: 13\n");
    project.edit(&project.entry_file("b-13"), "number: 13\n", "number: 9\n");
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "a warning: {}", run.stderr);
    assert!(
        run.stderr.contains("cảnh báo[number-order]: content/csdl/b-13-csdl-cong-bao-dien-tu.md:4:9"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("B.9 “CSDL Công báo điện tử” (lĩnh vực Khác)"), "{}", run.stderr);
    assert!(run.stderr.contains("viết “number: 13”"), "{}", run.stderr);
    assert!(run.stderr.contains("b-10-he-thong-canh-bao-thien-tai-tinh-quang.md:4:9"), "{}", run.stderr);
    assert!(run.stderr.contains("viết “number: 9”"), "{}", run.stderr);
    assert!(!run.stderr.contains("b-07-"), "B.7 keeps the decision's order: {}", run.stderr);
}

#[test]
fn a_missing_project_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = crate::common::Run::from(
        std::process::Command::new(env!("CARGO_BIN_EXE_danhmuc"))
            .args(["check", "--root"])
            .arg(dir.path())
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Không tìm thấy thư mục nội dung “content/”"), "{}", run.stderr);
}

/// A typo in one entry's front matter once made the agency and sector only
/// that entry names look unused: two warnings about files the editor had
/// not touched, printed before the real mistake.
#[test]
fn a_broken_entry_makes_nothing_else_look_unused() {
    let project = Project::small();
    // An agency and a sector that only A.1 names.
    let agencies = project.path("content/agencies.yaml");
    std::fs::write(&agencies, std::fs::read_to_string(&agencies).unwrap() + "- slug: so-rieng\n  name: Sở Riêng\n")
        .unwrap();
    let sectors = project.path("content/sectors.yaml");
    std::fs::write(&sectors, std::fs::read_to_string(&sectors).unwrap() + "- slug: rieng\n  name: Riêng\n").unwrap();
    let entry = project.path("content/csdl/a-01.md");
    project.edit(&entry, "sector: ban-do", "sector: rieng");
    project.edit(&entry, "  - so-thu", "  - so-rieng");
    assert_eq!(project.run(&["check"]).code, 0);
    project.edit(&entry, "agencies:", "agencie:");
    let run = project.run(&["check", "--format", "json"]);
    assert!(run.stdout.contains("\"unknown-field\""), "{}", run.stdout);
    for unrelated in ["unused-agency", "unused-sector"] {
        assert!(!run.stdout.contains(unrelated), "{unrelated} after a typo elsewhere:\n{}", run.stdout);
    }
}

/// Text pasted from a legacy TCVN3 font was only a warning, so `build`
/// published "Danh môc c¬ së d÷ liÖu" on the official site and CI, which
/// runs `check` without `--strict`, passed.
#[test]
fn text_from_a_legacy_font_is_never_published() {
    let project = Project::small();
    project.build();
    let before = project.snapshot();
    project.edit(&project.path("content/csdl/a-02.md"), "## Mục đích\n\n", "## Mục đích\n\nDanh môc c¬ së d÷ liÖu. ");
    let check = project.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(check.stderr.contains("lỗi[legacy-font]") && check.stderr.contains("Chuyển mã"), "{}", check.stderr);
    assert_eq!(project.run(&["build"]).code, 1);
    assert!(project.snapshot() == before, "the published site is unchanged");
}

/// Guards the real catalog against a style finding on text the editors'
/// guide says to copy exactly: B.6's title keeps the signed text's "văn
/// hoá" (`verbatim: [title]`), and `check --strict` passes.
#[test]
fn the_real_catalog_passes_check_strict_keeping_the_signed_spelling() {
    let project = Project::real();
    let check = project.run(&["check", "--strict"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    // Elsewhere than a verbatim field, the odd spelling is still found.
    let b06 = project.entry_file("b-06");
    project.edit(&b06, "## Mục đích\n\n", "## Mục đích\n\nVăn hoá. ");
    let check = project.run(&["check", "--strict"]);
    assert!(check.stderr.contains("tone-style"), "{}", check.stderr);
}
