//! `danhmuc new`: writes a new entry file with the next free number, every
//! required field and the four section headings, ready to fill in. It never
//! overwrites a file.

use crate::diagnostics::{Code, Diagnostic, Report};
use crate::exit;
use crate::model::Group;
use crate::source::{self, RawProject};
use crate::validate::SECTION_HEADINGS;
use std::path::Path;

pub struct NewArgs<'a> {
    pub root: &'a Path,
    pub title: &'a str,
    pub group: &'a str,
    pub sector: &'a str,
    pub agencies: &'a [String],
}

pub fn run(args: &NewArgs) -> u8 {
    let (project, loaded) = source::load(args.root);
    // The next number and the declared slugs are read from the project: a
    // file that could not be read would make them wrong (a number used
    // twice, a sector said to be undeclared when its file is broken).
    if loaded.has_errors() {
        eprint!("{}", loaded.without_strict_only().to_human(args.root));
        eprintln!(
            "Chưa tạo CSDL mới: sửa các lỗi trên trước, vì danhmuc new cần đọc được mọi tệp để chọn số thứ tự và kiểm tra mã lĩnh vực, đơn vị."
        );
        return exit::CONTENT_ERRORS;
    }
    match plan(&project, args) {
        Ok((path, text, reference)) => {
            let full = args.root.join(&path);
            if let Some(parent) = full.parent()
                && let Err(e) = std::fs::create_dir_all(parent)
            {
                eprintln!("Không tạo được thư mục {}: {}.", parent.display(), crate::diagnostics::io_message(&e));
                return exit::FAILURE;
            }
            // create_new: an existing file is never overwritten, even if it
            // appeared after the check above.
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&full) {
                Ok(mut file) => {
                    use std::io::Write;
                    if let Err(e) = file.write_all(text.as_bytes()) {
                        eprintln!("Không ghi được {path}: {}.", crate::diagnostics::io_message(&e));
                        return exit::FAILURE;
                    }
                    println!("Đã tạo {path} ({reference}).");
                    println!("Mở tệp, điền nội dung dưới bốn tiêu đề, rồi chạy `danhmuc check` để kiểm tra.");
                    exit::OK
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    eprintln!("Tệp {path} đã có; danhmuc không ghi đè. Sửa trực tiếp tệp đó, hoặc đặt tên CSDL khác.");
                    exit::CONTENT_ERRORS
                }
                Err(e) => {
                    eprintln!("Không ghi được {path}: {}.", crate::diagnostics::io_message(&e));
                    exit::FAILURE
                }
            }
        }
        Err(report) => {
            eprint!("{}", report.to_human(args.root));
            exit::CONTENT_ERRORS
        }
    }
}

