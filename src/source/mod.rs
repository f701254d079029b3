//! Reading a project: walk `content/` and read each file through the door
//! (`crate::project`, which alone decides what may be read), split the YAML
//! front matter from the Markdown body and parse both into raw,
//! unvalidated structures. A version held in memory is read the same way.
//! Every problem becomes a [`Diagnostic`]; nothing here decides whether
//! the catalog as a whole is valid (that is `validate`).

pub mod characters;
pub mod decision;
pub mod declarations;
pub mod entry_file;
pub mod from_sheet;
mod frontmatter;
pub mod git;
pub mod new_entry;
mod sections;
pub mod spreadsheet;
pub mod write;
mod yaml_errors;

pub use frontmatter::{RawAgency, RawDecision, RawEntry, RawSector, RawSynonym, parse_yaml};
pub use sections::{Body, RawSection, split_body, split_sections};

use crate::config::{CONFIG_FILE, Config};
use crate::diagnostics::{Code, Diagnostic, Position, Report};
use crate::project::Project;

pub const CONTENT_DIR: &str = "content";
pub const ENTRIES_DIR: &str = "content/csdl";
pub const SECTORS_FILE: &str = "content/sectors.yaml";
pub const AGENCIES_FILE: &str = "content/agencies.yaml";
/// Optional: other names readers search by (see docs/search.md).
pub const SYNONYMS_FILE: &str = "content/synonyms.yaml";
/// Optional: the names of places in the catalog's area, which a query may
/// name without requiring them (see docs/search.md).
pub const PLACES_FILE: &str = "content/places.yaml";
pub const DECISION_FILE: &str = "content/quyet-dinh.md";
/// Files copied into the site as they are.
pub const STATIC_DIR: &str = "static";
/// The project's own templates, replacing or completing the built-in ones.
pub const TEMPLATES_DIR: &str = "templates";

/// The line the front matter's YAML starts on, after the opening `---`.
pub const FRONT_MATTER_LINE: usize = 2;

pub use crate::project::MAX_FILE_BYTES;

/// A content file that was read and split into front matter and body.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the project root, `/`-separated.
    pub path: String,
    /// The file's text: BOM removed, line endings normalised to `\n`.
    pub text: String,
    /// The YAML between the `---` lines.
    pub front: std::ops::Range<usize>,
    /// The Markdown after the closing `---`.
    pub body: std::ops::Range<usize>,
}

impl SourceFile {
    pub fn front_matter(&self) -> &str {
        &self.text[self.front.clone()]
    }

    pub fn body(&self) -> &str {
        &self.text[self.body.clone()]
    }

    /// 1-based line of the first YAML line (the one after `---`).
    pub fn front_line(&self) -> usize {
        FRONT_MATTER_LINE
    }

    /// File position of a byte offset inside the body.
    pub fn body_position(&self, offset: usize) -> Position {
        position_at(&self.text, self.body.start + offset)
    }
}

/// Everything read from a project folder, before validation.
#[derive(Debug, Default)]
pub struct RawProject {
    pub config: Option<Config>,
    pub sectors: Vec<RawSector>,
    pub agencies: Vec<RawAgency>,
    pub synonyms: Vec<RawSynonym>,
    /// The names of `content/places.yaml`, one an item.
    pub places: Vec<serde_saphyr::Spanned<String>>,
    pub entries: Vec<(SourceFile, RawEntry)>,
    /// Entry files that could not be read or parsed (already reported).
    pub failed_entries: usize,
    /// When each entry file last changed in git (empty outside git).
    pub git_dates: std::collections::HashMap<String, crate::model::IsoDate>,
    pub decision: Option<(SourceFile, RawDecision)>,
    /// The files of `static/`, as project paths.
    pub static_files: Vec<String>,
}

