//! The places of `content/places.yaml`, checked so that `check` says
//! which names the search would not understand: a name declared twice,
//! an item that is no single place's name, and a name pasted from a
//! legacy font (search would never match it).

use crate::diagnostics::{Code, Diagnostic, Report};
use crate::source;
use serde_saphyr::Spanned;
use std::collections::HashMap;

/// The most words a place's name may have: the page matches at most this
/// many of a query's words as one place.
pub const MAX_PLACE_WORDS: usize = 8;

/// The names of `content/places.yaml`, trimmed and in NFC. A name written
/// twice (or once without marks and once with them: a reader typing
/// without marks would get either), an item that is not one name, and
/// text from a legacy font are errors, reported and left out.
pub fn places(raw: &[Spanned<String>], report: &mut Report) -> Vec<String> {
    let file = source::PLACES_FILE;
    let mut names = Vec::new();
    // Per key, the written letters seen and their lines.
    let mut seen: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for item in raw {
        let at = source::frontmatter_position(item, 1);
        let name = crate::text::nfc(item.value.trim());
        if let Some((_, word)) = super::writing::legacy_font_word(&name) {
            report.push(
                Diagnostic::error(
                    Code::LegacyFont,
                    file,
                    format!("Địa danh “{name}” có vẻ được dán từ văn bản dùng phông cũ (TCVN3/ABC hoặc VNI), ví dụ “{word}”."),
                )
                .at(at)
                .hint(super::writing::CONVERT_LEGACY_FONT),
            );
            continue;
        }
        if let Some(problem) = not_one_name(&name) {
            report.push(
                Diagnostic::error(Code::InvalidPlace, file, format!("“{}” {problem}", item.value.trim()))
                    .at(at)
                    .hint("Mỗi mục là tên một địa danh, viết như trên văn bản, ví dụ “- Móng Cái” hoặc “- vịnh Hạ Long”; tách các địa danh thành nhiều mục."),
            );
            continue;
        }
        let key = crate::search::places::key(&name);
        let written = crate::search::places::written(&name);
        let clash = seen
            .get(&key)
            .and_then(|earlier| earlier.iter().find(|(other, _)| *other == written || *other == key || written == key));
        if let Some((_, line)) = clash {
            report.push(
                Diagnostic::error(
                    Code::DuplicatePlace,
                    file,
                    format!(
                        "Địa danh “{name}” đã được khai báo ở dòng {line} (viết hoa, dấu cách hay “-” không phân biệt; tên viết không dấu trùng với mọi cách viết có dấu của tên đó)."
                    ),
                )
                .at(at)
                .hint("Mỗi địa danh chỉ cần khai báo một lần; xóa một trong hai dòng."),
            );
            continue;
        }
        seen.entry(key).or_default().push((written, at.map_or(0, |p| p.line)));
        names.push(name);
    }
    names
}

/// Why `name` is not the name of one place, or None: it has no letter,
/// it lists several (a comma, a slash, brackets), or it is a sentence.
fn not_one_name(name: &str) -> Option<&'static str> {
    if !name.chars().any(char::is_alphabetic) {
        return Some("không có chữ cái nào: một địa danh phải có tên.");
    }
    let allowed = |c: char| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '.');
    if !name.chars().all(|c| allowed(c) || crate::text::is_vietnamese_letter(c)) {
        return Some("có dấu câu hoặc ký hiệu (dấu phẩy, dấu gạch chéo, ngoặc…): mỗi mục là tên một địa danh.");
    }
    let mut words = 0;
    crate::search::for_each_word(name, |_, _| words += 1);
    (words > MAX_PLACE_WORDS).then_some("quá dài: tên một địa danh có tối đa 8 tiếng.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_per_item() {
        for ok in ["Móng Cái", "Móng Cái 1", "vịnh Hạ Long", "Bái Tử Long", "Cửa Ông", "K.H.Đ"] {
            assert_eq!(not_one_name(ok), None, "{ok}");
        }
        for bad in ["Hạ Long, Cẩm Phả", "Hạ Long/Cẩm Phả", "(Cô Tô)", "2025", "", "một hai ba bốn năm sáu bảy tám chín"]
        {
            assert!(not_one_name(bad).is_some(), "{bad}");
        }
    }
}
