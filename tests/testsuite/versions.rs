//! The catalog over time: a fixture repository with tagged versions of the
//! small catalog and every kind of change between them, compared by
//! `danhmuc diff` (revisions read from git history, never checked out).

use crate::common::{Project, Run};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Runs git in `dir` as a person would, but with no configuration of the
/// machine's or the user's: the tests must not depend on them either.
pub fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Biên tập", "-c", "user.email=bien-tap@example.org", "-c", "init.defaultBranch=main"])
        .args(["-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

pub fn commit_and_tag(project: &Project, tag: &str) {
    git(project.root(), &["add", "-A"]);
    git(project.root(), &["commit", "-q", "-m", tag]);
    git(project.root(), &["tag", tag]);
}

fn write(project: &Project, path: &str, text: &str) {
    std::fs::write(project.path(path), text).unwrap();
}

/// The small catalog as decision qd-1-2025, then as qd-2-2026 with every
/// kind of change, then the working tree declaring both.
fn history() -> Project {
    let project = Project::small();
    git(project.root(), &["init", "-q"]);
    commit_and_tag(&project, "qd-1-2025");

    // Added.
    write(
        &project,
        "content/csdl/a-06.md",
        "---\ntitle: CSDL rừng ngập mặn\ngroup: A\nnumber: 6\nsector: bien\nagencies:\n  - so-thu\n---\n\n## Mục đích\n\nBảo vệ rừng.\n\n## Phạm vi, nội dung chính\n\nDiện tích rừng.\n\n## Cơ chế thu thập\n\nKiểm kê.\n\n## Kết nối, chia sẻ dữ liệu\n\nChia sẻ với ngành lâm nghiệp.\n",
    );
    // Removed: the only entry of group B; the fish one moves there.
    std::fs::remove_file(project.path("content/csdl/b-01.md")).unwrap();
    // Moved between groups, so renumbered.
    let a05 = project.path("content/csdl/a-05.md");
    project.edit(&a05, "group: A\nnumber: 5", "group: B\nnumber: 1");
    // Renamed with its slug pinned: one entry, its title changed.
    let a04 = project.path("content/csdl/a-04.md");
    project.edit(
        &a04,
        "title: CSDL môi trường biển\n",
        "title: CSDL môi trường biển và hải đảo\nslug: csdl-moi-truong-bien\n",
    );
    // Renamed without a pinned slug: its address changes, its text does not.
    let a03 = project.path("content/csdl/a-03.md");
    project.edit(&a03, "title: CSDL môi sinh và trường học", "title: CSDL môi sinh và trường lớp");
    // Moved sector.
    let a02 = project.path("content/csdl/a-02.md");
    project.edit(&a02, "sector: ban-do", "sector: bien");
    // Agency changed, and each text field edited.
    let agencies = project.path("content/agencies.yaml");
    std::fs::write(&agencies, std::fs::read_to_string(&agencies).unwrap() + "- slug: so-moi\n  name: Sở Mới\n")
        .unwrap();
    let a01 = project.path("content/csdl/a-01.md");
    let text = std::fs::read_to_string(&a01).unwrap();
    let agencies_line = text.lines().find(|l| l.trim_start().starts_with("- ")).unwrap().to_string();
    project.edit(&a01, &agencies_line, "  - so-moi");
    let mut edited = std::fs::read_to_string(&a01).unwrap();
    for heading in ["## Mục đích", "## Phạm vi, nội dung chính", "## Cơ chế thu thập", "## Kết nối, chia sẻ dữ liệu"]
    {
        edited = edited.replacen(&format!("{heading}\n\n"), &format!("{heading}\n\nĐã sửa: "), 1);
    }
    edited = edited.replacen("  - so-moi\n---\n", "  - so-moi\nnotes: Theo Quyết định số 2/QĐ-UBND\n---\n", 1);
    std::fs::write(&a01, edited).unwrap();
    commit_and_tag(&project, "qd-2-2026");

    project.add_config("\n[[versions]]\nnumber = \"1/QĐ-UBND\"\ndate = \"2025-03-01\"\nrevision = \"qd-1-2025\"\n\n[[versions]]\nnumber = \"2/QĐ-UBND\"\ndate = \"2026-03-01\"\nrevision = \"qd-2-2026\"\n");
    project
}

fn json(run: &Run) -> Value {
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn slugs(value: &Value) -> Vec<&str> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect()
}

#[test]
fn diff_reports_every_kind_of_change_between_two_versions() {
    let project = history();
    let report = json(&project.run_here(&["diff", "qd-1-2025", "qd-2-2026", "--format", "json"]));
    assert_eq!(slugs(&report["added"]), ["csdl-rung-ngap-man"]);
    assert_eq!(slugs(&report["removed"]), ["csdl-nghe-ca"]);
    let renamed = &report["renamed"][0];
    assert_eq!(report["renamed"].as_array().unwrap().len(), 1);
    assert_eq!(
        (renamed["from"].as_str(), renamed["to"].as_str()),
        (Some("csdl-moi-sinh-va-truong-hoc"), Some("csdl-moi-sinh-va-truong-lop"))
    );
    assert!(renamed["likeness"].as_f64().unwrap() >= 0.6);
    let changed: std::collections::HashMap<&str, Vec<&str>> = report["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["slug"].as_str().unwrap(),
                c["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect(),
            )
        })
        .collect();
    assert_eq!(changed["csdl-moi-truong-bien"], ["title"], "a pinned slug keeps the entry");
    assert_eq!(changed["csdl-moi-sinh-va-truong-lop"], ["title"]);
    assert_eq!(changed["csdl-ban-do"], ["sector"]);
    assert_eq!(changed["csdl-thuy-san"], ["group", "number"]);
    assert_eq!(changed["csdl-ban-mau-do"], ["agencies", "notes", "purpose", "scope", "collection", "sharing"]);
    let purpose =
        &report["changed"].as_array().unwrap().iter().find(|c| c["slug"] == "csdl-ban-mau-do").unwrap()["fields"][2];
    assert!(
        purpose["after"].as_str().unwrap().starts_with("Đã sửa: ")
            && !purpose["before"].as_str().unwrap().starts_with("Đã sửa")
    );
    assert_eq!(changed.len(), 5, "nothing else changed: {report}");
}

#[test]
fn diff_defaults_to_the_version_in_force_and_the_working_tree_and_reads_as_text_and_markdown() {
    let project = history();
    let a02 = project.path("content/csdl/a-02.md");
    project.edit(&a02, "Quản lý lớp dữ liệu nền.", "Quản lý lớp dữ liệu nền và địa hình.");
    let text = project.run_here(&["diff"]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(
        text.stdout.starts_with("So sánh Quyết định số 2/QĐ-UBND ngày 01/3/2026 (qd-2-2026) với bản đang sửa."),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("    Mục đích: Quản lý lớp dữ liệu nền {+và địa hình+}.\n"), "{}", text.stdout);
    let markdown = project.run_here(&["diff", "--format", "markdown"]);
    assert!(markdown.stdout.contains("<ins>(thêm: và địa hình"), "{}", markdown.stdout);
    // Nothing changed: it says so, and exits 0.
    let same = project.run_here(&["diff", "qd-2-2026", "qd-2-2026"]);
    assert_eq!(same.code, 0);
    assert!(same.stdout.contains("Không có thay đổi nào."));
}

#[test]
fn a_shallow_clone_says_to_fetch_the_history() {
    let project = history();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", project.root().display());
    let target = clone.path().join("catalog");
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, target.to_str().unwrap()]);
    let run =
        Command::new(env!("CARGO_BIN_EXE_danhmuc")).args(["diff", "qd-1-2025"]).current_dir(&target).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("shallow") && stderr.contains("fetch-depth: 0"), "{stderr}");
}