/// Reads the project: its folder, or a version's files held in memory.
/// Files that cannot be read or parsed are reported and left out; the
/// rest is returned for validation.
pub fn load(project: &Project) -> (RawProject, Report) {
    let mut report = Report::default();
    let mut raw = RawProject::default();
    match load_config(project) {
        Ok(config) => raw.config = Some(config),
        Err(d) => report.push(d),
    }
    raw.static_files = project.files_under(STATIC_DIR, &mut report);
    if let Err(d) = project.check(CONTENT_DIR) {
        report.push(d);
        return (raw, report);
    }
    if !project.is_folder(CONTENT_DIR) {
        report.push(
            Diagnostic::error(Code::Io, CONTENT_DIR, "Không tìm thấy thư mục nội dung “content/”.")
                .hint("Chạy lệnh trong thư mục Danh mục (thư mục có danhmuc.toml và content/), hoặc chỉ đường dẫn bằng --root THƯ_MỤC."),
        );
        return (raw, report);
    }
    raw.sectors = load_data_file(project, SECTORS_FILE, &mut report);
    raw.agencies = load_data_file(project, AGENCIES_FILE, &mut report);
    if project.has(SYNONYMS_FILE) {
        raw.synonyms = load_data_file(project, SYNONYMS_FILE, &mut report);
    }
    if project.has(PLACES_FILE) {
        raw.places = load_data_file(project, PLACES_FILE, &mut report);
    }
    if project.has(DECISION_FILE)
        && let Some(file) = read_with_front_matter(project, DECISION_FILE, &mut report)
    {
        keep_decision(&mut raw, &mut report, file);
    }
    raw.git_dates = git::last_commit_dates(project, ENTRIES_DIR);
    // Entry files are independent: read and parse them on every core, then
    // keep them (and their diagnostics) in path order.
    use rayon::prelude::*;
    let parsed: Vec<(Option<(SourceFile, RawEntry)>, Report)> = entry_paths(project, &mut report)
        .par_iter()
        .map(|path| {
            let mut local = Report::default();
            // Already allowed by the walk.
            let text = read_text_within(project, path, &mut local);
            (parse_entry_text(path, text, &mut local), local)
        })
        .collect();
    keep_entries(&mut raw, &mut report, parsed);
    (raw, report)
}

/// An entry file's text (None when it could not be read, already
/// reported) split and its front matter parsed; problems go to `report`.
fn parse_entry_text(path: &str, text: Option<String>, report: &mut Report) -> Option<(SourceFile, RawEntry)> {
    let file = split_or_report(path, text?, report)?;
    match parse_yaml::<RawEntry>(file.front_matter(), &file.path, file.front_line()) {
        Ok(raw) => Some((file, raw)),
        Err(d) => {
            report.push(d);
            None
        }
    }
}

/// Keeps the entries parsed on every core, in path order, with what was
/// found in each.
fn keep_entries(project: &mut RawProject, report: &mut Report, parsed: Vec<(Option<(SourceFile, RawEntry)>, Report)>) {
    for (entry, local) in parsed {
        report.extend(local);
        match entry {
            Some(entry) => project.entries.push(entry),
            // Already reported; counted so that numbering gaps are not
            // guessed from an incomplete set.
            None => project.failed_entries += 1,
        }
    }
}

/// The decision file (its text already split), its front matter parsed.
fn keep_decision(project: &mut RawProject, report: &mut Report, file: SourceFile) {
    match parse_yaml::<RawDecision>(file.front_matter(), &file.path, file.front_line()) {
        Ok(raw) => project.decision = Some((file, raw)),
        Err(d) => report.push(d),
    }
}

/// The entry files under `content/csdl/`, sorted by path. Links are
/// followed while they stay inside the project (see `inside`).
fn entry_paths(project: &Project, report: &mut Report) -> Vec<String> {
    if project.check(ENTRIES_DIR).is_ok() && !project.is_folder(ENTRIES_DIR) {
        report.push(
            Diagnostic::error(Code::Io, ENTRIES_DIR, "Không tìm thấy thư mục “content/csdl/” chứa các CSDL.")
                .hint("Mỗi CSDL là một tệp .md trong content/csdl/; tạo tệp mới bằng lệnh `danhmuc new`."),
        );
        return Vec::new();
    }
    let mut paths = project.files_under(ENTRIES_DIR, report);
    paths.retain(|path| path.ends_with(".md"));
    paths
}

