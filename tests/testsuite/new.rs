//! `danhmuc new`: a ready-to-fill entry at the end of its sector, the
//! entries after it renumbered, never overwriting.

use crate::common::Project;

#[test]
fn new_writes_the_next_number_with_every_field_and_section() {
    let project = Project::real();
    let run = project.run(&[
        "new",
        "--group",
        "A",
        "--sector",
        "dan-toc-va-ton-giao",
        "--agency",
        "so-noi-vu",
        "CSDL thi đua, khen thưởng",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("content/csdl/a-32-csdl-thi-dua-khen-thuong.md (A.32)"), "{}", run.stdout);
    assert!(!run.stdout.contains("đánh số lại"), "the last sector of group A: {}", run.stdout);
    let text = std::fs::read_to_string(project.path("content/csdl/a-32-csdl-thi-dua-khen-thuong.md")).unwrap();
    assert!(
        text.starts_with(
            "---\ntitle: CSDL thi đua, khen thưởng\ngroup: A\nnumber: 32\nsector: dan-toc-va-ton-giao\nagencies:\n  - so-noi-vu\n"
        ),
        "{text}"
    );
    for heading in ["## Mục đích", "## Phạm vi, nội dung chính", "## Cơ chế thu thập", "## Kết nối, chia sẻ dữ liệu"]
    {
        assert!(text.contains(heading), "{heading}");
    }
    // Ready to fill in: check names the empty sections, and passes once
    // they are filled.
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.matches("lỗi[empty-section]: content/csdl/a-32").count(), 4, "{}", run.stderr);
    let filled = text
        .replace("## Mục đích\n", "## Mục đích\n\nQuản lý thi đua.\n")
        .replace("## Phạm vi, nội dung chính\n", "## Phạm vi, nội dung chính\n\n- Danh hiệu\n")
        .replace("## Cơ chế thu thập\n", "## Cơ chế thu thập\n\nSở Nội vụ cập nhật.\n")
        .replace("## Kết nối, chia sẻ dữ liệu\n", "## Kết nối, chia sẻ dữ liệu\n\nKết nối với hệ thống của tỉnh.\n");
    std::fs::write(project.path("content/csdl/a-32-csdl-thi-dua-khen-thuong.md"), filled).unwrap();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    project.build();
    assert!(project.read_site("csdl/csdl-thi-dua-khen-thuong/index.html").contains("Quản lý thi đua."));
}

