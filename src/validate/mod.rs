//! From raw files to a consistent [`Catalog`], or the list of reasons why
//! not.
//!
//! Each entry is checked on its own (fields, references, sections), then
//! the catalog as a whole (unique slugs and numbers, no gaps, nothing
//! declared and unused). All problems are collected before deciding.

use crate::content_links::{Link, LinkTargets, classify};
use crate::diagnostics::{Code, Diagnostic, Position, Report};
use crate::model::fields;
use crate::model::{Agency, AgencyId, Catalog, Decision, Entry, Group, IsoDate, Sections, Sector, SectorId, Slug};
use crate::source::{self, RawDecision, RawEntry, RawProject, SourceFile};
use crate::text::closest;
use crate::urls::ENTRY_ANCHORS;
use serde_saphyr::Spanned;

mod order;
mod other_names;
mod places;
pub mod writing;
use std::collections::{BTreeMap, HashMap};

pub use crate::model::SECTION_HEADINGS;

/// Validates everything `source::load` read. Returns the catalog when there
/// is no error (warnings allowed), and every diagnostic either way.
/// The catalog and what its content's links can point to (made once, for
/// validation and rendering alike), or the reasons why not.
pub fn validate(project: &RawProject) -> (Option<(Catalog, LinkTargets)>, Report) {
    let mut report = Report::default();
    let (sectors, sector_lines) = declared(&project.sectors, source::SECTORS_FILE, &mut report, |s| (&s.slug, &s.name));
    let (agencies, agency_lines) =
        declared(&project.agencies, source::AGENCIES_FILE, &mut report, |a| (&a.slug, &a.name));
    let sectors: Vec<Sector> = sectors.into_iter().map(|(slug, name)| Sector { slug, name }).collect();
    let agencies: Vec<Agency> = agencies
        .into_iter()
        .zip(&project.agencies)
        .map(|((slug, name), raw)| Agency {
            slug,
            name,
            short_name: raw.short_name.clone().filter(|s| !s.trim().is_empty()),
            website: raw.website.as_ref().map(|w| w.value.trim().to_string()).filter(|w| !w.is_empty()),
            former: other_names::former_names(raw, &mut report),
            successor: None,
        })
        .collect();
    let agencies = other_names::successors(agencies, &project.agencies, &mut report);
    check_websites(&project.agencies, &mut report);
    let lookup = Lookup::new(&sectors, &agencies);

    // Entries are checked on every core (each also renders its plain text),
    // then their findings are gathered in file order.
    use rayon::prelude::*;
    let checked: Vec<(Option<Entry>, Facts, Report, writing::ToneCounts)> = project
        .entries
        .par_iter()
        .map(|(file, raw)| {
            let (mut facts, mut local) = (Facts::default(), Report::default());
            let entry = validate_entry(file, raw, &lookup, &mut facts, &mut local).map(|mut entry| {
                entry.updated = entry.updated.or_else(|| project.git_dates.get(&file.path).copied());
                entry
            });
            let mut tones = writing::check_file_text(file, &mut local);
            if let Some(kept) = &raw.verbatim {
                let fields: Vec<&str> = kept.iter().map(|f| f.value.as_str()).collect();
                for field in kept.iter().filter(|f| !writing::VERBATIM_FIELDS.contains(&f.value.as_str())) {
                    local.push(
                        Diagnostic::error(
                            Code::UnknownField,
                            &file.path,
                            format!("“{}” không giữ nguyên văn được trong verbatim.", field.value),
                        )
                        .at(field_position(Some(field)))
                        .hint("verbatim chỉ nhận title và notes: các trường giữ đúng như văn bản đã ký."),
                    );
                }
                tones = writing::tones_without(file, &fields);
            }
            (entry, facts, local, tones)
        })
        .collect();
    let mut entries = Vec::with_capacity(checked.len());
    let mut facts = Facts::default();
    let mut tones = Vec::with_capacity(checked.len());
    for ((entry, found, local, counts), (file, _)) in checked.into_iter().zip(&project.entries) {
        report.extend(local);
        facts.merge(found);
        entries.extend(entry);
        tones.push((file, counts));
    }
    if let Some((file, _)) = &project.decision {
        check_depth(file, crate::markdown::too_deep_at(file.body()), &mut report);
        let counts = writing::check_file_text(file, &mut report);
        tones.push((file, counts));
    }
    writing::check_tone_style(&tones, &mut report);
    let raw_by_path: HashMap<&str, &RawEntry> = project.entries.iter().map(|(f, r)| (f.path.as_str(), r)).collect();
    check_uniqueness(&entries, &raw_by_path, &mut report);
    // A file that failed to parse says nothing about its number, so gaps are
    // only reported once every file is readable and valid.
    if !report.has_errors() && project.failed_entries == 0 {
        check_numbering(&facts, &mut report);
    }
    // Nor does it say which sectors and agencies it names: a typo in one
    // entry must not make its agencies look unused.
    if project.failed_entries == 0 {
        check_unused(&facts, &sectors, &agencies, &sector_lines, &agency_lines, &mut report);
    }
    let synonyms = other_names::synonyms(&project.synonyms, &entries, &agencies, &mut report);
    let places = places::places(&project.places, &mut report);

    let decision =
        project.decision.as_ref().map(|(file, raw)| build_decision(file, raw, project.config.as_ref(), &mut report));

    if report.has_errors() || project.config.is_none() {
        return (None, report);
    }
    let issued = project.config.as_ref().and_then(|c| c.decision.issued());
    let catalog = Catalog::new(entries, sectors, agencies, decision)
        .with_synonyms(synonyms)
        .with_places(places)
        .with_issued(issued);
    if project.failed_entries == 0 {
        order::check_sector_order(&catalog, &raw_by_path, &mut report);
    }
    let targets = LinkTargets::new(&catalog, project.static_files.iter().map(|p| source::static_site_path(p)));
    let files: Vec<&SourceFile> =
        project.entries.iter().map(|(f, _)| f).chain(project.decision.as_ref().map(|(f, _)| f)).collect();
    let link_reports: Vec<Report> = files
        .par_iter()
        .map(|file| {
            let mut local = Report::default();
            check_links(file, &targets, &mut local);
            local
        })
        .collect();
    link_reports.into_iter().for_each(|local| report.extend(local));
    if report.has_errors() {
        return (None, report);
    }
    (Some((catalog, targets)), report)
}