/// Where a file of `static/` (a project path) is published.
pub fn static_site_path(project_path: &str) -> String {
    let under = project_path.strip_prefix(STATIC_DIR).and_then(|p| p.strip_prefix('/')).unwrap_or(project_path);
    crate::urls::static_file(under)
}

fn load_data_file<T: serde::de::DeserializeOwned>(project: &Project, path: &str, report: &mut Report) -> Vec<T> {
    let Some(text) = read_text(project, path, report) else {
        return Vec::new();
    };
    parse_data_file(&text, path, report)
}

fn parse_data_file<T: serde::de::DeserializeOwned>(text: &str, path: &str, report: &mut Report) -> Vec<T> {
    characters::check_text(text, 0..text.len(), 0..0, path, report);
    match parse_yaml::<Option<Vec<T>>>(text, path, 1) {
        Ok(list) => list.unwrap_or_default(),
        Err(d) => {
            report.push(d);
            Vec::new()
        }
    }
}

/// Reads `danhmuc.toml` as every file of the project is read (inside the
/// project, within the size limit, UTF-8) and checks it; a missing file
/// means the defaults.
pub fn load_config(project: &Project) -> Result<Config, Diagnostic> {
    project.check(CONFIG_FILE)?;
    if project.lacks(CONFIG_FILE) {
        return Ok(Config::default());
    }
    let text = project.read(CONFIG_FILE).and_then(|bytes| decode_text(CONFIG_FILE, bytes))?;
    Config::from_text(&text)
}

/// Reads a file as text: refuses a path that leads outside the project,
/// files too large or not UTF-8, drops a byte-order mark and turns CRLF
/// line endings into LF.
pub fn read_text(project: &Project, path: &str, report: &mut Report) -> Option<String> {
    if let Err(d) = project.check(path) {
        report.push(d);
        return None;
    }
    read_text_within(project, path, report)
}

/// [`read_text`] for a path already allowed by the walk.
fn read_text_within(project: &Project, path: &str, report: &mut Report) -> Option<String> {
    match project.read(path).and_then(|bytes| decode_text(path, bytes)) {
        Ok(text) => Some(text),
        Err(d) => {
            report.push(d);
            None
        }
    }
}

/// Bytes to text: UTF-8 required (with the position of the first bad
/// byte), byte-order mark dropped, CRLF turned into LF, NFC.
pub fn decode_text(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just validated as UTF-8.
        return Ok(normalize_text(unsafe { String::from_utf8_unchecked(bytes) }));
    }
    // Not UTF-8: the standard library says where.
    match String::from_utf8(bytes) {
        Ok(text) => Ok(normalize_text(text)),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or_default();
            Err(Diagnostic::error(Code::NotUtf8, path, "Tệp không phải văn bản UTF-8.")
                .at(Some(position_at(good, good.len())))
                .hint("Mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8 (ví dụ VS Code: “Save with Encoding” → UTF-8)."))
        }
    }
}

fn normalize_text(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n");
    }
    match crate::text::nfc_cow(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(normalized) => normalized,
    }
}

fn read_with_front_matter(project: &Project, path: &str, report: &mut Report) -> Option<SourceFile> {
    let text = read_text(project, path, report)?;
    split_or_report(path, text, report)
}

fn split_or_report(path: &str, text: String, report: &mut Report) -> Option<SourceFile> {
    match with_front_matter(path, text) {
        Ok(file) => Some(file),
        Err(d) => {
            report.push(d);
            None
        }
    }
}

