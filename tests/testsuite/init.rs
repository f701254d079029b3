//! `danhmuc init`: a new catalog project that `check --strict` and `build`
//! accept at once, written only into an empty folder.

use std::process::Command;

fn danhmuc(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_danhmuc")).args(args).current_dir(dir).output().unwrap()
}

#[test]
fn init_makes_a_project_that_checks_and_builds_at_once() {
    let parent = tempfile::tempdir().unwrap();
    let init = danhmuc(parent.path(), &["init", "danh-muc"]);
    assert_eq!(init.status.code(), Some(0), "{}", String::from_utf8_lossy(&init.stderr));
    let project = parent.path().join("danh-muc");
    for file in [
        "danhmuc.toml",
        "content/sectors.yaml",
        "content/agencies.yaml",
        "content/quyet-dinh.md",
        ".gitignore",
        ".github/workflows/danhmuc.yml",
    ] {
        assert!(project.join(file).is_file(), "{file}");
    }
    let config = std::fs::read_to_string(project.join("danhmuc.toml")).unwrap();
    for key in
        ["[publisher]", "[decision]", "[[versions]]", "[feedback]", "[repository]", "[table]", "[search]", "base_url"]
    {
        assert!(config.contains(key), "the configuration explains {key}");
    }
    let check = danhmuc(&project, &["check", "--strict"]);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stderr));
    assert!(String::from_utf8_lossy(&check.stdout).contains("Nội dung hợp lệ: 2 CSDL."));
    let build = danhmuc(&project, &["build"]);
    assert_eq!(build.status.code(), Some(0), "{}", String::from_utf8_lossy(&build.stderr));
    assert!(project.join("site/csdl/csdl-dat-dai/index.html").is_file());
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ghi-chu.txt"), "của tôi").unwrap();
    let init = danhmuc(dir.path(), &["init"]);
    assert_eq!(init.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&init.stderr).contains("không trống"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["ghi-chu.txt"]);
}

/// Guards against a starter decision that is not a decision: no
/// "QUYẾT ĐỊNH:" before the articles, no Luật Tổ chức chính quyền địa
/// phương as its first legal basis, and "Như Điều 3" among the recipients
/// where Điều 3 names no one who carries it out.
#[test]
fn the_starter_decision_is_complete_and_its_recipients_exist() {
    let parent = tempfile::tempdir().unwrap();
    assert_eq!(danhmuc(parent.path(), &["init", "danh-muc"]).status.code(), Some(0));
    let project = parent.path().join("danh-muc");
    let decision = std::fs::read_to_string(project.join("content/quyet-dinh.md")).unwrap();
    let body = decision.splitn(3, "---\n").nth(2).unwrap();
    let first_basis = body.lines().find(|l| l.starts_with("Căn cứ")).unwrap();
    assert!(first_basis.starts_with("Căn cứ Luật Tổ chức chính quyền địa phương"), "{first_basis}");
    let ruling = body.find("**QUYẾT ĐỊNH:**").expect("QUYẾT ĐỊNH: before the articles");
    assert!(ruling < body.find("Điều 1.").unwrap());
    let recipients: Vec<&str> = decision.lines().filter(|l| l.contains("Như Điều")).collect();
    assert!(!recipients.is_empty());
    for line in recipients {
        let number: String = line.split("Như Điều ").nth(1).unwrap().chars().take_while(char::is_ascii_digit).collect();
        let article =
            body.split("## Điều ").find(|a| a.starts_with(&format!("{number}."))).unwrap_or_else(|| panic!("{line}"));
        assert!(article.contains("chịu trách nhiệm thi hành"), "Điều {number} names who carries it out: {article}");
    }
    assert_eq!(danhmuc(&project, &["build"]).status.code(), Some(0));
    let page = std::fs::read_to_string(project.join("site/quyet-dinh/index.html")).unwrap();
    assert!(page.contains("QUYẾT ĐỊNH:") && page.contains("Như Điều 4;"), "{page}");
}

/// Guards against sending an editor to a document they cannot read: the
/// starter configuration's comments once pointed to `docs/versions.md`, a
/// design note in English. Every document that `init`'s files or the
/// program's messages name exists and is written in Vietnamese.
#[test]
fn the_documents_editors_are_sent_to_exist_and_are_in_vietnamese() {
    use crate::common::{files_under, repo_root};
    let root = repo_root();
    let mut named = Vec::new();
    for folder in ["scaffold", "src"] {
        for path in files_under(&root.join(folder)) {
            let Ok(text) = std::fs::read_to_string(root.join(folder).join(&path)) else { continue };
            // What reaches editors: the starter files as written, and the
            // program's string literals (not its comments, for developers).
            let spoken = |line: &&str| folder == "scaffold" || (path.ends_with(".rs") && line.contains('"'));
            for line in text.lines().filter(spoken).filter(|l| !l.trim_start().starts_with("//")) {
                for (at, _) in line.match_indices("docs/") {
                    let name: String =
                        line[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || "/-_.".contains(*c)).collect();
                    named.push((format!("{folder}/{path}"), name.trim_end_matches('.').to_string()));
                }
            }
        }
    }
    assert!(named.iter().any(|(_, doc)| doc == "docs/cau-hinh.md"), "{named:?}");
    for (file, doc) in named {
        let text = std::fs::read_to_string(root.join(&doc)).unwrap_or_else(|_| panic!("{file} names {doc}, missing"));
        let title = text.lines().find(|l| l.starts_with("# ")).unwrap_or_default();
        assert!(!title.is_ascii(), "{file} names {doc}, whose title is not Vietnamese: {title}");
    }
}