/// Re-validates one changed entry file against an existing, valid catalog,
/// for the live preview. Returns the entry's index and its new value only
/// when it keeps its place in the catalog's order and its address: same
/// slug, group and number, and no problem found (its sector and agencies
/// may change). Anything else returns None and the caller rebuilds
/// everything (which also reports the problems). Links are checked
/// against the catalog's link targets (unchanged by such an edit).
pub fn revalidate_entry(
    catalog: &Catalog,
    targets: &LinkTargets,
    file: &SourceFile,
    raw: &RawEntry,
) -> Option<(usize, Entry)> {
    let index = catalog.entries().iter().position(|e| e.source_path == file.path)?;
    let old = &catalog.entries()[index];
    let lookup = Lookup::new(catalog.sectors(), catalog.agencies());
    let mut report = Report::default();
    let mut entry = validate_entry(file, raw, &lookup, &mut Facts::default(), &mut report)?;
    check_links(file, targets, &mut report);
    source::characters::check_text(&file.text, file.front.clone(), file.body.clone(), &file.path, &mut report);
    let same_place = entry.slug == old.slug && entry.group == old.group && entry.number == old.number;
    if report.has_errors() || !same_place {
        return None;
    }
    entry.updated = entry.updated.or(old.updated);
    Some((index, entry))
}

/// Every link in a content file's Markdown must be safe and, when internal,
/// point to a page (and section) that exists.
fn check_links(file: &SourceFile, targets: &LinkTargets, report: &mut Report) {
    use pulldown_cmark::{Event, Parser, Tag};
    // A link needs `](` (inline), `]:` (a reference's definition) or `<`
    // (an autolink); most entries have none, and are not parsed again.
    let body = file.body();
    if !(body.contains("](") || body.contains("]:") || body.contains('<')) {
        return;
    }
    let is_entry = file.path.starts_with(source::ENTRIES_DIR);
    // Found from one link to the next: a line of many links is read once.
    let mut positions = crate::diagnostics::Positions::new(&file.text);
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        let dest = match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => dest_url.to_string(),
            _ => continue,
        };
        let anchors_hint = || {
            format!(
                "Các mục có thể liên kết tới: {}.",
                ENTRY_ANCHORS.iter().map(|a| format!("#{a}")).collect::<Vec<_>>().join(", ")
            )
        };
        let link = classify(&dest, &file.path);
        let problem = match &link {
            Link::External => None,
            Link::Unsafe => Some(
                Diagnostic::error(Code::UnsafeLink, &file.path, format!("Liên kết “{dest}” không được phép."))
                    .hint("Chỉ dùng liên kết http(s)://, mailto:, tel:, hoặc liên kết tới một trang của Danh mục."),
            ),
            Link::Anchor(anchor) if is_entry && ENTRY_ANCHORS.contains(anchor) => None,
            Link::Anchor(anchor) => Some(
                Diagnostic::error(Code::BrokenLink, &file.path, format!("Trang này không có mục “#{anchor}”."))
                    .hint(if is_entry { anchors_hint() } else { "Trang này không có mục để liên kết tới; bỏ phần “#…”.".to_string() }),
            ),
            Link::Relative => Some(
                Diagnostic::error(Code::RelativeLink, &file.path, format!("Liên kết “{dest}” không rõ trỏ tới đâu."))
                    .hint("Liên kết tới CSDL khác bằng tên tệp, ví dụ “b-08-csdl-dat-dai.md”; tới trang khác bằng đường dẫn từ gốc trang web, ví dụ “/linh-vuc/noi-vu/”."),
            ),
            Link::ContentFile { fragment, .. } | Link::SitePage { fragment, .. } => match targets.page_of(&link) {
                None => Some(
                    Diagnostic::error(Code::BrokenLink, &file.path, format!("Liên kết “{dest}” trỏ tới trang không tồn tại."))
                        .hint("Kiểm tra tên tệp (trong content/csdl/) hoặc đường dẫn trang (ví dụ “/linh-vuc/noi-vu/”)."),
                ),
                Some(page) => match fragment {
                    Some(f) if !targets.anchors_of(&page).contains(f) => Some(
                        Diagnostic::error(Code::BrokenLink, &file.path, format!("Trang “{page}” không có mục “#{f}”."))
                            .hint(if page.starts_with("csdl/") { anchors_hint() } else { "Bỏ phần “#…” của liên kết.".to_string() }),
                    ),
                    _ => None,
                },
            },
        };
        if let Some(d) = problem {
            report.push(d.at(Some(positions.at(file.body.start + range.start))));
        }
    }
}

