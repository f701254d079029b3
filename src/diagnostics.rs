//! Problems found in the content, reported as data.
//!
//! Loading and validation never stop at the first mistake: they collect a
//! [`Diagnostic`] for each one, so an editor sees every problem of a run at
//! once. Messages and hints are Vietnamese (the editors are civil servants);
//! codes are stable English identifiers for machines and documentation.
//! Positions are 1-based, relative to the whole file, and columns count
//! characters, not bytes.

use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Every kind of problem `danhmuc` reports. The kebab-case name is the
/// stable code shown to users and in JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    Io,
    NotUtf8,
    FileTooLarge,
    Config,
    DataFile,
    FrontMatterMissing,
    FrontMatterUnclosed,
    YamlSyntax,
    YamlTooComplex,
    UnknownField,
    MissingField,
    EmptyField,
    InvalidType,
    InvalidGroup,
    InvalidNumber,
    InvalidSlug,
    UnknownSector,
    UnknownAgency,
    DuplicateAgency,
    DuplicateDeclaration,
    DuplicateSlug,
    DuplicateNumber,
    NumberGap,
    NumberOrder,
    ContentBeforeSections,
    MisspelledSection,
    MissingSection,
    EmptySection,
    UnusedSector,
    UnusedAgency,
    BrokenLink,
    UnsafeLink,
    RelativeLink,
    Template,
    OutsideProject,
    NotAFile,
    BadFileName,
    NestingTooDeep,
    CellTooLong,
    ExtraSection,
    LegacyFont,
    InvisibleCharacter,
    ForbiddenCharacter,
    LongTitle,
    ToneStyle,
    InvalidYear,
    DuplicateSynonym,
    DuplicateKeyword,
    SynonymNotFound,
    DuplicatePlace,
    InvalidPlace,
    History,
    AgencyReplaced,
    DecisionStructure,
}

impl Code {
    /// Findings about style rather than correctness, reported only by
    /// `check --strict` (the real decision itself writes both "văn hoá"
    /// and "Văn hóa").
    pub fn is_strict_only(self) -> bool {
        matches!(self, Code::ToneStyle)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Io => "io",
            Code::NotUtf8 => "not-utf8",
            Code::FileTooLarge => "file-too-large",
            Code::Config => "config",
            Code::DataFile => "data-file",
            Code::FrontMatterMissing => "front-matter-missing",
            Code::FrontMatterUnclosed => "front-matter-unclosed",
            Code::YamlSyntax => "yaml-syntax",
            Code::YamlTooComplex => "yaml-too-complex",
            Code::UnknownField => "unknown-field",
            Code::MissingField => "missing-field",
            Code::EmptyField => "empty-field",
            Code::InvalidType => "invalid-type",
            Code::InvalidGroup => "invalid-group",
            Code::InvalidNumber => "invalid-number",
            Code::InvalidSlug => "invalid-slug",
            Code::UnknownSector => "unknown-sector",
            Code::UnknownAgency => "unknown-agency",
            Code::DuplicateAgency => "duplicate-agency",
            Code::DuplicateDeclaration => "duplicate-declaration",
            Code::DuplicateSlug => "duplicate-slug",
            Code::DuplicateNumber => "duplicate-number",
            Code::NumberGap => "number-gap",
            Code::NumberOrder => "number-order",
            Code::ContentBeforeSections => "content-before-sections",
            Code::MisspelledSection => "misspelled-section",
            Code::MissingSection => "missing-section",
            Code::EmptySection => "empty-section",
            Code::UnusedSector => "unused-sector",
            Code::UnusedAgency => "unused-agency",
            Code::BrokenLink => "broken-link",
            Code::UnsafeLink => "unsafe-link",
            Code::RelativeLink => "relative-link",
            Code::Template => "template",
            Code::OutsideProject => "outside-project",
            Code::NotAFile => "not-a-file",
            Code::BadFileName => "bad-file-name",
            Code::NestingTooDeep => "nesting-too-deep",
            Code::CellTooLong => "cell-too-long",
            Code::ExtraSection => "extra-section",
            Code::LegacyFont => "legacy-font",
            Code::InvisibleCharacter => "invisible-character",
            Code::ForbiddenCharacter => "forbidden-character",
            Code::LongTitle => "long-title",
            Code::ToneStyle => "tone-style",
            Code::InvalidYear => "invalid-year",
            Code::DuplicateSynonym => "duplicate-synonym",
            Code::DuplicateKeyword => "duplicate-keyword",
            Code::SynonymNotFound => "synonym-not-found",
            Code::DuplicatePlace => "duplicate-place",
            Code::InvalidPlace => "invalid-place",
            Code::History => "history",
            Code::AgencyReplaced => "agency-replaced",
            Code::DecisionStructure => "decision-structure",
        }
    }
}

