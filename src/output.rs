//! The site writer. A build hands its files, from any thread, to a
//! [`Sink`]: either [`SiteFiles`] (kept in memory, for the live preview and
//! tests) or [`Staging`], which writes each file at once into a temporary
//! folder beside the output folder, so the site is never held in memory
//! whole.
//!
//! Publishing swaps the complete staging folder with the output folder by
//! renames, so a reader (or a web server) never sees a half-written site,
//! and a failed build leaves the previous site exactly as it was: the
//! staging folder is removed unless it was published.

use anyhow::{Context as _, Result, bail};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// Where a build puts its files. Paths come from validated slugs and fixed
/// names; one that could leave the site folder is a bug, so `add` panics.
/// Adding a path twice replaces the first file.
pub trait Sink: Sync {
    fn add(&self, path: &str, bytes: Vec<u8>);
    /// Adds a file that `write` produces piece by piece: the exports of a
    /// large catalog run to hundreds of megabytes, which a file on disk
    /// need not hold in memory at once.
    fn add_written(&self, path: &str, write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>) {
        let mut bytes = Vec::new();
        write(&mut bytes).expect("writing to memory");
        self.add(path, bytes);
    }
    /// The paths added so far, sorted.
    fn paths(&self) -> Vec<String>;
}

/// The files of a built site held in memory, by path relative to the site
/// root, sorted so that output is deterministic.
#[derive(Debug, Default)]
pub struct SiteFiles {
    files: BTreeMap<String, Vec<u8>>,
}

impl SiteFiles {
    /// Adds or replaces a file (see [`Sink`]).
    pub fn add(&mut self, path: &str, bytes: Vec<u8>) {
        assert!(is_safe_relative(path), "unsafe output path {path:?}");
        self.files.insert(path.to_string(), bytes);
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn total_bytes(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }

    /// The files, by path.
    pub fn into_files(self) -> impl Iterator<Item = (String, Vec<u8>)> {
        self.files.into_iter()
    }

    /// Writes the site to `out_dir`, replacing what was there only once the
    /// new copy is complete.
    pub fn publish(&self, out_dir: &Path, project_root: &Path) -> Result<()> {
        let staging = Staging::begin(out_dir, project_root)?;
        use rayon::prelude::*;
        self.files.par_iter().for_each(|(path, bytes)| staging.add(path, bytes.clone()));
        staging.publish().map(drop)
    }
}

/// A sink that collects files in memory, for builds that are served from
/// memory (the live preview) or inspected (tests).
impl Sink for Mutex<SiteFiles> {
    fn add(&self, path: &str, bytes: Vec<u8>) {
        self.lock().expect("site files").add(path, bytes);
    }

    fn paths(&self) -> Vec<String> {
        self.lock().expect("site files").paths().map(str::to_string).collect()
    }
}

/// What a published site holds, and what publishing found on its way.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub files: usize,
    pub pages: usize,
    pub bytes: u64,
    /// Staging folders of earlier builds that died (killed, power lost)
    /// before they could clean up, removed by this one.
    pub leftovers_removed: usize,
}

/// A site being written into `NAME.tmp-PID` beside the output folder
/// `NAME`. [`Staging::publish`] exchanges the two folders in one atomic
/// step; dropped without it, the staging folder is removed and the site is
/// unchanged. A build killed at any moment leaves at most its own staging
/// folder, which the next build removes.
///
/// A file whose bytes equal those already published is hard-linked from
/// the published copy instead of written: on a disk, an unchanged
/// 10,000-entry rebuild took 3.2–3.5 s this way against 6.5–7.2 s writing
/// every file anew (docs/design.md).
pub struct Staging {
    out_dir: PathBuf,
    dir: PathBuf,
    /// The published site, whose unchanged files are linked, not written.
    previous: Option<PathBuf>,
    /// Where the previous site goes on systems without an atomic exchange.
    retired: PathBuf,
    leftovers_removed: usize,
    /// Path and size of every file written, for the sitemap and summary
    /// (hashed: a sorted map compared long shared prefixes on every one of
    /// a large site's hundreds of thousands of files).
    listing: Mutex<HashMap<String, u64, foldhash::fast::RandomState>>,
    /// Folders made so far, by their path in the site ("" is the root):
    /// a string hashes in one go, a `Path` component by component.
    folders: Mutex<HashSet<String, foldhash::fast::RandomState>>,
    /// The first write that failed; `publish` reports it.
    error: Mutex<Option<anyhow::Error>>,
    published: bool,
}