/// An agency's `website` becomes a link on its page and in the open
/// data: an `http(s)://` (or `mailto:`) address only, never one that runs
/// code (`javascript:`) or reads the reader's disk (`file:`).
fn check_websites(agencies: &[source::RawAgency], report: &mut Report) {
    for website in agencies.iter().filter_map(|a| a.website.as_ref()).filter(|w| !w.value.trim().is_empty()) {
        if !crate::urls::is_web_address(&website.value) {
            report.push(
                Diagnostic::error(
                    Code::UnsafeLink,
                    source::AGENCIES_FILE,
                    format!("Trang thông tin “{}” không phải địa chỉ http(s)://.", website.value.trim()),
                )
                .at(source::frontmatter_position(website, 1))
                .hint("Ghi địa chỉ đầy đủ, bắt đầu bằng https:// (hoặc http://), ví dụ “website: https://snv.quangninh.gov.vn”. Liên kết kiểu javascript:, data: hay file: có thể chạy mã trên trang của người đọc nên không được dùng."),
            );
        }
    }
}

/// What each entry file says about numbers and references, even when the
/// file has other errors, so that cross-file warnings (gaps, unused
/// declarations) do not change while an editor fixes unrelated mistakes.
#[derive(Default)]
struct Facts {
    numbers: Vec<(Group, u32)>,
    sectors_used: std::collections::HashSet<SectorId>,
    agencies_used: std::collections::HashSet<AgencyId>,
}

impl Facts {
    fn merge(&mut self, other: Facts) {
        self.numbers.extend(other.numbers);
        self.sectors_used.extend(other.sectors_used);
        self.agencies_used.extend(other.agencies_used);
    }
}

/// Name lookups for references from entries.
struct Lookup<'a> {
    sectors: HashMap<&'a str, SectorId>,
    agencies: HashMap<&'a str, AgencyId>,
    declared: &'a [Agency],
}

impl<'a> Lookup<'a> {
    fn new(sectors: &'a [Sector], agencies: &'a [Agency]) -> Self {
        Lookup {
            sectors: sectors.iter().enumerate().map(|(i, s)| (s.slug.as_str(), SectorId(i))).collect(),
            agencies: agencies.iter().enumerate().map(|(i, a)| (a.slug.as_str(), AgencyId(i))).collect(),
            declared: agencies,
        }
    }
}

/// Checks a data file's declarations (slug + name) and returns the valid
/// ones with the line each is declared on.
fn declared<T>(
    items: &[T],
    file: &str,
    report: &mut Report,
    fields: impl Fn(&T) -> (&Spanned<String>, &Spanned<String>),
) -> (Vec<(Slug, String)>, Vec<Option<Position>>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut valid = Vec::new();
    let mut lines = Vec::new();
    for item in items {
        let (slug, name) = fields(item);
        let position = source::frontmatter_position(slug, 1);
        let Some(parsed) = Slug::new(slug.value.trim()) else {
            report.push(
                Diagnostic::error(Code::InvalidSlug, file, format!("Mã “{}” không hợp lệ.", slug.value))
                    .at(position)
                    .hint(format!(
                        "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “{}”.",
                        crate::text::slugify(&name.value)
                    )),
            );
            continue;
        };
        if let Some(line) = seen.get(parsed.as_str()) {
            report.push(
                Diagnostic::error(
                    Code::DuplicateDeclaration,
                    file,
                    format!("Mã “{parsed}” đã được khai báo ở dòng {line}."),
                )
                .at(position)
                .hint("Mỗi mã chỉ khai báo một lần; xóa hoặc đổi mã của một trong hai mục."),
            );
            continue;
        }
        if name.value.trim().is_empty() {
            report.push(
                Diagnostic::error(Code::EmptyField, file, format!("Mã “{parsed}” chưa có tên (name)."))
                    .at(source::frontmatter_position(name, 1)),
            );
            continue;
        }
        seen.insert(parsed.as_str().to_string(), position.map_or(0, |p| p.line));
        valid.push((parsed, crate::text::nfc(name.value.trim())));
        lines.push(position);
    }
    (valid, lines)
}

