//! What real Vietnamese documents bring into the text: words pasted from
//! legacy TCVN3 (ABC) or VNI fonts, invisible characters, titles far too
//! long, text longer than a spreadsheet cell, and the two tone placements
//! (hòa / hoà). Each is a warning with the way to fix it, except what
//! `build` must not publish: a text no spreadsheet can hold, control
//! characters, which make the Word document unreadable, and text pasted
//! from a legacy font, which readers would see as "Danh môc c¬ së d÷ liÖu"
//! on the official site and search could not find.

use crate::diagnostics::{Code, Diagnostic, Position, Report};
use crate::source::SourceFile;
use crate::text::TonePlacement;

/// The most characters an Excel cell holds; the workbook puts each field
/// of an entry in one cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// A title longer than this is almost surely a paste gone wrong: the
/// decision's longest is about 110 characters.
pub const MAX_TITLE_CHARS: usize = 250;

/// What an invisible character is called in a message.
fn invisible_name(c: char) -> &'static str {
    match c {
        '\u{200b}' => "khoảng trắng độ rộng 0",
        '\u{ad}' => "dấu gạch nối mềm",
        '\u{feff}' => "dấu thứ tự byte",
        _ => "ký tự nối vô hình",
    }
}

/// Letters of Latin-1 that Vietnamese never uses, and the symbols that
/// TCVN3 (ABC) and VNI fonts put in place of Vietnamese letters ("c¬ së
/// d÷ liÖu", "cô sôû döõ lieäu"). Symbols common in real text (², ³, °,
/// ±, «, », §, ©, ®, ½, ¼, ¾) are not among them.
fn is_legacy_font_letter(c: char) -> bool {
    const LETTERS: &str = "¡¢£¤¥¦¨ª¬¯´µ¶·¸¹º¿ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñö÷øûüþÿ";
    LETTERS.contains(c)
}

/// The word (between white space) that holds byte `at`, and its start.
fn word_around(text: &str, at: usize) -> (usize, &str) {
    // White space may take several bytes (a no-break space pasted from Word).
    let start = text[..at].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
    (start, &text[start..end])
}

/// The first word of `text` that reads as a legacy font's mojibake: one
/// with such a character next to a letter. Byte offset and word.
pub fn legacy_font_word(text: &str) -> Option<(usize, &str)> {
    scan(text).legacy.map(|at| word_around(text, at))
}

/// What one pass over a file's text finds: where legacy-font mojibake and
/// an invisible character first appear, and the tone placements. Every
/// one of them starts at a character beyond ASCII, so only those are
/// looked at, each with its neighbours: the pass reads every entry.
#[derive(Debug, Default)]
struct Scan {
    legacy: Option<usize>,
    invisible: Option<(usize, char)>,
    tones: ToneCounts,
}

/// A letter (or a mark on one), told without Unicode's tables for the
/// letters of Vietnamese.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && (crate::text::is_vietnamese_letter(c) || c.is_alphabetic()))
}

fn scan(text: &str) -> Scan {
    let mut found = Scan::default();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(skip) = bytes[from..].iter().position(|b| !b.is_ascii()) {
        let at = from + skip;
        let c = text[at..].chars().next().expect("a character starts here");
        from = at + c.len_utf8();
        if matches!(c, '\u{a1}'..='\u{ff}') && is_legacy_font_letter(c) {
            let next_to_letter = text[..at].chars().next_back().is_some_and(is_letter)
                || text[from..].chars().next().is_some_and(is_letter);
            if found.legacy.is_none() && next_to_letter {
                found.legacy = Some(at);
            }
        } else if crate::text::is_invisible(c) {
            found.invisible.get_or_insert((at, c));
        } else if let Some(placement) = placement_at(text, at, c, from) {
            let (count, example) = match placement {
                TonePlacement::Traditional => (&mut found.tones.traditional, &mut found.tones.first_traditional),
                TonePlacement::Newer => (&mut found.tones.newer, &mut found.tones.first_newer),
            };
            *count += 1;
            example.get_or_insert_with(|| {
                let start =
                    text[..at].char_indices().rev().find(|&(_, c)| !is_letter(c)).map_or(0, |(i, c)| i + c.len_utf8());
                let end = text[at..].find(|c: char| !is_letter(c)).map_or(text.len(), |i| at + i);
                (start, text[start..end].to_string())
            });
        }
    }
    found
}

