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

/// Copies the files under `dir` (a project's `static/`) into the site,
/// replacing built-in assets of the same path, each as `publish_as` turns
/// it (path, bytes). Links are not followed.
pub fn add_dir(sink: &dyn Sink, dir: &Path, publish_as: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for item in walkdir::WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let item = item?;
        if !item.file_type().is_file() {
            continue;
        }
        let rel = crate::source::relative(dir, item.path());
        let bytes = std::fs::read(item.path()).with_context(|| format!("reading {}", item.path().display()))?;
        sink.add(&rel, publish_as(&rel, bytes));
    }
    Ok(())
}

/// What a published site holds.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub files: usize,
    pub pages: usize,
    pub bytes: u64,
}

/// A site being written into `NAME.tmp-PID` beside the output folder `NAME`.
/// A file whose bytes equal those already published there is hard-linked
/// from the published copy instead of written: a rebuild where little
/// changed costs directory entries, not new files. Dropped without
/// [`Staging::publish`], the folder is removed and the site is unchanged.
pub struct Staging {
    out_dir: PathBuf,
    dir: PathBuf,
    retired: PathBuf,
    previous: Option<PathBuf>,
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

impl Staging {
    /// Prepares an empty staging folder for a site to be published at
    /// `out_dir` (refused if that would replace the project).
    pub fn begin(out_dir: &Path, project_root: &Path) -> Result<Staging> {
        check_output_dir(out_dir, project_root)?;
        let name = out_dir.file_name().context("output folder has no name")?.to_string_lossy().into_owned();
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
        let pid = std::process::id();
        let dir = parent.join(format!("{name}.tmp-{pid}"));
        remove_if_exists(&dir)?;
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            retired: parent.join(format!("{name}.old-{pid}")),
            previous: out_dir.is_dir().then(|| out_dir.to_path_buf()),
            dir: dir.clone(),
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
        let target = self.dir.join(path);
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        if !self.folders.lock().expect("folders").contains(folder) {
            let made = self.dir.join(folder);
            std::fs::create_dir_all(&made).with_context(|| format!("creating {}", made.display()))?;
            self.folders.lock().expect("folders").insert(folder.to_string());
        }
        if replaces {
            std::fs::remove_file(&target).with_context(|| format!("replacing {}", target.display()))?;
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
            std::fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))?;
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
        let mut file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&target)?);
        write(&mut file).and_then(|()| file.flush()).with_context(|| format!("writing {}", target.display()))?;
        drop(file);
        let size = std::fs::metadata(&target)?.len();
        if let Some(old) = self.previous.as_ref().map(|p| p.join(path))
            && same_files(&old, &target)
        {
            let link =
                target.with_file_name(format!(".{}.link", target.file_name().unwrap_or_default().to_string_lossy()));
            if std::fs::hard_link(&old, &link).is_ok() {
                std::fs::rename(&link, &target).with_context(|| format!("replacing {}", target.display()))?;
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
                if let Some(recorded) = self.listing.lock().expect("listing").get_mut(path) {
                    *recorded = size;
                }
            }
            Err(e) => {
                self.error.lock().expect("error").get_or_insert(e);
            }
        }
    }

    fn put(&self, path: &str, bytes: &[u8]) {
        self.put_with(path, |replaces| self.write(path, bytes, replaces));
    }

    /// Swaps the complete staging folder in place of the output folder.
    pub fn publish(mut self) -> Result<Summary> {
        if let Some(e) = self.error.lock().expect("error").take() {
            return Err(e);
        }
        let listing = std::mem::take(&mut *self.listing.lock().expect("listing"));
        let summary = Summary {
            files: listing.len(),
            pages: listing.keys().filter(|p| p.ends_with(".html")).count(),
            bytes: listing.values().sum(),
        };
        if self.out_dir.exists() {
            remove_if_exists(&self.retired)?;
            std::fs::rename(&self.out_dir, &self.retired)
                .with_context(|| format!("moving the old {} aside", self.out_dir.display()))?;
            if let Err(e) = std::fs::rename(&self.dir, &self.out_dir) {
                // Put the previous site back rather than leave nothing.
                let _ = std::fs::rename(&self.retired, &self.out_dir);
                return Err(e).with_context(|| format!("publishing into {}", self.out_dir.display()));
            }
            self.published = true;
            std::fs::remove_dir_all(&self.retired).with_context(|| format!("removing {}", self.retired.display()))?;
        } else {
            std::fs::rename(&self.dir, &self.out_dir)
                .with_context(|| format!("publishing into {}", self.out_dir.display()))?;
            self.published = true;
        }
        Ok(summary)
    }
}

