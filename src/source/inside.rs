//! Every read of the project goes through here, so that `check`, `build`
//! and `serve` keep to the same rule (see `crate::confine`): a link that
//! leads outside the project is an `outside-project` error that names it.

use crate::confine;
use crate::diagnostics::{Code, Diagnostic, Report};
use std::path::Path;

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

/// Checks the project path `rel` from the root down.
pub fn check(root: &Path, rel: &str) -> Result<(), Diagnostic> {
    match confine::link_leading_out(root, rel) {
        Some(link) => Err(outside(&link)),
        None => Ok(()),
    }
}

/// The regular files under the project folder `dir`, as project paths
/// sorted by name; what cannot be read or leads outside is reported.
pub fn files_under(root: &Path, dir: &str, report: &mut Report) -> Vec<String> {
    let walk = confine::files_under(root, dir);
    report.extend(walk.refused.iter().map(|link| outside(link)).collect());
    for (path, error) in &walk.unreadable {
        let reason = crate::diagnostics::io_message(error);
        report.push(Diagnostic::error(Code::Io, path, format!("Không đọc được: {reason}.")));
    }
    walk.files
}