/// The tone placement shown by the syllable whose letter `c`, at byte
/// `at` (the next character at `next`), carries the tone: a toned last
/// "a", "e" or "y" after a plain "o" or "u" (newer), or a toned "o" or "u"
/// before a plain last "a", "e" or "y" (traditional).
fn placement_at(text: &str, at: usize, c: char, next: usize) -> Option<TonePlacement> {
    // Most characters are not one of these five vowels with a tone mark:
    // told by a plain match, before any Unicode lookup.
    if !matches!(
        c,
        'à' | 'á'
            | 'ả'
            | 'ã'
            | 'ạ'
            | 'è'
            | 'é'
            | 'ẻ'
            | 'ẽ'
            | 'ẹ'
            | 'ỳ'
            | 'ý'
            | 'ỷ'
            | 'ỹ'
            | 'ỵ'
            | 'ò'
            | 'ó'
            | 'ỏ'
            | 'õ'
            | 'ọ'
            | 'ù'
            | 'ú'
            | 'ủ'
            | 'ũ'
            | 'ụ'
            | 'À'
            | 'Á'
            | 'Ả'
            | 'Ã'
            | 'Ạ'
            | 'È'
            | 'É'
            | 'Ẻ'
            | 'Ẽ'
            | 'Ẹ'
            | 'Ỳ'
            | 'Ý'
            | 'Ỷ'
            | 'Ỹ'
            | 'Ỵ'
            | 'Ò'
            | 'Ó'
            | 'Ỏ'
            | 'Õ'
            | 'Ọ'
            | 'Ù'
            | 'Ú'
            | 'Ủ'
            | 'Ũ'
            | 'Ụ'
    ) {
        return None;
    }
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let c = lower(c);
    let mut back = text[..at].chars().rev().map(lower);
    let mut ahead = text[next..].chars().map(lower);
    let (first, last) = match ahead.next() {
        // A letter follows: the toned one is the first of the pair if
        // that letter ends the word.
        Some(n) if is_letter(n) => match ahead.next() {
            Some(end) if is_letter(end) => return None,
            _ => (c, n),
        },
        // The toned letter ends the word: the last of the pair.
        _ => (back.next()?, c),
    };
    crate::text::syllable_end_placement(back.next().filter(|b| is_letter(*b)), first, last)
}

/// How many syllables of a text show each placement, and the first of
/// the newer and of the traditional kind.
#[derive(Debug, Default, Clone)]
pub struct ToneCounts {
    pub traditional: usize,
    pub newer: usize,
    pub first_traditional: Option<(usize, String)>,
    pub first_newer: Option<(usize, String)>,
}

/// How to turn text pasted from a TCVN3 or VNI font into Unicode, step by
/// step in Unikey, the converter Vietnamese offices use.
pub const CONVERT_LEGACY_FONT: &str = "Chuyển mã sang Unicode rồi dán lại: sao chép (Ctrl+C) đoạn chữ gốc trong văn bản cũ; trong Unikey mở Công cụ → Chuyển mã (Ctrl+Shift+F6), chọn nguồn “TCVN3 (ABC)” (chữ như “c¬ së”) hoặc “VNI Windows” (chữ như “cô sôû”), đích “Unicode”, bấm “Chuyển mã clipboard” rồi “Đóng”; dán (Ctrl+V) vào đây thay cho đoạn cũ.";

