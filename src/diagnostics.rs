//! Problems found in the content, reported as data.
//!
//! Loading and validation never stop at the first mistake: they collect a
//! [`Diagnostic`] for each one, so an editor sees every problem of a run at
//! once. Messages and hints are Vietnamese (the editors are civil servants);
//! codes are stable English identifiers for machines and documentation.
//! Positions are 1-based, relative to the whole file, and columns count
//! characters, not bytes.

use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Every kind of problem `danhmuc` reports. The kebab-case name is the
/// stable code shown to users and in JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
    CellTooLong,
    ExtraSection,
    LegacyFont,
    InvisibleCharacter,
    LongTitle,
    ToneStyle,
    InvalidYear,
    DuplicateSynonym,
    SynonymNotFound,
    History,
    AgencyReplaced,
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
            Code::CellTooLong => "cell-too-long",
            Code::ExtraSection => "extra-section",
            Code::LegacyFont => "legacy-font",
            Code::InvisibleCharacter => "invisible-character",
            Code::LongTitle => "long-title",
            Code::ToneStyle => "tone-style",
            Code::InvalidYear => "invalid-year",
            Code::DuplicateSynonym => "duplicate-synonym",
            Code::SynonymNotFound => "synonym-not-found",
            Code::History => "history",
            Code::AgencyReplaced => "agency-replaced",
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

/// The 1-based line and character column of byte `offset` in `text`.
pub fn position_at(text: &str, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position::new(line, before[line_start..].chars().count() + 1)
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

/// All diagnostics of one run, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn extend(&mut self, other: Report) {
        self.diagnostics.extend(other.diagnostics);
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The report without the findings only `check --strict` shows.
    pub fn without_strict_only(mut self) -> Report {
        self.diagnostics.retain(|d| !d.code.is_strict_only());
        self
    }

    /// Diagnostics sorted by file, then position, then code.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut sorted: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        sorted
            .sort_by(|a, b| (&a.file, a.position, a.code, &a.message).cmp(&(&b.file, b.position, b.code, &b.message)));
        sorted
    }

    /// One JSON object per line, for CI annotations.
    pub fn to_json_lines(&self) -> String {
        let mut out = String::new();
        for diagnostic in self.sorted() {
            out.push_str(&serde_json::to_string(diagnostic).expect("diagnostics serialize"));
            out.push('\n');
        }
        out
    }

    /// Human-readable text with a source excerpt under each positioned
    /// diagnostic; `root` is where the files named in the report live.
    pub fn to_human(&self, root: &Path) -> String {
        let mut out = String::new();
        for diagnostic in self.sorted() {
            render_human(&mut out, diagnostic, root);
        }
        let errors = self.count(Severity::Error);
        let warnings = self.count(Severity::Warning);
        if errors + warnings > 0 {
            let _ = writeln!(out, "{errors} lỗi, {warnings} cảnh báo.");
        }
        out
    }
}

impl FromIterator<Diagnostic> for Report {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Report { diagnostics: iter.into_iter().collect() }
    }
}

fn render_human(out: &mut String, d: &Diagnostic, root: &Path) {
    let label = match d.severity {
        Severity::Error => "lỗi",
        Severity::Warning => "cảnh báo",
    };
    let file = d.file.display();
    match d.position {
        Some(p) => {
            let _ = writeln!(out, "{label}[{}]: {file}:{}:{}: {}", d.code.as_str(), p.line, p.column, d.message);
            if let Some(line) = source_line(root, &d.file, p.line) {
                let number = p.line.to_string();
                let pad = " ".repeat(number.len());
                let caret_pad: String =
                    line.chars().take(p.column.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{number} | {line}");
                let _ = writeln!(out, "{pad} | {caret_pad}^");
            }
        }
        None => {
            let _ = writeln!(out, "{label}[{}]: {file}: {}", d.code.as_str(), d.message);
        }
    }
    if let Some(hint) = &d.hint {
        let _ = writeln!(out, "  = gợi ý: {hint}");
    }
    out.push('\n');
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
        K::AddrInUse => "cổng đang được chương trình khác dùng",
        _ => "hệ điều hành báo lỗi",
    };
    format!("{said} ({error})")
}

/// The line quoted under a diagnostic: read only through a path that stays
/// inside the project, so an excerpt never prints what a link points to.
fn source_line(root: &Path, file: &Path, line: usize) -> Option<String> {
    if crate::confine::link_leading_out(root, &file.to_string_lossy()).is_some() {
        return None;
    }
    let bytes = std::fs::read(root.join(file)).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.lines().nth(line.checked_sub(1)?).map(|l| l.trim_end_matches('\r').to_string())
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
        let text = report.to_human(dir.path());
        assert!(text.contains("lỗi[unknown-sector]: a.md:2:13:"), "{text}");
        assert!(text.contains("2 | sector: nội-vụ\n  |             ^\n"), "{text}");
        assert!(text.contains("= gợi ý: Dùng “noi-vu”."), "{text}");
        assert!(text.ends_with("1 lỗi, 0 cảnh báo.\n"), "{text}");
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