/// A position in a file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub fn new(line: usize, column: usize) -> Self {
        Position { line, column }
    }
}

/// The hint's opening for a name written wrong: "Có phải ý bạn là “…”? "
/// with the known name nearest to it (`text::closest`), or nothing when
/// none is near.
pub fn did_you_mean<'a>(written: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    crate::text::closest(written, known).first().map(|best| format!("Có phải ý bạn là “{best}”? "))
}

/// The 1-based line and character column of byte `offset` in `text`.
pub fn position_at(text: &str, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position::new(line, before[line_start..].chars().count() + 1)
}

/// Positions of byte offsets in one text, each found from the one asked
/// before rather than from the start: a pass that reports its findings
/// in order reads the text once, not once per finding.
pub struct Positions<'a> {
    text: &'a str,
    offset: usize,
    position: Position,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Self {
        Positions { text, offset: 0, position: Position::new(1, 1) }
    }

    /// The position of byte `offset` (as [`position_at`] finds it).
    pub fn at(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Positions::new(self.text);
        }
        let between = &self.text[self.offset..offset];
        match between.rfind('\n') {
            Some(last) => {
                self.position.line += between.matches('\n').count();
                self.position.column = between[last + 1..].chars().count() + 1;
            }
            None => self.position.column += between.chars().count(),
        }
        self.offset = offset;
        self.position
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// Path relative to the project root, with `/` separators.
    pub file: PathBuf,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            position: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(code: Code, file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, file, message) }
    }

    pub fn at(mut self, position: Option<Position>) -> Self {
        self.position = position;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// How many findings of one kind (one code) a file shows; the rest are
/// counted and told by one more finding. A line of 1,500 broken links
/// is one mistake made 1,500 times, and printing each one buries the
/// others (and once printed 45 MB).
pub const SHOWN_PER_KIND: usize = 20;

/// All diagnostics of one run, in a stable order: at most
/// [`SHOWN_PER_KIND`] of each kind per file kept, the others counted.
#[derive(Debug, Default, Clone)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
    /// Per file, code and severity: how many were kept and how many more
    /// were left out.
    kinds: HashMap<Kind, (usize, usize)>,
}

/// Findings of one code and severity in one file.
type Kind = (PathBuf, Code, Severity);