impl Sink for Staging {
    fn add(&self, path: &str, bytes: Vec<u8>) {
        self.put(path, &bytes);
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

fn remove_if_exists(path: &Path) -> Result<()> {
    if path.exists() {
        std::fs::remove_dir_all(path).with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}

/// Refuses an output folder that would replace the project itself: the
/// publish step renames the output folder away.
fn check_output_dir(out_dir: &Path, project_root: &Path) -> Result<()> {
    let out = std::path::absolute(out_dir)?;
    let root = std::path::absolute(project_root)?;
    if root.starts_with(&out) {
        bail!("the output folder {} contains the project; choose another with --output", out_dir.display());
    }
    if out.join(crate::config::CONFIG_FILE).exists() || out.join(crate::source::CONTENT_DIR).is_dir() {
        bail!("{} looks like a danhmuc project, not a built site; choose another output folder", out_dir.display());
    }
    Ok(())
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
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/stale.html"), "x").unwrap();
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
        let mut files = SiteFiles::default();
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
        let mut files = SiteFiles::default();
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

    #[cfg(unix)]
    #[test]
    fn a_streamed_file_is_written_whole_and_linked_when_unchanged() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let (out, project) = (dir.path().join("site"), dir.path().join("project"));
        let big: Vec<String> = (0..30_000).map(|i| format!("{{\"n\": {i}}},\n")).collect();
        let stream = |parts: &[String]| {
            let parts = parts.to_vec();
            move |out: &mut dyn std::io::Write| parts.iter().try_for_each(|p| out.write_all(p.as_bytes()))
        };
        let staging = Staging::begin(&out, &project).unwrap();
        staging.add_written("data/big.json", &mut stream(&big));
        let summary = staging.publish().unwrap();
        assert_eq!(summary.bytes, big.concat().len() as u64);
        assert_eq!(std::fs::read_to_string(out.join("data/big.json")).unwrap(), big.concat());
        let inode = || std::fs::metadata(out.join("data/big.json")).unwrap().ino();
        let first = inode();
        // The same bytes cut differently are unchanged: linked, not written.
        let staging = Staging::begin(&out, &project).unwrap();
        staging.add_written("data/big.json", &mut stream(&[big[..7].concat(), big[7..].concat()]));
        staging.publish().unwrap();
        assert_eq!(inode(), first);
        let names: Vec<_> = std::fs::read_dir(out.join("data")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["big.json"], "no temporary link is left");
        // One byte different far into the file is a change.
        let mut changed = big.clone();
        changed[29_000] = changed[29_000].replace('2', "3");
        let staging = Staging::begin(&out, &project).unwrap();
        staging.add_written("data/big.json", &mut stream(&changed));
        staging.publish().unwrap();
        assert_ne!(inode(), first);
        assert_eq!(std::fs::read_to_string(out.join("data/big.json")).unwrap(), changed.concat());
        // A stream that fails is not published.
        let staging = Staging::begin(&out, &project).unwrap();
        staging.add_written("data/big.json", &mut |out| {
            out.write_all(b"{")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(staging.publish().is_err());
        assert_eq!(std::fs::read_to_string(out.join("data/big.json")).unwrap(), changed.concat());
    }

    #[test]
    fn an_unpublished_staging_folder_is_removed_and_the_site_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (out, project) = (dir.path().join("site"), dir.path().join("project"));
        let mut files = SiteFiles::default();
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