#[test]
fn a_version_that_no_longer_validates_is_named_with_its_file() {
    let project = history();
    let a02 = project.path("content/csdl/a-02.md");
    project.edit(&a02, "sector: bien", "sector: khong-co");
    commit_and_tag(&project, "qd-hong");
    project.edit(&a02, "sector: khong-co", "sector: bien");
    let run = project.run_here(&["diff", "qd-hong"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("content/csdl/a-02.md") && run.stderr.contains("“qd-hong”"), "{}", run.stderr);
    let missing = project.run_here(&["diff", "qd-khong-co"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("Không tìm thấy phiên bản “qd-khong-co”"), "{}", missing.stderr);
}

#[test]
fn a_version_is_read_without_touching_the_working_tree() {
    let project = history();
    let before = crate::common::files_under(project.root());
    let a01 = std::fs::read(project.path("content/csdl/a-01.md")).unwrap();
    json(&project.run_here(&["diff", "qd-1-2025", "--format", "json"]));
    assert_eq!(crate::common::files_under(project.root()), before);
    assert_eq!(std::fs::read(project.path("content/csdl/a-01.md")).unwrap(), a01);
}

#[test]
fn the_site_shows_every_version_and_keeps_every_address_that_ever_existed() {
    let project = history();
    // The draft edits one entry after the version in force.
    let a02 = project.path("content/csdl/a-02.md");
    project.edit(&a02, "Quản lý lớp dữ liệu nền.", "Quản lý lớp dữ liệu nền và địa hình.");
    let run = project.build();
    assert_eq!(run.code, 0);
    let versions = project.read_site("phien-ban/index.html");
    for (title, status) in [
        ("Quyết định số 1/QĐ-UBND ngày 01/3/2025", "Hết hiệu lực"),
        ("Quyết định số 2/QĐ-UBND ngày 01/3/2026", "Còn hiệu lực"),
        ("Dự thảo", "Dự thảo"),
    ] {
        let row =
            versions.split("<tr>").find(|row| row.contains(title)).unwrap_or_else(|| panic!("{title}: {versions}"));
        assert!(row.contains(status), "{title}: {row}");
    }
    // Every address of every version resolves.
    for slug in [
        "csdl-ban-mau-do",
        "csdl-ban-do",
        "csdl-moi-sinh-va-truong-hoc",
        "csdl-moi-sinh-va-truong-lop",
        "csdl-moi-truong-bien",
        "csdl-thuy-san",
        "csdl-nghe-ca",
        "csdl-rung-ngap-man",
    ] {
        assert!(project.site().join(format!("csdl/{slug}/index.html")).is_file(), "csdl/{slug}/ is missing");
    }
    // A renamed entry's old address leads to its new page.
    let moved = project.read_site("csdl/csdl-moi-sinh-va-truong-hoc/index.html");
    assert!(
        moved.contains(
            r#"<meta http-equiv="refresh" content="0; url=../../csdl/csdl-moi-sinh-va-truong-lop/index.html">"#
        ),
        "{moved}"
    );
    // A removed one says which decision removed it, with its last text.
    let removed = project.read_site("csdl/csdl-nghe-ca/index.html");
    assert!(
        removed.contains("đã được đưa ra khỏi Danh mục") && removed.contains("Quyết định số 2/QĐ-UBND ngày 01/3/2026"),
        "{removed}"
    );
    assert!(removed.contains("CSDL nghề cá"));
    // Search does not list it.
    assert!(!project.read_site("assets/search-index.js").contains("csdl-nghe-ca"));
    // A version's page: its changes, word by word, and its full table.
    let second = project.read_site("phien-ban/2-qd-ubnd/index.html");
    assert!(second.contains("Thay đổi so với Quyết định số 1/QĐ-UBND ngày 01/3/2025"), "{second}");
    assert!(second.contains("<h1>Quyết định số 2/QĐ-UBND ngày 01 tháng 3 năm 2026</h1>"), "{second}");
    assert!(second.contains("<ins><span class=\"change-word\">[thêm: </span>Đã sửa:"), "{second}");
    assert_eq!(second.matches("<tr><td>").count(), 6, "its full table: six entries");
    // In the decisions' words: no slug, no likeness, no count of zero.
    assert!(second.contains("đổi tên từ “CSDL môi sinh và trường học”"), "{second}");
    for developer_talk in ["csdl-moi-sinh-va-truong-hoc", "% số từ", "đổi địa chỉ", " 0 CSDL"] {
        assert!(!second.contains(developer_talk), "{developer_talk}: {second}");
    }
    let first = project.read_site("phien-ban/1-qd-ubnd/index.html");
    assert!(first.contains("CSDL nghề cá") && !first.contains("Thay đổi so với"));
    // An entry's history, and what the draft changes in it.
    let entry = project.read_site("csdl/csdl-ban-mau-do/index.html");
    assert!(entry.contains("Lịch sử") && entry.contains("Sửa đổi Đơn vị chủ trì, Ghi chú, Mục đích"), "{entry}");
    let edited = project.read_site("csdl/csdl-ban-do/index.html");
    assert!(
        edited.contains("Dự thảo đề xuất sửa đổi CSDL này") && edited.contains("[thêm: </span>và địa hình"),
        "{edited}"
    );
    assert!(!entry.contains("Dự thảo đề xuất sửa đổi CSDL này"));
    // The same site again, byte for byte.
    let before = project.snapshot();
    project.build();
    assert!(project.snapshot() == before, "a build with versions is deterministic");
}

#[test]
fn the_real_catalog_knows_the_decision_it_replaces() {
    let project = Project::real();
    project.build();
    let versions = project.read_site("phien-ban/index.html");
    assert!(versions.contains("Quyết định số 2609/QĐ-UBND ngày 17/9/2024"), "{versions}");
    assert!(versions.contains("chưa có nội dung"));
    let page = project.read_site("phien-ban/2609-qd-ubnd/index.html");
    assert!(page.contains("Chỉ có số và ngày ban hành của Quyết định này"), "{page}");
    assert!(project.read_site("phien-ban/du-thao/index.html").contains("Tình trạng: <strong>Dự thảo</strong>"));
    assert!(page.contains("Hiệu lực: từ ngày 17/9/2024."), "{page}");
    // The home page of the draft names the decision it is to replace.
    let home = project.read_site("index.html");
    assert!(
        home.contains("Quyết định còn hiệu lực: <a href=\"phien-ban/2609-qd-ubnd/index.html\">Quyết định số 2609/QĐ-UBND ngày 17/9/2024</a>."),
        "{home}"
    );
}

#[test]
fn check_and_build_refuse_a_shallow_history() {
    let project = history();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", project.root().display());
    let target = clone.path().join("catalog");
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, target.to_str().unwrap()]);
    std::fs::copy(project.path("danhmuc.toml"), target.join("danhmuc.toml")).unwrap();
    for command in ["check", "build"] {
        let run = Command::new(env!("CARGO_BIN_EXE_danhmuc")).arg(command).current_dir(&target).output().unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{command}: {stderr}");
        assert!(stderr.contains("lỗi[history]") && stderr.contains("fetch-depth: 0"), "{command}: {stderr}");
    }
    assert!(!target.join("site").exists());
}

