//! Paths inside the project folder, and the rule that keeps every read
//! there.
//!
//! The catalog's repository takes changes from many agencies and is built
//! by CI with deploy credentials at hand, so a committed symbolic link must
//! not make a build read, print or publish anything outside the project
//! (`static -> /etc`, `danhmuc.toml -> /proc/self/environ`). The rule: a
//! link whose target stays inside the project is followed like the file or
//! folder it points to; a link that leads outside it (or nowhere) is
//! refused, and nothing behind it is read. The project folder itself may be
//! a link: it is where the user pointed `--root`. `source::inside` turns
//! what this module finds into diagnostics; a diagnostic's excerpt is read
//! under the same rule.

use std::path::{Path, PathBuf};

/// `path` relative to `root` (or whole, if outside it), `/`-separated: the
/// form every project and site path takes in danhmuc.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// The project folder with every link resolved, for comparisons.
fn resolved_root(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// Whether `path` (a link) resolves to somewhere under `resolved_root`.
fn leads_inside(path: &Path, resolved_root: &Path) -> bool {
    std::fs::canonicalize(path).is_ok_and(|target| target.starts_with(resolved_root))
}

/// The first part of the project path `rel` ("content/csdl/a.md"), from the
/// root down, that is a link leading outside the project or nowhere; None
/// when every part stays inside. A part that does not exist ends the look
/// (the caller reports what is missing in its own words).
pub fn link_leading_out(root: &Path, rel: &str) -> Option<String> {
    let mut path = root.to_path_buf();
    let mut resolved = None;
    let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    for (at, part) in parts.iter().enumerate() {
        path.push(part);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if meta.file_type().is_symlink() && !leads_inside(&path, resolved.get_or_insert_with(|| resolved_root(root))) {
            return Some(parts[..=at].join("/"));
        }
    }
    None
}

/// What a walk of a project folder found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Regular files, as project paths sorted by name; links that stay
    /// inside the project are followed.
    pub files: Vec<String>,
    /// Links that lead outside the project or nowhere, skipped whole.
    pub refused: Vec<String>,
    /// What could not be read, and why.
    pub unreadable: Vec<(String, std::io::Error)>,
}

/// The files under the project folder `dir` ("static"). A missing folder
/// has none; a folder reached through a link leading out is refused whole.
pub fn files_under(root: &Path, dir: &str) -> Walk {
    let mut walk = Walk::default();
    if let Some(link) = link_leading_out(root, dir) {
        walk.refused.push(link);
        return walk;
    }
    let start = root.join(dir);
    if !start.is_dir() {
        return walk;
    }
    let resolved = resolved_root(root);
    let refused = std::cell::RefCell::new(Vec::new());
    let items = walkdir::WalkDir::new(&start).follow_links(true).sort_by_file_name().into_iter().filter_entry(|item| {
        let keep = !item.path_is_symlink() || leads_inside(item.path(), &resolved);
        if !keep {
            refused.borrow_mut().push(relative(root, item.path()));
        }
        keep
    });
    for item in items {
        match item {
            Ok(item) if item.file_type().is_file() => walk.files.push(relative(root, item.path())),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map_or_else(|| dir.to_string(), |p| relative(root, p));
                let is_link = e.path().and_then(|p| std::fs::symlink_metadata(p).ok()).is_some_and(|m| m.is_symlink());
                if is_link {
                    walk.refused.push(path);
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
        let mut walk = files_under(&root, "static");
        assert_eq!(walk.files, ["static/a/x.txt", "static/in/y.txt"]);
        walk.refused.sort();
        assert_eq!(walk.refused, ["static/dangling", "static/out.txt", "static/up"]);
    }

    #[test]
    fn a_linked_folder_on_the_way_is_found() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("project");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(outer.path().join("elsewhere")).unwrap();
        symlink(outer.path().join("elsewhere"), root.join("content")).unwrap();
        assert_eq!(link_leading_out(&root, "content/sectors.yaml").as_deref(), Some("content"));
        assert_eq!(link_leading_out(&root, "missing/file"), None);
        let walk = files_under(&root, "content/csdl");
        assert!(walk.files.is_empty());
        assert_eq!(walk.refused, ["content"]);
    }
}
