//! The site writer: the built site is collected in memory, then published
//! to the output folder in one step.
//!
//! Publishing writes a complete copy into a temporary folder beside the
//! output folder and swaps the two with renames, so a reader (or a web
//! server) never sees a half-written site, and a failed build leaves the
//! previous site exactly as it was.

use anyhow::{Context as _, Result, bail};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The files of a built site, by path relative to the site root, sorted so
/// that output is deterministic.
#[derive(Debug, Default)]
pub struct SiteFiles {
    files: BTreeMap<String, Vec<u8>>,
}

impl SiteFiles {
    /// Adds or replaces a file. Paths come from validated slugs and fixed
    /// names; one that could leave the site folder is a bug, so it panics.
    pub fn add(&mut self, path: &str, bytes: Vec<u8>) {
        assert!(is_safe_relative(path), "unsafe output path {path:?}");
        self.files.insert(path.to_string(), bytes);
    }

    /// Adds every file of `other` (which wins on a clash).
    pub fn extend(&mut self, other: SiteFiles) {
        self.files.extend(other.files);
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

    /// Copies the files under `dir` (a project's `static/`) into the site,
    /// replacing built-in assets of the same path. Links are not followed.
    pub fn add_dir(&mut self, dir: &Path) -> Result<()> {
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
            self.add(&rel, bytes);
        }
        Ok(())
    }

    /// Writes the site to `out_dir`, replacing what was there only once the
    /// new copy is complete.
    pub fn publish(&self, out_dir: &Path, project_root: &Path) -> Result<()> {
        check_output_dir(out_dir, project_root)?;
        let name = out_dir.file_name().context("output folder has no name")?.to_string_lossy().into_owned();
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
        let pid = std::process::id();
        let staging = parent.join(format!("{name}.tmp-{pid}"));
        let retired = parent.join(format!("{name}.old-{pid}"));
        remove_if_exists(&staging)?;
        let previous = out_dir.is_dir().then_some(out_dir);
        if let Err(e) = self.write_all(&staging, previous) {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        if out_dir.exists() {
            remove_if_exists(&retired)?;
            std::fs::rename(out_dir, &retired)
                .with_context(|| format!("moving the old {} aside", out_dir.display()))?;
            if let Err(e) = std::fs::rename(&staging, out_dir) {
                // Put the previous site back rather than leave nothing.
                let _ = std::fs::rename(&retired, out_dir);
                let _ = std::fs::remove_dir_all(&staging);
                return Err(e).with_context(|| format!("publishing into {}", out_dir.display()));
            }
            std::fs::remove_dir_all(&retired).with_context(|| format!("removing {}", retired.display()))?;
        } else {
            std::fs::rename(&staging, out_dir).with_context(|| format!("publishing into {}", out_dir.display()))?;
        }
        Ok(())
    }

    /// Writes every file into `dir`. A file whose bytes equal those already
    /// published in `previous` is hard-linked from there instead of written:
    /// a rebuild where little changed costs directory entries, not new
    /// files, while the publish stays a whole-folder swap.
    fn write_all(&self, dir: &Path, previous: Option<&Path>) -> Result<()> {
        use rayon::prelude::*;
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let folders: std::collections::BTreeSet<PathBuf> =
            self.files.keys().filter_map(|path| dir.join(path).parent().map(Path::to_path_buf)).collect();
        for folder in &folders {
            std::fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
        }
        // Writing many small files is mostly kernel time: spread it over cores.
        self.files.par_iter().try_for_each(|(path, bytes)| {
            let target = dir.join(path);
            if let Some(old) = previous.map(|p| p.join(path))
                && unchanged(&old, bytes)
                && std::fs::hard_link(&old, &target).is_ok()
            {
                return Ok(());
            }
            std::fs::write(&target, bytes).with_context(|| format!("writing {}", target.display()))
        })
    }
}

/// Whether the file at `path` holds exactly `bytes` (size first: cheap).
fn unchanged(path: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == bytes)
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
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("site")]);
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
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("site")]);
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
