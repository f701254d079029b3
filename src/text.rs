//! Vietnamese text helpers shared by slugs and search: NFC normalisation and
//! folding to ASCII.
//!
//! Folding is the one definition of "the same letters without diacritics"
//! used everywhere: a slug is the folded title, and search compares folded
//! words. Every Vietnamese letter decomposes (NFD) into an ASCII base letter
//! plus combining marks, except đ/Đ, which is mapped to d/D by hand.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Returns `text` in Unicode NFC, the form the catalog stores and publishes.
pub fn nfc(text: &str) -> String {
    nfc_cow(text).into_owned()
}

/// [`nfc`] without a copy when the text is already NFC (nearly always: the
/// quick check answers "yes" for it in one pass).
pub fn nfc_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if all_always_nfc(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

/// Whether every character of `text` is NFC wherever it stands, with no
/// table lookup: Latin below the combining marks, the precomposed
/// Vietnamese letters (Latin Extended Additional), dashes, quotes and the
/// ellipsis. Vietnamese text is made of little else; the quick check's
/// tables cost 8 % of loading. Told from the UTF-8 lead bytes, without
/// decoding the characters (a sixth fewer instructions).
fn all_always_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        i += match bytes[i] {
            0x00..=0x7f => 1,
            // U+0080–U+02FF.
            0xc2..=0xcb => 2,
            // U+1E00–U+1EFF; a lead byte of three is followed by two.
            0xe1 if matches!(bytes[i + 1], 0xb8..=0xbb) => 3,
            // U+2010–U+2027.
            0xe2 if bytes[i + 1] == 0x80 && matches!(bytes[i + 2], 0x90..=0xa7) => 3,
            _ => return false,
        };
    }
    true
}

/// The characters [`all_always_nfc`] accepts, one at a time (for tests).
#[cfg(test)]
fn always_nfc(c: char) -> bool {
    matches!(c, '\0'..='\u{2ff}' | '\u{1e00}'..='\u{1eff}' | '\u{2010}'..='\u{2027}')
}

/// Drops every diacritic: "Đất đai" → "Dat dai". Case is kept.
///
/// Each character is decomposed on its own (the order NFD would give the
/// marks does not matter, since all of them are dropped).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            c if c.is_ascii() => out.push(c),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            c => unicode_normalization::char::decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            }),
        }
    }
}

/// Characters that show nothing but split words and slugs: zero-width
/// space, non-joiner and joiner, word joiner, a byte-order mark inside the
/// text, the soft hyphen, the Mongolian vowel separator, invisible
/// operators.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}' | '\u{180e}')
}

/// Which tone placement a syllable shows, when it shows one: a syllable
/// that ends in "oa", "oe" or "uy" (not "qu") with a tone mark is written
/// "hòa, khỏe, thủy" in the traditional placement and "hoà, khoẻ, thuỷ"
/// in the newer one. Others read the same in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TonePlacement {
    Traditional,
    Newer,
}

/// A vowel with a tone mark and nothing else on it (à, ỷ; not ấ): its
/// base letter and tone mark.
fn tone_of(c: char) -> Option<(char, char)> {
    if c.is_ascii() {
        return None;
    }
    let (mut parts, mut count) = (['\0'; 2], 0);
    unicode_normalization::char::decompose_canonical(c, |d| {
        if count < 2 {
            parts[count] = d;
        }
        count += 1;
    });
    match (count, parts) {
        (2, [base, tone @ ('\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')]) => Some((base, tone)),
        _ => None,
    }
}

/// The placement a lower-case syllable shows, if either.
pub fn tone_placement(syllable: &str) -> Option<TonePlacement> {
    let mut from_end = syllable.chars().rev();
    let (last, first) = (from_end.next()?, from_end.next()?);
    syllable_end_placement(from_end.next(), first, last)
}

/// [`tone_placement`] from a syllable's last two letters and the one
/// before them, if any (all lower case).
pub fn syllable_end_placement(before: Option<char>, first: char, last: char) -> Option<TonePlacement> {
    if (first.is_ascii() && last.is_ascii()) || before == Some('q') {
        return None;
    }
    let base = |c: char| tone_of(c).map_or(c, |(b, _)| b);
    if !matches!((base(first), base(last)), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return None;
    }
    match (tone_of(first).is_some(), tone_of(last).is_some()) {
        (true, false) => Some(TonePlacement::Traditional),
        (false, true) => Some(TonePlacement::Newer),
        _ => None,
    }
}

