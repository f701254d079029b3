//! The rule on what a project path may lead to, looked at before anything
//! is opened (the door, `Project`, opens what it allows).
//!
//! The catalog's repository takes changes from many agencies and is built
//! by CI with deploy credentials at hand, so a committed symbolic link must
//! not make a build read, print or publish anything outside the project
//! (`static -> /etc`, `danhmuc.toml -> /proc/self/environ`). The rule: a
//! link whose target stays inside the project is followed like the file or
//! folder it points to; a link that leads outside it (or nowhere) is
//! refused, and nothing behind it is read. Git's own folder is never an
//! input: a link into a `.git` is refused the same way (`static/x ->
//! ../.git` published `.git/config`, where CI checkouts keep their token),
//! and a `.git` inside an input folder is left out. Nor is anything that is
//! neither a file nor a folder: a named pipe would hold a build forever, so
//! it is refused without being opened. A name that cannot be a path of the
//! site (a backslash, a control character, not UTF-8) is refused too, so
//! that `check` reports what `build` could not publish. The project folder
//! itself may be a link: it is where the user pointed `--root`.
//!
//! Why the rule looks at paths itself rather than leaving it all to
//! cap-std: each refusal is told apart (a link leading out, one into
//! `.git`, a pipe, a bad name) and named in its own diagnostic, and a link
//! with an absolute target inside the project is followed, where cap-std
//! refuses every absolute target.

use std::path::{Path, PathBuf};

/// `path` relative to `root` (or whole, if outside it), `/`-separated: the
/// form every project and site path takes in danhmuc.
pub(super) fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Why a path of the project is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// A link leading outside the project, or nowhere.
    Outside,
    /// A link into a `.git` folder, where git keeps the repository's
    /// configuration (CI checkouts keep their token there).
    Git,
    /// Neither a regular file nor a folder: a named pipe (reading one
    /// waits forever for a writer), a socket or a device.
    NotAFile,
    /// A name that cannot be a path of the site on every system: a
    /// backslash (a separator to browsers and Windows), a control
    /// character, or bytes that are not UTF-8.
    BadName,
}

/// A path of the project that is not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The project path at fault ("static/x"), `/`-separated.
    pub path: String,
    pub why: Why,
}

/// The project folder with every link resolved, for comparisons.
pub(super) fn resolved_root(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// Why the link at `path` may not be followed: its target lies outside
/// `resolved_root` (or nowhere), or inside a `.git` folder. None: it may.
fn link_refused(path: &Path, resolved_root: &Path) -> Option<Why> {
    let Ok(target) = std::fs::canonicalize(path) else { return Some(Why::Outside) };
    let Ok(inside) = target.strip_prefix(resolved_root) else { return Some(Why::Outside) };
    inside.components().any(|part| part.as_os_str() == GIT_DIR).then_some(Why::Git)
}

/// Git's own folder: never an input, whatever leads to it.
const GIT_DIR: &str = ".git";

/// Whether `name` can be part of a site path on every system.
fn is_usable_name(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|name| !name.chars().any(|c| c == '\\' || c.is_control()))
}

/// Why the project path `rel` ("content/csdl/a.md") may not be read,
/// looked at from the root down: a link on the way leading outside the
/// project or into `.git`, or a last part that is neither a file nor a
/// folder. None when it may. A part that does not exist ends the look (the
/// caller reports what is missing in its own words).
pub fn refused(root: &Path, rel: &str) -> Option<Refused> {
    let mut path = root.to_path_buf();
    let mut resolved = None;
    let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    for (at, part) in parts.iter().enumerate() {
        path.push(part);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        let refuse = |why| Some(Refused { path: parts[..=at].join("/"), why });
        if meta.file_type().is_symlink()
            && let Some(why) = link_refused(&path, resolved.get_or_insert_with(|| resolved_root(root)))
        {
            return refuse(why);
        }
        if at + 1 == parts.len() && std::fs::metadata(&path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            return refuse(Why::NotAFile);
        }
    }
    None
}

/// Where the project path `rel` leads once its links are resolved, as a
/// path inside the project; None when it leads outside or into `.git`.
pub(super) fn inside_path(root: &Path, rel: &str) -> Option<PathBuf> {
    let target = std::fs::canonicalize(root.join(rel)).ok()?;
    let inside = target.strip_prefix(resolved_root(root)).ok()?;
    (!inside.components().any(|part| part.as_os_str() == GIT_DIR)).then(|| inside.to_path_buf())
}

/// What a walk of a project folder found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Regular files, as project paths sorted by name; links that stay
    /// inside the project are followed.
    pub files: Vec<String>,
    /// What is not read, and why; a refused folder is skipped whole.
    pub refused: Vec<Refused>,
    /// What could not be read, and why.
    pub unreadable: Vec<(String, std::io::Error)>,
}

