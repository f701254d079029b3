//! YAML errors as findings an editor can act on: in Vietnamese, naming the
//! field and the line, and giving the line to write instead.
//!
//! The parser (serde-saphyr over saphyr-parser) reports in English, and a
//! syntax error only by a sentence ("mapping values are not allowed in
//! this context"). Its structured errors (unknown or missing field, wrong
//! type, duplicate key, budget) are translated from their fields; for the
//! syntax errors that editors make (a `:` or a leading `-` in a value
//! without quotes, a quote or a `[` left open, a key indented by mistake, a
//! tab, a list out of line) the line itself is read to say what to write.
//! Anything else keeps the parser's sentence, as a detail only.

use crate::diagnostics::{Code, Diagnostic, Position};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error as YamlError, Location};

/// File position of a YAML location, given the line the YAML starts at.
pub fn file_position(location: &Location, first_line: usize) -> Option<Position> {
    (location.line() > 0)
        .then(|| Position::new(location.line() as usize + first_line - 1, location.column().max(1) as usize))
}

/// The diagnostic for `error`, raised on `yaml` (which starts at line
/// `first_line` of `file`).
pub fn yaml_diagnostic(error: &YamlError, yaml: &str, file: &str, first_line: usize) -> Diagnostic {
    let mut position = error.location().and_then(|l| file_position(&l, first_line));
    let lines: Vec<&str> = yaml.lines().collect();
    let at = error.location().and_then(|l| (l.line() as usize).checked_sub(1)).filter(|&i| i < lines.len());
    let line = at.map_or("", |i| lines[i]);
    let column = error.location().map_or(0, |l| l.column() as usize);
    // The key whose value is wrong (the parser gives the value's place
    // only), and the line that key is written on.
    let (key, key_line) = match at.and_then(|i| key_of_value(&lines, i, column)) {
        Some((key, i)) => (Some(key), lines[i]),
        None => (None, line),
    };
    let diagnostic = match original_error(error) {
        YamlError::SerdeUnknownField { field, expected, .. } => {
            let mut hint = crate::diagnostics::did_you_mean(field, expected.iter().copied()).unwrap_or_default();
            hint.push_str(&format!("Các trường dùng được ở đây: {}.", expected.join(", ")));
            Diagnostic::error(Code::UnknownField, file, format!("Trường “{field}” không được dùng ở đây.")).hint(hint)
        }
        YamlError::SerdeMissingField { field, .. } => {
            Diagnostic::error(Code::MissingField, file, format!("Thiếu trường bắt buộc “{field}”."))
                .hint(format!("Thêm một dòng “{field}: …” cho mỗi mục."))
        }
        YamlError::SerdeInvalidType { unexpected, expected, .. } => Diagnostic::error(
            Code::InvalidType,
            file,
            format!("{} sai kiểu: cần {}, nhưng gặp {}.", value_of(&key), expected_vi(expected), found_vi(unexpected)),
        )
        .hint(type_hint(expected, key.as_deref(), key_line)),
        YamlError::InvalidScalar { ty, .. } => {
            Diagnostic::error(Code::InvalidType, file, format!("{} sai kiểu: cần {}.", value_of(&key), expected_vi(ty)))
                .hint(type_hint(ty, key.as_deref(), key_line))
        }
        // A list written as one line of text (`keywords: a, b`), or as
        // lines of fields under the key.
        YamlError::Unexpected { expected, .. } if expected.contains("sequence") => {
            let found =
                if value_on(key_line).is_empty() { "các dòng “trường: giá trị”" } else { "văn bản" };
            Diagnostic::error(
                Code::InvalidType,
                file,
                format!("{} sai kiểu: cần một danh sách, nhưng gặp {found}.", value_of(&key)),
            )
            .hint(type_hint("sequence", key.as_deref(), key_line))
        }
        // A list or a group of fields where one text is wanted (`group: [A]`).
        YamlError::Unexpected { expected, .. } if expected.contains("string") => {
            let value = value_on(line).trim_matches(['[', ']', '{', '}', ' ']);
            let field = key.clone().unwrap_or_else(|| "title".to_string());
            Diagnostic::error(
                Code::InvalidType,
                file,
                format!("{} sai kiểu: cần một văn bản, không phải danh sách.", value_of(&key)),
            )
            .hint(format!("Viết giá trị ngay sau dấu “:”, không có ngoặc: {field}: {value}"))
        }
        YamlError::DuplicateMappingKey { key: Some(duplicate), .. } => {
            Diagnostic::error(Code::YamlSyntax, file, format!("Trường “{duplicate}” được viết hai lần."))
                .hint(format!("Mỗi trường chỉ viết một lần: giữ một dòng “{duplicate}: …”, xóa dòng còn lại."))
        }
        YamlError::Budget { breach, .. } => {
            Diagnostic::error(Code::YamlTooComplex, file, format!("Phần YAML bị từ chối: {}.", budget_vi(breach)))
                .hint("Phần thông tin chỉ cần vài dòng “trường: giá trị”; bỏ các neo (&) và bí danh (*) YAML.")
        }
        other => {
            let syntax = syntax_finding(&other.to_string(), &lines, at, key.as_deref());
            if let (Some(p), Some(moved)) = (position.as_mut(), syntax.moved) {
                *p = Position::new(moved.0 + first_line, moved.1);
            }
            Diagnostic::error(Code::YamlSyntax, file, syntax.message).hint(syntax.hint)
        }
    };
    diagnostic.at(position)
}