/// A lower-case syllable in the traditional placement: "hoà" → "hòa",
/// "thuỷ" → "thủy"; any other word unchanged. Search stores and looks up
/// words in this form, so both spellings find each other.
pub fn traditional_tone(word: &str) -> std::borrow::Cow<'_, str> {
    if tone_placement(word) != Some(TonePlacement::Newer) {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let (base, tone) = tone_of(chars[n - 1]).expect("a newer placement has a tone on its last letter");
    chars[n - 1] = base;
    chars[n - 2] = unicode_normalization::char::compose(chars[n - 2], tone).unwrap_or(chars[n - 2]);
    std::borrow::Cow::Owned(chars.into_iter().collect())
}

/// A lower-case syllable in the newer placement: "hòa" → "hoà", "thủy" →
/// "thuỷ"; any other word unchanged. The reverse of [`traditional_tone`].
pub fn newer_tone(word: &str) -> std::borrow::Cow<'_, str> {
    if tone_placement(word) != Some(TonePlacement::Traditional) {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let (base, tone) = tone_of(chars[n - 2]).expect("a traditional placement has a tone on its second last letter");
    chars[n - 2] = base;
    chars[n - 1] = unicode_normalization::char::compose(chars[n - 1], tone).unwrap_or(chars[n - 1]);
    std::borrow::Cow::Owned(chars.into_iter().collect())
}

/// Letters and marks of Vietnamese text beyond ASCII, all word characters
/// (Latin-1 and Extended-A/B letters, combining marks, Latin Extended
/// Additional), told without the Unicode tables: their binary search was
/// 3 % of a 100,000-entry build.
pub fn is_vietnamese_letter(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{24f}' if c != '×' && c != '÷')
        || matches!(c, '\u{300}'..='\u{36f}' | '\u{1e00}'..='\u{1eff}')
}

/// Escapes text for XML and HTML: content and double-quoted attributes.
/// `text` with its first letter in capitals ("tỉnh X" → "Tỉnh X").
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().collect::<String>() + chars.as_str())
}

///
/// Characters XML 1.0 cannot hold at all (most control characters, even
/// written as `&#1;`) are left out: `check` refuses them in content, and
/// one that got through anyway must not make the Word document, the feed
/// or the sitemap unreadable (Word, LibreOffice and python-docx refuse
/// such a document whole).
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if !crate::chars::is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Longest slug derived from a title; a longer one is cut at a hyphen.
pub const MAX_SLUG_LEN: usize = 80;

/// Makes a URL slug from a Vietnamese title: folded, lower case, ASCII
/// letters and digits joined by single hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in fold(text).chars() {
        if is_invisible(c) {
            // Pasted inside a word, it must not cut the word in two.
            continue;
        } else if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.len() > MAX_SLUG_LEN {
        let cut = slug[..=MAX_SLUG_LEN].rfind('-').unwrap_or(MAX_SLUG_LEN);
        slug.truncate(cut);
    }
    slug
}