fn validate_entry(
    file: &SourceFile,
    raw: &RawEntry,
    lookup: &Lookup,
    facts: &mut Facts,
    report: &mut Report,
) -> Option<Entry> {
    let errors_before = report.count(crate::diagnostics::Severity::Error);
    let path = file.path.as_str();
    let title = title(file, raw, report);
    let group = group(file, raw, report);
    let number = number(file, raw, report);
    let sector = sector(file, raw, lookup, report);
    let agencies = agencies(file, raw, lookup, report);
    let notes = notes(path, raw, report);
    let updated = updated(path, raw, report);
    let keywords = keywords(path, raw, report);
    let slug = slug(path, raw, title.as_deref(), report);
    let (sections, extra) = validate_sections(file, report);

    if let (Some(group), Some(number)) = (group, number) {
        facts.numbers.push((group, number));
    }
    facts.sectors_used.extend(sector);
    facts.agencies_used.extend(agencies.iter().copied());

    if report.count(crate::diagnostics::Severity::Error) > errors_before {
        return None;
    }
    Some(Entry {
        slug: slug?,
        title: title?,
        group: group?,
        number: number?,
        sector: sector?,
        agencies,
        notes,
        sections,
        extra,
        updated,
        source_path: file.path.clone(),
        reason: raw.ly_do.as_ref().map(|r| crate::text::nfc(r.value.trim())).filter(|r| !r.is_empty()),
        keywords,
    })
}

/// `title`: required text, not too long for a page or a spreadsheet cell.
fn title(file: &SourceFile, raw: &RawEntry, report: &mut Report) -> Option<String> {
    let path = file.path.as_str();
    let title =
        required_text(raw.title.as_ref(), fields::TITLE.key, "tên CSDL, ví dụ “title: CSDL Đất đai”", file, report);
    if let (Some(text), Some(raw_title)) = (&title, &raw.title) {
        writing::check_title_length(text, path, field_position(Some(raw_title)), report);
        writing::check_cell_length(
            text,
            fields::column(fields::TITLE),
            path,
            || field_position(Some(raw_title)),
            report,
        );
    }
    title
}

/// `group`: A or B.
fn group(file: &SourceFile, raw: &RawEntry, report: &mut Report) -> Option<Group> {
    let path = file.path.as_str();
    match &raw.group {
        None => {
            report.push(missing(
                file,
                fields::GROUP.key,
                "nhóm A (bộ, ngành trung ương triển khai) hoặc B (tỉnh triển khai), ví dụ “group: A”",
            ));
            None
        }
        Some(g) => match Group::parse(&g.value) {
            Some(group) => Some(group),
            None => {
                report.push(
                    Diagnostic::error(Code::InvalidGroup, path, format!("Nhóm “{}” không hợp lệ.", g.value))
                        .at(field_position(Some(g)))
                        .hint("Chỉ có hai nhóm: “A” (do bộ, ngành trung ương triển khai) và “B” (do tỉnh triển khai)."),
                );
                None
            }
        },
    }
}

/// `number`: the TT within the group, from 1.
fn number(file: &SourceFile, raw: &RawEntry, report: &mut Report) -> Option<u32> {
    let path = file.path.as_str();
    match &raw.number {
        None => {
            report.push(missing(file, fields::NUMBER.key, "số thứ tự (TT) trong nhóm, ví dụ “number: 12”"));
            None
        }
        Some(n) if n.value < 1 || n.value > 100_000 => {
            report.push(
                Diagnostic::error(Code::InvalidNumber, path, format!("Số thứ tự {} không hợp lệ.", n.value))
                    .at(field_position(Some(n)))
                    .hint("Số thứ tự (TT) là số nguyên dương, bắt đầu từ 1 trong mỗi nhóm."),
            );
            None
        }
        Some(n) => Some(n.value as u32),
    }
}

