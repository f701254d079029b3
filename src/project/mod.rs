//! The one door into a project: every input a build reads (`danhmuc.toml`,
//! `content/`, the project's `templates/` and `static/`, the text quoted
//! under a diagnostic, and a version's files read from git) is read
//! through a [`Project`], opened once per command. Only the door knows
//! what lies inside the project; readers name project paths
//! ("content/csdl/a.md"), never a path on the disk.
//!
//! A project is a folder ([`Project::open`]) or files held in memory
//! ([`Project::in_memory`]: a version read from git's objects), read alike,
//! so that a version is loaded by the same code as the working tree.
//!
//! In a folder, the door keeps the rules on what may be read: the rule on
//! links, pipes and names ([`rule`]) decides before anything is opened and
//! says why it refuses; every file is then opened through a cap-std
//! [`Dir`](cap_std::fs::Dir) holding the project folder, which by itself
//! cannot open anything outside it (no `..` out of it, no link leading
//! out, even one swapped in between the rule's look and the opening), and
//! opens nothing that is not a file or a folder. Files the build parses
//! are held to [`MAX_FILE_BYTES`]; the files of `static/`, published as
//! they are, are not. Each refusal is a diagnostic naming the path: an
//! `outside-project` error for a link that leads outside the project or
//! into `.git`, `not-a-file` for a named pipe, `bad-file-name` for a name
//! no site path can take, `file-too-large` past the limit.

mod rule;

pub use rule::{Refused, Why};

use crate::diagnostics::{Code, Diagnostic, Report};
use std::collections::BTreeMap;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

/// Files larger than this are refused, in the working tree and in a
/// version's revision alike: no catalog entry comes near it, and it bounds
/// the memory and time a mistaken or hostile file can cost.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// A project, opened: where every input is read.
pub enum Project {
    /// The project folder on the disk.
    Folder(Folder),
    /// A project's files held in memory, as a version's are read from git.
    Memory(Memory),
}

/// A project folder, opened once.
pub struct Folder {
    /// The folder as the user named it: where git runs, and where notices
    /// are watched for.
    root: PathBuf,
    /// The folder itself; None when it cannot be opened (it does not
    /// exist): then nothing is inside, and each reader says what it misses.
    dir: Option<cap_std::fs::Dir>,
}

/// A project's files held in memory, by project path.
#[derive(Default)]
pub struct Memory {
    files: BTreeMap<String, Vec<u8>>,
    /// Files known by name only (a version's `static/`, which links may
    /// point to but which is never read).
    listed: Vec<String>,
}

impl Project {
    /// Opens the project folder `root`. A folder that cannot be opened is
    /// an empty project: `check` then says what it misses, in its words.
    pub fn open(root: &Path) -> Project {
        let dir = cap_std::fs::Dir::open_ambient_dir(root, cap_std::ambient_authority()).ok();
        Project::Folder(Folder { root: root.to_path_buf(), dir })
    }

    /// A project held in memory: `files` with their bytes, `listed` by
    /// name only.
    pub fn in_memory(files: Vec<(String, Vec<u8>)>, listed: Vec<String>) -> Project {
        Project::Memory(Memory { files: files.into_iter().collect(), listed })
    }