#[test]
fn a_draft_asks_for_comments_on_each_entry_when_an_address_is_configured() {
    let project = Project::small();
    let config = project.path("danhmuc.toml");
    let base = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{base}\n[feedback]\naddress = \"mailto:gopy@example.gov.vn\"\n")).unwrap();
    project.build();
    let page = project.read_site("csdl/csdl-ban-do/index.html");
    assert!(
        page.contains(r#"href="mailto:gopy@example.gov.vn?subject=G%C3%B3p%20%C3%BD%20v%E1%BB%81%20CSDL%20b%E1%BA%A3n%20%C4%91%E1%BB%93%20%28csdl-ban-do%29""#),
        "{page}"
    );
    std::fs::write(&config, format!("{base}\n[feedback]\naddress = \"https://gopy.example.gov.vn/?csdl={{slug}}\"\n"))
        .unwrap();
    project.build();
    assert!(
        project
            .read_site("csdl/csdl-ban-do/index.html")
            .contains(r#"href="https://gopy.example.gov.vn/?csdl=csdl-ban-do""#)
    );
    // Once the decision is signed, no more comments are asked for.
    std::fs::write(&config, format!("{base}\n[feedback]\naddress = \"mailto:gopy@example.gov.vn\"\n[decision]\nnumber = \"5/QĐ-UBND\"\ndate = \"2026-06-01\"\n")).unwrap();
    project.build();
    assert!(!project.read_site("csdl/csdl-ban-do/index.html").contains("Góp ý về CSDL này"));
    // An address that is neither is refused by check.
    std::fs::write(&config, format!("{base}\n[feedback]\naddress = \"gopy@example.gov.vn\"\n")).unwrap();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("không phải mailto:"), "{}", run.stderr);
}