/// Splits a file's text into front matter and body.
pub fn with_front_matter(path: &str, text: String) -> Result<SourceFile, Diagnostic> {
    match split_front_matter(&text) {
        Ok((front, body)) => Ok(SourceFile { path: path.to_string(), text, front, body }),
        Err(code) => {
            let (message, hint) = match code {
                Code::FrontMatterMissing => (
                    "Tệp không bắt đầu bằng phần thông tin (front matter) giữa hai dòng “---”.",
                    "Dòng đầu tiên của tệp phải là “---”, tiếp theo là title, group, number, sector, agencies, rồi một dòng “---”.",
                ),
                _ => (
                    "Phần thông tin (front matter) mở bằng “---” nhưng không có dòng “---” đóng lại.",
                    "Thêm một dòng chỉ có “---” sau dòng thông tin cuối cùng (sau agencies hoặc notes).",
                ),
            };
            Err(Diagnostic::error(code, path, message).at(Some(Position::new(1, 1))).hint(hint))
        }
    }
}

/// One entry file from its bytes: decoded, split and parsed. The loading
/// path `load` takes for every entry, exposed for the fuzz target.
pub fn parse_entry(path: &str, bytes: Vec<u8>) -> Result<(SourceFile, RawEntry), Diagnostic> {
    let file = with_front_matter(path, decode_text(path, bytes)?)?;
    let raw = parse_yaml::<RawEntry>(file.front_matter(), &file.path, file.front_line())?;
    Ok((file, raw))
}

/// Splits "---\nYAML\n---\nBODY" into the byte ranges of YAML and body.
pub fn split_front_matter(text: &str) -> Result<(std::ops::Range<usize>, std::ops::Range<usize>), Code> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Err(Code::FrontMatterMissing);
    }
    let front_start = (first_line_end + 1).min(text.len());
    let mut offset = front_start;
    for line in text[front_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start = offset + line.len();
            return Ok((front_start..offset, body_start..text.len()));
        }
        offset += line.len();
    }
    Err(Code::FrontMatterUnclosed)
}

pub use crate::diagnostics::position_at;

/// File position of a YAML location, for YAML that starts at `first_line`.
pub fn location_position(location: &serde_saphyr::Location, first_line: usize) -> Option<Position> {
    yaml_errors::file_position(location, first_line)
}

/// File position of a parsed YAML value.
pub fn frontmatter_position<T>(value: &serde_saphyr::Spanned<T>, first_line: usize) -> Option<Position> {
    location_position(&value.referenced, first_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_config_means_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let config = load_config(&Project::open(dir.path())).unwrap();
        assert_eq!(config.language, "vi");
        assert!(config.base_url.is_none());
    }

    /// `danhmuc.toml` was read whole, whatever its size, while every other
    /// file of the project is refused past the limit.
    #[test]
    fn a_config_past_the_size_limit_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let huge = format!("title = \"x\"\n{}", "# chú thích\n".repeat(MAX_FILE_BYTES as usize / 10));
        std::fs::write(dir.path().join(CONFIG_FILE), huge).unwrap();
        assert_eq!(load_config(&Project::open(dir.path())).unwrap_err().code, Code::FileTooLarge);
    }

    #[test]
    fn front_matter_is_split_at_the_closing_line() {
        let text = "---\ntitle: X\n---\n\n## Mục đích\n";
        let (front, body) = split_front_matter(text).unwrap();
        assert_eq!(&text[front], "title: X\n");
        assert_eq!(&text[body], "\n## Mục đích\n");
        assert_eq!(split_front_matter("title: X\n"), Err(Code::FrontMatterMissing));
        assert_eq!(split_front_matter("---\ntitle: X\n## Mục đích\n"), Err(Code::FrontMatterUnclosed));
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "a\nđất đai x";
        assert_eq!(position_at(text, text.find('x').unwrap()), Position::new(2, 9));
        assert_eq!(position_at(text, 0), Position::new(1, 1));
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        assert_eq!(normalize_text("\u{feff}---\r\ntitle: X\r\n".to_string()), "---\ntitle: X\n");
    }
}