/// An I/O failure told in Vietnamese: what could not be done, where, and
/// why (see [`crate::diagnostics::io_message`]).
fn failed(what: &str, path: &Path, error: std::io::Error) -> anyhow::Error {
    anyhow::anyhow!("không {what} {}: {}", path.display(), crate::diagnostics::io_message(&error))
}

impl Staging {
    /// Prepares an empty staging folder for a site to be published at
    /// `out_dir`, after removing what dead builds left beside it. Refused
    /// if that would replace the project, or write through a link.
    pub fn begin(out_dir: &Path, project_root: &Path) -> Result<Staging> {
        check_output_dir(out_dir, project_root)?;
        let name = out_dir.file_name().context("thư mục đầu ra không có tên")?.to_string_lossy().into_owned();
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| failed("tạo được thư mục", &parent, e))?;
        let leftovers_removed = remove_leftovers(&parent, &name);
        let pid = std::process::id();
        let dir = parent.join(format!("{name}.tmp-{pid}"));
        let retired = parent.join(format!("{name}.old-{pid}"));
        // Folders of a dead build that had this process's id.
        remove_if_exists(&dir)?;
        remove_if_exists(&retired)?;
        std::fs::create_dir(&dir).map_err(|e| failed("tạo được thư mục tạm", &dir, e))?;
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            previous: out_dir.is_dir().then(|| out_dir.to_path_buf()),
            retired,
            leftovers_removed,
            dir,
            listing: Mutex::default(),
            folders: Mutex::new(HashSet::from_iter([String::new()])),
            error: Mutex::default(),
            published: false,
        })
    }

    /// The staging path for `path`, its folder made and any earlier
    /// version removed (it may be a hard link to the published file:
    /// writing through it would change the published site).
    fn target(&self, path: &str, replaces: bool) -> Result<PathBuf> {
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        if !self.folders.lock().expect("folders").contains(folder) {
            let made = self.dir.join(folder);
            std::fs::create_dir_all(&made).map_err(|e| failed("tạo được thư mục", &made, e))?;
            self.folders.lock().expect("folders").insert(folder.to_string());
        }
        let target = self.dir.join(path);
        if replaces {
            std::fs::remove_file(&target).map_err(|e| failed("thay được", &target, e))?;
        }
        Ok(target)
    }

    fn write(&self, path: &str, bytes: &[u8], replaces: bool) -> Result<u64> {
        let target = self.target(path, replaces)?;
        let linked = self
            .previous
            .as_ref()
            .map(|p| p.join(path))
            .is_some_and(|old| unchanged(&old, bytes) && std::fs::hard_link(&old, &target).is_ok());
        if !linked {
            std::fs::write(&target, bytes).map_err(|e| failed("ghi được", &target, e))?;
        }
        Ok(bytes.len() as u64)
    }

    /// Writes a streamed file, then swaps in a hard link to the published
    /// copy if the two are the same, as [`Staging::write`] does.
    fn write_streamed(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
        replaces: bool,
    ) -> Result<u64> {
        use std::io::Write as _;
        let target = self.target(path, replaces)?;
        let file = std::fs::File::create(&target).map_err(|e| failed("ghi được", &target, e))?;
        let mut file = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut file).and_then(|()| file.flush()).map_err(|e| failed("ghi được", &target, e))?;
        let file = file.into_inner().map_err(|e| failed("ghi được", &target, e.into_error()))?;
        let size = file.metadata().map_err(|e| failed("đọc được", &target, e))?.len();
        drop(file);
        if let Some(old) = self.previous.as_ref().map(|p| p.join(path))
            && same_files(&old, &target)
        {
            let link =
                target.with_file_name(format!(".{}.link", target.file_name().unwrap_or_default().to_string_lossy()));
            if std::fs::hard_link(&old, &link).is_ok() {
                std::fs::rename(&link, &target).map_err(|e| failed("thay được", &target, e))?;
            }
        }
        Ok(size)
    }

    /// Records `path` in the listing and runs `write`, keeping the first
    /// error for `publish`.
    fn put_with(&self, path: &str, write: impl FnOnce(bool) -> Result<u64>) {
        assert!(is_safe_relative(path), "unsafe output path {path:?}");
        if self.error.lock().expect("error").is_some() {
            return;
        }
        let replaces = self.listing.lock().expect("listing").insert(path.to_string(), 0).is_some();
        match write(replaces) {
            Ok(size) => {
                self.listing.lock().expect("listing").insert(path.to_string(), size);
            }
            Err(e) => {
                self.error.lock().expect("error").get_or_insert(e);
            }
        }
    }

    /// Puts the complete staging folder in place of the output folder, in
    /// one atomic exchange where the system has one (Linux), so that the
    /// output path never stops holding a whole site. The previous site is
    /// removed afterwards; if that fails, the new site is published all
    /// the same and the error says what is left.
    pub fn publish(mut self) -> Result<Summary> {
        if let Some(e) = self.error.lock().expect("error").take() {
            return Err(e);
        }
        let listing = std::mem::take(&mut *self.listing.lock().expect("listing"));
        let summary = Summary {
            files: listing.len(),
            pages: listing.keys().filter(|p| p.ends_with(".html")).count(),
            bytes: listing.values().sum(),
            leftovers_removed: self.leftovers_removed,
        };
        if std::fs::symlink_metadata(&self.out_dir).is_err() {
            std::fs::rename(&self.dir, &self.out_dir).map_err(|e| failed("xuất bản được vào", &self.out_dir, e))?;
            self.published = true;
            return Ok(summary);
        }
        // After the exchange the staging path holds the previous site.
        let old = if exchange(&self.dir, &self.out_dir).is_ok() {
            self.dir.clone()
        } else {
            std::fs::rename(&self.out_dir, &self.retired)
                .map_err(|e| failed("chuyển được bản cũ ra khỏi", &self.out_dir, e))?;
            if let Err(e) = std::fs::rename(&self.dir, &self.out_dir) {
                // Put the previous site back rather than leave nothing.
                let _ = std::fs::rename(&self.retired, &self.out_dir);
                return Err(failed("xuất bản được vào", &self.out_dir, e));
            }
            self.retired.clone()
        };
        self.published = true;
        if let Err(e) = std::fs::remove_dir_all(&old) {
            eprintln!(
                "Cảnh báo: trang mới đã xuất bản, nhưng {}; bản cũ còn ở đó, hãy xóa thư mục này.",
                failed("xóa được bản cũ", &old, e)
            );
        }
        Ok(summary)
    }
}