#[test]
fn a_version_that_no_longer_validates_is_a_warning_and_the_site_still_builds() {
    let project = history();
    let a02 = project.path("content/csdl/a-02.md");
    project.edit(&a02, "sector: bien", "sector: khong-co");
    commit_and_tag(&project, "qd-hong");
    project.edit(&a02, "sector: khong-co", "sector: bien");
    project.add_config("\n[[versions]]\nnumber = \"3/QĐ-UBND\"\ndate = \"2026-09-01\"\nrevision = \"qd-hong\"\n");
    let check = project.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stderr.contains("cảnh báo[history]")
            && check.stderr.contains("“qd-hong”")
            && check.stderr.contains("content/csdl/a-02.md"),
        "{}",
        check.stderr
    );
    assert_eq!(project.run(&["check", "--strict"]).code, 1);
    project.build();
    let page = project.read_site("phien-ban/3-qd-ubnd/index.html");
    assert!(page.contains("Còn hiệu lực") && page.contains("không còn đọc được theo quy tắc hiện nay"), "{page}");
}

/// A version's files are held to the working tree's size limit: a file of
/// gigabytes compresses to a few megabytes in git, and reading it whole
/// cost `build`, `check` and `diff` as much memory. Git is asked the
/// files' sizes first, and a file over the limit is refused unread, named
/// with its revision. (The file here is small enough to read, and valid:
/// without the limit the version was accepted whole.)
#[test]
fn a_version_with_an_oversized_file_is_refused_unread() {
    let project = history();
    let body = "Nội dung rất dài. ".repeat(60_000);
    let a02 = std::fs::read_to_string(project.path("content/csdl/a-02.md")).unwrap();
    write(&project, "content/csdl/a-02.md", &format!("{a02}\n{body}\n"));
    commit_and_tag(&project, "qd-lon");
    write(&project, "content/csdl/a-02.md", &a02);
    project.add_config("\n[[versions]]\nnumber = \"3/QĐ-UBND\"\ndate = \"2026-09-01\"\nrevision = \"qd-lon\"\n");
    let said = |stderr: &str| {
        stderr.contains("content/csdl/a-02.md: Tệp quá lớn")
            && stderr.contains("tối đa 1024 KiB) trong phiên bản “qd-lon”")
    };
    let check = project.run(&["check"]);
    assert!(said(&check.stderr), "check: {}", check.stderr);
    let diff = project.run_here(&["diff", "qd-lon"]);
    assert_eq!(diff.code, 1, "{}", diff.stderr);
    assert!(said(&diff.stderr), "diff: {}", diff.stderr);
}

