//! Writing into the project all or nothing, for `danhmuc new` and
//! `danhmuc import`: a failure half-way (a full disk, a folder that cannot
//! be written, a file that appeared meanwhile) must not leave half an
//! import behind, which a retry would then refuse.
//!
//! Every file is first written whole under a temporary name beside its
//! target (`.NAME.tmp-PID`, which the loader ignores: it is no `.md` file
//! and no data file), then put in place: a new file by a hard link, which
//! fails rather than replace a file of the same name, a replaced file by a
//! rename, which swaps it in one step. If any step fails, what was put in
//! place is taken back (new files removed, replaced files written back),
//! the temporary files and the folders made for them are removed. A
//! process killed outright can leave a temporary file, never a half one
//! under the real name.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The files one command writes.
#[derive(Debug, Default)]
pub struct Changes {
    files: Vec<Change>,
}

#[derive(Debug)]
struct Change {
    path: PathBuf,
    bytes: Vec<u8>,
    /// None for a new file; else the bytes the file held when they were
    /// read, which it must still hold.
    replaces: Option<Vec<u8>>,
}

/// Why the changes were not made: the file concerned and the error.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl Changes {
    /// A file that must not exist yet.
    pub fn create(&mut self, path: PathBuf, bytes: Vec<u8>) {
        self.files.push(Change { path, bytes, replaces: None });
    }

    /// A file that holds `original` now and is to hold `bytes`.
    pub fn replace(&mut self, path: PathBuf, bytes: Vec<u8>, original: Vec<u8>) {
        self.files.push(Change { path, bytes, replaces: Some(original) });
    }

    /// Makes every change, or none: see the module's header.
    pub fn apply(&self) -> Result<(), WriteError> {
        let mut done = Done::default();
        let result = self.apply_steps(&mut done);
        if result.is_err() {
            done.undo();
        } else {
            for temp in &done.temps {
                let _ = std::fs::remove_file(temp);
            }
        }
        result
    }

    fn apply_steps(&self, done: &mut Done) -> Result<(), WriteError> {
        for (i, change) in self.files.iter().enumerate() {
            let fail = |error| WriteError { path: change.path.clone(), error };
            if let Some(parent) = change.path.parent() {
                create_folders(parent, &mut done.folders).map_err(fail)?;
            }
            let temp = temp_path(&change.path, i);
            // A file the project had (sectors.yaml), and the one file of
            // `new`, are flushed before they replace or appear; an import's
            // many new entries are not: flushing each took 1.5 of the 1.9 s
            // the 44 entries of the real catalog took to import on disk
            // (minutes at 10,000), and what a lost machine can leave of
            // them is an entry to import again, never a data file broken.
            let durable = change.replaces.is_some() || self.files.len() == 1;
            write_new(&temp, &change.bytes, durable).map_err(fail)?;
            done.temps.push(temp);
        }
        // New files first: a name taken meanwhile stops everything before
        // any file the project already had is touched.
        for (change, temp) in self.files.iter().zip(&done.temps).filter(|(c, _)| c.replaces.is_none()) {
            std::fs::hard_link(temp, &change.path).map_err(|error| WriteError { path: change.path.clone(), error })?;
            done.created.push(change.path.clone());
        }
        for (change, temp) in self.files.iter().zip(&done.temps) {
            let Some(original) = &change.replaces else { continue };
            let fail = |error| WriteError { path: change.path.clone(), error };
            if std::fs::read(&change.path).map_err(fail)? != *original {
                return Err(fail(std::io::Error::other("tệp vừa được sửa trong lúc ghi")));
            }
            std::fs::rename(temp, &change.path).map_err(fail)?;
            done.replaced.push((change.path.clone(), original.clone()));
        }
        Ok(())
    }
}

/// What was done so far, to be undone on failure.
#[derive(Default)]
struct Done {
    folders: Vec<PathBuf>,
    temps: Vec<PathBuf>,
    created: Vec<PathBuf>,
    replaced: Vec<(PathBuf, Vec<u8>)>,
}