/// `sector`: a slug declared in `content/sectors.yaml`.
fn sector(file: &SourceFile, raw: &RawEntry, lookup: &Lookup, report: &mut Report) -> Option<SectorId> {
    let path = file.path.as_str();
    match &raw.sector {
        None => {
            report.push(missing(
                file,
                fields::SECTOR.key,
                "mã lĩnh vực khai báo trong content/sectors.yaml, ví dụ “sector: noi-vu”",
            ));
            None
        }
        Some(s) => match lookup.sectors.get(s.value.trim()) {
            Some(id) => Some(*id),
            None => {
                report.push(
                    unknown_reference(
                        Code::UnknownSector,
                        path,
                        fields::SECTOR.label,
                        &s.value,
                        lookup.sectors.keys().copied(),
                        source::SECTORS_FILE,
                    )
                    .at(field_position(Some(s))),
                );
                None
            }
        },
    }
}

/// `agencies`: one or more slugs declared in `content/agencies.yaml`, each once.
fn agencies(file: &SourceFile, raw: &RawEntry, lookup: &Lookup, report: &mut Report) -> Vec<AgencyId> {
    let path = file.path.as_str();
    let mut agencies = Vec::new();
    match &raw.agencies {
        None => report.push(missing(
            file,
            fields::AGENCIES.key,
            "danh sách mã đơn vị chủ trì, ví dụ:\nagencies:\n  - so-noi-vu",
        )),
        Some(list) if list.value.is_empty() => report.push(
            Diagnostic::error(Code::EmptyField, path, "Danh sách đơn vị chủ trì (agencies) đang trống.")
                .at(field_position(Some(list)))
                .hint("Mỗi CSDL có ít nhất một đơn vị chủ trì, ví dụ:\nagencies:\n  - so-noi-vu"),
        ),
        Some(list) => {
            for item in &list.value {
                match lookup.agencies.get(item.value.trim()) {
                    Some(id) if agencies.contains(id) => report.push(
                        Diagnostic::error(
                            Code::DuplicateAgency,
                            path,
                            format!("Đơn vị “{}” được ghi hai lần.", item.value),
                        )
                        .at(field_position(Some(item)))
                        .hint("Xóa dòng lặp lại."),
                    ),
                    Some(id) => {
                        agencies.push(*id);
                        let agency = &lookup.declared[id.0];
                        if let Some(successor) = agency.successor.map(|s| &lookup.declared[s.0]) {
                            report.push(
                                Diagnostic::warning(
                                    Code::AgencyReplaced,
                                    path,
                                    format!("{} không còn; {} đã tiếp nhận nhiệm vụ.", agency.name, successor.name),
                                )
                                .at(field_position(Some(item)))
                                .hint(format!("Ghi đơn vị hiện nay: “- {}”.", successor.slug)),
                            );
                        }
                    }
                    None => report.push(
                        unknown_reference(
                            Code::UnknownAgency,
                            path,
                            "Đơn vị",
                            &item.value,
                            lookup.agencies.keys().copied(),
                            source::AGENCIES_FILE,
                        )
                        .at(field_position(Some(item))),
                    ),
                }
            }
        }
    }
    agencies
}

/// `notes`: optional text (Ghi chú), not too long for a spreadsheet cell.
fn notes(path: &str, raw: &RawEntry, report: &mut Report) -> Option<String> {
    let notes = raw.notes.as_ref().map(|n| crate::text::nfc(n.value.trim())).filter(|n| !n.is_empty());
    if let (Some(text), Some(raw_notes)) = (&notes, &raw.notes) {
        writing::check_cell_length(
            text,
            fields::column(fields::NOTES),
            path,
            || field_position(Some(raw_notes)),
            report,
        );
    }
    notes
}

/// `keywords`: optional words people search by, each with a letter or a
/// digit, and none twice (compared as the search compares them: case,
/// diacritics and spacing aside).
fn keywords(path: &str, raw: &RawEntry, report: &mut Report) -> Vec<String> {
    let mut keywords = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for item in raw.keywords.iter().flat_map(|list| &list.value) {
        let keyword = crate::text::nfc(&item.value.split_whitespace().collect::<Vec<_>>().join(" "));
        let at = field_position(Some(item));
        let key = crate::text::fold(&keyword.to_lowercase());
        if !key.chars().any(char::is_alphanumeric) {
            report.push(
                Diagnostic::error(Code::EmptyField, path, "Một từ khóa (keywords) không có chữ nào để tìm.")
                    .at(at)
                    .hint("Mỗi từ khóa là cụm từ người dân hay gõ khi tìm, ví dụ “- sổ đỏ”; xóa dòng trống."),
            );
            continue;
        }
        if let Some(line) = seen.get(&key) {
            report.push(
                Diagnostic::error(
                    Code::DuplicateKeyword,
                    path,
                    format!("Từ khóa “{keyword}” đã có ở dòng {line} (viết hoa hay dấu không phân biệt)."),
                )
                .at(at)
                .hint("Mỗi từ khóa chỉ ghi một lần; xóa dòng lặp lại."),
            );
            continue;
        }
        seen.insert(key, at.map_or(0, |p| p.line));
        keywords.push(keyword);
    }
    keywords
}

