//! Raw YAML structures (front matter and data files) and the translation of
//! YAML errors into Vietnamese diagnostics.
//!
//! The raw structs accept anything well-typed and reject unknown keys
//! (`deny_unknown_fields`), so a typo such as `sectr:` is caught; whether a
//! value makes sense (a known sector, a unique number) is `validate`'s job.
//! Values are wrapped in [`Spanned`] so later diagnostics point at them.

use crate::diagnostics::{Code, Diagnostic, Position};
use serde::Deserialize;
use serde_saphyr::{Budget, Error as YamlError, Location, Options, Spanned};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    pub title: Option<Spanned<String>>,
    pub group: Option<Spanned<String>>,
    pub number: Option<Spanned<i64>>,
    pub sector: Option<Spanned<String>>,
    pub agencies: Option<Spanned<Vec<Spanned<String>>>>,
    pub notes: Option<Spanned<String>>,
    pub slug: Option<Spanned<String>>,
    pub updated: Option<Spanned<String>>,
    /// Why a draft proposes this entry or its change ("lý do"), for the
    /// bảng so sánh only: not part of the decision.
    pub ly_do: Option<Spanned<String>>,
    /// The fields kept exactly as the signed decision writes them
    /// (`title`, `notes`): exempt from style findings.
    pub verbatim: Option<Vec<Spanned<String>>>,
    /// The words people type for the entry's subject ("sổ đỏ"): found by
    /// the search and published with the data, not part of the decision.
    pub keywords: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSector {
    pub slug: Spanned<String>,
    pub name: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAgency {
    pub slug: Spanned<String>,
    pub name: Spanned<String>,
    pub short_name: Option<String>,
    pub website: Option<Spanned<String>>,
    /// Names the agency had before a reorganisation, or of agencies whose
    /// duties it took over: readers still search by them.
    #[serde(default)]
    pub former: Vec<RawFormerName>,
    /// For an agency that no longer exists: the slug of the agency that
    /// took over its duties.
    pub successor: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFormerName {
    pub name: Spanned<String>,
    /// The year the name ended.
    pub until: Option<Spanned<i64>>,
}

/// One item of `content/synonyms.yaml`: words readers type (abbreviations,
/// everyday names) for what the catalog writes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSynonym {
    pub words: Spanned<Vec<Spanned<String>>>,
    pub means: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecision {
    pub title: String,
    pub issuer: String,
    pub place: String,
    pub year: u32,
    pub signer: String,
    #[serde(default)]
    pub signer_title: Vec<String>,
    pub replaces: Option<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
}

/// Limits that keep a hostile or mistaken file (an alias bomb, thousands of
/// nested lists) from costing unbounded time or memory.
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_aliases = 100;
    budget.max_anchors = 100;
    budget.max_depth = 16;
    budget.max_nodes = 20_000;
    budget.max_events = 100_000;
    budget.max_total_scalar_bytes = 2 * 1024 * 1024;
    budget.max_documents = 1;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    options
}

/// Parses YAML that starts at line `first_line` of `file`; an error becomes
/// one diagnostic with a file-absolute position.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(yaml: &str, file: &str, first_line: usize) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(yaml, options()).map_err(|e| yaml_diagnostic(&e, yaml, file, first_line))
}

/// File position of a YAML location, given the line the YAML starts at.
pub fn file_position(location: &Location, first_line: usize) -> Option<Position> {
    (location.line() > 0)
        .then(|| Position::new(location.line() as usize + first_line - 1, location.column().max(1) as usize))
}

