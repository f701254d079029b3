//! The other names readers search by: agencies' former names
//! (`content/agencies.yaml`) and the project's synonyms
//! (`content/synonyms.yaml`), checked so that `check` says what the
//! search would not understand.

use crate::diagnostics::{Code, Diagnostic, Report};
use crate::model::{Agency, AgencyId, Entry, FormerName, Synonym};
use crate::source::{self, RawAgency, RawSynonym};
use std::collections::{HashMap, HashSet};

/// The years a former name can have ended: the Democratic Republic's
/// first administration to a century from now.
const YEARS: std::ops::RangeInclusive<i64> = 1945..=2125;

/// An agency's former names; one without a name, or with a year that is
/// not one, is reported and left out.
pub fn former_names(raw: &RawAgency, report: &mut Report) -> Vec<FormerName> {
    let file = source::AGENCIES_FILE;
    let mut names = Vec::new();
    for former in &raw.former {
        let name = crate::text::nfc(former.name.value.trim());
        if name.is_empty() {
            report.push(
                Diagnostic::error(
                    Code::EmptyField,
                    file,
                    format!("Một tên cũ (former) của “{}” để trống.", raw.name.value),
                )
                .at(source::frontmatter_position(&former.name, 1))
                .hint("Ghi tên cũ đầy đủ như văn bản đã dùng, ví dụ “Sở Tài nguyên và Môi trường”, hoặc xóa dòng này."),
            );
            continue;
        }
        let until = match &former.until {
            Some(year) if !YEARS.contains(&year.value) => {
                report.push(
                    Diagnostic::error(
                        Code::InvalidYear,
                        file,
                        format!("Năm “{}” của tên cũ “{name}” không hợp lệ.", year.value),
                    )
                    .at(source::frontmatter_position(year, 1))
                    .hint("Ghi năm tên cũ thôi được dùng, bốn chữ số, ví dụ “until: 2025”."),
                );
                continue;
            }
            Some(year) => Some(year.value as u32),
            None => None,
        };
        names.push(FormerName { name, until });
    }
    names
}

/// The synonyms of `content/synonyms.yaml`. A key used twice, or one with
/// no word, is an error; a meaning whose words no entry has is a warning
/// (searching it finds nothing).
pub fn synonyms(raw: &[RawSynonym], entries: &[Entry], agencies: &[Agency], report: &mut Report) -> Vec<Synonym> {
    let file = source::SYNONYMS_FILE;
    let mut synonyms = Vec::new();
    // Per folded key, the written keys seen and their lines: "mỏ" and "mộ"
    // are two words, but "mo" is typed for either.
    let mut seen: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    if raw.is_empty() {
        return synonyms;
    }
    let words = catalog_words(entries, agencies);
    for item in raw {
        let position = source::frontmatter_position(&item.means, 1);
        let means = crate::text::nfc(item.means.value.trim());
        if crate::search::names::key(&means).is_empty() {
            report.push(
                Diagnostic::error(Code::EmptyField, file, "Một mục chưa có nghĩa (means).")
                    .at(position)
                    .hint("Ghi sau “means:” cụm từ mà danh mục dùng, ví dụ “means: giấy phép xây dựng”."),
            );
            continue;
        }
        if item.words.value.is_empty() {
            report.push(
                Diagnostic::error(Code::EmptyField, file, format!("Mục “{means}” chưa có từ nào (words)."))
                    .at(source::frontmatter_position(&item.words, 1))
                    .hint("Ghi các cách người đọc gõ, ví dụ “words: [GPXD, giấy phép xây nhà]”."),
            );
            continue;
        }
        let mut kept = Vec::new();
        for written in &item.words.value {
            let at = source::frontmatter_position(written, 1);
            let key = crate::search::names::key(&written.value);
            let written_key = crate::search::names::written_key(&written.value);
            if key.is_empty() {
                report.push(
                    Diagnostic::error(Code::EmptyField, file, format!("“{}” không có chữ nào để tìm.", written.value))
                        .at(at)
                        .hint("Mỗi từ phải có chữ cái hoặc chữ số; xóa mục trống."),
                );
                continue;
            }
            let clash = seen.get(&key).and_then(|earlier| {
                earlier.iter().find(|(other, _)| *other == written_key || *other == key || written_key == key)
            });
            if let Some((_, line)) = clash {
                report.push(
                    Diagnostic::error(
                        Code::DuplicateSynonym,
                        file,
                        format!(
                            "“{}” đã được khai báo ở dòng {line} (viết hoa, “&” hay “-” không phân biệt; từ viết không dấu trùng với mọi cách viết có dấu của từ đó).",
                            written.value
                        ),
                    )
                    .at(at)
                    .hint("Mỗi từ viết tắt chỉ có một nghĩa; giữ một trong hai."),
                );
                continue;
            }
            seen.entry(key).or_default().push((written_key, at.map_or(0, |p| p.line)));
            kept.push(crate::text::nfc(written.value.trim()));
        }
        let mut missing = Vec::new();
        crate::search::for_each_word(&means, |word, _| {
            let folded = crate::text::fold(&word.to_lowercase());
            if !words.contains(&folded) && folded != "va" {
                missing.push(word.to_string());
            }
        });
        if !missing.is_empty() {
            report.push(
                Diagnostic::warning(
                    Code::SynonymNotFound,
                    file,
                    format!(
                        "Không CSDL nào có từ “{}” của “{means}”: tìm theo mục này sẽ không ra kết quả.",
                        missing.join("”, “")
                    ),
                )
                .at(position)
                .hint("Ghi nghĩa bằng đúng những từ Danh mục dùng."),
            );
        }
        if !kept.is_empty() {
            synonyms.push(Synonym { words: kept, means });
        }
    }
    synonyms
}

