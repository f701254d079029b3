//! Characters that break what they are written into, told in one place.
//!
//! A control character in a title makes the Word document, the workbook
//! and the feed unreadable (XML 1.0 cannot hold most of them, not even as
//! a character reference), and on a terminal it is a command: ESC starts
//! sequences that clear the screen, write the clipboard (OSC 52) or hide a
//! link behind other text (OSC 8). `check` refuses them in content
//! ([`is_forbidden`]), the XML writers never emit them ([`is_xml_char`]),
//! and what is printed for people shows them escaped ([`printable`]).

use std::borrow::Cow;

/// Whether `c` may not stand in the catalog's text: the C0 controls but
/// tab and line feed, DEL and the C1 controls, and the non-characters
/// U+FFFE and U+FFFF. A carriage return is one of them: files with CRLF
/// line endings are read as LF, so one that is left stands alone (a
/// terminal goes back to the start of the line with it).
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// Whether XML 1.0 can hold `c` (its `Char` production; surrogates cannot
/// occur in Rust strings).
pub fn is_xml_char(c: char) -> bool {
    !matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\u{fffe}' | '\u{ffff}')
}

/// The forbidden characters of `text` with their byte offsets, found
/// without decoding: all but those from U+0080 to U+009F and U+FFFE and
/// U+FFFF are single bytes below 0x20 or 0x7F.
pub fn forbidden(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(i, &b)| {
        let suspect = b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xef;
        if !suspect {
            return None;
        }
        // Only the first byte of a character starts a slice of `text`.
        let c = text.get(i..)?.chars().next()?;
        is_forbidden(c).then_some((i, c))
    })
}

/// The characters that backslash escapes in `text` stand for, with the
/// byte offset of each backslash: those of YAML's double-quoted scalars
/// and TOML's basic strings (`\e`, `\x1b`, `\u001B`, `\U0000001b`, `\N`…).
/// Whether a backslash is inside such a string is not told: the caller
/// asks only when the parsed values hold a forbidden character.
pub fn escapes(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = from + text.get(from..)?.find('\\')?;
            let rest = &text[at + 1..];
            let letter = rest.chars().next()?;
            let hex = |digits: usize| {
                let code = rest.get(1..1 + digits).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
                char::from_u32(u32::from_str_radix(code, 16).ok()?).map(|c| (c, 1 + digits))
            };
            let decoded = match letter {
                '0' => Some(('\0', 1)),
                'a' => Some(('\u{7}', 1)),
                'b' => Some(('\u{8}', 1)),
                'v' => Some(('\u{b}', 1)),
                'f' => Some(('\u{c}', 1)),
                'r' => Some(('\r', 1)),
                'e' => Some(('\u{1b}', 1)),
                'N' => Some(('\u{85}', 1)),
                'x' => hex(2),
                'u' => hex(4),
                'U' => hex(8),
                _ => None,
            };
            // `\\` is a backslash: what follows it is not an escape.
            from = at + 1 + decoded.map_or(letter.len_utf8(), |(_, len)| len);
            if let Some((c, _)) = decoded {
                return Some((at, c));
            }
        }
    })
}

/// The escape that starts at byte `at` of `text`, as written (`\x01`,
/// `\u001B`), for a message.
pub fn escape_at(text: &str, at: usize) -> &str {
    let len = match text.as_bytes().get(at + 1) {
        Some(b'x') => 4,
        Some(b'u') => 6,
        Some(b'U') => 10,
        _ => 2,
    };
    text.get(at..at + len).unwrap_or(&text[at..])
}