impl Sink for Staging {
    fn add(&self, path: &str, bytes: Vec<u8>) {
        self.put_with(path, |replaces| self.write(path, &bytes, replaces));
    }

    fn add_written(&self, path: &str, write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>) {
        self.put_with(path, |replaces| self.write_streamed(path, write, replaces));
    }

    fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self.listing.lock().expect("listing").keys().cloned().collect();
        paths.sort_unstable();
        paths
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Whether the file at `path` holds exactly `bytes` (size first: cheap;
/// then read piece by piece, never whole).
fn unchanged(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read as _;
    thread_local! {
        // One buffer per thread: a fresh zeroed 64 KiB buffer per file
        // cost jemalloc an madvise and a TLB flush each time, 13 % of a
        // 100,000-entry rebuild.
        static BUFFER: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(vec![0; 1 << 16]);
    }
    if !std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64) {
        return false;
    }
    let Ok(mut old) = std::fs::File::open(path) else { return false };
    BUFFER.with_borrow_mut(|buffer| {
        bytes.chunks(buffer.len()).all(|piece| {
            let read = &mut buffer[..piece.len()];
            old.read_exact(read).is_ok() && read == piece
        })
    })
}

/// Whether two files hold the same bytes (sizes first, then read side by
/// side in pieces).
fn same_files(a: &Path, b: &Path) -> bool {
    use std::io::Read as _;
    let size = |p: &Path| std::fs::symlink_metadata(p).ok().filter(|m| m.is_file()).map(|m| m.len());
    if size(a).is_none() || size(a) != size(b) {
        return false;
    }
    let (Ok(mut a), Ok(mut b)) = (std::fs::File::open(a), std::fs::File::open(b)) else { return false };
    let (mut left, mut right) = (vec![0; 1 << 16], vec![0; 1 << 16]);
    loop {
        let read = match a.read(&mut left) {
            Ok(0) => return true,
            Ok(n) => n,
            Err(_) => return false,
        };
        if b.read_exact(&mut right[..read]).is_err() || left[..read] != right[..read] {
            return false;
        }
    }
}

/// Swaps two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt as _;
    let c_path = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c_path(a)?, c_path(b)?);
    // SAFETY: two valid NUL-terminated paths, relative to the working folder.
    let done =
        unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    if done == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
}