/// Every folded word of the entries' texts and of the agencies' names.
fn catalog_words(entries: &[Entry], agencies: &[Agency]) -> HashSet<String> {
    let mut words = HashSet::new();
    let mut add = |text: &str| {
        crate::search::for_each_word(text, |word, _| {
            words.insert(crate::text::fold(&word.to_lowercase()));
        })
    };
    for entry in entries {
        let plain = &entry.sections.plain;
        for text in [&entry.title, &plain.purpose, &plain.scope, &plain.collection, &plain.sharing] {
            add(text);
        }
        add(entry.notes.as_deref().unwrap_or(""));
    }
    for agency in agencies {
        add(&agency.name);
    }
    words
}

/// Resolves each agency's `successor` (the agency that took over its
/// duties): an unknown slug is an error. The successor counts the agency's
/// name among its former names (its page says so, the search finds it by
/// it), so that one declaration serves both.
pub fn successors(mut agencies: Vec<Agency>, raw: &[RawAgency], report: &mut Report) -> Vec<Agency> {
    let file = source::AGENCIES_FILE;
    let ids: HashMap<String, usize> = agencies.iter().enumerate().map(|(i, a)| (a.slug.to_string(), i)).collect();
    let by_slug: HashMap<&str, &RawAgency> = raw.iter().map(|r| (r.slug.value.trim(), r)).collect();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (i, agency) in agencies.iter().enumerate() {
        let Some(successor) = by_slug.get(agency.slug.as_str()).and_then(|r| r.successor.as_ref()) else { continue };
        match ids.get(successor.value.trim()) {
            Some(&s) if s != i => taken.push((i, s)),
            _ => report.push(
                Diagnostic::error(
                    Code::UnknownAgency,
                    file,
                    format!("Đơn vị tiếp nhận “{}” của “{}” chưa được khai báo.", successor.value, agency.name),
                )
                .at(source::frontmatter_position(successor, 1))
                .hint("Ghi mã của một đơn vị khác trong agencies.yaml."),
            ),
        }
    }
    for (i, s) in taken {
        agencies[i].successor = Some(AgencyId(s));
        let name = agencies[i].name.clone();
        if !agencies[s].former.iter().any(|f| f.name == name) {
            agencies[s].former.push(FormerName { name, until: None });
        }
    }
    agencies
}