/// The files under the project folder `dir` ("static"). A missing folder
/// has none; a folder reached through a link leading out is refused whole.
/// A `.git` inside it (a submodule, a clone kept there) is left out.
pub fn files_under(root: &Path, dir: &str) -> Walk {
    let mut walk = Walk::default();
    if let Some(refused) = refused(root, dir) {
        walk.refused.push(refused);
        return walk;
    }
    let start = root.join(dir);
    if !start.is_dir() {
        return walk;
    }
    let resolved = resolved_root(root);
    let refused = std::cell::RefCell::new(Vec::new());
    let items = walkdir::WalkDir::new(&start).follow_links(true).sort_by_file_name().into_iter().filter_entry(|item| {
        if item.depth() == 0 {
            return true;
        }
        let why = if item.file_name() == GIT_DIR {
            return false;
        } else if !is_usable_name(item.file_name()) {
            Some(Why::BadName)
        } else if item.path_is_symlink() {
            link_refused(item.path(), &resolved)
        } else {
            None
        };
        if let Some(why) = why {
            refused.borrow_mut().push(Refused { path: relative(root, item.path()), why });
        }
        why.is_none()
    });
    for item in items {
        match item {
            Ok(item) if item.file_type().is_file() => walk.files.push(relative(root, item.path())),
            Ok(item) if item.file_type().is_dir() => {}
            // Never opened: a named pipe would hold the build forever.
            Ok(item) => walk.refused.push(Refused { path: relative(root, item.path()), why: Why::NotAFile }),
            Err(e) => {
                let path = e.path().map_or_else(|| dir.to_string(), |p| relative(root, p));
                let is_link = e.path().and_then(|p| std::fs::symlink_metadata(p).ok()).is_some_and(|m| m.is_symlink());
                if is_link {
                    walk.refused.push(Refused { path, why: Why::Outside });
                } else {
                    let error = e.into_io_error().unwrap_or_else(|| std::io::Error::other("loop of links"));
                    walk.unreadable.push((path, error));
                }
            }
        }
    }
    walk.refused.extend(refused.into_inner());
    walk
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn refused_paths(walk: &Walk) -> Vec<&str> {
        let mut paths: Vec<&str> = walk.refused.iter().map(|r| r.path.as_str()).collect();
        paths.sort();
        paths
    }

    #[test]
    fn links_inside_are_followed_and_links_outside_refused() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("project");
        std::fs::create_dir_all(root.join("static/a")).unwrap();
        std::fs::create_dir_all(root.join("shared")).unwrap();
        std::fs::write(root.join("static/a/x.txt"), "x").unwrap();
        std::fs::write(root.join("shared/y.txt"), "y").unwrap();
        std::fs::write(outer.path().join("secret"), "s").unwrap();
        symlink(root.join("shared"), root.join("static/in")).unwrap();
        symlink(outer.path().join("secret"), root.join("static/out.txt")).unwrap();
        symlink(outer.path(), root.join("static/up")).unwrap();
        symlink(root.join("nowhere"), root.join("static/dangling")).unwrap();
        let walk = files_under(&root, "static");
        assert_eq!(walk.files, ["static/a/x.txt", "static/in/y.txt"]);
        assert_eq!(refused_paths(&walk), ["static/dangling", "static/out.txt", "static/up"]);
    }

    #[test]
    fn a_linked_folder_on_the_way_is_found() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("project");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(outer.path().join("elsewhere")).unwrap();
        symlink(outer.path().join("elsewhere"), root.join("content")).unwrap();
        let content = Refused { path: "content".into(), why: Why::Outside };
        assert_eq!(refused(&root, "content/sectors.yaml"), Some(content.clone()));
        assert_eq!(refused(&root, "missing/file"), None);
        let walk = files_under(&root, "content/csdl");
        assert!(walk.files.is_empty());
        assert_eq!(walk.refused, [content]);
    }

    fn mkfifo(path: &Path) {
        use std::os::unix::ffi::OsStrExt as _;
        let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    }

    /// Regression: `static/x -> ../.git` published `.git/config`, and a
    /// clone kept inside `static/` published its own `.git`.
    #[test]
    fn git_folders_are_never_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/config"), "token").unwrap();
        std::fs::create_dir_all(root.join("static/vendor/.git")).unwrap();
        std::fs::write(root.join("static/vendor/.git/config"), "token").unwrap();
        std::fs::write(root.join("static/vendor/lib.js"), "x").unwrap();
        symlink("../.git", root.join("static/x")).unwrap();
        symlink("../.git/config", root.join("static/config")).unwrap();
        symlink(".git/config", root.join("danhmuc.toml")).unwrap();
        let walk = files_under(root, "static");
        assert_eq!(walk.files, ["static/vendor/lib.js"]);
        assert_eq!(refused_paths(&walk), ["static/config", "static/x"]);
        assert!(walk.refused.iter().all(|r| r.why == Why::Git));
        assert_eq!(refused(root, "danhmuc.toml"), Some(Refused { path: "danhmuc.toml".into(), why: Why::Git }));
    }

    /// Regression: a named pipe among the inputs held `check` forever.
    #[test]
    fn what_is_not_a_file_is_refused_unopened() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("static")).unwrap();
        mkfifo(&root.join("static/pipe"));
        mkfifo(&root.join("danhmuc.toml"));
        let walk = files_under(root, "static");
        assert!(walk.files.is_empty());
        assert_eq!(walk.refused, [Refused { path: "static/pipe".into(), why: Why::NotAFile }]);
        assert_eq!(refused(root, "danhmuc.toml"), Some(Refused { path: "danhmuc.toml".into(), why: Why::NotAFile }));
        assert_eq!(refused(root, "static"), None);
    }

    /// Regression: a backslash in a file name of `static/` passed `check`
    /// and made `build` panic.
    #[test]
    fn names_no_site_path_can_take_are_refused() {
        use std::os::unix::ffi::OsStrExt as _;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("static/a\\b")).unwrap();
        std::fs::write(root.join("static/a\\b/c.txt"), "x").unwrap();
        std::fs::write(root.join("static/tab\there.txt"), "x").unwrap();
        std::fs::write(root.join(std::ffi::OsStr::from_bytes(b"static/latin1-\xe9.txt")), "x").unwrap();
        std::fs::write(root.join("static/tên có dấu.txt"), "x").unwrap();
        let walk = files_under(root, "static");
        assert_eq!(walk.files, ["static/tên có dấu.txt"]);
        assert_eq!(walk.refused.len(), 3, "{:?}", walk.refused);
        assert!(walk.refused.iter().all(|r| r.why == Why::BadName));
    }
}