    /// The project folder, where git keeps its history; None in memory.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            Project::Folder(folder) => Some(&folder.root),
            Project::Memory(_) => None,
        }
    }

    /// The project path of `path`, a path on the disk inside the folder
    /// (a change `serve` was told of), `/`-separated.
    pub fn path_of(&self, path: &Path) -> String {
        rule::relative(self.folder().unwrap_or(Path::new("")), path)
    }

    /// Checks the project path `rel` from the root down: an error naming
    /// what on the way may not be read.
    pub fn check(&self, rel: &str) -> Result<(), Diagnostic> {
        match self {
            Project::Folder(folder) => match rule::refused(&folder.root, rel) {
                Some(refused) => Err(refusal(&refused)),
                None => Ok(()),
            },
            Project::Memory(_) => Ok(()),
        }
    }

    /// Whether anything (a file, a folder, a link, wherever it leads) is
    /// at the project path `rel`.
    pub fn has(&self, rel: &str) -> bool {
        match self {
            Project::Folder(folder) => std::fs::symlink_metadata(folder.root.join(rel)).is_ok(),
            Project::Memory(memory) => memory.names().any(|name| name == rel) || memory.has_folder(rel),
        }
    }

    /// Whether the project path `rel` is a regular file itself, not a link.
    pub fn is_plain_file(&self, rel: &str) -> bool {
        match self {
            Project::Folder(folder) => std::fs::symlink_metadata(folder.root.join(rel)).is_ok_and(|m| m.is_file()),
            Project::Memory(memory) => memory.files.contains_key(rel),
        }
    }

    /// Whether the project path `rel` is a folder (a link to one counts).
    pub fn is_folder(&self, rel: &str) -> bool {
        match self {
            Project::Folder(folder) => folder.root.join(rel).is_dir(),
            Project::Memory(memory) => memory.has_folder(rel),
        }
    }

    /// Whether nothing of the project path `rel` exists (a missing file
    /// means the defaults for some inputs), as opposed to something there
    /// that cannot be looked at.
    pub fn lacks(&self, rel: &str) -> bool {
        match self {
            Project::Folder(folder) => {
                std::fs::symlink_metadata(folder.root.join(rel)).is_err_and(|e| e.kind() == io::ErrorKind::NotFound)
            }
            Project::Memory(_) => !self.has(rel),
        }
    }

    /// The regular files under the project folder `dir`, as project paths
    /// sorted by name; what cannot or may not be read is reported. A
    /// missing folder has none.
    pub fn files_under(&self, dir: &str, report: &mut Report) -> Vec<String> {
        let folder = match self {
            Project::Folder(folder) => folder,
            Project::Memory(memory) => return memory.files_under(dir),
        };
        let walk = rule::files_under(&folder.root, dir);
        report.extend(walk.refused.iter().map(refusal).collect());
        for (path, error) in &walk.unreadable {
            let reason = crate::diagnostics::io_message(error);
            report.push(Diagnostic::error(Code::Io, path, format!("Không đọc được: {reason}.")));
        }
        walk.files
    }

    /// The bytes of the file at `rel`, a path the rule allows (from
    /// [`Project::files_under`], or checked with [`Project::check`]), held
    /// to [`MAX_FILE_BYTES`]: a file the build parses.
    pub fn read(&self, rel: &str) -> Result<Vec<u8>, Diagnostic> {
        let read = match self {
            Project::Folder(folder) => folder.read_at_most(rel, MAX_FILE_BYTES),
            Project::Memory(memory) => memory.get(rel).map(|bytes| (bytes.len() as u64, bytes.to_vec())),
        };
        let (size, bytes) = read.map_err(|e| {
            let reason = crate::diagnostics::io_message(&e);
            Diagnostic::error(Code::Io, rel, format!("Không đọc được tệp: {reason}."))
        })?;
        if size > MAX_FILE_BYTES {
            return Err(Diagnostic::error(
                Code::FileTooLarge,
                rel,
                format!("Tệp quá lớn ({} KiB, tối đa {} KiB).", size / 1024, MAX_FILE_BYTES / 1024),
            )
            .hint("Một CSDL chỉ cần vài trang văn bản; kiểm tra xem có dán nhầm nội dung khác vào không."));
        }
        Ok(bytes)
    }

    /// The whole file at `rel`, a path the rule allows, whatever its
    /// size: a file published as it is (`static/`) or a template.
    pub fn read_whole(&self, rel: &str) -> io::Result<Vec<u8>> {
        match self {
            Project::Folder(folder) => folder.read_at_most(rel, u64::MAX).map(|(_, bytes)| bytes),
            Project::Memory(memory) => memory.get(rel).map(<[u8]>::to_vec),
        }
    }
}

