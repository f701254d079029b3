//! `danhmuc init [DIR]`: a new catalog project that `check` and `build`
//! accept at once: the configuration with every key explained, sectors and
//! agencies, the decision, two example entries, a `.gitignore` and a CI
//! example. It writes only into an empty (or new) folder.

use crate::exit;
use std::path::Path;

/// The project's files: path, text. The texts are in `scaffold/`.
const FILES: &[(&str, &str)] = &[
    ("danhmuc.toml", include_str!("../../scaffold/danhmuc.toml")),
    ("content/sectors.yaml", include_str!("../../scaffold/content/sectors.yaml")),
    ("content/agencies.yaml", include_str!("../../scaffold/content/agencies.yaml")),
    ("content/quyet-dinh.md", include_str!("../../scaffold/content/quyet-dinh.md")),
    (
        "content/csdl/a-01-csdl-can-bo-cong-chuc-vien-chuc.md",
        include_str!("../../scaffold/content/csdl/a-01-csdl-can-bo-cong-chuc-vien-chuc.md"),
    ),
    ("content/csdl/b-01-csdl-dat-dai.md", include_str!("../../scaffold/content/csdl/b-01-csdl-dat-dai.md")),
    (".gitignore", include_str!("../../scaffold/gitignore")),
    (".github/workflows/danhmuc.yml", include_str!("../../scaffold/ci/github-actions.yml")),
];

pub fn run(dir: &Path) -> u8 {
    match std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()) {
        Ok(true) => {
            eprintln!(
                "Thư mục {} không trống: danhmuc init chỉ tạo Danh mục mới trong thư mục trống (hoặc chưa có), để không ghi đè gì.",
                dir.display()
            );
            return exit::CONTENT_ERRORS;
        }
        Ok(false) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            eprintln!("Không đọc được thư mục {}: {}.", dir.display(), crate::diagnostics::io_message(&e));
            return exit::FAILURE;
        }
    }
    for (path, text) in FILES {
        let full = dir.join(path);
        let written = full.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| {
            use std::io::Write;
            std::fs::OpenOptions::new().write(true).create_new(true).open(&full)?.write_all(text.as_bytes())
        });
        if let Err(e) = written {
            eprintln!("Không ghi được {}: {}.", full.display(), crate::diagnostics::io_message(&e));
            return exit::FAILURE;
        }
    }
    println!("Đã tạo thư mục Danh mục {}.", dir.display());
    println!(
        "Tiếp theo: ghi cơ quan ban hành và địa bàn vào danhmuc.toml ([publisher]), khai báo lĩnh vực và đơn vị trong content/,"
    );
    println!("thay hai CSDL mẫu trong content/csdl/, rồi chạy danhmuc check và danhmuc serve.");
    exit::OK
}