/// The new file's path, text and reference ("A.32"), or why not.
fn plan(project: &RawProject, args: &NewArgs) -> Result<(String, String, String), Report> {
    let mut report = Report::default();
    let group = Group::parse(args.group);
    if group.is_none() {
        report.push(
            Diagnostic::error(Code::InvalidGroup, "--group", format!("Nhóm “{}” không hợp lệ.", args.group))
                .hint("Dùng --group A (do bộ, ngành trung ương triển khai) hoặc --group B (do tỉnh triển khai)."),
        );
    }
    let sectors: Vec<&str> = project.sectors.iter().map(|s| s.slug.value.as_str()).collect();
    if !sectors.contains(&args.sector) {
        report.push(unknown("--sector", "Lĩnh vực", args.sector, &sectors, source::SECTORS_FILE, Code::UnknownSector));
    }
    let agencies: Vec<&str> = project.agencies.iter().map(|a| a.slug.value.as_str()).collect();
    if args.agencies.is_empty() {
        report.push(
            Diagnostic::error(Code::MissingField, "--agency", "Cần ít nhất một đơn vị chủ trì.")
                .hint("Thêm --agency MÃ_ĐƠN_VỊ (có thể lặp lại cho nhiều đơn vị)."),
        );
    }
    for agency in args.agencies {
        if !agencies.contains(&agency.as_str()) {
            report.push(unknown("--agency", "Đơn vị", agency, &agencies, source::AGENCIES_FILE, Code::UnknownAgency));
        }
    }
    let title = crate::text::nfc(args.title.trim());
    let slug = crate::text::slugify(&title);
    if title.is_empty() {
        report.push(
            Diagnostic::error(Code::EmptyField, "title", "Tên CSDL đang trống.")
                .hint("Ví dụ: danhmuc new … \"CSDL Đất đai\"."),
        );
    } else if slug.is_empty() {
        report.push(
            Diagnostic::error(
                Code::InvalidSlug,
                "title",
                format!("Tên CSDL “{title}” không có chữ cái hay chữ số nào, nên không tạo được đường dẫn cho trang."),
            )
            .hint("Viết tên bằng chữ, ví dụ: danhmuc new … \"CSDL Đất đai\"."),
        );
    }
    let same_title = project.entries.iter().find(|(_, raw)| {
        let existing = raw
            .slug
            .as_ref()
            .map(|s| s.value.clone())
            .or_else(|| raw.title.as_ref().map(|t| crate::text::slugify(&t.value)));
        existing.as_deref() == Some(slug.as_str())
    });
    if let Some((file, _)) = same_title {
        report.push(
            Diagnostic::error(Code::DuplicateSlug, "title", format!("Đã có CSDL cùng tên: {}.", file.path))
                .hint("Sửa trực tiếp tệp đó, hoặc đặt cho CSDL mới một tên khác."),
        );
    }
    let Some(group) = group.filter(|_| !report.has_errors()) else { return Err(report) };

    let number = project
        .entries
        .iter()
        .filter(|(_, raw)| raw.group.as_ref().and_then(|g| Group::parse(&g.value)) == Some(group))
        .filter_map(|(_, raw)| raw.number.as_ref().map(|n| n.value))
        .max()
        .unwrap_or(0)
        + 1;
    let short: String = {
        let mut s = slug.clone();
        if s.len() > 40 {
            s.truncate(s[..=40].rfind('-').unwrap_or(40));
        }
        s
    };
    let path = format!("{}/{}-{number:02}-{short}.md", source::ENTRIES_DIR, group.slug());
    let mut text = String::from("---\n");
    text.push_str(&format!("title: {}\n", yaml_text(&title)));
    text.push_str(&format!("group: {}\n", group.code()));
    text.push_str(&format!("number: {number}\n"));
    text.push_str(&format!("sector: {}\n", yaml_text(args.sector)));
    text.push_str("agencies:\n");
    for agency in args.agencies {
        text.push_str(&format!("  - {}\n", yaml_text(agency)));
    }
    text.push_str("# notes: \"Căn cứ pháp lý, ví dụ: Quyết định số …\"\n---\n");
    for heading in SECTION_HEADINGS {
        text.push_str(&format!("\n## {heading}\n\n"));
    }
    Ok((path, text, format!("{}.{number}", group.code())))
}

fn unknown(flag: &str, kind: &str, value: &str, known: &[&str], file: &str, code: Code) -> Diagnostic {
    let suggestions = crate::text::closest(value, known.iter().copied());
    let hint = match suggestions.first() {
        Some(best) => format!("Có phải ý bạn là “{best}”? Các mã được khai báo trong {file}."),
        None => format!("Các mã được khai báo trong {file}: {}.", known.join(", ")),
    };
    Diagnostic::error(code, flag, format!("{kind} “{value}” chưa được khai báo.")).hint(hint)
}

/// A value as a YAML scalar, always double-quoted: YAML reads a plain
/// `null`, `~`, `no`, `1e3` or a text starting with `-`, `#` or `:` as
/// something else than the text. JSON's string syntax is YAML's
/// double-quoted one.
pub(crate) fn yaml_text(text: &str) -> String {
    serde_json::to_string(text).expect("string serializes")
}