impl Done {
    fn undo(self) {
        for (i, (path, original)) in self.replaced.iter().enumerate() {
            // Written back the same way, so that the file is never half.
            let temp = temp_path(path, usize::MAX - i);
            if write_new(&temp, original, true).and_then(|()| std::fs::rename(&temp, path)).is_err() {
                let _ = std::fs::remove_file(&temp);
            }
        }
        for path in self.created.iter().chain(&self.temps) {
            let _ = std::fs::remove_file(path);
        }
        for folder in self.folders.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
    }
}

/// `.NAME.tmp-PID-N` beside `path`.
fn temp_path(path: &Path, n: usize) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

/// Writes a new file; `durable`: flushed to the disk before it is put in
/// place, so that a machine that stops (power lost) finds the old file or
/// the new one, whole.
fn write_new(path: &Path, bytes: &[u8], durable: bool) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    if durable { file.sync_all() } else { Ok(()) }
}

/// Creates `folder` and the folders above it that are missing, noting
/// each one made, outermost first.
fn create_folders(folder: &Path, made: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if folder.as_os_str().is_empty() || folder.is_dir() {
        return Ok(());
    }
    if let Some(parent) = folder.parent() {
        create_folders(parent, made)?;
    }
    std::fs::create_dir(folder)?;
    made.push(folder.to_path_buf());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(|e| e.unwrap())
            .map(|e| (e.path().display().to_string(), std::fs::read(e.path()).unwrap_or_default()))
            .collect();
        files.sort();
        files
    }

    /// Guards against a failure half-way leaving some files written and a
    /// data file changed: the last step fails (the file to replace is a
    /// folder), and everything done before it is taken back.
    #[test]
    fn a_failure_at_the_last_step_leaves_the_project_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("sectors.yaml"), "- slug: a\n  name: A\n").unwrap();
        std::fs::create_dir(root.join("agencies.yaml")).unwrap();
        let before = snapshot(root);
        let mut changes = Changes::default();
        changes.create(root.join("csdl/a-01-x.md"), b"x".to_vec());
        changes.create(root.join("csdl/a-02-y.md"), b"y".to_vec());
        changes.replace(root.join("sectors.yaml"), b"[]\n".to_vec(), b"- slug: a\n  name: A\n".to_vec());
        changes.replace(root.join("agencies.yaml"), b"[]\n".to_vec(), Vec::new());
        let error = changes.apply().unwrap_err();
        assert!(error.path.ends_with("agencies.yaml"));
        assert_eq!(snapshot(root), before);
    }

    /// Guards against overwriting a file that appeared after the command
    /// looked: nothing is written, and the file keeps its text.
    #[test]
    fn a_new_file_never_replaces_one_of_the_same_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("b.md"), "đã có").unwrap();
        let before = snapshot(root);
        let mut changes = Changes::default();
        changes.create(root.join("a.md"), b"a".to_vec());
        changes.create(root.join("b.md"), b"b".to_vec());
        let error = changes.apply().unwrap_err();
        assert_eq!(error.error.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(snapshot(root), before);
    }

    #[test]
    fn every_change_is_made_and_no_temporary_file_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("s.yaml"), "old").unwrap();
        let mut changes = Changes::default();
        changes.create(root.join("new/a.md"), b"a".to_vec());
        changes.replace(root.join("s.yaml"), b"new".to_vec(), b"old".to_vec());
        changes.apply().unwrap();
        let names: Vec<String> =
            snapshot(root).into_iter().map(|(p, _)| p.replace(&root.display().to_string(), "")).collect();
        assert_eq!(names, ["", "/new", "/new/a.md", "/s.yaml"]);
        assert_eq!(std::fs::read(root.join("s.yaml")).unwrap(), b"new");
    }
}
