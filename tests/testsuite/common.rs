//! Helpers shared by the integration tests: a copy of the real project in a
//! temporary folder, running the CLI, reading the built site.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root: the tool's sources, its theme and its tests.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real catalog's project folder.
pub fn real_catalog() -> PathBuf {
    repo_root().join("catalog")
}

/// The built-in theme's sources, compiled into the binary.
pub fn theme() -> PathBuf {
    repo_root().join("theme")
}

/// A throwaway copy of the real project (its configuration and content),
/// so tests can break files without touching the repository.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn real() -> Project {
        let dir = tempfile::tempdir().unwrap();
        for item in ["danhmuc.toml", "content"] {
            copy_recursively(&real_catalog().join(item), &dir.path().join(item));
        }
        Project { dir }
    }

    /// A copy of the small valid catalog in `tests/fixtures/small`.
    pub fn small() -> Project {
        let dir = tempfile::tempdir().unwrap();
        copy_recursively(&repo_root().join("tests/fixtures/small"), dir.path());
        Project { dir }
    }

    /// Copies every file of `overlay` over the project (same relative paths).
    pub fn overlay(&self, overlay: &Path) {
        copy_recursively(overlay, self.root());
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn site(&self) -> PathBuf {
        self.root().join("site")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// The entry file whose name starts with `prefix` (e.g. "a-18").
    pub fn entry_file(&self, prefix: &str) -> PathBuf {
        let dir = self.path("content/csdl");
        let mut matches: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .collect();
        assert_eq!(matches.len(), 1, "one file should start with {prefix}");
        matches.pop().unwrap()
    }

    /// Copies a file of the built-in theme (`templates/entry.html`,
    /// `assets/site.js`) into the project at `rel`, where it overrides the
    /// built-in one; returns its path.
    pub fn copy_from_theme(&self, theme_file: &str, rel: &str) -> PathBuf {
        let to = self.path(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(theme().join(theme_file), &to).unwrap();
        to
    }

    /// Appends `toml` to the project's `danhmuc.toml`.
    pub fn add_config(&self, toml: &str) {
        let config = self.path("danhmuc.toml");
        let text = std::fs::read_to_string(&config).unwrap_or_default();
        std::fs::write(&config, text + toml).unwrap();
    }

    /// Replaces the first occurrence of `from` in a file; panics if absent so
    /// a test never silently tests nothing.
    pub fn edit(&self, file: &Path, from: &str, to: &str) {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(text.contains(from), "{from:?} not in {}", file.display());
        std::fs::write(file, text.replacen(from, to, 1)).unwrap();
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_danhmuc"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .output()
            .expect("danhmuc runs");
        Run::from(output)
    }

    /// Runs the CLI as editors do: from the project folder, with no
    /// `--root` (the default `.`).
    pub fn run_here(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_danhmuc"))
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("danhmuc runs");
        Run::from(output)
    }

    pub fn build(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// Every file of the published site with its bytes, to compare a site
    /// before and after a build.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        files_under(&self.site())
            .into_iter()
            .map(|f| {
                let bytes = std::fs::read(self.site().join(&f)).unwrap();
                (f, bytes)
            })
            .collect()
    }

    /// Publishing leaves no `site.tmp-…` or `site.old-…` folder behind.
    pub fn assert_no_temporary_folders(&self) {
        let leftovers: Vec<String> = std::fs::read_dir(self.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("site."))
            .collect();
        assert!(leftovers.is_empty(), "temporary folders left behind: {leftovers:?}");
    }

    pub fn read_site(&self, rel: &str) -> String {
        std::fs::read_to_string(self.site().join(rel)).unwrap_or_else(|e| panic!("site/{rel}: {e}"))
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }
}

pub fn copy_recursively(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy_recursively(&entry.path(), &to.join(entry.file_name()));
        }
    } else if from.is_file() {
        std::fs::copy(from, to).unwrap();
    }
}

/// Every file under `dir`, as sorted relative paths.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> =
        walk(dir).into_iter().map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/")).collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Values of `attr="…"` attributes in an HTML page.
pub fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let start = i + needle.len();
            let end = start + html[start..].find('"').unwrap();
            &html[start..end]
        })
        .collect()
}

/// The transcription of the decision's appendix the tests compare with,
/// kept in the repository (`tests/reference/`).
pub fn appendix_transcription() -> serde_json::Value {
    let path = repo_root().join("tests/reference/appendix-transcription.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// What `danhmuc serve` says on stderr about its first build, from the
/// project folder, when that build fails (it goes on serving; the test
/// stops it). A first build that never ends fails the test after two
/// minutes instead of holding it.
pub fn serve_first_build_errors(project: &Project) -> String {
    use std::io::BufRead as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_danhmuc"))
        .args(["serve", "--port", "0"])
        .current_dir(project.root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("danhmuc runs");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut said = String::new();
        for line in std::io::BufReader::new(stderr).lines().map_while(Result::ok) {
            said.push_str(&line);
            said.push('\n');
            if line.starts_with("Sửa lỗi rồi lưu lại") {
                break;
            }
        }
        let _ = tx.send(said);
    });
    let said = rx.recv_timeout(std::time::Duration::from_secs(120));
    let _ = child.kill();
    let _ = child.wait();
    said.expect("serve's first build ended and said what was wrong")
}

/// Runs the CLI from the project folder like [`Project::run_here`], but a
/// run that has not ended after two minutes (a hang) is killed and fails
/// the test instead of holding it.
pub fn run_guarded(project: &Project, args: &[&str]) -> Run {
    let child = Command::new(env!("CARGO_BIN_EXE_danhmuc"))
        .args(args)
        .current_dir(project.root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("danhmuc runs");
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(120)) {
        Ok(output) => Run::from(output.expect("danhmuc ran")),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            panic!("danhmuc {args:?} never ended");
        }
    }
}