impl Report {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let key = (diagnostic.file.clone(), diagnostic.code, diagnostic.severity);
        let (kept, left_out) = self.kinds.entry(key).or_default();
        if *kept < SHOWN_PER_KIND {
            *kept += 1;
            self.diagnostics.push(diagnostic);
        } else {
            *left_out += 1;
        }
    }

    /// Counts `count` findings of a kind in `file` without keeping them:
    /// for a check that stops making diagnostics once it has made
    /// [`SHOWN_PER_KIND`] of a kind (a file of a million control
    /// characters is a million findings).
    pub fn count_left_out(&mut self, file: impl Into<PathBuf>, code: Code, severity: Severity, count: usize) {
        if count > 0 {
            self.kinds.entry((file.into(), code, severity)).or_default().1 += count;
        }
    }

    pub fn extend(&mut self, other: Report) {
        for diagnostic in other.diagnostics {
            self.push(diagnostic);
        }
        for (key, (_, left_out)) in other.kinds.into_iter().filter(|(_, (_, left_out))| *left_out > 0) {
            self.kinds.entry(key).or_default().1 += left_out;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many problems of `severity` were found, shown or not.
    pub fn count(&self, severity: Severity) -> usize {
        let shown = self.diagnostics.iter().filter(|d| d.severity == severity).count();
        shown
            + self
                .kinds
                .iter()
                .filter(|((_, _, s), _)| *s == severity)
                .map(|(_, (_, left_out))| left_out)
                .sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The diagnostics kept (see [`SHOWN_PER_KIND`]).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The report without the findings only `check --strict` shows.
    pub fn without_strict_only(mut self) -> Report {
        self.diagnostics.retain(|d| !d.code.is_strict_only());
        self.kinds.retain(|(_, code, _), _| !code.is_strict_only());
        self
    }

    /// Diagnostics sorted by file, then position, then code; after each
    /// file's own, one finding per kind that had more than could be shown.
    fn sorted(&self) -> Vec<Cow<'_, Diagnostic>> {
        let mut sorted: Vec<Cow<'_, Diagnostic>> = self.diagnostics.iter().map(Cow::Borrowed).collect();
        sorted.extend(
            self.kinds.iter().filter(|(_, (_, n))| *n > 0).map(|(kind, (_, n))| Cow::Owned(left_out(kind, *n))),
        );
        let key = |d: &Diagnostic| {
            (
                d.file.clone(),
                d.position.is_none() && d.message.starts_with(LEFT_OUT),
                d.position,
                d.code,
                d.message.clone(),
            )
        };
        sorted.sort_by_cached_key(|d| key(d));
        sorted
    }

    /// One JSON object per line, for CI annotations.
    pub fn to_json_lines(&self) -> String {
        let mut out = String::new();
        for diagnostic in self.sorted() {
            let json = serde_json::to_string(&*diagnostic).expect("diagnostics serialize");
            out.push_str(&crate::chars::printable_json(json));
            out.push('\n');
        }
        out
    }

    /// Human-readable text with a source excerpt under each positioned
    /// diagnostic, quoted from `files` (the project the report is about).
    pub fn to_human(&self, files: &dyn Quoted) -> String {
        let mut out = String::new();
        let mut lines = SourceLines::default();
        for diagnostic in self.sorted() {
            render_human(&mut out, &diagnostic, files, &mut lines);
        }
        let errors = self.count(Severity::Error);
        let warnings = self.count(Severity::Warning);
        if errors + warnings > 0 {
            let _ = writeln!(out, "{errors} lỗi, {warnings} cảnh báo.");
        }
        out
    }
}

/// How the finding that stands for those left out begins.
const LEFT_OUT: &str = "Còn ";

/// The finding that tells how many of a kind were not shown.
fn left_out((file, code, severity): &Kind, count: usize) -> Diagnostic {
    let what = match severity {
        Severity::Error => "lỗi",
        Severity::Warning => "cảnh báo",
    };
    Diagnostic {
        severity: *severity,
        code: *code,
        file: file.clone(),
        position: None,
        message: format!(
            "{LEFT_OUT}{count} {what} “{}” nữa trong tệp này không được liệt kê (chỉ hiện {SHOWN_PER_KIND} {what} đầu tiên mỗi loại).",
            code.as_str()
        ),
        hint: Some("Các lỗi cùng loại thường có chung một nguyên nhân: sửa những chỗ trên rồi chạy lại `danhmuc check` để xem phần còn lại.".to_string()),
    }
}

impl FromIterator<Diagnostic> for Report {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        let mut report = Report::default();
        for diagnostic in iter {
            report.push(diagnostic);
        }
        report
    }
}

/// How many characters of a source line an excerpt shows on each side
/// of the column: a minified line or a paste of a whole document can be a
/// megabyte long.
pub const EXCERPT_CHARS: usize = 60;

fn render_human(out: &mut String, d: &Diagnostic, files: &dyn Quoted, lines: &mut SourceLines) {
    use crate::chars::{printable, printable_lines};
    let label = match d.severity {
        Severity::Error => "lỗi",
        Severity::Warning => "cảnh báo",
    };
    // A file name, a value quoted in a message and a source line are the
    // content's own text: shown escaped, they cannot command the terminal.
    let file = d.file.to_string_lossy();
    let (file, message) = (printable(&file), printable(&d.message));
    match d.position {
        Some(p) => {
            let _ = writeln!(out, "{label}[{}]: {file}:{}:{}: {message}", d.code.as_str(), p.line, p.column);
            if let Some(line) = lines.line(files, &d.file, p.line) {
                let (excerpt, caret) = excerpt(line, p.column);
                let number = p.line.to_string();
                let pad = " ".repeat(number.len());
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{number} | {excerpt}");
                let _ = writeln!(out, "{pad} | {caret}^");
            }
        }
        None => {
            let _ = writeln!(out, "{label}[{}]: {file}: {message}", d.code.as_str());
        }
    }
    if let Some(hint) = &d.hint {
        let _ = writeln!(out, "  = gợi ý: {}", printable_lines(hint));
    }
    out.push('\n');
}

