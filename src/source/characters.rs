//! Characters no published format can hold (see `chars`), found where
//! they enter a content file: as themselves, as escapes in YAML
//! (`"\x01"`, `"\e"`, `"\u001B"`), or as character references in the
//! Markdown (`&#x1b;`, `&#27;`), which pulldown-cmark decodes. Each is an
//! error at its line and column, so `check` (and therefore `build`)
//! refuses the file rather than publishing a Word document no one can
//! open.

use crate::chars::{self, Written};
use crate::diagnostics::{Code, Diagnostic, Positions, Report, SHOWN_PER_KIND, Severity};
use std::ops::Range;

/// Reports each forbidden character of `text` (a file's whole text, as
/// read), and each escape of its YAML (`yaml`) and each character
/// reference of its Markdown (`markdown`) that makes one.
pub fn check_text(text: &str, yaml: Range<usize>, markdown: Range<usize>, path: &str, report: &mut Report) {
    let raw = chars::forbidden(text).map(|(at, c)| (at, c, Written::Raw, ""));
    let escaped =
        yaml_escapes(&text[yaml.clone()]).into_iter().map(|(at, c, s)| (yaml.start + at, c, Written::Escape, s));
    let referenced =
        references(&text[markdown.clone()]).map(|(at, c, s)| (markdown.start + at, c, Written::Reference, s));
    let mut positions = Positions::new(text);
    let mut found = raw.chain(escaped).chain(referenced);
    // Past the findings a report shows, only their number matters.
    for (at, c, written, source) in found.by_ref().take(SHOWN_PER_KIND) {
        report.push(
            Diagnostic::error(Code::ForbiddenCharacter, path, chars::message(c, written, source))
                .at(Some(positions.at(at)))
                .hint(chars::hint(c, written)),
        );
    }
    report.count_left_out(path, Code::ForbiddenCharacter, Severity::Error, found.count());
}

/// The escapes of `yaml` that make a forbidden character, when its values
/// do hold one (a backslash outside double quotes is only a backslash).
fn yaml_escapes(yaml: &str) -> Vec<(usize, char, &str)> {
    let found: Vec<(usize, char)> = chars::escapes(yaml).filter(|(_, c)| chars::is_forbidden(*c)).collect();
    if found.is_empty() {
        return Vec::new();
    }
    // Read within the same budget as every YAML file (no alias bombs).
    let values = super::frontmatter::parse_yaml::<serde_json::Value>(yaml, "", 1);
    if !values.is_ok_and(|v| holds_forbidden(&v)) {
        return Vec::new();
    }
    found.into_iter().map(|(at, c)| (at, c, chars::escape_at(yaml, at))).collect()
}

/// Whether a string of `value` (or a key) holds a forbidden character.
fn holds_forbidden(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    let bad = |s: &str| s.chars().any(chars::is_forbidden);
    match value {
        Value::String(s) => bad(s),
        Value::Array(items) => items.iter().any(holds_forbidden),
        Value::Object(map) => map.iter().any(|(k, v)| bad(k) || holds_forbidden(v)),
        _ => false,
    }
}

/// The numeric character references of `markdown` (`&#27;`, `&#x1B;`)
/// that make a forbidden character, with where each starts. One inside a
/// code span is shown as written rather than decoded, and is reported
/// all the same: no one writes `&#1;` to be read.
fn references(markdown: &str) -> impl Iterator<Item = (usize, char, &str)> + '_ {
    markdown.match_indices("&#").filter_map(move |(at, _)| {
        let rest = &markdown[at + 2..];
        let (radix, digits) = match rest.strip_prefix(['x', 'X']) {
            Some(hex) => (16, hex),
            None => (10, rest),
        };
        let count = digits.bytes().take_while(|b| b.is_ascii_digit() || (radix == 16 && b.is_ascii_hexdigit())).count();
        if count == 0 || count > if radix == 16 { 6 } else { 7 } || !digits[count..].starts_with(';') {
            return None;
        }
        let c = char::from_u32(u32::from_str_radix(&digits[..count], radix).ok()?)?;
        let end = markdown.len() - digits.len() + count + 1;
        // `&#0;` reads as U+FFFD, in Markdown as in HTML.
        (c != '\0' && chars::is_forbidden(c)).then(|| (at, c, &markdown[at..end]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_that_make_a_control_character_are_found() {
        let found: Vec<(usize, char, &str)> =
            references("a &#x1b;[2J &#27; &#X0B; &amp; &#x1; &#225; &#0; &#12345678; &#x1b").collect();
        assert_eq!(
            found,
            [(2, '\u{1b}', "&#x1b;"), (12, '\u{1b}', "&#27;"), (18, '\u{b}', "&#X0B;"), (31, '\u{1}', "&#x1;")]
        );
    }

    /// Regression: a file of a million control characters made a million
    /// diagnostics (10 s) to show twenty.
    #[test]
    fn past_twenty_findings_only_their_number_is_kept() {
        let text = format!("---\ntitle: \"a\\e\"\n---\n{}&#x1b;", "\u{b}".repeat(100));
        let mut report = Report::default();
        check_text(&text, 4..16, 20..text.len(), "a.md", &mut report);
        assert_eq!(report.count(Severity::Error), 102);
        assert_eq!(report.diagnostics().len(), SHOWN_PER_KIND);
    }

    /// Guards the second reading of a YAML file with an escape: it keeps
    /// to the budget of every YAML reading (serde-saphyr's default budget
    /// lets this alias bomb run some ten times longer).
    #[test]
    fn an_alias_bomb_is_not_read_without_the_budget() {
        let mut yaml = String::from("a: &a [\"\\e\", \"\\e\"]\n");
        for (i, previous) in (b'b'..=b'z').zip(b'a'..) {
            let (i, previous) = (i as char, previous as char);
            yaml.push_str(&format!("{i}: &{i} [*{previous}, *{previous}, *{previous}, *{previous}]\n"));
        }
        assert!(yaml_escapes(&yaml).is_empty());
    }

    #[test]
    fn a_backslash_outside_double_quotes_is_not_an_escape() {
        assert!(yaml_escapes("notes: Thư mục D:\\anh\n").is_empty());
        assert_eq!(yaml_escapes("notes: \"a\\e[2J\"\n"), [(9, '\u{1b}', "\\e")]);
        assert_eq!(yaml_escapes("- name: \"Sở\\x0B\"\n"), [(13, '\u{b}', "\\x0B")]);
    }
}
