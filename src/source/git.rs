//! What the build reads from git: the date each content file last changed
//! (the feed's `updated` when the front matter gives none), and the content
//! of an issued version at its revision (`[[versions]]`). Every command
//! runs with the machine's and the user's git configuration ignored, so
//! that a build gives the same result on every machine; outside a git
//! repository (or without git) there are no dates, never the build's clock
//! time.

use crate::diagnostics::{Code, Diagnostic};
use crate::model::IsoDate;
use crate::project::{MAX_FILE_BYTES, Project};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// `git -C root`, with no system or global configuration, no pager, no
/// prompt, no optional locks and untranslated messages.
pub fn command(root: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(root)
        .args(["--no-pager", "--no-replace-objects", "-c", "core.quotePath=false"])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", if cfg!(windows) { "NUL" } else { "/dev/null" })
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("LC_ALL", "C");
    for variable in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE"] {
        command.env_remove(variable);
    }
    command
}

/// Path (relative to the project folder) → date of the latest commit that
/// changed it; none for a project held in memory.
/// Renames are followed: a file moved without change (the project moved
/// to another folder of its repository, an entry file renamed) keeps the
/// date of its last change under its former name. So the whole history is
/// read, not only `dir`'s, and the paths git prints from the repository's
/// top are made relative to `root` again.
pub fn last_commit_dates(project: &Project, dir: &str) -> HashMap<String, IsoDate> {
    let Some(root) = project.folder() else { return HashMap::new() };
    let run = |args: &[&str]| command(root).args(args).output().ok().filter(|o| o.status.success());
    let Some(prefix) = run(&["rev-parse", "--show-prefix"]) else { return HashMap::new() };
    let Some(log) = run(&["log", "--format=%x00%cs", "--name-status", "-M"]) else { return HashMap::new() };
    let prefix = String::from_utf8_lossy(&prefix.stdout).trim_end_matches('\n').to_string();
    let under = format!("{prefix}{dir}/");
    parse_log(&String::from_utf8_lossy(&log.stdout))
        .into_iter()
        .filter(|(path, _)| path.starts_with(&under))
        .map(|(path, date)| (path[prefix.len()..].to_string(), date))
        .collect()
}

/// Newest commits come first, so the first date seen for a file is its
/// last change. A rename with no change (`R100`) dates nothing; it tells
/// that older lines naming the former path speak of the file now named so.
fn parse_log(log: &str) -> HashMap<String, IsoDate> {
    let mut dates = HashMap::new();
    let mut now_named: HashMap<String, String> = HashMap::new();
    let mut current = None;
    for line in log.lines() {
        if let Some(date) = line.strip_prefix('\0') {
            current = IsoDate::parse(date);
            continue;
        }
        let Some(date) = current else { continue };
        let mut fields = line.split('\t');
        let (Some(status), Some(path)) = (fields.next(), fields.next()) else { continue };
        let named_now = |path: &str| now_named.get(path).cloned().unwrap_or_else(|| path.to_string());
        match (status.chars().next(), fields.next()) {
            (Some('R'), Some(new_path)) => {
                let name = named_now(new_path);
                if status != "R100" {
                    dates.entry(name.clone()).or_insert(date);
                }
                now_named.insert(path.to_string(), name);
            }
            (Some('D'), _) => {}
            _ => {
                dates.entry(named_now(path)).or_insert(date);
            }
        }
    }
    dates
}

/// What the project held at a revision, read from git: a project in
/// memory, and a diagnostic for each file over the working tree's size
/// limit, which is never read.
pub struct Snapshot {
    pub project: Project,
    pub refused: Vec<Diagnostic>,
}

