//! What `build --output` may replace. Publishing puts the new site in the
//! output folder's place and deletes what was there, so a mistyped
//! `--output` must never reach the project, its inputs, its git repository
//! or a folder of something else: those are refused with a message naming
//! the folder, and nothing anywhere changes.

use crate::common::{Run, copy_recursively, files_under, repo_root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The small catalog at `OUTER/du-an`, with templates, static files and a
/// git repository of its own, beside an unrelated folder `OUTER/ghi-chu`.
struct Workspace {
    outer: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Workspace {
        let outer = tempfile::tempdir().unwrap();
        let project = outer.path().join("du-an");
        copy_recursively(&repo_root().join("tests/fixtures/small"), &project);
        let write = |rel: &str, text: &str| {
            let path = outer.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("du-an/templates/partials/ghi-chu.html", "<p>ghi chú</p>");
        write("du-an/static/tai-lieu/huong-dan.txt", "hướng dẫn");
        write("ghi-chu/viec-can-lam.txt", "không được xóa");
        let git = Command::new("git")
            .args(["init", "-q"])
            .current_dir(&project)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .status()
            .expect("git runs");
        assert!(git.success());
        Workspace { outer }
    }

    fn project(&self) -> PathBuf {
        self.outer.path().join("du-an")
    }

    /// `danhmuc build --output OUTPUT`, run from the project folder.
    fn build_into(&self, output: &str) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_danhmuc"))
            .args(["build", "--output", output])
            .current_dir(self.project())
            .output()
            .expect("danhmuc runs");
        Run::from(output)
    }

    /// Every file in the workspace, the project's `.git` included, with
    /// its bytes.
    fn everything(&self) -> Vec<(String, Vec<u8>)> {
        files_under(self.outer.path())
            .into_iter()
            .map(|file| {
                let bytes = std::fs::read(self.outer.path().join(&file)).unwrap();
                (file, bytes)
            })
            .collect()
    }
}

fn outer_name(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Regression: `build --output .git` replaced the repository with the
/// site and said it succeeded; `content`, `content/csdl`, `templates` and
/// `static` were replaced the same way, destroying what the build reads.
#[test]
fn an_output_that_would_destroy_the_project_or_other_files_is_refused_and_nothing_changes() {
    let workspace = Workspace::new();
    let parent = outer_name(workspace.outer.path());
    let cases: [(&str, &str); 8] = [
        (".git", "nằm trong “.git”"),
        ("content", "nằm trong “content/”"),
        ("content/csdl", "nằm trong “content/”"),
        ("templates", "nằm trong “templates/”"),
        ("static", "nằm trong “static/”"),
        (".", "chứa cả thư mục Danh mục"),
        (&parent, "chứa cả thư mục Danh mục"),
        ("../ghi-chu", "không phải trang do danhmuc dựng"),
    ];
    let before = workspace.everything();
    for (output, reason) in cases {
        let run = workspace.build_into(output);
        assert_eq!(run.code, 2, "--output {output} must be refused:\n{}", run.stderr);
        assert!(run.stderr.contains(reason), "--output {output}: the reason is said:\n{}", run.stderr);
        assert!(run.stderr.contains(&format!("thư mục đầu ra {output} ")), "names {output}:\n{}", run.stderr);
        assert!(run.stderr.contains("--output"), "says what to do:\n{}", run.stderr);
        assert!(run.stderr.contains("vẫn giữ nguyên như trước"), "{}", run.stderr);
        assert_eq!(workspace.everything(), before, "--output {output} changed files");
    }
}

/// The default `site/` (built again over itself), an empty folder and a
/// fresh folder anywhere else are where a site may go.
#[test]
fn site_an_empty_folder_and_a_fresh_folder_elsewhere_are_accepted() {
    let workspace = Workspace::new();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir(elsewhere.path().join("trong")).unwrap();
    for output in [
        "site".to_string(),
        "site".to_string(),
        outer_name(&elsewhere.path().join("trang/moi")),
        outer_name(&elsewhere.path().join("trong")),
    ] {
        let run = workspace.build_into(&output);
        assert_eq!(run.code, 0, "--output {output}:\n{}", run.stderr);
        let site = workspace.project().join(&output);
        assert!(site.join("data/catalog.json").is_file() && site.join("index.html").is_file(), "{output}");
    }
    assert_eq!(
        std::fs::read_to_string(workspace.outer.path().join("ghi-chu/viec-can-lam.txt")).unwrap(),
        "không được xóa"
    );
}
