//! `danhmuc new`: writes a new entry file where `source::new_entry` places
//! it and renumbers the entries after it, all or nothing. It never
//! overwrites a file, and changes nothing but the `number:` line of the
//! others.

use crate::exit;
use crate::source::entry_file;
use crate::source::new_entry::{NewEntry, Plan};
use std::path::Path;

pub struct NewArgs<'a> {
    pub root: &'a Path,
    pub title: &'a str,
    pub group: &'a str,
    pub sector: &'a str,
    pub agencies: &'a [String],
}

pub fn run(args: &NewArgs) -> u8 {
    let opened = crate::project::Project::open(args.root);
    let (project, loaded) = crate::source::load(&opened);
    // The next number and the declared slugs are read from the project: a
    // file that could not be read would make them wrong (a number used
    // twice, a sector said to be undeclared when its file is broken).
    if loaded.has_errors() {
        eprint!("{}", loaded.without_strict_only().to_human(&opened));
        eprintln!(
            "Chưa tạo CSDL mới: sửa các lỗi trên trước, vì danhmuc new cần đọc được mọi tệp để chọn số thứ tự và kiểm tra mã lĩnh vực, đơn vị."
        );
        return exit::CONTENT_ERRORS;
    }
    let asked = NewEntry { title: args.title, group: args.group, sector: args.sector, agencies: args.agencies };
    let Plan { path, text, reference, renumbered } = match crate::source::new_entry::plan(&project, &asked) {
        Ok(planned) => planned,
        Err(report) => {
            eprint!("{}", report.to_human(&opened));
            return exit::CONTENT_ERRORS;
        }
    };
    // Written whole under a temporary name, then linked into place: never
    // an empty file left by an interruption, and never over a file that
    // appeared after the check above. The entries after it are renumbered
    // in the same step, or none is.
    let mut changes = crate::source::write::Changes::default();
    changes.create(args.root.join(&path), text.into_bytes());
    for moved in &renumbered {
        let target = args.root.join(&moved.path);
        let original = match std::fs::read(&target) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("Không đọc được {}: {}.", moved.path, crate::diagnostics::io_message(&e));
                return exit::FAILURE;
            }
        };
        let Some(text) = std::str::from_utf8(&original).ok().and_then(|t| entry_file::renumbered(t, moved.number))
        else {
            eprintln!(
                "Chưa tạo CSDL mới: không tìm thấy dòng “number:” trong phần đầu của {}, nên không đánh số lại được. Viết số thứ tự trên một dòng riêng, ví dụ “number: {}”, rồi chạy lại.",
                moved.path, moved.was
            );
            return exit::CONTENT_ERRORS;
        };
        changes.replace(target, text.into_bytes(), original);
    }
    match changes.apply() {
        Ok(()) => {
            println!("Đã tạo {path} ({reference}).");
            if !renumbered.is_empty() {
                let list: Vec<String> =
                    renumbered.iter().map(|m| format!("{} → {}", m.old_reference, m.new_reference)).collect();
                println!(
                    "Đã đánh số lại {} CSDL đứng sau trong nhóm (tên tệp và đường dẫn giữ nguyên): {}.",
                    renumbered.len(),
                    list.join(", ")
                );
            }
            println!("Mở tệp, điền nội dung dưới bốn tiêu đề, rồi chạy `danhmuc check` để kiểm tra.");
            exit::OK
        }
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists && e.path == args.root.join(&path) => {
            eprintln!("Tệp {path} đã có; danhmuc không ghi đè. Sửa trực tiếp tệp đó, hoặc đặt tên CSDL khác.");
            exit::CONTENT_ERRORS
        }
        Err(e) => {
            let failed = e.path.strip_prefix(args.root).unwrap_or(&e.path).display();
            eprintln!("Không ghi được {failed}: {}.", crate::diagnostics::io_message(&e.error));
            exit::FAILURE
        }
    }
}