/// Findings about the whole text of a content file: control characters,
/// which no document format can hold (an error at each); legacy fonts
/// and invisible characters (warnings, once per file, where first seen).
/// Returns the file's tone placements, for [`check_tone_style`].
pub fn check_file_text(file: &SourceFile, report: &mut Report) -> ToneCounts {
    crate::source::characters::check_text(&file.text, file.front.clone(), file.body.clone(), &file.path, report);
    let position = |offset: usize| Some(crate::diagnostics::position_at(&file.text, offset));
    let found = scan(&file.text);
    if let Some((at, word)) = found.legacy.map(|at| word_around(&file.text, at)) {
        report.push(
            Diagnostic::error(
                Code::LegacyFont,
                &file.path,
                format!("Chữ có vẻ được dán từ văn bản dùng phông cũ (TCVN3/ABC hoặc VNI), ví dụ “{word}”."),
            )
            .at(position(at))
            .hint(CONVERT_LEGACY_FONT),
        );
    }
    if let Some((at, c)) = found.invisible {
        report.push(
            Diagnostic::warning(
                Code::InvisibleCharacter,
                &file.path,
                format!("Có ký tự vô hình U+{:04X} ({}) trong văn bản.", c as u32, invisible_name(c)),
            )
            .at(position(at))
            .hint("Ký tự này thường đi theo khi dán từ trang web hoặc Word và làm tách đôi một từ khi tìm kiếm. Xóa nó: đặt con trỏ ngay sau vị trí được chỉ, bấm Backspace rồi gõ lại chữ cái đứng trước."),
        );
    }
    found.tones
}

/// The fields of the front matter an entry may keep exactly as the signed
/// decision writes them (`verbatim:`).
pub const VERBATIM_FIELDS: &[&str] = &crate::model::fields::verbatim_keys();

/// The file's tone placements leaving out the front matter's lines of
/// `fields` (kept verbatim: the signed text's own spelling is not a
/// style to make consistent).
pub fn tones_without(file: &SourceFile, fields: &[&str]) -> ToneCounts {
    let mut text = file.text.clone();
    let mut at = file.front.start;
    for line in file.text[file.front.clone()].split_inclusive('\n') {
        let key = line.split(':').next().unwrap_or("");
        if fields.contains(&key) {
            // Blanked byte for byte: offsets of the rest stay as they are.
            text.replace_range(at..at + line.trim_end().len(), &" ".repeat(line.trim_end().len()));
        }
        at += line.len();
    }
    scan(&text).tones
}

/// A title far too long: a warning at its line.
pub fn check_title_length(title: &str, path: &str, at: Option<Position>, report: &mut Report) {
    let chars = title.chars().count();
    if chars > MAX_TITLE_CHARS {
        report.push(
            Diagnostic::warning(
                Code::LongTitle,
                path,
                format!("Tên CSDL dài {chars} ký tự (thường dưới {MAX_TITLE_CHARS})."),
            )
            .at(at)
            .hint("Tên chỉ gồm tên cơ sở dữ liệu như trong Phụ lục; chuyển phần mô tả xuống mục “## Mục đích”."),
        );
    }
}

/// A field longer than a spreadsheet cell: an error, since the workbook
/// could not be made.
pub fn check_cell_length(
    text: &str,
    column: &str,
    path: &str,
    at: impl FnOnce() -> Option<Position>,
    report: &mut Report,
) {
    // A text has at least as many bytes as characters: only a long one
    // needs counting (or its position finding).
    if text.len() <= MAX_CELL_CHARS {
        return;
    }
    let chars = text.chars().count();
    if chars > MAX_CELL_CHARS {
        report.push(
            Diagnostic::error(
                Code::CellTooLong,
                path,
                format!(
                    "“{column}” dài {} ký tự, quá {} ký tự mà một ô Excel chứa được; không tạo được tệp Excel của Danh mục.",
                    thousands(chars),
                    thousands(MAX_CELL_CHARS)
                ),
            )
            .at(at())
            .hint("Rút gọn nội dung này (Phụ lục chỉ cần phần tóm tắt), hoặc kiểm tra xem có dán nhầm cả văn bản khác vào không."),
        );
    }
}