/// A syntax error in words, and where it really is when the parser only
/// noticed it further on (0-based line in the YAML, 1-based column).
struct Syntax {
    message: String,
    hint: String,
    moved: Option<(usize, usize)>,
}

fn syntax_finding(detail: &str, lines: &[&str], at: Option<usize>, key: Option<&str>) -> Syntax {
    let line = at.map_or("", |i| lines[i]);
    let indent = &line[..line.len() - line.trim_start().len()];
    let field = |k: Option<&str>| k.map_or_else(|| "Dòng này".to_string(), |k| format!("Trường “{k}”"));
    let value_of_field = |k: Option<&str>| k.map_or_else(|| "Giá trị".to_string(), |k| format!("Giá trị của “{k}”"));
    let found = |message: String, hint: String| Syntax { message, hint, moved: None };
    // A tab in the indentation: invisible in most editors.
    if let Some(tab) = indent.chars().position(|c| c == '\t') {
        let fixed = format!("{}{}", indent.replace('\t', "  "), line.trim_start());
        return Syntax {
            message: "Dòng này thụt lề bằng ký tự Tab; YAML chỉ nhận dấu cách.".to_string(),
            hint: format!("Xóa ký tự Tab và thụt lề bằng dấu cách: “{fixed}”"),
            moved: at.map(|i| (i, tab + 1)),
        };
    }
    // A `[` opened on this line or above and never closed: the parser
    // stumbles on a later line.
    if let Some(open) = at.and_then(|i| (0..=i).rev().find(|&j| unclosed_bracket(lines[j]))) {
        let opened = lines[open];
        let k = key_on_line(opened);
        return Syntax {
            message: format!("{} mở ngoặc vuông “[” nhưng không đóng.", value_of_field(k.as_deref())),
            hint: format!(
                "Đóng danh sách bằng “]” trên cùng dòng: “{}]”; hoặc viết mỗi mục một dòng, bắt đầu bằng “  - ”.",
                opened.trim_end()
            ),
            moved: Some((open, opened.find('[').map_or(1, |b| opened[..b].chars().count() + 1))),
        };
    }
    let value = value_on(line);
    let write = |k: &str, v: &str| format!("{indent}{k}: \"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""));
    if detail.contains("unclosed quote") || detail.contains("quoted scalar") {
        let k = key.unwrap_or("title");
        let closed = value.trim_start_matches('"').trim_end_matches('"');
        return found(
            format!("{} mở ngoặc kép nhưng không đóng.", value_of_field(key)),
            format!("Thêm dấu ngoặc kép ở cuối giá trị: {}", write(k, closed)),
        );
    }
    if detail.contains("mapping values are not allowed")
        && key.is_some()
        && (value.contains(": ") || value.ends_with(':'))
    {
        let k = key.unwrap_or_default();
        return found(
            format!("{} có dấu “:” nên phải đặt trong ngoặc kép.", value_of_field(key)),
            format!("Viết: {}", write(k, value)),
        );
    }
    if detail.contains("block sequence entries are not allowed") && key.is_some() && value.starts_with('-') {
        let k = key.unwrap_or_default();
        return found(
            format!("{} bắt đầu bằng dấu “-” nên phải đặt trong ngoặc kép.", value_of_field(key)),
            format!("Viết: {}", write(k, value)),
        );
    }
    let item = line.trim_start().starts_with('-');
    if detail.contains("mapping values are not allowed") && !indent.is_empty() && !item {
        return found(
            format!("{} bị thụt vào đầu dòng.", field(key)),
            format!(
                "Viết sát lề trái, không có dấu cách ở đầu dòng: “{}”. Chỉ các mục của danh sách (dòng bắt đầu bằng “  - ”) mới thụt vào.",
                line.trim()
            ),
        );
    }
    if detail.contains("did not find expected")
        || detail.contains("block end")
        || detail.contains("not allowed in this context")
    {
        let hint = if item {
            format!(
                "Các mục của một danh sách thẳng hàng với nhau, mỗi dòng bắt đầu bằng hai dấu cách rồi “- ”: “  {}”.",
                line.trim()
            )
        } else {
            "Các trường viết sát lề trái; các mục của danh sách thụt vào hai dấu cách, bắt đầu bằng “- ”.".to_string()
        };
        return found("Dòng này thụt lề không khớp với các dòng bên trên.".to_string(), hint);
    }
    found(
        format!("Phần thông tin viết sai cú pháp YAML ở dòng này (bộ đọc YAML báo: “{}”).", first_sentence(detail)),
        "Kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu “:” sau mỗi trường, và đặt giá trị có dấu “:” trong ngoặc kép."
            .to_string(),
    )
}

/// The error itself, under the snippet and alias wrappers the parser puts
/// around it: a budget breached while expanding an alias arrives wrapped.
fn original_error(mut error: &YamlError) -> &YamlError {
    while let YamlError::WithSnippet { error: inner, .. } | YamlError::AliasError { error: inner, .. } = error {
        error = inner;
    }
    error
}

/// Whether `line` opens a flow list (`[`) it does not close, outside quotes.
fn unclosed_bracket(line: &str) -> bool {
    let mut depth = 0i32;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '[') => depth += 1,
            (None, ']') => depth -= 1,
            (None, '#') => break,
            _ => {}
        }
    }
    depth > 0
}