/// `updated`: an optional ISO date.
fn updated(path: &str, raw: &RawEntry, report: &mut Report) -> Option<IsoDate> {
    raw.updated.as_ref().and_then(|u| match IsoDate::parse(&u.value) {
        Some(date) => Some(date),
        None => {
            report.push(
                Diagnostic::error(
                    Code::InvalidType,
                    path,
                    format!("Ngày cập nhật “{}” không đúng định dạng.", u.value),
                )
                .at(field_position(Some(u)))
                .hint("Viết ngày theo dạng năm-tháng-ngày, ví dụ “updated: 2026-06-01”."),
            );
            None
        }
    })
}

/// `slug`: pinned, or made from the title.
fn slug(path: &str, raw: &RawEntry, title: Option<&str>, report: &mut Report) -> Option<Slug> {
    match (&raw.slug, title) {
        (Some(s), _) => match Slug::new(s.value.trim()) {
            Some(slug) => Some(slug),
            None => {
                report.push(
                    Diagnostic::error(
                        Code::InvalidSlug,
                        path,
                        format!("Đường dẫn trang (trường slug) “{}” không hợp lệ.", s.value),
                    )
                    .at(field_position(Some(s)))
                    .hint(format!(
                        "Đường dẫn trang chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “{}”.",
                        title.map(crate::text::slugify).unwrap_or_else(|| "csdl-dat-dai".into())
                    )),
                );
                None
            }
        },
        (None, Some(title)) => match Slug::from_title(title) {
            Some(slug) => Some(slug),
            None => {
                report.push(
                    Diagnostic::error(Code::InvalidSlug, path, "Không tạo được đường dẫn trang từ tên CSDL.")
                        .at(field_position(raw.title.as_ref()))
                        .hint("Thêm dòng “slug: …” gồm chữ thường không dấu, chữ số và dấu gạch ngang."),
                );
                None
            }
        },
        (None, None) => None,
    }
}

fn required_text(
    value: Option<&Spanned<String>>,
    key: &str,
    what: &str,
    file: &SourceFile,
    report: &mut Report,
) -> Option<String> {
    match value {
        None => {
            report.push(missing(file, key, what));
            None
        }
        Some(v) if v.value.trim().is_empty() => {
            report.push(
                Diagnostic::error(Code::EmptyField, &file.path, format!("Trường “{key}” đang để trống."))
                    .at(source::location_position(&v.referenced, file.front_line()).or(Some(Position::new(1, 1))))
                    .hint(sentence(format!("Điền {what}"))),
            );
            None
        }
        Some(v) => Some(crate::text::nfc(v.value.trim())),
    }
}

/// A required field that is absent, or written with nothing after its
/// `:` (which YAML reads as no value): then the finding points at it.
fn missing(file: &SourceFile, key: &str, what: &str) -> Diagnostic {
    let written = file.front_matter().lines().position(|line| {
        line.strip_prefix(key).and_then(|rest| rest.trim_end().strip_prefix(':')).is_some_and(|rest| rest.is_empty())
    });
    match written {
        Some(at) => Diagnostic::error(Code::EmptyField, &file.path, format!("Trường “{key}” đang để trống."))
            .at(Some(Position::new(at + file.front_line(), 1)))
            .hint(sentence(format!("Điền {what}"))),
        None => Diagnostic::error(Code::MissingField, &file.path, format!("Thiếu trường bắt buộc “{key}”."))
            .at(Some(Position::new(1, 1)))
            .hint(sentence(format!("Thêm vào phần thông tin giữa hai dòng “---”: {what}"))),
    }
}

/// `text` closed by a full stop, unless it ends with lines to copy.
fn sentence(text: String) -> String {
    if text.contains('\n') { text } else { text + "." }
}

fn unknown_reference<'a>(
    code: Code,
    path: &str,
    kind: &str,
    value: &str,
    known: impl Iterator<Item = &'a str>,
    declared_in: &str,
) -> Diagnostic {
    let mut known: Vec<&str> = known.collect();
    known.sort_unstable();
    let suggestions = closest(value, known.iter().copied());
    let hint = if suggestions.is_empty() {
        format!("Dùng một mã đã khai báo trong {declared_in}, hoặc khai báo mã mới ở đó.")
    } else {
        format!(
            "Có phải ý bạn là {}? Các mã được khai báo trong {declared_in}.",
            suggestions.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>().join(" hoặc ")
        )
    };
    Diagnostic::error(code, path, format!("{kind} “{value}” chưa được khai báo.")).hint(hint)
}