/// How a message names a forbidden character: its code point and, for
/// those that have one, the name editors may meet.
pub fn describe(c: char) -> String {
    let name = match c {
        '\0' => " (NUL)",
        '\u{7}' => " (BEL, tiếng chuông)",
        '\u{8}' => " (Backspace)",
        '\u{b}' => " (ngắt dòng thủ công của Word)",
        '\u{c}' => " (ngắt trang của Word)",
        '\r' => " (CR, về đầu dòng)",
        '\u{1b}' => " (ESC, mở đầu lệnh điều khiển màn hình)",
        '\u{7f}' => " (DEL)",
        '\u{80}'..='\u{9f}' => " (ký tự điều khiển C1)",
        '\u{fffe}' | '\u{ffff}' => " (không phải ký tự)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// How a forbidden character was written in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// As itself.
    Raw,
    /// As a backslash escape in YAML or TOML (`"\x01"`).
    Escape,
    /// As a character reference in Markdown or HTML (`&#x1;`).
    Reference,
}

/// The message of a diagnostic about `c`, written as `written`
/// (`source` is what was written: the escape or the reference).
pub fn message(c: char, written: Written, source: &str) -> String {
    let c = describe(c);
    match written {
        Written::Raw => format!("Có ký tự điều khiển {c} trong văn bản."),
        Written::Escape => format!("Chuỗi thoát “{source}” tạo ra ký tự điều khiển {c}."),
        Written::Reference => format!("Tham chiếu ký tự “{source}” tạo ra ký tự điều khiển {c}."),
    }
}

/// The hint of that diagnostic: why it matters, where it comes from,
/// what to do.
pub fn hint(c: char, written: Written) -> String {
    let why = "Ký tự này không nhìn thấy được nhưng làm tệp Word của Quyết định (quyet-dinh.docx), tệp Excel và nguồn tin (feed.xml) không mở được, và có thể điều khiển màn hình của người chạy lệnh.";
    let what = match (written, c) {
        (Written::Raw, '\r') => {
            "Dấu về đầu dòng (CR) đứng một mình thường do tệp được lưu theo kiểu xuống dòng của máy Mac cũ: lưu lại tệp với kiểu xuống dòng LF hoặc CRLF (VS Code: bấm “CR” ở góc dưới bên phải)."
        }
        (Written::Raw, '\u{b}' | '\u{c}') => {
            "Nó thường đi theo khi dán từ Word (ngắt dòng bằng Shift+Enter, ngắt trang): xóa nó (đặt con trỏ ngay sau vị trí được chỉ, bấm Backspace) rồi xuống dòng bằng Enter nếu cần."
        }
        (Written::Raw, '\u{80}'..='\u{9f}') => {
            "Nó thường do văn bản được đọc sai bảng mã (Windows-1252) trước khi dán, ví dụ dấu ngoặc kép của Word: xóa nó và gõ lại ký tự đúng."
        }
        (Written::Raw, _) => {
            "Nó thường đi theo khi dán từ Word, PDF hoặc trang web: xóa nó (đặt con trỏ ngay sau vị trí được chỉ, bấm Backspace) hoặc gõ lại đoạn chữ đó; VS Code hiện nó khi bật “Render Control Characters”."
        }
        (Written::Escape, _) => {
            "Xóa chuỗi thoát này; để viết nhiều dòng, dùng “|” rồi viết mỗi dòng trên một dòng riêng."
        }
        (Written::Reference, _) => "Xóa tham chiếu ký tự này (phần “&#…;”).",
    };
    format!("{why} {what}")
}

/// Whether a terminal may act on `c` rather than show it: every control
/// character but tab, and the marks that reverse the direction of the
/// text around them (a line that reads otherwise than it is).
fn is_terminal_control(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` safe to print on a terminal: each control character (line
/// breaks too, so a value cannot start a line of its own) written as
/// Rust writes it, `\u{1b}`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_terminal_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_printable(&mut out, c);
    }
    Cow::Owned(out)
}

/// Appends `c` to `out` as [`printable`] shows it.
pub fn push_printable(out: &mut String, c: char) {
    if is_terminal_control(c) {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

/// [`printable`] for text of several lines: the line feeds stay.
pub fn printable_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_terminal_control(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split('\n').map(printable).collect::<Vec<_>>().join("\n"))
}

/// JSON printed for a terminal or a CI log: serde_json escapes the C0
/// controls but leaves DEL, the C1 controls and the direction overrides
/// as they are; they become `\u009b` escapes, which read back the same.
pub fn printable_json(json: String) -> String {
    if !json.chars().any(is_terminal_control) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_terminal_control(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_found_from_bytes_as_from_characters() {
        let text = "a\tb\nc\u{1}đ\u{1b}[2J\u{7f}\u{85}ấ\u{fffe}\u{fffd}\u{ffff}\r";
        let expected: Vec<(usize, char)> = text.char_indices().filter(|(_, c)| is_forbidden(*c)).collect();
        assert_eq!(forbidden(text).collect::<Vec<_>>(), expected);
        assert_eq!(expected.len(), 7);
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("x{c}y");
            assert_eq!(forbidden(&text).next().is_some(), is_forbidden(c), "{c:?}");
            // Whatever XML cannot hold is refused in content.
            assert!(is_xml_char(c) || is_forbidden(c), "{c:?}");
        }
    }

    #[test]
    fn escapes_are_decoded_where_they_start() {
        let text = r#"a: "x\x01 \\x02 \e[2J \u001B \U0000001b \N \n \u00e1 \uD800 \q""#;
        let found: Vec<(usize, char)> = escapes(text).collect();
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(
            found,
            [
                (at("\\x01"), '\u{1}'),
                (at("\\e"), '\u{1b}'),
                (at("\\u001B"), '\u{1b}'),
                (at("\\U0000001b"), '\u{1b}'),
                (at("\\N"), '\u{85}'),
                (at("\\u00e1"), 'á'),
            ]
        );
    }

    #[test]
    fn json_keeps_no_control_character_and_reads_back_the_same() {
        let text = "a\u{1b}]8;;x\u{7}\u{9b}\u{7f}\u{202e}b\tc";
        let json = printable_json(serde_json::to_string_pretty(&serde_json::json!({ "t": text })).unwrap());
        assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json:?}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["t"], text);
    }

    #[test]
    fn terminal_controls_are_shown_escaped() {
        assert_eq!(printable("Sở Nội vụ"), Cow::Borrowed("Sở Nội vụ"));
        assert_eq!(printable("a\u{1b}]52;c;eA==\u{7}b"), "a\\u{1b}]52;c;eA==\\u{7}b");
        assert_eq!(printable("một\ndòng\u{9b}\u{202e}"), "một\\u{a}dòng\\u{9b}\\u{202e}");
        assert_eq!(printable_lines("ví dụ:\n  - a\u{1b}"), "ví dụ:\n  - a\\u{1b}");
        assert_eq!(printable("cột\tcột"), "cột\tcột");
    }
}