/// The key a line of YAML sets (`number: mười` → "number"; `- slug: x` →
/// "slug"), if it sets one.
pub(super) fn key_on_line(line: &str) -> Option<String> {
    let line = line.trim_start().trim_start_matches("- ").trim_start();
    let (key, _) = line.split_once(':')?;
    let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    plain.then(|| key.to_string())
}

/// The key whose value starts at 1-based `column` of line `at`, and the
/// line it is on: the key on the same line, or, when the value starts the
/// line (a group of fields or a list under `agencies:`), the key of the
/// line above it.
fn key_of_value(lines: &[&str], at: usize, column: usize) -> Option<(String, usize)> {
    let line = lines[at];
    let indent = line.chars().take_while(|c| c.is_whitespace()).count();
    let same_line = || key_on_line(line).map(|key| (key, at));
    if column > indent + 1 || at == 0 {
        return same_line();
    }
    (0..at)
        .rev()
        .find(|&i| !lines[i].trim().is_empty() && lines[i].chars().take_while(|c| c.is_whitespace()).count() < indent)
        .and_then(|i| key_on_line(lines[i]).map(|key| (key, i)))
        .or_else(same_line)
}

/// The value written after the key on `line` (`title: CSDL: x` → "CSDL: x").
fn value_on(line: &str) -> &str {
    let content = line.trim_start().trim_start_matches("- ");
    content.split_once(':').map_or(content, |(_, value)| value).trim()
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
        "các dòng “trường: giá trị”"
    } else if lower.contains("integer") || lower.contains("float") {
        "một số"
    } else if lower.contains("bool") {
        "giá trị đúng/sai"
    } else if lower.contains("unit") || lower.contains("null") {
        "giá trị rỗng"
    } else {
        "một giá trị khác"
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

fn expected_vi(expected: &str) -> &'static str {
    let lower = expected.to_lowercase();
    if lower.contains("integer") || lower.contains("i64") || lower.contains("u32") {
        "một số nguyên"
    } else if lower.contains("sequence") {
        "một danh sách"
    } else if lower.contains("string") {
        "một chuỗi văn bản"
    } else if lower.contains("struct") || lower.contains("map") {
        "các dòng “trường: giá trị”"
    } else {
        "một giá trị khác"
    }
}

