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