/// Elsewhere the two renames of the fallback are used.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Removes the `NAME.tmp-PID` and `NAME.old-PID` folders in `parent` whose
/// build is no longer running; returns how many it removed. A folder of a
/// build still running is never touched.
fn remove_leftovers(parent: &Path, name: &str) -> usize {
    let Ok(items) = std::fs::read_dir(parent) else { return 0 };
    let mut removed = 0;
    for item in items.flatten() {
        let file_name = item.file_name().to_string_lossy().into_owned();
        let Some(pid) = [".tmp-", ".old-"]
            .iter()
            .find_map(|mark| file_name.strip_prefix(name)?.strip_prefix(mark))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let is_folder = item.file_type().is_ok_and(|t| t.is_dir());
        if is_folder && pid != std::process::id() && !process_alive(pid) && std::fs::remove_dir_all(item.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Whether a process `pid` runs (or may: where that cannot be asked, yes).
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return true };
    // SAFETY: signal 0 only asks whether the process exists.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn process_alive(_: u32) -> bool {
    true
}

fn remove_if_exists(path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok() {
        std::fs::remove_dir_all(path).map_err(|e| failed("xóa được", path, e))?;
    }
    Ok(())
}

/// Refuses an output folder whose replacement would destroy something:
/// publishing puts another folder in its place and deletes the old one.
/// Refused: a symbolic link (replacing it would leave the folder it points
/// to, a web server's root, unchanged, and publishing into its target
/// would let a committed link aim the deletion anywhere), a file, the
/// project or a folder holding it, a folder inside one the build reads
/// (`content/`, `templates/`, `static/`) or inside a git repository's
/// `.git`, another danhmuc project, and a folder that holds something other
/// than a site: only a missing or empty folder, or a previous site, is
/// replaced.
fn check_output_dir(out_dir: &Path, project_root: &Path) -> Result<()> {
    let shown = out_dir.display();
    if let Ok(meta) = std::fs::symlink_metadata(out_dir) {
        if meta.file_type().is_symlink() {
            let target = std::fs::read_link(out_dir).map(|t| t.display().to_string()).unwrap_or_default();
            bail!(
                "{shown} là liên kết tượng trưng (symlink) tới {target}; danhmuc không xuất bản qua liên kết. Dựng thẳng vào thư mục thật bằng --output {target}, hoặc xóa liên kết"
            );
        }
        if !meta.is_dir() {
            bail!("{shown} là một tệp, không phải thư mục; chọn thư mục khác bằng --output, hoặc xóa tệp đó");
        }
    }
    let out = resolved(out_dir);
    let root = resolved(project_root);
    if root.starts_with(&out) {
        bail!(
            "thư mục đầu ra {shown} là thư mục Danh mục hoặc chứa cả thư mục Danh mục, mà xuất bản sẽ thay cả thư mục ấy; chọn thư mục khác bằng --output, ví dụ site/ trong thư mục Danh mục (mặc định)"
        );
    }
    if let Some(input) = read_input_holding(out_dir, project_root).filter(|i| *i != ".git") {
        bail!(
            "thư mục đầu ra {shown} nằm trong “{input}/”, nơi danhmuc đọc nội dung của Danh mục, mà xuất bản sẽ thay và xóa chính những tệp ấy; chọn thư mục khác bằng --output, ví dụ site/ trong thư mục Danh mục (mặc định)"
        );
    }
    if out.components().any(|part| part.as_os_str() == ".git") {
        bail!(
            "thư mục đầu ra {shown} nằm trong “.git”, nơi git giữ lịch sử của kho, mà xuất bản sẽ thay và xóa những gì ở đó; chọn thư mục khác bằng --output, ví dụ site/ trong thư mục Danh mục (mặc định)"
        );
    }
    if out.join(crate::config::CONFIG_FILE).exists() || out.join(crate::source::CONTENT_DIR).is_dir() {
        bail!(
            "{shown} là một thư mục Danh mục khác (có danhmuc.toml), không phải trang đã dựng; chọn thư mục đầu ra khác bằng --output"
        );
    }
    if out.is_dir() && !is_empty_folder(&out) && !is_previous_site(&out) {
        bail!(
            "thư mục đầu ra {shown} đã có tệp mà không phải trang do danhmuc dựng (không có {} và {}); xuất bản sẽ thay và xóa cả thư mục, nên danhmuc không ghi vào đó. Chọn thư mục trống hoặc chưa có bằng --output, hoặc tự dọn trống thư mục ấy nếu thật sự muốn thay",
            crate::urls::HOME,
            crate::urls::CATALOG_JSON
        );
    }
    Ok(())
}

/// The folder the build reads (`content`, `templates`, `static`) or git's
/// `.git` that `path` lies in, if any: nothing danhmuc writes may land
/// there (`build --output`, `diff --format docx --output`).
pub fn read_input_holding(path: &Path, project_root: &Path) -> Option<&'static str> {
    let (out, root) = (resolved(path), resolved(project_root));
    for input in [crate::source::CONTENT_DIR, crate::source::TEMPLATES_DIR, crate::source::STATIC_DIR] {
        let folder = root.join(input);
        if out.starts_with(&folder) || out.starts_with(resolved(&folder)) {
            return Some(input);
        }
    }
    out.components().any(|part| part.as_os_str() == ".git").then_some(".git")
}

