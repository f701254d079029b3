//! Where a new entry goes and what `danhmuc new` writes for it: the file
//! with every required field and the four section headings, ready to fill
//! in, at the end of its sector within its group (the appendix's order,
//! `model::appendix`), and the entries after it, each one number down.
//! The file's text is `entry_file`'s, the writer `import` uses too.

use super::RawProject;
use super::entry_file::EntryFile;
use crate::diagnostics::{Code, Diagnostic, Report};
use crate::model::Group;
use crate::model::appendix::insertion_point;

/// What `new` writes.
pub struct Plan {
    /// The new file's path and text.
    pub path: String,
    pub text: String,
    /// Its reference ("B.9").
    pub reference: String,
    /// The entries after it, renumbered.
    pub renumbered: Vec<Renumbered>,
}

/// An entry that moves one place down.
pub struct Renumbered {
    pub path: String,
    pub was: u32,
    pub number: u32,
    pub old_reference: String,
    pub new_reference: String,
}

/// What the editor asks for: `danhmuc new`'s arguments.
pub struct NewEntry<'a> {
    pub title: &'a str,
    pub group: &'a str,
    pub sector: &'a str,
    pub agencies: &'a [String],
}

/// The new file, where it goes and the entries it moves down, or why not.
pub fn plan(project: &RawProject, args: &NewEntry) -> Result<Plan, Report> {
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
        report.push(unknown("--sector", "Lĩnh vực", args.sector, &sectors, super::SECTORS_FILE, Code::UnknownSector));
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
            report.push(unknown("--agency", "Đơn vị", agency, &agencies, super::AGENCIES_FILE, Code::UnknownAgency));
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
    let at = insertion_point(&sectors_in_order, &args.sector, &sectors);
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
    let hint = match crate::diagnostics::did_you_mean(value, known.iter().copied()) {
        Some(question) => format!("{question}Các mã được khai báo trong {file}."),
        None => format!("Các mã được khai báo trong {file}: {}.", known.join(", ")),
    };
    Diagnostic::error(code, flag, format!("{kind} “{value}” chưa được khai báo.")).hint(hint)
}