/// Content nested deeper than a page can be made of safely (see
/// `markdown::depth`), reported where it goes too deep.
fn check_depth(file: &SourceFile, too_deep_at: Option<usize>, report: &mut Report) {
    let Some(at) = too_deep_at else { return };
    let max = crate::markdown::MAX_DEPTH;
    report.push(
        Diagnostic::error(
            Code::NestingTooDeep,
            &file.path,
            format!("Nội dung lồng nhau quá sâu: hơn {max} tầng thẻ HTML, trích dẫn hoặc danh sách lồng trong nhau."),
        )
        .at(Some(file.body_position(at)))
        .hint("Bỏ bớt các thẻ (như <div>) hoặc trích dẫn, danh sách lồng trong nhau; một CSDL chỉ cần vài tầng."),
    );
}

/// Checks the four fixed sections and returns their Markdown and what
/// follows them.
fn validate_sections(file: &SourceFile, report: &mut Report) -> (Sections, String) {
    let body = file.body();
    let source::Body { preamble, mut sections, too_deep_at } = source::split_body(body);
    check_depth(file, too_deep_at, report);
    let path = file.path.as_str();
    if !body[preamble.clone()].trim().is_empty() {
        let offset = preamble.start + body[preamble].find(|c: char| !c.is_whitespace()).unwrap_or(0);
        report.push(
            Diagnostic::error(Code::ContentBeforeSections, path, "Có nội dung nằm trước mục “## Mục đích”.")
                .at(Some(file.body_position(offset)))
                .hint(
                    "Chuyển đoạn này vào một trong bốn mục, hoặc xuống cuối tệp sau mục “## Kết nối, chia sẻ dữ liệu”.",
                ),
        );
    }
    let mut texts: [(String, Option<String>); 4] = Default::default();
    for (index, expected) in SECTION_HEADINGS.iter().enumerate() {
        let Some(section) = sections.get_mut(index) else {
            report.push(
                Diagnostic::error(Code::MissingSection, path, format!("Thiếu mục “## {expected}”."))
                    .at(Some(file.body_position(body.len())))
                    .hint(format!(
                        "Mỗi CSDL có đủ bốn mục theo thứ tự: {}.",
                        SECTION_HEADINGS.map(|h| format!("“## {h}”")).join(", ")
                    )),
            );
            continue;
        };
        // Only a diagnostic needs the line and column: a scan of the file.
        let position = || Some(file.body_position(section.heading_start));
        if crate::text::nfc(&section.heading) != *expected {
            let unrelated = closest(&section.heading, [*expected]).is_empty();
            let (code, message) = if unrelated {
                (
                    Code::MissingSection,
                    format!("Mục thứ {} phải là “## {expected}”, nhưng gặp “## {}”.", index + 1, section.heading),
                )
            } else {
                (Code::MisspelledSection, format!("Tên mục “## {}” viết sai.", section.heading))
            };
            report.push(
                Diagnostic::error(code, path, message)
                    .at(position())
                    .hint(format!("Viết đúng “## {expected}”; bốn mục theo thứ tự: {}.", SECTION_HEADINGS.join("; "))),
            );
            continue;
        }
        let content = body[section.content.clone()].trim();
        if content.is_empty() {
            report.push(
                Diagnostic::error(Code::EmptySection, path, format!("Mục “## {expected}” chưa có nội dung."))
                    .at(position())
                    .hint("Chép nội dung của cột tương ứng trong Phụ lục của Quyết định vào dưới tiêu đề này."),
            );
        }
        writing::check_cell_length(content, expected, path, position, report);
        texts[index] = (content.to_string(), section.plain.take());
    }
    for extra in sections.iter().skip(SECTION_HEADINGS.len()) {
        report.push(
            Diagnostic::warning(
                Code::ExtraSection,
                path,
                format!(
                    "Mục “## {}” nằm sau bốn mục của Phụ lục: mục này chỉ hiện trên trang của CSDL, không có trong dữ liệu mở (JSON, CSV, Excel, DCAT) và không được tìm kiếm.",
                    extra.heading
                ),
            )
            .at(Some(file.body_position(extra.heading_start)))
            .hint("Nếu đây là nội dung của Phụ lục, chuyển nó vào một trong bốn mục; nếu chỉ là ghi chú cho người đọc trang, có thể giữ nguyên."),
        );
    }
    let extra = sections.get(4).map(|s| body[s.heading_start..].trim().to_string()).unwrap_or_default();
    // The plain text comes from the body's single parse where that reads
    // the section as a parse of it alone would; otherwise it is made here.
    let texts = texts.map(|(markdown, plain)| {
        let plain = plain.unwrap_or_else(|| crate::markdown::to_plain_text(&markdown));
        (markdown, plain)
    });
    (Sections::new(texts), extra)
}