/// Whether `dir` holds a site an earlier build published: the home page
/// and `data/catalog.json`, which every build writes (docs/design.md,
/// "Atomic publish", says why these rather than a marker file).
fn is_previous_site(dir: &Path) -> bool {
    dir.join(crate::urls::HOME).is_file() && dir.join(crate::urls::CATALOG_JSON).is_file()
}

fn is_empty_folder(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut items| items.next().is_none())
}

/// `path` made absolute with the links of its existing part resolved; the
/// part that does not exist yet follows as written (`..` taken as the
/// folder above), so that two spellings of one folder compare equal.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let parts: Vec<Component> = absolute.components().collect();
    for known in (1..=parts.len()).rev() {
        let Ok(mut real) = std::fs::canonicalize(parts[..known].iter().collect::<PathBuf>()) else { continue };
        for part in &parts[known..] {
            match part {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(name) => real.push(name),
                _ => {}
            }
        }
        return real;
    }
    absolute
}

/// A relative path with no `..`, no root and no empty parts.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty() && !path.contains('\\') && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Publishing leaves no `site.tmp-…` or `site.old-…` folder beside it.
    fn only_the_site_is_left(dir: &Path) {
        let leftovers: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("site")]);
    }

    /// A site with the files by which a later build recognises it.
    fn a_site() -> SiteFiles {
        let mut files = SiteFiles::default();
        files.add(crate::urls::HOME, b"home".to_vec());
        files.add(crate::urls::CATALOG_JSON, b"[]".to_vec());
        files
    }

    #[test]
    fn only_plain_relative_paths_are_safe() {
        assert!(is_safe_relative("csdl/x/index.html"));
        for bad in ["", "../x", "/etc/passwd", "a/../../b", "a\\..\\b"] {
            assert!(!is_safe_relative(bad), "{bad}");
        }
    }

    #[test]
    fn publish_replaces_the_old_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        for old in ["old/stale.html", "index.html", "data/catalog.json"] {
            std::fs::create_dir_all(out.join(old).parent().unwrap()).unwrap();
            std::fs::write(out.join(old), "x").unwrap();
        }
        let mut files = SiteFiles::default();
        files.add("index.html", b"new".to_vec());
        files.add("csdl/a/index.html", b"a".to_vec());
        files.publish(&out, &dir.path().join("project")).unwrap();
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"new");
        assert!(!out.join("old").exists());
        only_the_site_is_left(dir.path());
    }

    #[cfg(unix)]
    #[test]
    fn a_rebuild_links_unchanged_files_and_writes_changed_ones() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let project = dir.path().join("project");
        let mut files = a_site();
        files.add("same.html", b"unchanged".to_vec());
        files.add("csdl/a/index.html", b"old".to_vec());
        files.publish(&out, &project).unwrap();
        let inode = |p: &str| std::fs::metadata(out.join(p)).unwrap().ino();
        let (same, changed) = (inode("same.html"), inode("csdl/a/index.html"));
        files.add("csdl/a/index.html", b"new".to_vec());
        files.publish(&out, &project).unwrap();
        assert_eq!(inode("same.html"), same, "unchanged file is the same inode, not rewritten");
        assert_ne!(inode("csdl/a/index.html"), changed);
        assert_eq!(std::fs::read(out.join("csdl/a/index.html")).unwrap(), b"new");
        assert_eq!(std::fs::read(out.join("same.html")).unwrap(), b"unchanged");
        only_the_site_is_left(dir.path());
    }

    #[cfg(unix)]
    #[test]
    fn replacing_a_linked_file_leaves_the_published_copy_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (out, project) = (dir.path().join("site"), dir.path().join("project"));
        let mut files = a_site();
        files.add("assets/style.css", b"built-in".to_vec());
        files.publish(&out, &project).unwrap();
        // Same bytes first (hard-linked from the published site), then a
        // project's own file of the same path replaces it.
        let staging = Staging::begin(&out, &project).unwrap();
        staging.add("assets/style.css", b"built-in".to_vec());
        staging.add("assets/style.css", b"project".to_vec());
        assert_eq!(std::fs::read(out.join("assets/style.css")).unwrap(), b"built-in");
        let summary = staging.publish().unwrap();
        assert_eq!((summary.files, summary.bytes), (1, 7));
        assert_eq!(std::fs::read(out.join("assets/style.css")).unwrap(), b"project");
    }

    #[test]
    fn a_streamed_file_is_written_whole_and_a_failed_one_not_published() {
        let dir = tempfile::tempdir().unwrap();
        let (out, project) = (dir.path().join("site"), dir.path().join("project"));
        let big: Vec<String> = (0..30_000).map(|i| format!("{{\"n\": {i}}},\n")).collect();
        a_site().publish(&out, &project).unwrap();
        let staging = Staging::begin(&out, &project).unwrap();
        staging.add_written("data/big.json", &mut |w| big.iter().try_for_each(|p| w.write_all(p.as_bytes())));
        staging.add(crate::urls::HOME, b"home".to_vec());
        staging.add(crate::urls::CATALOG_JSON, b"[]".to_vec());
        let summary = staging.publish().unwrap();
        assert_eq!(summary.bytes, big.concat().len() as u64 + 6);
        assert_eq!(std::fs::read_to_string(out.join("data/big.json")).unwrap(), big.concat());
        #[cfg(unix)]
        {
            // The same bytes again are linked from the published copy.
            use std::os::unix::fs::MetadataExt;
            let inode = || std::fs::metadata(out.join("data/big.json")).unwrap().ino();
            let first = inode();
            let staging = Staging::begin(&out, &project).unwrap();
            staging.add_written("data/big.json", &mut |w| big.iter().try_for_each(|p| w.write_all(p.as_bytes())));
            staging.add(crate::urls::HOME, b"home".to_vec());
            staging.add(crate::urls::CATALOG_JSON, b"[]".to_vec());
            staging.publish().unwrap();
            assert_eq!(inode(), first);
            let mut names: Vec<_> =
                std::fs::read_dir(out.join("data")).unwrap().map(|e| e.unwrap().file_name()).collect();
            names.sort();
            assert_eq!(names, ["big.json", "catalog.json"], "no temporary link is left");
        }
        let staging = Staging::begin(&out, &project).unwrap();
        staging.add_written("data/big.json", &mut |w| {
            w.write_all(b"{")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(staging.publish().is_err());
        assert_eq!(std::fs::read_to_string(out.join("data/big.json")).unwrap(), big.concat());
        only_the_site_is_left(dir.path());
    }

    /// Regression: a build killed between two renames left no `site/`,
    /// and killed builds' folders piled up beside it forever.
    #[cfg(unix)]
    #[test]
    fn leftovers_of_dead_builds_are_removed_and_a_running_builds_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (out, project) = (dir.path().join("site"), dir.path().join("project"));
        // A process that has ended: its id is free (until reused).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        for leftover in [format!("site.tmp-{dead}"), format!("site.old-{dead}")] {
            std::fs::create_dir_all(dir.path().join(&leftover).join("csdl")).unwrap();
        }
        // A build still running (this test's parent process, alive).
        let running = format!("site.tmp-{}", std::os::unix::process::parent_id());
        std::fs::create_dir(dir.path().join(&running)).unwrap();
        std::fs::create_dir(dir.path().join("site.tmp-notanumber")).unwrap();
        let staging = Staging::begin(&out, &project).unwrap();
        staging.add("index.html", b"new".to_vec());
        let summary = staging.publish().unwrap();
        assert_eq!(summary.leftovers_removed, 2);
        let mut left: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        let mut expected = vec!["site".to_string(), "site.tmp-notanumber".to_string(), running];
        left.sort();
        expected.sort();
        assert_eq!(left, expected);
    }

    #[cfg(unix)]
    #[test]
    fn an_output_that_is_a_link_or_a_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("project");
        let web_root = dir.path().join("www");
        std::fs::create_dir(&web_root).unwrap();
        std::fs::write(web_root.join("index.html"), "web").unwrap();
        let link = dir.path().join("site");
        std::os::unix::fs::symlink(&web_root, &link).unwrap();
        let error = Staging::begin(&link, &project).err().unwrap().to_string();
        assert!(error.contains("liên kết tượng trưng") && error.contains("--output"), "{error}");
        assert_eq!(std::fs::read_to_string(link.join("index.html")).unwrap(), "web");
        let file = dir.path().join("out");
        std::fs::write(&file, "x").unwrap();
        let error = Staging::begin(&file, &project).err().unwrap().to_string();
        assert!(error.contains("là một tệp"), "{error}");
    }

    #[test]
    fn an_unpublished_staging_folder_is_removed_and_the_site_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (out, project) = (dir.path().join("site"), dir.path().join("project"));
        let mut files = a_site();
        files.add("index.html", b"old".to_vec());
        files.publish(&out, &project).unwrap();
        {
            let staging = Staging::begin(&out, &project).unwrap();
            staging.add("index.html", b"half".to_vec());
            staging.add("csdl/a/index.html", b"half".to_vec());
            // The build fails here: the staging folder is dropped.
        }
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"old");
        assert!(!out.join("csdl").exists());
        only_the_site_is_left(dir.path());
    }

    #[test]
    fn publish_refuses_to_replace_the_project() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let files = SiteFiles::default();
        assert!(files.publish(dir.path(), dir.path()).is_err());
        assert!(dir.path().join("content").is_dir());
    }
}