/// A declared version's revision names a revision in git, never a folder:
/// `build` refused `revision = "/some/folder"` (git knows no such name),
/// but `diff` read the catalog in that folder, from outside the project.
/// One rule now refuses it for every command, and a declared name that is
/// also a folder's is looked up in git only. A folder given to `diff` on
/// the command line is the user's own choice and is still compared.
#[test]
fn a_declared_revision_is_never_read_as_a_folder() {
    let project = history();
    let other = tempfile::tempdir().unwrap();
    crate::common::copy_recursively(&crate::common::repo_root().join("tests/fixtures/small"), other.path());
    let folder = other.path().display().to_string();
    let config = std::fs::read_to_string(project.path("danhmuc.toml")).unwrap();
    project.add_config(&format!(
        "\n[[versions]]\nnumber = \"3/QĐ-UBND\"\ndate = \"2026-09-01\"\nrevision = \"{folder}\"\n"
    ));
    for command in [&["build"][..], &["check"], &["diff"]] {
        let run = project.run_here(command);
        assert_eq!(run.code, 1, "{command:?}: {}", run.stdout);
        assert!(
            run.stderr.contains(&format!("revision “{folder}”: đó là một đường dẫn")),
            "{command:?}: {}",
            run.stderr
        );
    }
    // A name that git does not know, though a folder of that name holds a catalog.
    write(&project, "danhmuc.toml", &config);
    crate::common::copy_recursively(other.path(), &project.path("qd-thu-muc"));
    project.add_config("\n[[versions]]\nnumber = \"3/QĐ-UBND\"\ndate = \"2026-09-01\"\nrevision = \"qd-thu-muc\"\n");
    let diff = project.run_here(&["diff"]);
    assert_eq!(diff.code, 1, "{}", diff.stdout);
    assert!(diff.stderr.contains("Không tìm thấy phiên bản “qd-thu-muc”"), "{}", diff.stderr);
    // Given on the command line, a folder is compared.
    let run = project.run_here(&["diff", &folder, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// Guards against publishing a pending draft as if it were in force: until
/// the draft is signed, the newest issued version with content is the
/// catalog. An entry only the draft removes keeps its page, its place in
/// the search and in the data; the draft's new entry is published as a
/// proposal only (its own page, `data/du-thao/`), never in the lists of
/// the catalog in force; an edited entry shows the text in force.
#[test]
fn a_pending_draft_is_a_proposal_beside_the_catalog_in_force() {
    let project = history();
    // The draft removes one entry, adds one and edits one.
    std::fs::remove_file(project.path("content/csdl/a-06.md")).unwrap();
    write(
        &project,
        "content/csdl/a-07.md",
        "---\ntitle: CSDL đề xuất về cảng cá\ngroup: A\nnumber: 6\nsector: bien\nagencies:\n  - so-thu\n---\n\n## Mục đích\n\nQuản lý cảng.\n\n## Phạm vi, nội dung chính\n\nCảng cá.\n\n## Cơ chế thu thập\n\nBáo cáo.\n\n## Kết nối, chia sẻ dữ liệu\n\nChia sẻ.\n",
    );
    let a02 = project.path("content/csdl/a-02.md");
    project.edit(&a02, "Quản lý lớp dữ liệu nền.", "Quản lý lớp dữ liệu nền và địa hình.");
    project.build();

    // The entry only the draft removes is still in force.
    let removed = project.read_site("csdl/csdl-rung-ngap-man/index.html");
    assert!(!removed.contains("đã bỏ khỏi Danh mục") && !removed.contains("không còn trong Danh mục"), "{removed}");
    assert!(removed.contains("Dự thảo đề xuất đưa CSDL này ra khỏi Danh mục"), "{removed}");
    assert!(removed.contains("Quyết định số 2/QĐ-UBND"), "{removed}");
    let index = project.read_site("assets/search-index.js");
    assert!(index.contains("csdl-rung-ngap-man"), "the search still finds it");
    assert!(!index.contains("csdl-de-xuat-ve-cang-ca"), "the draft's new entry is not in force");
    let data = project.read_site("data/catalog.json");
    assert!(data.contains("csdl-rung-ngap-man") && !data.contains("csdl-de-xuat-ve-cang-ca"), "{data}");
    let csv = project.read_site("data/catalog.csv");
    assert!(csv.contains("CSDL rừng ngập mặn") && !csv.contains("cảng cá"), "{csv}");
    // The draft's data beside it.
    let draft = project.read_site("data/du-thao/catalog.json");
    assert!(draft.contains("csdl-de-xuat-ve-cang-ca") && !draft.contains("csdl-rung-ngap-man"), "{draft}");
    // The new entry: a page of its own, marked as proposed, reachable from
    // the draft's page.
    let proposed = project.read_site("csdl/csdl-de-xuat-ve-cang-ca/index.html");
    assert!(proposed.contains("đề xuất bổ sung CSDL này vào Danh mục"), "{proposed}");
    let draft_page = project.read_site("phien-ban/du-thao/index.html");
    assert!(draft_page.contains("csdl/csdl-de-xuat-ve-cang-ca/"), "{draft_page}");
    assert!(draft_page.contains("Dự thảo chưa có hiệu lực"), "{draft_page}");
    assert!(!draft_page.contains("Đây là nội dung đang hiển thị trên trang"), "{draft_page}");
    assert!(!project.read_site("index.html").contains("CSDL đề xuất về cảng cá"));
    // The edited entry reads as in force, the draft's text in its box.
    let edited = project.read_site("csdl/csdl-ban-do/index.html");
    let (notice, body) = edited.split_once("</section>").unwrap();
    assert!(notice.contains("[thêm: </span>và địa hình"), "{notice}");
    assert!(!body.contains("và địa hình"), "{body}");
}

/// Guards the record around a signing, as an editor would slip: a signed
/// decision not declared among the versions (it would drop out of the
/// history at the next draft), an entry edited after signing while
/// `[decision]` still names the signed decision (the site would publish
/// the edit as that decision's text), and a new draft whose decision text
/// still replaces the decision before the one in force.
#[test]
fn check_guards_the_record_around_a_signing() {
    let project = Project::small();
    std::fs::copy(crate::common::real_catalog().join("content/quyet-dinh.md"), project.path("content/quyet-dinh.md"))
        .unwrap();
    let config = std::fs::read_to_string(project.path("danhmuc.toml")).unwrap();
    let signed = "\n[decision]\nnumber = \"1234/QĐ-UBND\"\ndate = \"2026-06-15\"\n\n[[versions]]\nnumber = \"2609/QĐ-UBND\"\ndate = \"2024-09-17\"\n";
    std::fs::write(project.path("danhmuc.toml"), config.clone() + signed).unwrap();
    git(project.root(), &["init", "-q"]);
    commit_and_tag(&project, "qd-1234-2026");

    let check = project.run(&["check"]);
    assert!(check.stderr.contains("chưa được khai báo trong [[versions]]"), "{}", check.stderr);
    assert!(check.stderr.contains("danhmuc.toml:4:"), "{}", check.stderr);

    let declared = "\n[[versions]]\nnumber = \"1234/QĐ-UBND\"\ndate = \"2026-06-15\"\nrevision = \"qd-1234-2026\"\n";
    std::fs::write(project.path("danhmuc.toml"), config.clone() + signed + declared).unwrap();
    let check = project.run(&["check"]);
    assert!(!check.stderr.contains("[[versions]]") && !check.stderr.contains("đã ký"), "{}", check.stderr);

    // An entry edited after signing, [decision] unchanged.
    let a02 = project.path("content/csdl/a-02.md");
    project.edit(&a02, "Quản lý lớp dữ liệu nền.", "Quản lý lớp dữ liệu nền và địa hình.");
    let check = project.run(&["check"]);
    assert_ne!(check.code, 0, "{}", check.stderr);
    assert!(check.stderr.contains("nội dung đã khác với nội dung đã ký"), "{}", check.stderr);
    assert!(check.stderr.contains("xóa number và date trong [decision]"), "{}", check.stderr);

    // The next draft: [decision] cleared, the decision text not yet updated.
    let draft = "\n[decision]\n\n[[versions]]\nnumber = \"2609/QĐ-UBND\"\ndate = \"2024-09-17\"\n";
    std::fs::write(project.path("danhmuc.toml"), config + draft + declared).unwrap();
    let check = project.run(&["check"]);
    assert!(check.stderr.contains("Quyết định đang còn hiệu lực là 1234/QĐ-UBND"), "{}", check.stderr);
    assert!(check.stderr.contains("content/quyet-dinh.md:11:"), "{}", check.stderr);
    let quyet_dinh = project.path("content/quyet-dinh.md");
    project.edit(
        &quyet_dinh,
        "replaces: Quyết định 2609/QĐ-UBND ngày 17/9/2024",
        "replaces: Quyết định 1234/QĐ-UBND ngày 15/6/2026",
    );
    // The front matter alone is not the text that gets signed: Điều 3
    // still names 2609/QĐ-UBND.
    let check = project.run(&["check"]);
    assert!(check.stderr.contains("ghi “thay thế Quyết định 2609/QĐ-UBND”"), "{}", check.stderr);
    project.edit(
        &quyet_dinh,
        "thay thế Quyết định 2609/QĐ-UBND ngày 17/9/2024",
        "thay thế Quyết định 1234/QĐ-UBND ngày 15/6/2026",
    );
    let check = project.run(&["check"]);
    assert!(!check.stderr.contains("đang còn hiệu lực là"), "{}", check.stderr);
}

/// Guards `danhmuc diff` after signing: the plain command compared the
/// version in force with itself ("Không có thay đổi nào"), decision
/// numbers were refused as sides, and a renamed entry was told by its old
/// slug and a likeness figure instead of its old name.
#[test]
fn diff_after_signing_compares_the_two_newest_decisions_named_by_number() {
    let project = history();
    project.add_config("\n[decision]\nnumber = \"2/QĐ-UBND\"\ndate = \"2026-03-01\"\n");
    let plain = project.run_here(&["diff"]);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert!(!plain.stdout.contains("Không có thay đổi nào"), "{}", plain.stdout);
    assert!(plain.stderr.contains("so sánh hai Quyết định mới nhất đã ban hành"), "{}", plain.stderr);
    assert!(plain.stdout.contains("Quyết định số 1/QĐ-UBND ngày 01/3/2025"), "{}", plain.stdout);
    assert!(plain.stdout.contains("Quyết định số 2/QĐ-UBND ngày 01/3/2026"), "{}", plain.stdout);
    assert!(plain.stdout.contains("đổi tên từ “CSDL môi sinh và trường học”"), "{}", plain.stdout);
    assert!(!plain.stdout.contains("% số từ"), "{}", plain.stdout);
    for (old, new) in [("1/QĐ-UBND", "2/QĐ-UBND"), ("1", "2")] {
        let by_number = json(&project.run_here(&["diff", old, new, "--format", "json"]));
        let by_tag = json(&project.run_here(&["diff", "qd-1-2025", "qd-2-2026", "--format", "json"]));
        assert_eq!(by_number, by_tag, "{old} {new}");
    }
    // The JSON names the sides and each entry by its code and title.
    let report = json(&project.run_here(&["diff", "1", "2", "--format", "json"]));
    assert_eq!(report["old"], "Quyết định số 1/QĐ-UBND ngày 01/3/2025 (qd-1-2025)");
    assert_eq!(report["added_entries"][0]["title"], "CSDL rừng ngập mặn");
    assert_eq!(report["added_entries"][0]["reference"], "A.6");
    assert_eq!(report["renamed"][0]["from_title"], "CSDL môi sinh và trường học");
    assert!(report["changed"][0]["reference"].is_string() && report["changed"][0]["title"].is_string());
}

/// Guards against an abolished agency counted and listed as a lead agency
/// ("2 đơn vị chủ trì", "0 CSDL") with no word of who took over.
#[test]
fn an_abolished_agency_no_entry_names_is_not_a_lead_agency_and_says_who_took_over() {
    let project = Project::small();
    write(
        &project,
        "content/agencies.yaml",
        "- slug: so-thu\n  name: Sở Thử\n  former:\n    - name: Ban Cũ\n      until: 2025\n- slug: ban-cu\n  name: Ban Cũ\n  successor: so-thu\n",
    );
    project.build();
    let home = project.read_site("index.html");
    assert!(home.contains("<strong>1</strong> đơn vị chủ trì"), "{home}");
    let list = project.read_site("don-vi/index.html");
    assert!(!list.contains("Ban Cũ"), "{list}");
    let page = project.read_site("don-vi/ban-cu/index.html");
    assert!(page.contains("Đã sáp nhập vào <a href=\"../../don-vi/so-thu/index.html\">Sở Thử</a> (2025)"), "{page}");
}

/// Guards an entry of the catalog in force that still names an abolished
/// agency: it says which agency the name stands for now, "(nay là …)".
#[test]
fn an_entry_naming_an_abolished_agency_says_who_it_is_now() {
    let project = Project::small();
    write(
        &project,
        "content/agencies.yaml",
        "- slug: so-thu\n  name: Sở Thử\n  successor: so-moi\n- slug: so-moi\n  name: Sở Mới\n  former:\n    - name: Sở Thử\n      until: 2025\n",
    );
    project.build();
    let entry = std::fs::read_dir(project.site().join("csdl"))
        .unwrap()
        .map(|d| d.unwrap().path().join("index.html"))
        .find(|p| p.is_file())
        .unwrap();
    let html = std::fs::read_to_string(&entry).unwrap();
    assert!(html.contains("Sở Thử</a> (nay là <a href=\"../../don-vi/so-moi/index.html\">Sở Mới</a>)"), "{html}");
    let home = project.read_site("index.html");
    assert!(home.contains("Sở Thử"), "the catalog still names it, so it leads: {home}");
}

/// Guards the real catalog's "Lịch sử" against "Dự thảo (Dự thảo): Có
/// trong Danh mục.": the draft is named once and is not the catalog.
#[test]
fn the_real_catalogs_history_names_the_draft_once() {
    let project = Project::real();
    project.build();
    let page = project.read_site("csdl/csdl-cap-phep-xay-dung/index.html");
    assert!(page.contains("Dự thảo</a>: Có trong dự thảo Danh mục."), "{page}");
    assert!(!page.contains("(Dự thảo)"), "{page}");
}
