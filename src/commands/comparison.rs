//! `danhmuc diff --format docx --output FILE`: the bảng so sánh written as
//! a Word document (`export::comparison`) rather than printed. The file is
//! refused inside the folders the build reads and inside `.git`, by the
//! rule `build --output` follows.

use crate::exit;
use crate::model::Catalog;
use crate::versions::compare::Changes;
use std::path::Path;

/// Checks, before anything is read, that `output` is given and may be
/// written; the exit code to end with when not.
pub fn check_output(root: &Path, output: Option<&Path>) -> Result<(), u8> {
    let Some(output) = output else {
        super::print_err(
            "Bảng so sánh dạng Word cần tệp để ghi: thêm --output, ví dụ `danhmuc diff --format docx --output bang-so-sanh.docx`.\n",
        );
        return Err(exit::FAILURE);
    };
    if let Some(input) = crate::output::read_input_holding(output, root) {
        let place = if input == ".git" {
            "“.git”, nơi git giữ lịch sử của kho".to_string()
        } else {
            format!("“{input}/”, nơi danhmuc đọc nội dung của Danh mục")
        };
        super::print_err(&format!(
            "Không ghi bảng so sánh vào {}: tệp nằm trong {place}. Chọn chỗ khác bằng --output, ví dụ bang-so-sanh.docx ở thư mục Danh mục.\n",
            output.display()
        ));
        return Err(exit::FAILURE);
    }
    if output.is_dir() {
        super::print_err(&format!(
            "Không ghi bảng so sánh vào {}: đó là một thư mục; ghi rõ tên tệp, ví dụ --output bang-so-sanh.docx.\n",
            output.display()
        ));
        return Err(exit::FAILURE);
    }
    Ok(())
}

/// How the table names the version in force: its decision when `old` is a
/// declared version, else the revision or folder given.
fn in_force_name(versions: &[crate::config::VersionConfig], old: &str) -> String {
    match versions.iter().find(|v| v.revision.as_deref() == Some(old)) {
        Some(v) => v.issued().map_or_else(|| crate::model::decision_by_number(&v.number), |issued| issued.heading()),
        None => format!("phiên bản “{old}”"),
    }
}

/// Writes the document of `changes` from `old` to `new` to `output`.
pub fn write(
    (project, output): (&crate::project::Project, &Path),
    changes: &Changes,
    (old, new): (&Catalog, &Catalog),
    old_name: &str,
    versions: &[crate::config::VersionConfig],
) -> u8 {
    let config = crate::source::load_config(project).unwrap_or_default();
    let made = crate::export::comparison::to_docx(changes, old, new, &config, &in_force_name(versions, old_name));
    match made.and_then(|bytes| std::fs::write(output, bytes)) {
        Ok(()) => {
            super::print_err(&format!("Đã ghi bảng so sánh ({}) vào {}.\n", changes.summary(), output.display()));
            exit::OK
        }
        Err(e) => {
            super::print_err(&format!(
                "Không ghi được bảng so sánh vào {}: {}.\n",
                output.display(),
                crate::diagnostics::io_message(&e)
            ));
            exit::FAILURE
        }
    }
}