fn yaml_diagnostic(error: &YamlError, yaml: &str, file: &str, first_line: usize) -> Diagnostic {
    let mut position = error.location().and_then(|l| file_position(&l, first_line));
    // A tab in the indentation is the usual cause of a syntax error there;
    // point at the tab itself, which editors cannot see.
    let tab_column = error.location().and_then(|l| {
        let line = yaml.lines().nth((l.line() as usize).checked_sub(1)?)?;
        let indent = &line[..line.len() - line.trim_start().len()];
        indent.chars().position(|c| c == '\t').map(|i| i + 1)
    });
    // The key whose value is wrong: the parser gives the value's place only.
    let key = error.location().and_then(|l| key_on_line(yaml.lines().nth((l.line() as usize).checked_sub(1)?)?));
    let diagnostic = match original_error(error) {
        YamlError::SerdeUnknownField { field, expected, .. } => {
            let mut hint = String::new();
            if let Some(best) = crate::text::closest(field, expected.iter().copied()).first() {
                hint.push_str(&format!("Có phải ý bạn là “{best}”? "));
            }
            hint.push_str(&format!("Các khóa hợp lệ: {}.", expected.join(", ")));
            Diagnostic::error(Code::UnknownField, file, format!("Khóa “{field}” không được dùng ở đây.")).hint(hint)
        }
        YamlError::SerdeMissingField { field, .. } => {
            Diagnostic::error(Code::MissingField, file, format!("Thiếu khóa bắt buộc “{field}”."))
                .hint(format!("Thêm một dòng “{field}: …” cho mỗi mục."))
        }
        YamlError::SerdeInvalidType { unexpected, expected, .. } => Diagnostic::error(
            Code::InvalidType,
            file,
            format!("{} sai kiểu: cần {}, nhưng gặp {}.", value_of(&key), expected_vi(expected), found_vi(unexpected)),
        )
        .hint(type_hint(expected, key.as_deref())),
        YamlError::InvalidScalar { ty, .. } => {
            Diagnostic::error(Code::InvalidType, file, format!("{} sai kiểu: cần {}.", value_of(&key), expected_vi(ty)))
                .hint(type_hint(ty, key.as_deref()))
        }
        YamlError::Budget { breach, .. } => {
            Diagnostic::error(Code::YamlTooComplex, file, format!("Phần YAML quá phức tạp và bị từ chối ({breach:?})."))
                .hint("Phần thông tin chỉ cần vài dòng “khóa: giá trị”; bỏ các neo (&) và bí danh (*) YAML.")
        }
        // A list written as one line of text (`keywords: a, b`): the
        // parser only says that it expected a list there.
        other if other.to_string().contains("expected sequence start") => Diagnostic::error(
            Code::InvalidType,
            file,
            format!("{} sai kiểu: cần một danh sách, nhưng gặp văn bản.", value_of(&key)),
        )
        .hint(type_hint("sequence", key.as_deref())),
        other => {
            if let (Some(p), Some(column)) = (position.as_mut(), tab_column) {
                p.column = column;
            }
            let detail = other.to_string();
            let mut d = Diagnostic::error(
                Code::YamlSyntax,
                file,
                format!("Phần thông tin viết sai cú pháp YAML ở đây (bộ đọc YAML báo: “{}”).", first_sentence(&detail)),
            );
            d = d.hint(if tab_column.is_some() || detail.contains("tab") {
                "YAML không cho phép ký tự Tab để thụt lề: thay bằng dấu cách."
            } else {
                "Kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu “:” sau mỗi khóa, và đặt giá trị có dấu “:” trong ngoặc kép."
            });
            d
        }
    };
    diagnostic.at(position)
}

/// The error itself, under the snippet and alias wrappers the parser puts
/// around it: a budget breached while expanding an alias arrives wrapped.
fn original_error(mut error: &YamlError) -> &YamlError {
    while let YamlError::WithSnippet { error: inner, .. } | YamlError::AliasError { error: inner, .. } = error {
        error = inner;
    }
    error
}

/// The key a line of YAML sets (`number: mười` → "number"; `- slug: x` →
/// "slug"), if it sets one.
fn key_on_line(line: &str) -> Option<String> {
    let line = line.trim_start().trim_start_matches("- ").trim_start();
    let (key, _) = line.split_once(':')?;
    let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    plain.then(|| key.to_string())
}

fn value_of(key: &Option<String>) -> String {
    match key {
        Some(key) => format!("Giá trị của “{key}”"),
        None => "Giá trị".to_string(),
    }
}

/// What serde says it found ("string \"mười\"", "a sequence"), in Vietnamese.
fn found_vi(found: &str) -> String {
    let quoted = found.split_once('"').map(|(_, rest)| rest.trim_end_matches('"'));
    let lower = found.to_lowercase();
    let kind = if lower.starts_with("string") || lower.starts_with("a string") {
        "văn bản"
    } else if lower.contains("sequence") {
        "một danh sách"
    } else if lower.contains("map") {
        "các dòng “khóa: giá trị”"
    } else if lower.contains("integer") || lower.contains("float") {
        "một số"
    } else if lower.contains("bool") {
        "giá trị đúng/sai"
    } else if lower.contains("unit") || lower.contains("null") {
        "giá trị rỗng"
    } else {
        return format!("“{found}”");
    };
    match quoted {
        Some(text) => format!("{kind} “{text}”"),
        None => kind.to_string(),
    }
}

