//! Nothing outside the project is read, printed or published: a committed
//! symbolic link that leads out of the project is an error naming the link,
//! the same in `check` and `build`, and neither a marker file nor a fake
//! secret planted outside ever reaches the site or the output.

#![cfg(unix)]

use crate::common::{Project, Run, files_under};
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

const MARKER: &str = "DANHMUC-OUTSIDE-MARKER";
const SECRET: &str = "DEPLOY_TOKEN=ghp_fake_secret_for_danhmuc_tests";

/// A folder beside the project holding a marker page, a fake secret and
/// a valid-looking entry, sectors list and config that all carry them.
struct Outside {
    dir: tempfile::TempDir,
}

impl Outside {
    fn new() -> Outside {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("www/marker.html", &format!("<p>{MARKER}</p>"));
        write("secret.env", &format!("{SECRET}\n{MARKER}\n"));
        write(
            "entry.md",
            &format!(
                "---\ntitle: CSDL {MARKER}\ngroup: A\nnumber: 9\nsector: bien\nagencies:\n  - so-thu\n---\n\n## Mục đích\n\n{SECRET}\n"
            ),
        );
        write("templates/404.html", SECRET);
        Outside { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }
}

fn replace_with_link(project: &Project, rel: &str, target: &Path) {
    let path = project.path(rel);
    if path.is_dir() {
        std::fs::remove_dir_all(&path).unwrap();
    } else if path.exists() {
        std::fs::remove_file(&path).unwrap();
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    symlink(target, path).unwrap();
}

fn assert_nothing_leaked(project: &Project, runs: &[&Run]) {
    for run in runs {
        for said in [&run.stdout, &run.stderr] {
            assert!(!said.contains(MARKER) && !said.contains("ghp_fake"), "printed what lies outside:\n{said}");
        }
    }
    if project.site().is_dir() {
        for file in files_under(&project.site()) {
            let bytes = std::fs::read(project.site().join(&file)).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(MARKER) && !text.contains("ghp_fake"), "site/{file} holds what lies outside");
        }
    }
}

/// `check` and `build` both refuse, with the same error naming the link.
fn assert_refused(project: &Project, link: &str) {
    let check = project.run_here(&["check"]);
    let build = project.run_here(&["build"]);
    let said = format!("lỗi[outside-project]: {link}:");
    assert_eq!(check.code, 1, "check must fail for {link}:\n{}", check.stderr);
    assert_eq!(build.code, 1, "build must fail for {link}:\n{}", build.stderr);
    assert!(check.stderr.contains(&said), "check names {link}:\n{}", check.stderr);
    assert!(build.stderr.contains(&said), "build names {link}:\n{}", build.stderr);
    assert_nothing_leaked(project, &[&check, &build]);
}

#[test]
fn a_linked_folder_or_file_leading_outside_is_refused_by_check_and_build() {
    let outside = Outside::new();
    let cases: [(&str, PathBuf); 9] = [
        ("static", outside.path("www")),
        ("templates", outside.path("templates")),
        ("content/csdl", outside.dir.path().to_path_buf()),
        ("content/csdl/a-09.md", outside.path("entry.md")),
        ("content/quyet-dinh.md", outside.path("entry.md")),
        ("content/sectors.yaml", outside.path("secret.env")),
        ("content/agencies.yaml", outside.path("secret.env")),
        ("danhmuc.toml", outside.path("secret.env")),
        ("static/assets", outside.path("www")),
    ];
    for (link, target) in cases {
        let project = Project::small();
        // A published site from before: a refused build keeps it.
        project.build();
        let before = project.snapshot();
        replace_with_link(&project, link, &target);
        assert_refused(&project, link);
        assert_eq!(project.snapshot(), before, "{link}: the previous site must stay as it was");
    }
}

/// Regression: a config linked to the process environment printed every
/// variable (tokens included) in the excerpt of its parse error.
#[test]
fn a_config_linked_to_the_environment_prints_none_of_it() {
    let project = Project::small();
    replace_with_link(&project, "danhmuc.toml", Path::new("/proc/self/environ"));
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_danhmuc"))
        .arg("check")
        .current_dir(project.root())
        .env("DANHMUC_TEST_TOKEN", SECRET)
        .output()
        .unwrap();
    let check = Run::from(check);
    assert_eq!(check.code, 1);
    assert!(check.stderr.contains("lỗi[outside-project]: danhmuc.toml:"), "{}", check.stderr);
    assert!(!check.stderr.contains("ghp_fake") && !check.stdout.contains("ghp_fake"), "{}", check.stderr);
}

/// Links that stay inside the project are followed, by `check` and
/// `build` alike.
#[test]
fn a_link_inside_the_project_is_followed_alike() {
    let project = Project::small();
    let shared = project.path("shared/a-02.md");
    std::fs::create_dir_all(shared.parent().unwrap()).unwrap();
    std::fs::rename(project.path("content/csdl/a-02.md"), &shared).unwrap();
    symlink("../../shared/a-02.md", project.path("content/csdl/a-02.md")).unwrap();
    std::fs::create_dir_all(project.path("files")).unwrap();
    std::fs::write(project.path("files/note.txt"), "ghi chú").unwrap();
    std::fs::create_dir_all(project.path("static")).unwrap();
    symlink("../files", project.path("static/tai-lieu")).unwrap();
    let check = project.run_here(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    project.build();
    assert!(project.site().join("csdl/csdl-ban-do/index.html").is_file());
    assert_eq!(project.read_site("tai-lieu/note.txt"), "ghi chú");
}

/// Regression: a link to `.git` (or into it) published `.git/config`,
/// where CI checkouts keep their token. `.git` is never an input: such a
/// link is refused like one leading outside, by `check`, `build` and
/// `serve` alike, and the token is printed and published nowhere.
#[test]
fn a_link_into_git_is_refused_by_check_build_and_serve() {
    let cases = [
        ("static/x", "../.git"),
        ("static/config", "../.git/config"),
        ("templates/partials/config.html", "../../.git/config"),
        ("content/csdl/a-09.md", "../../.git/config"),
        ("danhmuc.toml", ".git/config"),
    ];
    for (link, target) in cases {
        let project = Project::small();
        std::fs::create_dir_all(project.path(".git")).unwrap();
        std::fs::write(
            project.path(".git/config"),
            format!(
                "[remote \"origin\"]\n\turl = https://x-access-token:{SECRET}@github.com/so/danh-muc\n# {MARKER}\n"
            ),
        )
        .unwrap();
        project.build();
        let before = project.snapshot();
        replace_with_link(&project, link, Path::new(target));
        assert_refused(&project, link);
        let check = project.run_here(&["check"]);
        assert!(check.stderr.contains("trỏ vào thư mục .git"), "{link}: says why:\n{}", check.stderr);
        assert_eq!(project.snapshot(), before, "{link}: the previous site must stay as it was");
        let served = crate::common::serve_first_build_errors(&project);
        assert!(served.contains(&format!("lỗi[outside-project]: {link}:")), "serve names {link}:\n{served}");
        assert!(!served.contains(MARKER) && !served.contains("ghp_fake"), "serve printed .git/config:\n{served}");
    }
}