/// What the project folder held at `revision`: the files under `read`
/// (project paths) with their bytes, the paths of the files under `names`
/// (listed, not read), and a diagnostic for each file over the working
/// tree's size limit ([`MAX_FILE_BYTES`]), which is never read. Read from
/// the repository's objects without touching the working tree. Symbolic
/// links are left out (a version's content is its files). Errors say, in
/// Vietnamese, that git is missing, that the project is in no repository
/// (or held in memory), that the history was cloned shallow, or that the
/// revision does not exist.
pub fn files_at(project: &Project, revision: &str, read: &[&str], names: &[&str]) -> Result<Snapshot, Diagnostic> {
    let config = crate::config::CONFIG_FILE;
    let not_a_repository = || {
        Diagnostic::error(
            Code::History,
            config,
            "Thư mục Danh mục không nằm trong một kho git: không đọc được các phiên bản đã ban hành.",
        )
        .hint("Các phiên bản ([[versions]] có revision) được đọc từ lịch sử git của thư mục Danh mục.")
    };
    let Some(root) = project.folder() else { return Err(not_a_repository()) };
    let run = |args: &[&str]| {
        command(root).args(args).output().map_err(|e| {
            Diagnostic::error(
                Code::History,
                config,
                format!("Không chạy được git: {}.", crate::diagnostics::io_message(&e)),
            )
            .hint("Cài git để đọc các phiên bản đã ban hành từ lịch sử.")
        })
    };
    // A revision that does not resolve is explained: not a repository, a
    // shallow clone (the tags' commits were not fetched), or no such name.
    let missing = || -> Result<Diagnostic, Diagnostic> {
        let shallow = run(&["rev-parse", "--is-shallow-repository"])?;
        Ok(if !shallow.status.success() {
            not_a_repository()
        } else if String::from_utf8_lossy(&shallow.stdout).trim() == "true" {
            Diagnostic::error(
                Code::History,
                config,
                format!(
                    "Kho git chỉ có lịch sử rút gọn (shallow clone): không có nội dung của phiên bản “{revision}”."
                ),
            )
            .hint("Lấy toàn bộ lịch sử: git fetch --unshallow --tags, hoặc trong CI đặt fetch-depth: 0.")
        } else {
            Diagnostic::error(Code::History, config, format!("Không tìm thấy phiên bản “{revision}” trong lịch sử git."))
                .hint("Kiểm tra revision trong [[versions]] (tên thẻ, ví dụ qd-1234-2026), và lấy các thẻ về: git fetch --tags.")
        })
    };
    let commit = format!("{revision}^{{commit}}");
    // `-l`: each blob's size comes with the listing, so an oversized one
    // is refused before a byte of it is read (a file of gigabytes of one
    // repeated line is a few megabytes in git).
    let mut args = vec!["ls-tree", "-r", "-l", "-z", commit.as_str(), "--"];
    args.extend_from_slice(read);
    args.extend_from_slice(names);
    let listing = run(&args)?;
    if !listing.status.success() {
        return Err(missing()?);
    }
    let listed = parse_listing(&listing.stdout);
    let under = |path: &str, dirs: &[&str]| dirs.iter().any(|d| path == *d || path.starts_with(&format!("{d}/")));
    let (listed, blobs): (Vec<_>, Vec<_>) = listed.into_iter().partition(|blob| under(&blob.path, names));
    let (blobs, oversized): (Vec<_>, Vec<_>) = blobs.into_iter().partition(|blob| blob.size <= MAX_FILE_BYTES);
    let refused = oversized.iter().map(|blob| too_large(revision, blob)).collect();
    let blobs = blobs.into_iter().map(|blob| (blob.object, blob.path)).collect();
    let files = read_blobs(root, blobs).map_err(|e| {
        Diagnostic::error(Code::History, config, format!("Không đọc được nội dung của phiên bản “{revision}”: {e}."))
    })?;
    let listed = listed.into_iter().map(|blob| blob.path).collect();
    Ok(Snapshot { project: Project::in_memory(files, listed), refused })
}

/// One file of a revision, as `git ls-tree -l` lists it.
struct Blob {
    object: String,
    size: u64,
    path: String,
}

/// "<mode> <type> <object> <size>\t<path>", each ended by NUL (the size
/// padded with spaces); symbolic links and submodules are left out.
fn parse_listing(listing: &[u8]) -> Vec<Blob> {
    listing
        .split(|&b| b == 0)
        .filter_map(|line| {
            let line = std::str::from_utf8(line).ok()?;
            let (meta, path) = line.split_once('\t')?;
            let mut meta = meta.split_ascii_whitespace();
            let (mode, kind, object, size) = (meta.next()?, meta.next()?, meta.next()?, meta.next()?);
            let blob = Blob { object: object.to_string(), size: size.parse().ok()?, path: path.to_string() };
            (kind == "blob" && mode != "120000").then_some(blob)
        })
        .collect()
}

/// The working tree's `file-too-large`, for a file of a revision.
fn too_large(revision: &str, blob: &Blob) -> Diagnostic {
    Diagnostic::error(
        Code::FileTooLarge,
        blob.path.as_str(),
        format!(
            "Tệp quá lớn ({} KiB, tối đa {} KiB) trong phiên bản “{revision}”, nên không được đọc.",
            blob.size / 1024,
            MAX_FILE_BYTES / 1024
        ),
    )
    .hint("Một CSDL chỉ cần vài trang văn bản. Thẻ của một Quyết định đã ban hành giữ nội dung đúng như khi ban hành, nên giữ nguyên thẻ; trang phiên bản vẫn ghi số và ngày của Quyết định, và muốn bỏ lỗi này thì xóa dòng revision của phiên bản trong danhmuc.toml.")
}

