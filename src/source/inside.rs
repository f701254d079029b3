//! Keeping every read inside the project folder.
//!
//! The catalog's repository takes changes from many agencies and is built
//! by CI with deploy credentials at hand, so a committed symbolic link must
//! not make a build read, print or publish anything outside the project
//! (`static -> /etc`, `danhmuc.toml -> /proc/self/environ`). The rule, the
//! same for `check`, `build` and `serve` because all of them read through
//! here: a link whose target stays inside the project is followed like the
//! file or folder it points to; a link that leads outside it (or nowhere)
//! is an `outside-project` error that names the link, and nothing behind it
//! is read. The project folder itself may be a link: it is where the user
//! pointed `--root`.

use crate::diagnostics::{Code, Diagnostic, Report};
use std::path::{Path, PathBuf};

/// The error for a link at `link` (a project path) that leads outside.
pub fn outside(link: &str) -> Diagnostic {
    Diagnostic::error(
        Code::OutsideProject,
        link,
        format!(
            "“{link}” là liên kết tượng trưng (symlink) trỏ ra ngoài thư mục dự án hoặc tới chỗ không có; danhmuc không đọc gì ở ngoài dự án."
        ),
    )
    .hint("Thay liên kết bằng tệp hoặc thư mục thật nằm trong dự án (sao chép nội dung vào), rồi chạy lại.")
}

/// The project folder with every link resolved, for comparisons.
fn resolved_root(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// Whether `path` (a link) resolves to somewhere under `resolved_root`.
fn leads_inside(path: &Path, resolved_root: &Path) -> bool {
    std::fs::canonicalize(path).is_ok_and(|target| target.starts_with(resolved_root))
}

/// Checks each part of the project path `rel` ("content/csdl/a.md") from
/// the root down: a part that is a link leading outside is an error. A
/// part that does not exist ends the check (the caller reports what is
/// missing in its own words).
pub fn check(root: &Path, rel: &str) -> Result<(), Diagnostic> {
    let mut path = root.to_path_buf();
    let mut resolved = None;
    let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    for (at, part) in parts.iter().enumerate() {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Err(_) => return Ok(()),
            Ok(meta) if meta.file_type().is_symlink() => {
                let resolved = resolved.get_or_insert_with(|| resolved_root(root));
                if !leads_inside(&path, resolved) {
                    return Err(outside(&parts[..=at].join("/")));
                }
            }
            Ok(_) => {}
        }
    }
    Ok(())
}

/// The regular files under the project folder `dir` ("static"), as
/// project paths sorted by name; links that stay inside are followed,
/// links that lead outside are reported and skipped whole. A missing
/// folder has no files.
pub fn files_under(root: &Path, dir: &str, report: &mut Report) -> Vec<String> {
    if let Err(d) = check(root, dir) {
        report.push(d);
        return Vec::new();
    }
    let start = root.join(dir);
    if !start.is_dir() {
        return Vec::new();
    }
    let resolved = resolved_root(root);
    let refused = std::cell::RefCell::new(Vec::new());
    let walk = walkdir::WalkDir::new(&start).follow_links(true).sort_by_file_name().into_iter().filter_entry(|item| {
        let keep = !item.path_is_symlink() || leads_inside(item.path(), &resolved);
        if !keep {
            refused.borrow_mut().push(crate::source::relative(root, item.path()));
        }
        keep
    });
    let mut files = Vec::new();
    for item in walk {
        match item {
            Ok(item) if item.file_type().is_file() => files.push(crate::source::relative(root, item.path())),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map_or_else(|| dir.to_string(), |p| crate::source::relative(root, p));
                let is_link = e.path().and_then(|p| std::fs::symlink_metadata(p).ok()).is_some_and(|m| m.is_symlink());
                report.push(if is_link {
                    outside(&path)
                } else {
                    let reason = e.io_error().map_or_else(|| e.to_string(), crate::diagnostics::io_message);
                    Diagnostic::error(Code::Io, path, format!("Không đọc được: {reason}."))
                });
            }
        }
    }
    report.extend(refused.into_inner().into_iter().map(|link| outside(&link)).collect());
    files
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
        let mut report = Report::default();
        let files = files_under(&root, "static", &mut report);
        assert_eq!(files, ["static/a/x.txt", "static/in/y.txt"]);
        let mut refused: Vec<String> =
            report.diagnostics().iter().map(|d| d.file.to_string_lossy().into_owned()).collect();
        refused.sort();
        assert_eq!(refused, ["static/dangling", "static/out.txt", "static/up"]);
        assert!(report.diagnostics().iter().all(|d| d.code == Code::OutsideProject));
    }

    #[test]
    fn a_linked_folder_on_the_way_is_checked() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("project");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(outer.path().join("elsewhere")).unwrap();
        symlink(outer.path().join("elsewhere"), root.join("content")).unwrap();
        let error = check(&root, "content/sectors.yaml").unwrap_err();
        assert_eq!(error.file, Path::new("content"));
        assert!(check(&root, "missing/file").is_ok());
        let mut report = Report::default();
        assert!(files_under(&root, "content/csdl", &mut report).is_empty());
        assert_eq!(report.diagnostics().len(), 1);
    }
}