/// Whether `slug` is a valid pinned slug: lowercase ASCII letters, digits and
/// single inner hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Edit distance in characters, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb { diagonal } else { 1 + diagonal.min(above).min(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The candidates closest to `word` (folded, case-insensitive), best first;
/// only those close enough to be a plausible typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let key = fold(word).to_lowercase();
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (edit_distance(&key, &fold(c).to_lowercase()), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2) || common_prefix(&key, &fold(c).to_lowercase()) >= 4)
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Roman numeral for a sector's position within its group, as the decision
/// numbers them (I, II, …).
pub fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 9] =
        [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn always_nfc_is_told_from_bytes_as_from_characters() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(all_always_nfc(&format!("a{c}b")), always_nfc(c), "{c:?}");
        }
        assert!(all_always_nfc("Cơ sở dữ liệu – “đất đai”…"));
        assert!(!all_always_nfc("Co\u{302} so\u{31b}\u{309}"));
    }

    #[test]
    fn always_nfc_characters_are_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        let all = (0..=0x10ffff).filter_map(char::from_u32).filter(|c| always_nfc(*c));
        for c in all {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            let alone = unicode_normalization::is_nfc_quick(std::iter::once(c));
            assert_eq!(alone, unicode_normalization::IsNormalized::Yes, "{c:?}");
        }
    }

    #[test]
    fn fold_removes_every_vietnamese_mark() {
        assert_eq!(fold("Đất đai"), "Dat dai");
        // Every vowel with every tone and vowel mark, and đ.
        let table = [
            ("aàáảãạăằắẳẵặâầấẩẫậ", 'a'),
            ("eèéẻẽẹêềếểễệ", 'e'),
            ("iìíỉĩị", 'i'),
            ("oòóỏõọôồốổỗộơờớởỡợ", 'o'),
            ("uùúủũụưừứửữự", 'u'),
            ("yỳýỷỹỵ", 'y'),
            ("dđ", 'd'),
        ];
        for (letters, base) in table {
            for letter in [letters.to_string(), letters.to_uppercase()] {
                let expected: String = std::iter::repeat_n(base, letter.chars().count()).collect();
                let expected =
                    if letter.chars().next().unwrap().is_uppercase() { expected.to_uppercase() } else { expected };
                assert_eq!(fold(&letter), expected);
            }
        }
        // Decomposed input (NFD) folds the same as precomposed.
        assert_eq!(fold("đa\u{0300}t"), "dat");
    }

    #[test]
    fn slugify_makes_ascii_slugs_from_titles() {
        assert_eq!(slugify("CSDL Đất đai"), "csdl-dat-dai");
        assert_eq!(slugify("CSDL tổ chức, bộ máy"), "csdl-to-chuc-bo-may");
        assert_eq!(slugify("  Hồ sơ sức khỏe điện tử/Sổ sức khỏe  "), "ho-so-suc-khoe-dien-tu-so-suc-khoe");
        let long = slugify(&"cơ sở dữ liệu ".repeat(20));
        assert!(long.len() <= MAX_SLUG_LEN && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn pinned_slugs_are_checked() {
        assert!(is_valid_slug("csdl-dat-dai-2"));
        for bad in ["", "Dat", "dat dai", "-dat", "dat-", "dat--dai", "đất", "../x"] {
            assert!(!is_valid_slug(bad), "{bad:?}");
        }
    }

    #[test]
    fn closest_suggests_typos_only() {
        let known = ["sector", "agencies", "title", "group"];
        assert_eq!(closest("sectr", known), vec!["sector"]);
        assert_eq!(closest("agency", known), vec!["agencies"]);
        assert!(closest("zzzzzzzz", known).is_empty());
    }

    /// Regression: a zero-width space pasted into a title cut its slug
    /// ("csdl-d-at-dai").
    #[test]
    fn invisible_characters_stay_out_of_slugs() {
        assert_eq!(slugify("CSDL đ\u{200b}ất đai"), "csdl-dat-dai");
        assert_eq!(slugify("Thông\u{ad}tin \u{feff}chung"), "thongtin-chung");
    }

    /// Regression: a control character in a title made the Word document
    /// and the feed unreadable.
    #[test]
    fn xml_escape_leaves_out_what_xml_cannot_hold() {
        assert_eq!(escape_xml("Sở <Nội vụ> & \"Tư pháp\""), "Sở &lt;Nội vụ&gt; &amp; &quot;Tư pháp&quot;");
        assert_eq!(escape_xml("a\u{1}b\u{b}c\u{1b}[2J\u{fffe}\u{ffff}d\te\nf"), "abc[2Jd\te\nf");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!((1..=7).map(roman).collect::<Vec<_>>(), ["I", "II", "III", "IV", "V", "VI", "VII"]);
    }

    #[test]
    fn tone_placements_are_told_apart_and_made_traditional() {
        assert_eq!(tone_placement("hòa"), Some(TonePlacement::Traditional));
        assert_eq!(tone_placement("hoà"), Some(TonePlacement::Newer));
        assert_eq!(tone_placement("thuỷ"), Some(TonePlacement::Newer));
        for (traditional, newer) in [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("hóa", "hoá")] {
            assert_eq!(newer_tone(traditional), newer);
            assert_eq!(traditional_tone(newer), traditional);
        }
        assert_eq!(newer_tone("quả"), "quả");
        assert_eq!(tone_placement("quý"), None, "qu is a consonant");
        assert_eq!(tone_placement("hoàng"), None, "a final consonant leaves one placement");
        assert_eq!(tone_placement("hoa"), None);
        assert_eq!(traditional_tone("hoà"), "hòa");
        assert_eq!(traditional_tone("thuỷ"), "thủy");
        assert_eq!(traditional_tone("khoẻ"), "khỏe");
        assert_eq!(traditional_tone("hoạ"), "họa");
        assert_eq!(traditional_tone("oà"), "òa");
        for same in ["hòa", "quý", "hoàng", "đất", "thuyền"] {
            assert_eq!(traditional_tone(same), same);
        }
    }

    #[test]
    fn invisible_characters_are_known() {
        for c in ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}'] {
            assert!(is_invisible(c));
        }
        assert!(!is_invisible(' ') && !is_invisible('đ'));
    }
}