impl crate::diagnostics::Quoted for Project {
    /// Read only through a path the rule allows, so that an excerpt never
    /// prints what a link points to.
    fn text_of(&self, file: &str) -> Option<String> {
        if self.check(file).is_err() {
            return None;
        }
        let bytes = self.read_whole(file).ok()?;
        let text = String::from_utf8_lossy(&bytes);
        Some(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
    }
}

impl Folder {
    /// Opens `rel` through the folder's handle: nothing outside the
    /// project can be opened, nor anything but a file or a folder.
    fn open(&self, rel: &str) -> io::Result<cap_std::fs::File> {
        let dir = self.dir.as_ref().ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
        let mut options = cap_std::fs::OpenOptions::new();
        options.read(true);
        // A pipe swapped in after the rule looked must not hold the build.
        #[cfg(unix)]
        cap_std::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
        let file = match dir.open_with(rel, &options) {
            // cap-std follows no link with an absolute target; one the rule
            // found to stay inside is opened where it leads.
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                dir.open_with(rule::inside_path(&self.root, rel).ok_or(e)?, &options)?
            }
            opened => opened?,
        };
        let kind = file.metadata()?.file_type();
        if !kind.is_file() && !kind.is_dir() {
            return Err(io::Error::other("không phải tệp thông thường"));
        }
        Ok(file)
    }

    /// The file's size and its first `limit + 1` bytes at most: opened
    /// once, its size asked of the open file (one system call fewer per
    /// file than asking the path and then reading it).
    fn read_at_most(&self, rel: &str, limit: u64) -> io::Result<(u64, Vec<u8>)> {
        let file = self.open(rel)?;
        let size = file.metadata()?.len();
        let mut bytes = Vec::with_capacity(size.min(limit) as usize + 1);
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
        Ok((size.max(bytes.len() as u64), bytes))
    }
}

impl Memory {
    fn get(&self, rel: &str) -> io::Result<&[u8]> {
        self.files.get(rel).map(Vec::as_slice).ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    }

    fn names(&self) -> impl Iterator<Item = &String> {
        self.files.keys().chain(&self.listed)
    }

    fn has_folder(&self, rel: &str) -> bool {
        let prefix = format!("{rel}/");
        self.names().any(|name| name.starts_with(&prefix))
    }

    fn files_under(&self, dir: &str) -> Vec<String> {
        let prefix = format!("{dir}/");
        let mut files: Vec<String> = self.names().filter(|name| name.starts_with(&prefix)).cloned().collect();
        files.sort();
        files
    }
}

/// The error for a project path that is not read.
pub fn refusal(refused: &Refused) -> Diagnostic {
    let path = refused.path.as_str();
    match refused.why {
        Why::Outside => Diagnostic::error(
            Code::OutsideProject,
            path,
            format!(
                "“{path}” là liên kết tượng trưng (symlink) trỏ ra ngoài thư mục Danh mục hoặc tới chỗ không có; danhmuc không đọc gì ở ngoài thư mục Danh mục."
            ),
        )
        .hint("Thay liên kết bằng tệp hoặc thư mục thật nằm trong thư mục Danh mục (sao chép nội dung vào), rồi chạy lại."),
        Why::Git => Diagnostic::error(
            Code::OutsideProject,
            path,
            format!(
                "“{path}” là liên kết tượng trưng (symlink) trỏ vào thư mục .git, nơi git giữ cấu hình của kho (có khi cả mã truy cập); danhmuc không bao giờ đọc hay xuất bản gì trong .git."
            ),
        )
        .hint("Xóa liên kết này; nếu cần một tệp của kho trên trang, sao chép tệp đó vào static/."),
        Why::NotAFile => Diagnostic::error(
            Code::NotAFile,
            path,
            format!("“{path}” không phải tệp thông thường hay thư mục (có thể là ống dẫn có tên, socket hoặc thiết bị); danhmuc không mở nó."),
        )
        .hint("Xóa nó khỏi thư mục Danh mục, hoặc thay bằng một tệp thật."),
        Why::BadName => Diagnostic::error(
            Code::BadFileName,
            path,
            format!("Tên “{path}” không dùng được làm đường dẫn trên trang: có dấu gạch chéo ngược (\\), ký tự điều khiển hoặc không phải UTF-8."),
        )
        .hint("Đổi tên tệp hoặc thư mục, chỉ dùng chữ, số, dấu gạch ngang (-), gạch dưới (_), dấu chấm và gạch chéo (/) giữa các thư mục."),
    }
}
