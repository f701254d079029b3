//! Every read of the project goes through here, so that `check`, `build`
//! and `serve` keep to the same rule (see `crate::confine`): a link that
//! leads outside the project or into `.git` is an `outside-project` error
//! that names it, something that is not a file (a named pipe) a
//! `not-a-file` error, and a name no site path can take a
//! `bad-file-name` error.

use crate::confine::{self, Refused, Why};
use crate::diagnostics::{Code, Diagnostic, Report};
use std::path::Path;

/// Files larger than this are refused, in the working tree and in a
/// version's revision alike: no catalog entry comes near it, and it bounds
/// the memory and time a mistaken or hostile file can cost.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The error for a project path that is not read.
pub fn refusal(refused: &Refused) -> Diagnostic {
    let path = refused.path.as_str();
    match refused.why {
        Why::Outside => outside(path),
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

/// The error for a link at `link` (a project path) that leads outside.
fn outside(link: &str) -> Diagnostic {
    Diagnostic::error(
        Code::OutsideProject,
        link,
        format!(
            "“{link}” là liên kết tượng trưng (symlink) trỏ ra ngoài thư mục Danh mục hoặc tới chỗ không có; danhmuc không đọc gì ở ngoài thư mục Danh mục."
        ),
    )
    .hint("Thay liên kết bằng tệp hoặc thư mục thật nằm trong thư mục Danh mục (sao chép nội dung vào), rồi chạy lại.")
}

/// Checks the project path `rel` from the root down.
pub fn check(root: &Path, rel: &str) -> Result<(), Diagnostic> {
    match confine::refused(root, rel) {
        Some(refused) => Err(refusal(&refused)),
        None => Ok(()),
    }
}

/// The regular files under the project folder `dir`, as project paths
/// sorted by name; what cannot or may not be read is reported.
pub fn files_under(root: &Path, dir: &str, report: &mut Report) -> Vec<String> {
    let walk = confine::files_under(root, dir);
    report.extend(walk.refused.iter().map(refusal).collect());
    for (path, error) in &walk.unreadable {
        let reason = crate::diagnostics::io_message(error);
        report.push(Diagnostic::error(Code::Io, path, format!("Không đọc được: {reason}.")));
    }
    walk.files
}