/// The part of `line` shown under a diagnostic at `column` (in
/// characters): at most [`EXCERPT_CHARS`] either side, an ellipsis where
/// it was cut, control characters escaped; and the padding that puts a
/// caret under the column.
fn excerpt(line: &str, column: usize) -> (String, String) {
    let at = column.saturating_sub(1);
    let first = at.saturating_sub(EXCERPT_CHARS);
    let mut excerpt = String::new();
    let mut caret = String::new();
    if first > 0 {
        excerpt.push('…');
        caret.push(' ');
    }
    let mut chars = line.chars().skip(first);
    for (i, c) in chars.by_ref().take(at - first + EXCERPT_CHARS).enumerate() {
        let before = excerpt.len();
        crate::chars::push_printable(&mut excerpt, c);
        if first + i < at {
            let width = excerpt[before..].chars().count();
            caret.extend(std::iter::repeat_n(if c == '\t' { '\t' } else { ' ' }, width));
        }
    }
    if chars.next().is_some() {
        excerpt.push('…');
    }
    (excerpt, caret)
}

/// The lines of the file last quoted: the sorted report quotes each
/// file's lines one after another, and reading the file again for each
/// made a report's cost grow with findings times file size.
#[derive(Default)]
struct SourceLines {
    file: Option<PathBuf>,
    text: Option<String>,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl SourceLines {
    /// The 1-based `line` of `file`, without its line ending.
    fn line(&mut self, files: &dyn Quoted, file: &Path, line: usize) -> Option<&str> {
        if self.file.as_deref() != Some(file) {
            self.file = Some(file.to_path_buf());
            self.text = files.text_of(&file.to_string_lossy());
            let text = self.text.as_deref().unwrap_or_default();
            self.starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        }
        let text = self.text.as_deref()?;
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map_or(text.len(), |next| next - 1);
        Some(text[start..end].trim_end_matches('\r'))
    }
}

/// An operating-system error told in Vietnamese (what happened, and what
/// the system said, for whoever helps): the system's own text is English.
pub fn io_message(error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let said = match error.kind() {
        K::NotFound => "không tìm thấy tệp hoặc thư mục",
        K::PermissionDenied => "không có quyền đọc hoặc ghi ở đó",
        K::AlreadyExists => "đã có tệp hoặc thư mục cùng tên",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc",
        K::StorageFull => "ổ đĩa đã đầy",
        K::NotADirectory => "một phần của đường dẫn là tệp, không phải thư mục",
        K::IsADirectory => "đường dẫn là một thư mục, không phải tệp",
        K::DirectoryNotEmpty => "thư mục không trống",
        K::CrossesDevices => "không chuyển được sang ổ đĩa khác",
        K::InvalidFilename | K::InvalidInput => "tên hoặc đường dẫn không hợp lệ",
        K::InvalidData => "dữ liệu trong tệp không đọc được",
        K::AddrInUse => "cổng mạng đang được chương trình khác dùng",
        _ => "hệ điều hành báo lỗi",
    };
    format!("{said} ({error})")
}

/// Where the text quoted under a diagnostic is read: the project the
/// report is about (`project::Project`, which reads only inside it).
pub trait Quoted {
    /// The text of the project file `file`, byte-order mark dropped; None
    /// when it may not or cannot be read.
    fn text_of(&self, file: &str) -> Option<String>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_output_points_at_the_column_in_characters() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "---\nsector: nội-vụ\n---\n").unwrap();
        let report: Report = [Diagnostic::error(Code::UnknownSector, "a.md", "Không có lĩnh vực “nội-vụ”.")
            .at(Some(Position::new(2, 13)))
            .hint("Dùng “noi-vu”.")]
        .into_iter()
        .collect();
        let text = report.to_human(&crate::project::Project::open(dir.path()));
        assert!(text.contains("lỗi[unknown-sector]: a.md:2:13:"), "{text}");
        assert!(text.contains("2 | sector: nội-vụ\n  |             ^\n"), "{text}");
        assert!(text.contains("= gợi ý: Dùng “noi-vu”."), "{text}");
        assert!(text.ends_with("1 lỗi, 0 cảnh báo.\n"), "{text}");
    }

    #[test]
    fn positions_found_in_order_are_those_found_from_the_start() {
        let text = "a\nđất đai x\n\nbé";
        let mut positions = Positions::new(text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for offset in offsets.iter().copied().chain([offsets[3], offsets[3], 1, text.len()]) {
            assert_eq!(positions.at(offset), position_at(text, offset), "{offset}");
        }
    }

    /// Regression: a long line was quoted whole under each finding.
    #[test]
    fn an_excerpt_is_a_window_of_characters_around_the_column() {
        let line = format!("{}X{}", "đ".repeat(100), "ạ".repeat(100));
        let (excerpt, caret) = excerpt(&line, 101);
        assert_eq!(excerpt, format!("…{}X{}…", "đ".repeat(EXCERPT_CHARS), "ạ".repeat(EXCERPT_CHARS - 1)));
        assert_eq!(caret.chars().count(), EXCERPT_CHARS + 1);
        assert_eq!(excerpt.chars().nth(caret.chars().count()), Some('X'));
        assert_eq!(super::excerpt("ngắn", 3), ("ngắn".to_string(), "  ".to_string()));
    }

    #[test]
    fn a_kind_of_finding_shows_twenty_and_counts_the_rest() {
        let report: Report = (0..25)
            .map(|i| Diagnostic::error(Code::BrokenLink, "a.md", format!("{i}")).at(Some(Position::new(1, i + 1))))
            .chain([Diagnostic::warning(Code::LongTitle, "a.md", "w")])
            .collect();
        assert_eq!(report.diagnostics().len(), SHOWN_PER_KIND + 1);
        assert_eq!(report.count(Severity::Error), 25);
        let mut merged = Report::default();
        merged.extend(report.clone());
        assert_eq!(merged.count(Severity::Error), 25);
        let json = merged.to_json_lines();
        assert_eq!(json.lines().count(), SHOWN_PER_KIND + 2);
        assert!(json.lines().last().unwrap().contains("Còn 5 lỗi “broken-link”"), "{json}");
    }

    /// Regression: a title holding ESC sequences (clear the screen, write
    /// the clipboard) reached the terminal raw through a message and the
    /// quoted line.
    #[test]
    fn control_characters_reach_the_terminal_escaped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "---\ntitle: \u{1b}[2J x\u{1b}]52;c;YQ==\u{7} y\n---\n").unwrap();
        let report: Report = [Diagnostic::error(Code::ForbiddenCharacter, "a\u{1b}[1m.md", "“\u{1b}[2J”\nlỗi giả")
            .at(Some(Position::new(2, 13)))
            .hint("ví dụ:\n  - \u{9b}")]
        .into_iter()
        .collect();
        std::fs::rename(dir.path().join("a.md"), dir.path().join("a\u{1b}[1m.md")).unwrap();
        let text = report.to_human(&crate::project::Project::open(dir.path()));
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
        assert!(text.contains("a\\u{1b}[1m.md:2:13: “\\u{1b}[2J”\\u{a}lỗi giả\n"), "{text}");
        assert!(text.contains("2 | title: \\u{1b}[2J x\\u{1b}]52;c;YQ==\\u{7} y\n"), "{text}");
        // The caret stands under the `x`, after the escape's six characters.
        assert!(text.contains(&format!("  | {}^\n", " ".repeat(11 + 6))), "{text}");
        assert!(text.contains("= gợi ý: ví dụ:\n  - \\u{9b}\n"), "{text}");
    }

    #[test]
    fn json_lines_carry_position_and_code() {
        let report: Report =
            [Diagnostic::warning(Code::NumberGap, "x.md", "m").at(Some(Position::new(3, 1)))].into_iter().collect();
        let value: serde_json::Value = serde_json::from_str(report.to_json_lines().trim()).unwrap();
        assert_eq!(value["file"], "x.md");
        assert_eq!(value["line"], 3);
        assert_eq!(value["column"], 1);
        assert_eq!(value["severity"], "warning");
        assert_eq!(value["code"], "number-gap");
    }
}