/// Where a field's diagnostic goes: the line and column of its value, or
/// the file's first line (also where a duplicate is best shown).
fn field_position<T>(value: Option<&Spanned<T>>) -> Option<Position> {
    value.and_then(|v| source::frontmatter_position(v, source::FRONT_MATTER_LINE)).or(Some(Position::new(1, 1)))
}

fn check_uniqueness(entries: &[Entry], raw: &HashMap<&str, &RawEntry>, report: &mut Report) {
    let mut slugs: BTreeMap<&str, &Entry> = BTreeMap::new();
    let mut numbers: BTreeMap<(Group, u32), &Entry> = BTreeMap::new();
    for entry in entries {
        if let Some(first) = slugs.insert(entry.slug.as_str(), entry) {
            report.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    &entry.source_path,
                    format!("Đường dẫn “{}” trùng với {}.", entry.slug, first.source_path),
                )
                .at(raw
                    .get(entry.source_path.as_str())
                    .and_then(|r| field_position(r.slug.as_ref().or(r.title.as_ref()))))
                .hint("Thêm dòng “slug: …” với một đường dẫn khác cho một trong hai CSDL."),
            );
        }
        if let Some(first) = numbers.insert((entry.group, entry.number), entry) {
            report.push(
                Diagnostic::error(
                    Code::DuplicateNumber,
                    &entry.source_path,
                    format!(
                        "Số thứ tự {} trong nhóm {} trùng với {}.",
                        entry.number,
                        entry.group.code(),
                        first.source_path
                    ),
                )
                .at(raw.get(entry.source_path.as_str()).and_then(|r| field_position(r.number.as_ref())))
                .hint("Mỗi CSDL trong một nhóm có một số thứ tự riêng; sửa “number:” của một trong hai tệp."),
            );
        }
    }
}

fn check_numbering(facts: &Facts, report: &mut Report) {
    for group in Group::ALL {
        let mut numbers: Vec<u32> = facts.numbers.iter().filter(|(g, _)| *g == group).map(|(_, n)| *n).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let Some(&max) = numbers.last() else { continue };
        let missing: Vec<String> =
            (1..=max).filter(|n| numbers.binary_search(n).is_err()).map(|n| n.to_string()).collect();
        if !missing.is_empty() {
            report.push(
                Diagnostic::warning(
                    Code::NumberGap,
                    source::ENTRIES_DIR,
                    format!("Nhóm {} thiếu số thứ tự: {}.", group.code(), missing.join(", ")),
                )
                .hint("Các CSDL trong một nhóm được đánh số liên tục từ 1; kiểm tra “number:” của các tệp."),
            );
        }
    }
}

fn check_unused(
    facts: &Facts,
    sectors: &[Sector],
    agencies: &[Agency],
    sector_lines: &[Option<Position>],
    agency_lines: &[Option<Position>],
    report: &mut Report,
) {
    for (i, sector) in sectors.iter().enumerate().filter(|(i, _)| !facts.sectors_used.contains(&SectorId(*i))) {
        report.push(
            Diagnostic::warning(
                Code::UnusedSector,
                source::SECTORS_FILE,
                format!("Lĩnh vực “{}” không có CSDL nào.", sector.slug),
            )
            .at(sector_lines[i])
            .hint("Xóa khai báo nếu không còn dùng, hoặc kiểm tra “sector:” của các CSDL."),
        );
    }
    // An agency kept only to say who took over its duties is not unused.
    let unused =
        |(i, agency): &(usize, &Agency)| !facts.agencies_used.contains(&AgencyId(*i)) && agency.successor.is_none();
    for (i, agency) in agencies.iter().enumerate().filter(unused) {
        report.push(
            Diagnostic::warning(
                Code::UnusedAgency,
                source::AGENCIES_FILE,
                format!("Đơn vị “{}” không chủ trì CSDL nào.", agency.slug),
            )
            .at(agency_lines[i])
            .hint("Xóa khai báo nếu không còn dùng, hoặc kiểm tra “agencies:” của các CSDL."),
        );
    }
}

fn build_decision(
    file: &SourceFile,
    raw: &RawDecision,
    config: Option<&crate::config::Config>,
    report: &mut Report,
) -> Decision {
    let configured = config.map(|c| &c.decision);
    let text = source::decision::read_decision_body(file.body(), &file.path, &|at| file.body_position(at), report);
    Decision {
        title: raw.title.clone(),
        issuer: raw.issuer.clone(),
        place: raw.place.clone(),
        year: raw.year,
        number: configured.and_then(|d| d.number.clone()),
        date: configured.and_then(|d| d.date.as_deref()).and_then(IsoDate::parse),
        signer: raw.signer.clone(),
        signer_title: raw.signer_title.clone(),
        replaces: raw.replaces.clone(),
        recipients: raw.recipients.clone(),
        text,
        source_path: file.path.clone(),
    }
}