/// `n` with a dot between thousands, as Vietnamese writes it.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// Files whose tone placement differs from the rest of the catalog: when
/// the catalog mostly writes one way, each file that writes the other way
/// gets a warning (which `check --strict` turns into a failure).
pub fn check_tone_style(files: &[(&SourceFile, ToneCounts)], report: &mut Report) {
    let traditional: usize = files.iter().map(|(_, c)| c.traditional).sum();
    let newer: usize = files.iter().map(|(_, c)| c.newer).sum();
    if traditional == 0 || newer == 0 {
        return;
    }
    let catalog_is_traditional = traditional >= newer;
    for (file, counts) in files {
        let odd = if catalog_is_traditional { &counts.first_newer } else { &counts.first_traditional };
        let Some((at, word)) = odd else { continue };
        let (usual, example) = if catalog_is_traditional {
            ("kiểu cũ (hòa, thủy, khỏe)", crate::text::traditional_tone(&word.to_lowercase()).into_owned())
        } else {
            ("kiểu mới (hoà, thuỷ, khoẻ)", crate::text::newer_tone(&word.to_lowercase()).into_owned())
        };
        report.push(
            Diagnostic::warning(
                Code::ToneStyle,
                &file.path,
                format!(
                    "Cách đặt dấu thanh khác phần còn lại của Danh mục, ví dụ “{word}”; Danh mục chủ yếu viết {usual}."
                ),
            )
            .at(Some(crate::diagnostics::position_at(&file.text, *at)))
            .hint(format!(
                "Viết thống nhất theo cả Danh mục, ví dụ “{example}”. Tìm kiếm vẫn tìm được cả hai cách viết."
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards against a hint that suggested the very spelling it warned
    /// about: in a catalog written "hoà, thuỷ", a file's "thủy" was told to
    /// write "thủy".
    #[test]
    fn the_tone_hint_suggests_the_catalogs_spelling_both_ways() {
        let file = |path: &str, text: &str| SourceFile {
            path: path.to_string(),
            text: text.to_string(),
            front: 0..0,
            body: 0..text.len(),
        };
        for (usual, odd, expected) in [
            ("Hoà giải, thuỷ lợi, sức khoẻ.", "Công trình thủy lợi.", "“thuỷ”"),
            ("Hòa giải, thủy lợi, sức khỏe.", "Công trình thuỷ lợi.", "“thủy”"),
        ] {
            let files = [file("content/csdl/a-01.md", usual), file("content/csdl/a-02.md", odd)];
            let counted: Vec<(&SourceFile, ToneCounts)> =
                files.iter().map(|f| (f, check_file_text(f, &mut Report::default()))).collect();
            let mut report = Report::default();
            check_tone_style(&counted, &mut report);
            let [warning] = report.diagnostics() else { panic!("one warning: {:?}", report.diagnostics()) };
            let hint = warning.hint.as_deref().unwrap_or_default();
            assert!(hint.contains(expected), "{hint}");
        }
    }

    #[test]
    fn legacy_font_text_is_recognised_and_real_text_is_not() {
        assert_eq!(legacy_font_word("Danh môc c¬ së d÷ liÖu").map(|(_, w)| w), Some("c¬"));
        assert_eq!(legacy_font_word("Danh muïc cô sôû döõ lieäu").map(|(_, w)| w), Some("muïc"));
        for real in ["Diện tích 25 m², nhiệt độ 30 °C, ± 2", "« Luật Đất đai » § 3", "CSDL Đất đai", "Điều 2 ½"]
        {
            assert_eq!(legacy_font_word(real), None, "{real}");
        }
    }
}
