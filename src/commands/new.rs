//! `danhmuc new`: writes a new entry file with every required field and
//! the four section headings, ready to fill in, at the end of its sector
//! within its group (the appendix's order, `validate::insertion_point`),
//! and renumbers the entries after it, all or nothing. It never overwrites
//! a file, and changes nothing but the `number:` line of the others.

use crate::diagnostics::{Code, Diagnostic, Report};
use crate::exit;
use crate::model::Group;
use crate::source::entry_file::{self, EntryFile};
use crate::source::{self, RawProject};
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
    let Plan { path, text, reference, renumbered } = match plan(&project, args) {
        Ok(planned) => planned,
        Err(report) => {
            eprint!("{}", report.to_human(args.root));
            return exit::CONTENT_ERRORS;
        }
    };
    // Written whole under a temporary name, then linked into place: never
    // an empty file left by an interruption, and never over a file that
    // appeared after the check above. The entries after it are renumbered
    // in the same step, or none is.
    let mut changes = source::write::Changes::default();
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

/// What `new` writes.
struct Plan {
    /// The new file's path and text.
    path: String,
    text: String,
    /// Its reference ("B.9").
    reference: String,
    /// The entries after it, renumbered.
    renumbered: Vec<Renumbered>,
}

/// An entry that moves one place down.
struct Renumbered {
    path: String,
    was: u32,
    number: u32,
    old_reference: String,
    new_reference: String,
}

/// The new file, where it goes and the entries it moves down, or why not.
fn plan(project: &RawProject, args: &NewArgs) -> Result<Plan, Report> {
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

    // The group's entries in the order of their numbers; the new one goes
    // at the end of its sector, and those after it move down one place.
    let mut in_group: Vec<(u32, &str, &str)> = project
        .entries
        .iter()
        .filter(|(_, raw)| raw.group.as_ref().and_then(|g| Group::parse(&g.value)) == Some(group))
        .filter_map(|(file, raw)| {
            let number = u32::try_from(raw.number.as_ref()?.value).ok()?;
            Some((number, raw.sector.as_ref().map_or("", |s| s.value.as_str()), file.path.as_str()))
        })
        .collect();
    in_group.sort_unstable();
    let sectors_in_order: Vec<&str> = in_group.iter().map(|(_, sector, _)| *sector).collect();
    let at = crate::validate::insertion_point(&sectors_in_order, &args.sector, &sectors);
    let last = in_group.last().map_or(0, |(n, ..)| *n);
    let number = in_group.get(at).map_or(last.saturating_add(1), |(n, ..)| *n).min(u32::MAX - 1);
    let renumbered = in_group[at..]
        .iter()
        .map(|&(was, _, path)| Renumbered {
            path: path.to_string(),
            was,
            number: was.saturating_add(1),
            old_reference: format!("{}.{was}", group.code()),
            new_reference: format!("{}.{}", group.code(), was.saturating_add(1)),
        })
        .collect();
    let entry = EntryFile {
        title,
        slug,
        group,
        number,
        sector: args.sector.to_string(),
        agencies: args.agencies.to_vec(),
        notes: None,
        keywords: Vec::new(),
        sections: Default::default(),
    };
    // Empty sections and a valid slug: the text is always written.
    let text = entry.text().unwrap_or_default();
    Ok(Plan { path: entry.path(), text, reference: format!("{}.{number}", group.code()), renumbered })
}

fn unknown(flag: &str, kind: &str, value: &str, known: &[&str], file: &str, code: Code) -> Diagnostic {
    let suggestions = crate::text::closest(value, known.iter().copied());
    let hint = match suggestions.first() {
        Some(best) => format!("Có phải ý bạn là “{best}”? Các mã được khai báo trong {file}."),
        None => format!("Các mã được khai báo trong {file}: {}.", known.join(", ")),
    };
    Diagnostic::error(code, flag, format!("{kind} “{value}” chưa được khai báo.")).hint(hint)
}