/// Guards the appendix's order: a new entry was given the group's next
/// number, so a new Y tế entry of group B landed after Khác, away from its
/// sector. It now takes the place after the last Y tế entry, and the
/// entries after it are renumbered, their files and addresses unchanged.
#[test]
fn new_places_an_entry_at_the_end_of_its_sector_and_renumbers_those_after() {
    let project = Project::real();
    let before = std::fs::read_to_string(project.entry_file("b-13")).unwrap();
    let run = project.run(&["new", "--group", "B", "--sector", "y-te", "--agency", "so-y-te", "CSDL dược"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("content/csdl/b-05-csdl-duoc.md (B.5)"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "Đã đánh số lại 9 CSDL đứng sau trong nhóm (tên tệp và đường dẫn giữ nguyên): B.5 → B.6, B.6 → B.7,"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("B.13 → B.14."), "{}", run.stdout);
    // Only the number line of the others changed.
    let after = std::fs::read_to_string(project.entry_file("b-13")).unwrap();
    assert_eq!(after, before.replace("number: 13\n", "number: 14\n"));
    assert!(std::fs::read_to_string(project.entry_file("b-05-csdl-nganh")).unwrap().contains("number: 6\n"));
    // The appendix is in order: check names the new entry's empty
    // sections only, no gap and no number out of its sector.
    let run = project.run(&["check"]);
    assert!(!run.stderr.contains("number-"), "{}", run.stderr);
    assert!(!run.stderr.contains("duplicate-"), "{}", run.stderr);

    // A sector the group does not have yet goes where sectors.yaml puts
    // it: Dân tộc và Tôn giáo after Nông nghiệp và Môi trường, before Khác.
    let run = project.run(&[
        "new",
        "--group",
        "B",
        "--sector",
        "dan-toc-va-ton-giao",
        "--agency",
        "so-dan-toc-va-ton-giao",
        "CSDL tôn giáo của tỉnh",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("(B.14)"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("Đã đánh số lại 1 CSDL đứng sau trong nhóm (tên tệp và đường dẫn giữ nguyên): B.14 → B.15."),
        "{}",
        run.stdout
    );
}

#[test]
fn new_refuses_an_existing_title_and_unknown_slugs() {
    let project = Project::real();
    let before = std::fs::read_dir(project.path("content/csdl")).unwrap().count();
    let run = project.run(&[
        "new",
        "--group",
        "B",
        "--sector",
        "nong-nghiep-va-moi-truong",
        "--agency",
        "so-nong-nghiep-va-moi-truong",
        "CSDL Đất đai",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Đã có CSDL cùng tên: content/csdl/b-08-csdl-dat-dai.md"), "{}", run.stderr);

    let run = project.run(&["new", "--group", "B", "--sector", "y-tee", "--agency", "so-y-t", "CSDL dược"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Có phải ý bạn là “y-te”?"), "{}", run.stderr);
    assert!(run.stderr.contains("Có phải ý bạn là “so-y-te”?"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(project.path("content/csdl")).unwrap().count(), before, "nothing written");
}

/// Regression: a title YAML reads as something else (`null`, `true`, a
/// number, a text starting with `-`, `#`, `:` or a quote) was written
/// unquoted, and `check` then rejected the file `new` had just made.
#[test]
fn every_title_new_writes_reads_back_as_written() {
    let project = Project::small();
    let titles = [
        "null",
        "true",
        "~x",
        "no",
        "1e3",
        "- CSDL gạch",
        "# CSDL thăng",
        ": CSDL hai chấm",
        "'CSDL nháy",
        "CSDL \"kép\" và \\",
    ];
    for title in titles {
        let run = project.run(&["new", "--group", "B", "--sector", "bien", "--agency", "so-thu", title]);
        assert_eq!(run.code, 0, "{title}: {}", run.stderr);
    }
    let check = project.run(&["check", "--format", "json"]);
    let titles_read: Vec<String> = std::fs::read_dir(project.path("content/csdl"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .filter_map(|text| text.lines().find_map(|l| l.strip_prefix("title: ").map(str::to_string)))
        .collect();
    // Only the empty sections are left to fill in: no YAML problem.
    for line in check.stdout.lines() {
        let d: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(d["code"], "empty-section", "{line}");
    }
    assert!(titles_read.iter().any(|t| t == "\"null\""), "{titles_read:?}");
}

#[test]
fn a_title_of_punctuation_only_says_what_is_wrong() {
    let project = Project::small();
    let run = project.run(&["new", "--group", "B", "--sector", "bien", "--agency", "so-thu", "…!?"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("không có chữ cái hay chữ số nào"), "{}", run.stderr);
    assert!(!run.stderr.contains("đang trống"), "{}", run.stderr);
}

/// Regression: a broken `sectors.yaml` showed as "… chưa được khai báo",
/// and an entry file that did not parse let `new` reuse its number.
#[test]
fn new_refuses_while_a_project_file_is_broken_and_names_it() {
    let project = Project::small();
    std::fs::write(project.path("content/sectors.yaml"), "- slug: bien\n  name: [Biển\n").unwrap();
    let run = project.run(&["new", "--group", "A", "--sector", "bien", "--agency", "so-thu", "CSDL mới"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("content/sectors.yaml"), "{}", run.stderr);
    assert!(!run.stderr.contains("chưa được khai báo"), "{}", run.stderr);

    let project = Project::small();
    let broken = project.path("content/csdl/a-05.md");
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(&broken, text.replacen("number: 5", "number: [5", 1)).unwrap();
    let before = std::fs::read_dir(project.path("content/csdl")).unwrap().count();
    let run = project.run(&["new", "--group", "A", "--sector", "bien", "--agency", "so-thu", "CSDL mới"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("content/csdl/a-05.md"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(project.path("content/csdl")).unwrap().count(), before, "nothing written");
}

/// Regression: `new` interrupted between creating the file and writing
/// it (Ctrl-C, a full disk) left an empty entry file, and then refused to
/// run again because the file existed. The file-size limit makes the
/// kernel stop the process at its first byte written.
#[cfg(unix)]
#[test]
fn new_interrupted_leaves_no_file_and_runs_again() {
    let project = Project::small();
    let args = ["new", "--group", "A", "--sector", "bien", "--agency", "so-thu", "CSDL thi đua"];
    let before = std::fs::read_dir(project.path("content/csdl")).unwrap().count();
    let killed = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 0; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_danhmuc"))
        .args(args)
        .arg("--root")
        .arg(project.root())
        .status()
        .unwrap();
    // Stopped by the kernel's signal, not refused for another reason.
    assert_eq!(killed.code(), None, "{killed:?}");
    let entries: Vec<String> = std::fs::read_dir(project.path("content/csdl"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .collect();
    assert_eq!(entries.len(), before, "no entry file left behind: {entries:?}");
    let run = project.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Đã tạo content/csdl/a-"), "{}", run.stdout);
}