/// Which of the parser's limits a file went past, in words.
fn budget_vi(breach: &BudgetBreach) -> &'static str {
    match breach {
        BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => "có quá nhiều neo (&) và bí danh (*)",
        BudgetBreach::Depth { .. } => "lồng các danh sách vào nhau quá sâu",
        BudgetBreach::Documents { .. } => "có nhiều hơn một phần YAML",
        _ => "quá dài hoặc quá nhiều mục",
    }
}

/// What to write instead, for a value of the wrong type under `key` on
/// `line`: the line itself, rewritten when it can be.
fn type_hint(expected: &str, key: Option<&str>, line: &str) -> String {
    let lower = expected.to_lowercase();
    let key = key.unwrap_or("number");
    if lower.contains("integer") || lower.contains("i64") || lower.contains("u32") {
        let example = if key == "until" || key == "year" { "2025" } else { "10" };
        format!("Viết số bằng chữ số, ví dụ “{key}: {example}” (không viết bằng chữ như “mười”).")
    } else if lower.contains("sequence") {
        let value = value_on(line);
        let items: Vec<&str> = if value.is_empty() || value.starts_with('{') {
            vec!["…"]
        } else {
            value.split([',', ';']).map(str::trim).filter(|v| !v.is_empty()).collect()
        };
        let items: String = items.iter().map(|item| format!("\n  - {item}")).collect();
        format!("Viết mỗi mục một dòng, bắt đầu bằng “  - ”:\n{key}:{items}")
    } else {
        "Đặt văn bản trong ngoặc kép nếu nó có dấu “:” hoặc bắt đầu bằng ký tự đặc biệt.".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::frontmatter::{RawEntry, parse_yaml};
    use crate::diagnostics::{Code, Diagnostic};

    fn entry_error(yaml: &str) -> Diagnostic {
        parse_yaml::<RawEntry>(yaml, "x.md", 2).unwrap_err()
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let d = entry_error("title: X\nsectr: noi-vu\n");
        assert_eq!(d.code, Code::UnknownField);
        assert_eq!(d.message, "Trường “sectr” không được dùng ở đây.");
        assert_eq!(d.position.map(|p| p.line), Some(3));
        assert!(d.hint.as_deref().unwrap().starts_with("Có phải ý bạn là “sector”?"), "{d:?}");
    }

    #[test]
    fn a_number_in_words_is_a_type_error() {
        let d = entry_error("title: X\nnumber: mười\n");
        assert_eq!(d.code, Code::InvalidType, "{d:?}");
        assert_eq!(d.position.map(|p| p.line), Some(3));
        assert!(d.message.contains("“number”") && d.message.contains("số nguyên"), "{}", d.message);
    }

    /// Guards against the parser's "mapping values are not allowed in this
    /// context" reaching the editor for a title with a colon.
    #[test]
    fn a_colon_in_a_value_asks_for_quotes_and_gives_the_line() {
        let d = entry_error("title: CSDL: đất đai\ngroup: A\n");
        assert_eq!(d.code, Code::YamlSyntax);
        assert_eq!(d.message, "Giá trị của “title” có dấu “:” nên phải đặt trong ngoặc kép.");
        assert_eq!(d.hint.as_deref(), Some("Viết: title: \"CSDL: đất đai\""));
        assert_eq!(d.position.map(|p| p.line), Some(2));
    }

    #[test]
    fn a_key_indented_by_mistake_is_named() {
        let d = entry_error("title: X\n  group: A\n");
        assert_eq!(d.message, "Trường “group” bị thụt vào đầu dòng.");
        assert!(d.hint.as_deref().unwrap().contains("“group: A”"), "{d:?}");
        assert_eq!(d.position.map(|p| p.line), Some(3));
    }

    #[test]
    fn tabs_are_pointed_at_and_replaced_by_spaces() {
        let d = entry_error("title: X\nagencies:\n\t- so-noi-vu\n");
        assert_eq!(d.code, Code::YamlSyntax, "{d:?}");
        assert_eq!(d.position.map(|p| (p.line, p.column)), Some((4, 1)));
        assert!(d.hint.as_deref().unwrap().contains("“  - so-noi-vu”"), "{d:?}");
    }

    #[test]
    fn an_open_quote_or_bracket_is_closed_in_the_hint() {
        let d = entry_error("title: \"CSDL X\ngroup: A\n");
        assert_eq!(d.message, "Giá trị của “title” mở ngoặc kép nhưng không đóng.", "{d:?}");
        assert!(d.hint.as_deref().unwrap().ends_with("title: \"CSDL X\""), "{d:?}");
        let d = entry_error("title: X\nkeywords: [sổ đỏ, sổ hồng\ngroup: A\n");
        assert_eq!(d.message, "Giá trị của “keywords” mở ngoặc vuông “[” nhưng không đóng.", "{d:?}");
        assert!(d.hint.as_deref().unwrap().contains("“keywords: [sổ đỏ, sổ hồng]”"), "{d:?}");
        assert_eq!(d.position.map(|p| (p.line, p.column)), Some((3, 11)));
    }

    /// Guards against a duplicate key answered with the tab hint (the
    /// parser's sentence says "acceptable", which holds "tab").
    #[test]
    fn a_field_written_twice_is_named() {
        let d = entry_error("title: X\nsector: a\nsector: b\n");
        assert_eq!(d.message, "Trường “sector” được viết hai lần.");
        assert!(!d.hint.as_deref().unwrap().contains("Tab"), "{d:?}");
    }

    #[test]
    fn a_list_on_one_line_is_rewritten_one_item_a_line() {
        let d = entry_error("title: X\nkeywords: sổ đỏ, sổ hồng\n");
        assert_eq!(
            d.hint.as_deref(),
            Some("Viết mỗi mục một dòng, bắt đầu bằng “  - ”:\nkeywords:\n  - sổ đỏ\n  - sổ hồng")
        );
        let d = entry_error("title: X\nverbatim: title\n");
        assert!(d.hint.as_deref().unwrap().ends_with("verbatim:\n  - title"), "{d:?}");
        // A group of fields under `agencies:` names agencies, not the
        // field inside it.
        let d = entry_error("title: X\nagencies:\n  sub: x\n");
        assert_eq!(
            d.message,
            "Giá trị của “agencies” sai kiểu: cần một danh sách, nhưng gặp các dòng “trường: giá trị”."
        );
        assert!(d.hint.as_deref().unwrap().ends_with("agencies:\n  - …"), "{d:?}");
    }

    #[test]
    fn a_list_where_one_value_is_wanted() {
        let d = entry_error("title: X\ngroup: [A]\n");
        assert_eq!(d.code, Code::InvalidType, "{d:?}");
        assert_eq!(d.hint.as_deref(), Some("Viết giá trị ngay sau dấu “:”, không có ngoặc: group: A"));
    }

    /// An alias bomb expands to 10^13 nodes; the budget refuses it before
    /// expanding, as a finding the editor can act on, in Vietnamese.
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
        assert!(error.message.starts_with("Phần YAML bị từ chối: ") && !error.message.contains('{'), "{error:?}");
        let flood = format!("a: &a x\nb: [{}]\n", vec!["*a"; 101].join(", "));
        let error = parse_yaml::<serde_json::Value>(&flood, "x.md", 2).unwrap_err();
        assert_eq!(error.message, "Phần YAML bị từ chối: có quá nhiều neo (&) và bí danh (*).");
    }
}