/// The commit each of `revisions` names now, in one `git cat-file
/// --batch-check`; None where git cannot say (no repository, no such
/// revision: reading it tells why).
pub fn commits(project: &Project, revisions: &[&str]) -> Vec<Option<String>> {
    let Some(root) = project.folder() else { return vec![None; revisions.len()] };
    let asked: String = revisions.iter().map(|r| format!("{r}^{{commit}}\n")).collect();
    let answer = command(root)
        .args(["cat-file", "--batch-check=%(objectname)"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .and_then(|mut child| {
            let mut stdin = child.stdin.take().expect("piped");
            // A few lines: the pipe holds them all, git answers once closed.
            stdin.write_all(asked.as_bytes())?;
            drop(stdin);
            child.wait_with_output()
        });
    let Some(answer) = answer.ok().filter(|a| a.status.success()) else { return vec![None; revisions.len()] };
    let lines: Vec<&str> = std::str::from_utf8(&answer.stdout).unwrap_or_default().lines().collect();
    (0..revisions.len())
        .map(|i| {
            let line = lines.get(i)?;
            (line.len() >= 40 && line.bytes().all(|b| b.is_ascii_hexdigit())).then(|| line.to_string())
        })
        .collect()
}

/// The contents of `blobs` ((object, path)), through one `git cat-file
/// --batch`: one process for a version, however many files it has.
fn read_blobs(root: &Path, blobs: Vec<(String, String)>) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    // --buffer: git writes its answers in large blocks, not one flush per
    // object (a thousand flushes made reading a version several times
    // slower).
    let mut child =
        command(root).args(["cat-file", "--batch", "--buffer"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?;
    let mut stdin = std::io::BufWriter::new(child.stdin.take().expect("piped"));
    let objects: Vec<String> = blobs.iter().map(|(object, _)| object.clone()).collect();
    // Written from a thread of its own: git answers while it reads, and a
    // full pipe either way would stop both.
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        for object in objects {
            writeln!(stdin, "{object}")?;
        }
        stdin.flush()
    });
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let mut files = Vec::with_capacity(blobs.len());
    for (_, path) in blobs {
        let mut header = String::new();
        out.read_line(&mut header)?;
        let size: usize = header
            .split(' ')
            .nth(2)
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("git cat-file: {}", header.trim())))?;
        // Listed within the limit; git's answer is held to it all the same.
        if size as u64 > MAX_FILE_BYTES {
            return Err(std::io::Error::other(format!("{path}: {size} bytes")));
        }
        let mut bytes = vec![0; size + 1];
        out.read_exact(&mut bytes)?;
        bytes.pop();
        files.push((path, bytes));
    }
    writer.join().map_err(|_| std::io::Error::other("git cat-file"))??;
    child.wait()?;
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_commit_wins() {
        let log =
            "\u{0}2026-06-02\n\nM\tcontent/csdl/a.md\n\u{0}2026-05-01\n\nA\tcontent/csdl/a.md\nA\tcontent/csdl/b.md\n";
        let dates = parse_log(log);
        assert_eq!(dates["content/csdl/a.md"].to_string(), "2026-06-02");
        assert_eq!(dates["content/csdl/b.md"].to_string(), "2026-05-01");
    }

    #[test]
    fn a_file_moved_without_change_keeps_its_last_change() {
        let log = "\u{0}2026-12-06\n\nR100\tcontent/csdl/a.md\tcatalog/content/csdl/a.md\n\
                   R087\tcontent/csdl/b.md\tcatalog/content/csdl/b.md\n\
                   \u{0}2026-11-28\n\nM\tcontent/csdl/a.md\n\
                   \u{0}2026-11-27\n\nA\tcontent/csdl/a.md\nA\tcontent/csdl/b.md\n";
        let dates = parse_log(log);
        assert_eq!(dates["catalog/content/csdl/a.md"].to_string(), "2026-11-28", "moved as it was");
        assert_eq!(dates["catalog/content/csdl/b.md"].to_string(), "2026-12-06", "moved and changed");
    }

    #[test]
    fn a_listing_gives_each_blob_its_size_and_leaves_links_out() {
        let listing = b"100644 blob aaa     1380334\tcontent/csdl/a.md\x00120000 blob bbb      12\tcontent/link.md\x00160000 commit ccc       -\tcontent/sub\x00";
        let blobs = parse_listing(listing);
        assert_eq!(blobs.len(), 1);
        assert_eq!(
            (blobs[0].object.as_str(), blobs[0].size, blobs[0].path.as_str()),
            ("aaa", 1_380_334, "content/csdl/a.md")
        );
    }
}