fn first_sentence(text: &str) -> &str {
    let text = text.lines().next().unwrap_or(text);
    text.split(" at line ").next().unwrap_or(text).trim()
}

fn expected_vi(expected: &str) -> String {
    let lower = expected.to_lowercase();
    if lower.contains("integer") || lower.contains("i64") || lower.contains("u32") {
        "một số nguyên".to_string()
    } else if lower.contains("sequence") {
        "một danh sách".to_string()
    } else if lower.contains("string") {
        "một chuỗi văn bản".to_string()
    } else if lower.contains("struct") || lower.contains("map") {
        "các dòng “khóa: giá trị”".to_string()
    } else {
        expected.to_string()
    }
}

/// What to write instead, for a value of the wrong type under `key`.
fn type_hint(expected: &str, key: Option<&str>) -> &'static str {
    let lower = expected.to_lowercase();
    if lower.contains("integer") || lower.contains("i64") || lower.contains("u32") {
        "Viết số bằng chữ số, ví dụ “number: 10” (không viết “mười”)."
    } else if lower.contains("sequence") && key == Some("keywords") {
        "Viết mỗi từ khóa một dòng, bắt đầu bằng “  - ”, ví dụ:\nkeywords:\n  - sổ đỏ\n  - sổ hồng"
    } else if lower.contains("sequence") {
        "Viết danh sách mỗi mục một dòng, bắt đầu bằng “  - ”, ví dụ:\nagencies:\n  - so-noi-vu"
    } else {
        "Đặt văn bản trong ngoặc kép nếu nó có dấu “:” hoặc bắt đầu bằng ký tự đặc biệt."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry_error(yaml: &str) -> Diagnostic {
        parse_yaml::<RawEntry>(yaml, "x.md", 2).unwrap_err()
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let d = entry_error("title: X\nsectr: noi-vu\n");
        assert_eq!(d.code, Code::UnknownField);
        assert_eq!(d.position.map(|p| p.line), Some(3));
        assert!(d.hint.as_deref().unwrap().starts_with("Có phải ý bạn là “sector”?"), "{d:?}");
    }

    #[test]
    fn a_number_in_words_is_a_type_error() {
        let d = entry_error("title: X\nnumber: mười\n");
        assert_eq!(d.code, Code::InvalidType, "{d:?}");
        assert_eq!(d.position.map(|p| p.line), Some(3));
        assert!(d.message.contains("số nguyên"), "{}", d.message);
    }

    #[test]
    fn tabs_and_bad_indentation_are_syntax_errors() {
        let d = entry_error("title: X\nagencies:\n\t- so-noi-vu\n");
        assert_eq!(d.code, Code::YamlSyntax, "{d:?}");
        assert!(d.position.is_some());
    }

    /// An alias bomb expands to 10^13 nodes; the budget refuses it before
    /// expanding, as a finding the editor can act on.
    #[test]
    fn alias_bombs_are_refused_by_the_budget() {
        let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            yaml.push_str(&format!(
                "b{i}: &b{i} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n",
                p = if i == 0 { "a".to_string() } else { format!("b{}", i - 1) }
            ));
        }
        let error = parse_yaml::<serde_json::Value>(&yaml, "x.md", 2).unwrap_err();
        assert_eq!(error.code, Code::YamlTooComplex, "{error:?}");
    }

    #[test]
    fn a_valid_entry_parses_with_positions() {
        let raw: RawEntry =
            parse_yaml("title: CSDL X\ngroup: A\nnumber: 3\nagencies:\n  - so-y-te\n", "x.md", 2).unwrap();
        assert_eq!(raw.number.as_ref().unwrap().value, 3);
        let agencies = raw.agencies.unwrap().value;
        assert_eq!(file_position(&agencies[0].referenced, 2).unwrap(), Position::new(6, 5));
    }
}
