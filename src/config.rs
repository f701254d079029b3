//! The site configuration, `danhmuc.toml` at the project root.
//!
//! Everything has a default so that a project folder with only `content/`
//! builds; a typo in a key is an error rather than a silently ignored
//! setting.

use crate::diagnostics::{Code, Diagnostic};
use serde::Deserialize;

pub const CONFIG_FILE: &str = "danhmuc.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub title: String,
    pub description: String,
    pub language: String,
    /// Absolute URL the site is published at; used only where a format
    /// requires absolute URLs (sitemap.xml).
    pub base_url: Option<String>,
    pub decision: DecisionConfig,
    pub repository: RepositoryConfig,
    pub search: SearchConfig,
    pub table: TableConfig,
    /// The decisions issued before the one in the working tree, oldest
    /// first (`[[versions]]`).
    #[serde(default)]
    pub versions: Vec<VersionConfig>,
    pub feedback: FeedbackConfig,
    pub publisher: PublisherConfig,
}

/// Who issues the catalog and where (`[publisher]`): nothing in the
/// program names a province, so that any province or ministry can use it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublisherConfig {
    /// The body that issues the decision, e.g. "Ủy ban nhân dân tỉnh
    /// Quảng Ninh": the publisher of the open data, the feed's author.
    pub name: Option<String>,
    /// The area the catalog covers, as the pages' text says it, e.g.
    /// "tỉnh Quảng Ninh".
    pub area: Option<String>,
    /// The publisher's postal address, shown in every page's footer and
    /// in the open data's contact point.
    pub address: Option<String>,
    /// Its telephone number as people write it, e.g. "0203 3835 000".
    pub telephone: Option<String>,
    /// Its e-mail address, e.g. "vanphong@example.gov.vn".
    pub email: Option<String>,
}

impl PublisherConfig {
    /// The publisher's name; unset: the site's title.
    pub fn name<'a>(&'a self, config_title: &'a str) -> &'a str {
        self.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or(config_title)
    }

    /// The area, or "" when unset.
    pub fn area(&self) -> &str {
        self.area.as_deref().map_or("", str::trim)
    }

    /// The publisher's own name, None when unset (no stand-in: a page
    /// must not call the catalog's title the body that issues it).
    pub fn own_name(&self) -> Option<&str> {
        self.name.as_deref().map(str::trim).filter(|n| !n.is_empty())
    }

    /// The telephone number as a `tel:` URI (RFC 3966): digits only, a
    /// national number starting with 0 written with Việt Nam's +84.
    pub fn telephone_uri(&self) -> Option<String> {
        let phone = self.telephone.as_deref()?;
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        Some(match (phone.trim_start().starts_with('+'), digits.strip_prefix('0')) {
            (true, _) => format!("tel:+{digits}"),
            (false, Some(national)) => format!("tel:+84{national}"),
            (false, None) => format!("tel:{digits}"),
        })
    }

    /// Trims the contact keys, leaves out empty ones and checks the shape
    /// of the telephone number and the e-mail address.
    fn check_contact(&mut self) -> Result<(), Diagnostic> {
        for key in [&mut self.address, &mut self.telephone, &mut self.email] {
            *key = key.take().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        }
        if let Some(phone) = &self.telephone {
            let digits = phone.chars().filter(char::is_ascii_digit).count();
            let allowed = |(i, c): (usize, char)| c.is_ascii_digit() || " .-()".contains(c) || (i == 0 && c == '+');
            if !phone.chars().enumerate().all(allowed) || !(8..=15).contains(&digits) {
                return Err(Diagnostic::error(
                    Code::Config,
                    CONFIG_FILE,
                    format!("Số điện thoại của cơ quan chủ quản “{phone}” không đúng dạng."),
                )
                .hint("Chỉ viết chữ số (8 đến 15 chữ số), có thể ngăn cách bằng dấu cách, dấu chấm hoặc gạch ngang, ví dụ telephone = \"0203 3835 000\"; số máy lẻ hay số fax ghi ở chỗ khác."));
            }
        }
        if let Some(email) = &self.email {
            let shaped = email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            });
            if !shaped || email.chars().any(|c| c.is_whitespace() || "<>\",;:".contains(c)) {
                return Err(Diagnostic::error(
                    Code::Config,
                    CONFIG_FILE,
                    format!("Thư điện tử của cơ quan chủ quản “{email}” không đúng dạng."),
                )
                .hint("Viết một địa chỉ thư, không có “mailto:”, ví dụ email = \"vanphong@example.gov.vn\"."));
            }
        }
        Ok(())
    }
}

/// Where readers send comments on a draft (`[feedback]`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackConfig {
    /// A `mailto:` address, or a URL template with `{slug}` and `{title}`.
    pub address: Option<String>,
}

impl FeedbackConfig {
    /// The "Góp ý về CSDL này" link of an entry, or None when no address
    /// is configured.
    pub fn link(&self, slug: &str, title: &str) -> Option<String> {
        let address = self.address.as_deref()?.trim();
        if let Some(mail) = address.strip_prefix("mailto:") {
            let subject = percent_encode(&format!("Góp ý về {title} ({slug})"));
            let separator = if mail.contains('?') { '&' } else { '?' };
            return Some(format!("mailto:{mail}{separator}subject={subject}"));
        }
        Some(address.replace("{slug}", &percent_encode(slug)).replace("{title}", &percent_encode(title)))
    }

    /// The search page's "Báo cho chúng tôi" link when nothing matches, at
    /// any time (not only while a draft is open for comments), with
    /// `{query}` where the page puts the query, percent-encoded: a mail
    /// whose subject names the query, or the URL template (its `{title}`
    /// is the query, its `{slug}` the search page's). None without an
    /// address.
    pub fn search_link(&self) -> Option<String> {
        let address = self.address.as_deref()?.trim();
        if let Some(mail) = address.strip_prefix("mailto:") {
            let subject = percent_encode("Tìm kiếm không có kết quả: ");
            let separator = if mail.contains('?') { '&' } else { '?' };
            return Some(format!("mailto:{mail}{separator}subject={subject}{{query}}"));
        }
        Some(address.replace("{slug}", "tim-kiem").replace("{title}", "{query}"))
    }
}

/// `text` with every byte but ASCII letters, digits and `-._~` written as
/// `%XX` (RFC 3986 unreserved characters stay).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Where the links of the configuration are written, for a diagnostic's
/// line and column (every other key is ignored here).
#[derive(Default, Deserialize)]
#[serde(default)]
struct LinkPositions {
    repository: LinkPositionsOf,
    feedback: LinkPositionsOf,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct LinkPositionsOf {
    edit_url: Option<toml::Spanned<String>>,
    address: Option<toml::Spanned<String>>,
}

/// An issued decision: its number and date, and the git revision (a tag
/// or a commit) that holds the catalog as it was issued; a decision known
/// only by its number and date has none.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionConfig {
    pub number: String,
    pub date: String,
    pub revision: Option<String>,
}

impl VersionConfig {
    /// The declared decision's number and date ([`crate::model::Issued`]).
    pub fn issued(&self) -> Option<crate::model::Issued> {
        crate::model::Issued::of(Some(&self.number), crate::model::IsoDate::parse(&self.date))
    }
}

/// Whether a declared version's `revision` can only name a revision of
/// the project's git history (a tag, a branch, a commit, `tag~1`), never
/// a path: not absolute, no `.` or `..` at its start, no `..` (a range or
/// a parent folder), no backslash or `:` (a Windows path, or git's
/// `revision:path`), no `-` at its start (an option to git), no spaces or
/// control characters. `danhmuc diff` on the command line may still be
/// given a folder; a declaration may not.
pub fn is_revision_name(revision: &str) -> bool {
    !revision.is_empty()
        && !revision.starts_with(['/', '.', '-', '~'])
        && !revision.contains("..")
        && !revision.contains(['\\', ':'])
        && !revision.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The full table ("Toàn bộ danh mục").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableConfig {
    /// Rows per page: a larger catalog's table is split into pages of this
    /// many. Unset: 500; 0: never split.
    pub page_size: Option<usize>,
}

impl TableConfig {
    pub const DEFAULT_PAGE_SIZE: usize = 500;

    pub fn page_size(&self) -> usize {
        match self.page_size {
            None => Self::DEFAULT_PAGE_SIZE,
            Some(0) => usize::MAX,
            Some(n) => n,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// Split the search index into shards loaded on demand. Unset: only
    /// for catalogs of more than 300 entries.
    pub sharded: Option<bool>,
    /// In a sharded index, a word found in more than this many entries
    /// keeps its word positions in files of their own, loaded only when
    /// they can change the first results. Unset: 1,000.
    pub positions_apart_above: Option<u32>,
}

impl SearchConfig {
    pub const DEFAULT_POSITIONS_APART_ABOVE: u32 = 1000;

    pub fn positions_apart_above(&self) -> u32 {
        self.positions_apart_above.unwrap_or(Self::DEFAULT_POSITIONS_APART_ABOVE)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Danh mục cơ sở dữ liệu dùng chung".to_string(),
            description: String::new(),
            language: "vi".to_string(),
            base_url: None,
            decision: DecisionConfig::default(),
            repository: RepositoryConfig::default(),
            search: SearchConfig::default(),
            table: TableConfig::default(),
            versions: Vec::new(),
            feedback: FeedbackConfig::default(),
            publisher: PublisherConfig::default(),
        }
    }
}

/// The decision's number and date, blank in the text until it is signed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionConfig {
    /// e.g. "123/QĐ-UBND"
    pub number: Option<String>,
    /// ISO date, e.g. "2026-06-01".
    pub date: Option<String>,
}

impl DecisionConfig {
    /// The working tree's decision number and date once both are set;
    /// None while it is a draft ([`crate::model::Issued::of`]).
    pub fn issued(&self) -> Option<crate::model::Issued> {
        crate::model::Issued::of(self.number.as_deref(), self.date.as_deref().and_then(crate::model::IsoDate::parse))
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepositoryConfig {
    /// URL template for "edit this page" links; `{path}` is replaced by the
    /// file's path inside the repository.
    pub edit_url: Option<String>,
}

impl Config {
    /// The configuration written in `text` (a `danhmuc.toml`), checked.
    pub fn from_text(text: &str) -> Result<Config, Diagnostic> {
        // CRLF line endings read as LF, as every content file is read.
        let normalized;
        let text = if text.contains('\r') {
            normalized = text.replace("\r\n", "\n");
            normalized.as_str()
        } else {
            text
        };
        let mut config: Config = toml::from_str(text).map_err(|e| toml_diagnostic(&e, text))?;
        check_characters(text)?;
        config.normalize(text)?;
        config.check_versions(text)?;
        config.check_links(text)?;
        config.publisher.check_contact()?;
        Ok(config)
    }

    fn normalize(&mut self, text: &str) -> Result<(), Diagnostic> {
        if let Some(url) = self.base_url.take().filter(|u| !u.trim().is_empty()) {
            self.base_url = Some(normalize_base_url(&url)?);
        }
        self.decision.number = self.decision.number.take().filter(|s| !s.trim().is_empty());
        self.decision.date = self.decision.date.take().filter(|s| !s.trim().is_empty());
        if let Some(date) = &self.decision.date
            && crate::model::IsoDate::parse(date).is_none()
        {
            return Err(Diagnostic::error(
                Code::Config,
                CONFIG_FILE,
                format!("Ngày ban hành “{date}” không đúng định dạng."),
            )
            .at(position_of_value(text, date))
            .hint(date_hint(date)));
        }
        Ok(())
    }

    /// The feedback address and the edit link's template become links on
    /// every entry's page: an `http(s)://` or `mailto:` address only,
    /// never one that runs code (`javascript:`) or reads the reader's disk.
    fn check_links(&mut self, text: &str) -> Result<(), Diagnostic> {
        self.feedback.address = self.feedback.address.take().map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
        self.repository.edit_url =
            self.repository.edit_url.take().map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
        let written: LinkPositions = toml::from_str(text).unwrap_or_default();
        let position =
            |value: Option<toml::Spanned<String>>| value.map(|v| crate::diagnostics::position_at(text, v.span().start));
        if let Some(a) = &self.feedback.address
            && !crate::urls::is_web_address(a)
        {
            return Err(Diagnostic::error(Code::UnsafeLink, CONFIG_FILE, format!("Địa chỉ góp ý “{a}” không phải mailto: hay http(s)://."))
                .at(position(written.feedback.address))
                .hint("Ví dụ: address = \"mailto:gopy@example.gov.vn\", hoặc address = \"https://gopy.example.gov.vn/?csdl={slug}\". Liên kết kiểu javascript:, data: hay file: có thể chạy mã trên trang của người đọc nên không được dùng."));
        }
        if let Some(url) = &self.repository.edit_url
            && !crate::urls::is_web_address(url)
        {
            return Err(Diagnostic::error(Code::UnsafeLink, CONFIG_FILE, format!("Liên kết sửa trang “{url}” không phải địa chỉ http(s)://."))
                .at(position(written.repository.edit_url))
                .hint("Ví dụ: edit_url = \"https://github.com/so-tttt/danh-muc/edit/main/{path}\". Liên kết kiểu javascript:, data: hay file: có thể chạy mã trên trang của người đọc nên không được dùng."));
        }
        Ok(())
    }

    /// Checks the declared versions: a number, a date, dates in order.
    fn check_versions(&mut self, text: &str) -> Result<(), Diagnostic> {
        let mut previous: Option<crate::model::IsoDate> = None;
        let mut previous_number = String::new();
        for version in &mut self.versions {
            version.number = version.number.trim().to_string();
            version.revision = version.revision.take().map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
            let date = crate::model::IsoDate::parse(version.date.trim());
            let problem = if version.number.is_empty() {
                Some("Một phiên bản ([[versions]]) chưa có số Quyết định (number).".to_string())
            } else if date.is_none() {
                Some(format!("Ngày của Quyết định {} “{}” không đúng định dạng.", version.number, version.date))
            } else if previous.is_some_and(|p| Some(p) > date) {
                Some(format!(
                    "Quyết định {} được ghi sau Quyết định {previous_number}, dù ban hành trước Quyết định đó.",
                    version.number
                ))
            } else {
                None
            };
            if let Some(revision) = version.revision.as_deref().filter(|r| !is_revision_name(r)) {
                return Err(Diagnostic::error(
                    Code::Config,
                    CONFIG_FILE,
                    format!(
                        "Quyết định {} ghi revision “{revision}”: đó là một đường dẫn, không phải tên một phiên bản trong lịch sử git.",
                        version.number
                    ),
                )
                .hint("Ghi tên thẻ git của phiên bản (ví dụ revision = \"qd-1234-2026\") hoặc mã commit; nội dung phiên bản luôn được đọc từ lịch sử git của thư mục Danh mục."));
            }
            if date.is_none() && !version.number.is_empty() {
                return Err(Diagnostic::error(Code::Config, CONFIG_FILE, problem.unwrap_or_default())
                    .at(position_of_value(text, &version.date))
                    .hint(date_hint(&version.date)));
            }
            if let Some(message) = problem {
                return Err(Diagnostic::error(Code::Config, CONFIG_FILE, message).hint(
                    "Mỗi phiên bản ghi number, date (năm-tháng-ngày) và, nếu có, revision (thẻ git), theo thứ tự ban hành, cũ trước.",
                ));
            }
            previous = date;
            previous_number = version.number.clone();
        }
        Ok(())
    }

    /// Who publishes the catalog: `[publisher] name`, else the title.
    pub fn publisher(&self) -> &str {
        self.publisher.name(&self.title)
    }

    /// "Danh mục cơ sở dữ liệu dùng chung tỉnh X", or without the area.
    pub fn catalog_name(&self) -> String {
        match self.publisher.area() {
            "" => "Danh mục cơ sở dữ liệu dùng chung".to_string(),
            area => format!("Danh mục cơ sở dữ liệu dùng chung {area}"),
        }
    }

    pub fn edit_url(&self, repo_path: &str) -> Option<String> {
        self.repository.edit_url.as_ref().filter(|t| !t.is_empty()).map(|t| t.replace("{path}", repo_path))
    }
}

/// No text of the configuration holds a control character: the title,
/// the publisher and the decision's number reach every page, the feed
/// and the Word document. TOML refuses most of them written as they
/// are, but not as escapes (`"\u001B"`, `"\e"`).
fn check_characters(text: &str) -> Result<(), Diagnostic> {
    use crate::chars::{self, Written};
    let escaped = || {
        let found = chars::escapes(text).find(|(_, c)| chars::is_forbidden(*c))?;
        // A backslash outside a basic string is only a backslash.
        let values: toml::Table = toml::from_str(text).ok()?;
        holds_forbidden(&toml::Value::Table(values)).then_some(found)
    };
    let (at, c, written) = match chars::forbidden(text).next() {
        Some((at, c)) => (at, c, Written::Raw),
        None => match escaped() {
            Some((at, c)) => (at, c, Written::Escape),
            None => return Ok(()),
        },
    };
    let source = if written == Written::Raw { "" } else { chars::escape_at(text, at) };
    Err(Diagnostic::error(Code::ForbiddenCharacter, CONFIG_FILE, chars::message(c, written, source))
        .at(Some(crate::diagnostics::position_at(text, at)))
        .hint(chars::hint(c, written)))
}

/// Whether a string of `value` (or a key) holds a forbidden character.
fn holds_forbidden(value: &toml::Value) -> bool {
    let bad = |s: &str| s.chars().any(crate::chars::is_forbidden);
    match value {
        toml::Value::String(s) => bad(s),
        toml::Value::Array(items) => items.iter().any(holds_forbidden),
        toml::Value::Table(table) => table.iter().any(|(k, v)| bad(k) || holds_forbidden(v)),
        _ => false,
    }
}

/// Where the quoted `value` is written in `text`, for a finding about it.
fn position_of_value(text: &str, value: &str) -> Option<crate::diagnostics::Position> {
    let at = text.find(&format!("\"{value}\""))?;
    Some(crate::diagnostics::position_at(text, at + 1))
}

/// What to write for a date written another way: the same date as
/// year-month-day when it reads as day/month/year (“08/01/2027”).
fn date_hint(written: &str) -> String {
    let parts: Vec<&str> = written.trim().split(['/', '-', '.']).collect();
    let rewritten = match parts.as_slice() {
        [day, month, year] if year.len() == 4 && day.len() <= 2 && month.len() <= 2 => {
            let iso = format!("{year}-{month:0>2}-{day:0>2}");
            crate::model::IsoDate::parse(&iso).map(|_| iso)
        }
        _ => None,
    };
    match rewritten {
        Some(iso) => format!("Viết ngày theo dạng năm-tháng-ngày: date = \"{iso}\"."),
        None => "Viết ngày theo dạng năm-tháng-ngày, ví dụ date = \"2026-06-01\".".to_string(),
    }
}

/// Checks that a base URL is absolute http(s) and ends with `/`.
pub fn normalize_base_url(url: &str) -> Result<String, Diagnostic> {
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
        return Err(Diagnostic::error(
            Code::Config,
            CONFIG_FILE,
            format!("Địa chỉ gốc “{url}” không phải là địa chỉ tuyệt đối bắt đầu bằng https:// hoặc http://."),
        )
        .hint("Viết đầy đủ, ví dụ base_url = \"https://csdl.quangninh.gov.vn/\"."));
    }
    Ok(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

/// Where the keys of `danhmuc.toml` are explained, for hints.
const CONFIG_REFERENCE: &str = "Các khóa và cách viết được giải thích trong tài liệu cấu hình của danhmuc (docs/cau-hinh.md) và trong các dòng chú thích của danhmuc.toml do “danhmuc init” tạo.";

/// A TOML parser's error as a finding in Vietnamese: the key, the line and
/// what to write; the parser's own words only as a detail of a syntax error.
fn toml_diagnostic(error: &toml::de::Error, text: &str) -> Diagnostic {
    let position = error.span().map(|span| crate::diagnostics::position_at(text, span.start));
    let message = error.message();
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    // The line the error points at, and the key it sets, for errors about
    // a value.
    let line = error.span().map_or("", |span| {
        let start = span.start.min(text.len());
        let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
        text[from..].lines().next().unwrap_or("")
    });
    let key = line.split_once('=').map(|(key, _)| key.trim().to_string()).filter(|key| !key.is_empty());
    let diagnostic = if let Some(field) = message.strip_prefix("unknown field `").and(quoted.first()) {
        let expected = &quoted[1..];
        let mut hint = crate::diagnostics::did_you_mean(field, expected.iter().copied()).unwrap_or_default();
        if !expected.is_empty() {
            hint.push_str(&format!("Các khóa được dùng ở đây: {}. ", expected.join(", ")));
        }
        hint.push_str(CONFIG_REFERENCE);
        Diagnostic::error(Code::Config, CONFIG_FILE, format!("Khóa “{field}” không được dùng ở đây.")).hint(hint)
    } else if let Some(field) = message.strip_prefix("missing field `").and(quoted.first()) {
        Diagnostic::error(Code::Config, CONFIG_FILE, format!("Thiếu khóa bắt buộc “{field}”."))
            .hint(format!("Thêm một dòng {field} = … vào bảng này. {CONFIG_REFERENCE}"))
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let expected = message.rsplit("expected ").next().unwrap_or("");
        let what = match &key {
            Some(key) => format!("Giá trị của “{key}”"),
            None => "Giá trị".to_string(),
        };
        let (need, example) = if expected.contains("integer") || expected.starts_with('u') || expected.starts_with('i')
        {
            ("một số viết bằng chữ số, không đặt trong ngoặc kép", "500")
        } else if expected.contains("string") {
            ("một văn bản đặt trong ngoặc kép", "\"…\"")
        } else if expected.contains("sequence") || expected.contains("array") {
            ("một danh sách trong ngoặc vuông", "[\"…\", \"…\"]")
        } else if expected.contains("bool") {
            ("true hoặc false, không đặt trong ngoặc kép", "true")
        } else {
            ("một giá trị khác", "…")
        };
        // The line to write, with the key the error is on.
        let write = key.as_deref().map(|key| format!("Viết theo mẫu: {key} = {example}. ")).unwrap_or_default();
        Diagnostic::error(Code::Config, CONFIG_FILE, format!("{what} sai kiểu: cần {need}."))
            .hint(format!("{write}{CONFIG_REFERENCE}"))
    } else if message.trim() == "duplicate key" {
        let written = line.trim();
        let what = if written.starts_with('[') {
            format!("Bảng {} đã được viết ở trên.", written.split(']').next().unwrap_or(written).to_string() + "]")
        } else {
            match &key {
                Some(key) => format!("Khóa “{key}” đã được viết ở trên, trong cùng bảng."),
                None => "Khóa hoặc bảng này đã được viết ở trên.".to_string(),
            }
        };
        Diagnostic::error(Code::Config, CONFIG_FILE, what)
            .hint("Mỗi khóa và mỗi bảng (như [search]) chỉ viết một lần: gộp hai chỗ làm một.")
    } else if let Some((name, value)) = line.split_once(':').filter(|_| message.contains("expected `=`")) {
        // `base_url: "…"`, as YAML writes it.
        let name = name.trim();
        Diagnostic::error(
            Code::Config,
            CONFIG_FILE,
            format!("Khóa “{name}” cần dấu “=” trước giá trị, không phải “:”."),
        )
        .hint(format!("Viết: {name} = {}", value.trim()))
    } else if message.contains("basic string") && line.matches('"').count() % 2 == 1 {
        let name = key.clone().unwrap_or_default();
        let value = line.split_once('=').map_or("", |(_, v)| v).trim().trim_matches('"');
        Diagnostic::error(Code::Config, CONFIG_FILE, format!("Giá trị của “{name}” mở ngoặc kép nhưng không đóng."))
            .hint(format!("Thêm dấu ngoặc kép ở cuối giá trị: {name} = \"{value}\""))
    } else {
        Diagnostic::error(
            Code::Config,
            CONFIG_FILE,
            format!("danhmuc.toml viết sai cú pháp TOML ở đây (bộ đọc TOML báo: “{}”).", message.trim()),
        )
        .hint(format!(
            "Mỗi dòng có dạng khóa = giá trị; văn bản đặt trong ngoặc kép; tên bảng đặt trong ngoặc vuông, ví dụ [decision]. {CONFIG_REFERENCE}"
        ))
    };
    diagnostic.at(position)
}

#[cfg(test)]
mod tests {

    /// Guards against the search page's report link losing the query or
    /// naming a draft entry: a mail's subject, or the URL template's
    /// `{title}`, carries `{query}` for the page to fill in.
    #[test]
    fn the_search_report_link_carries_the_query() {
        let feedback = |address: &str| FeedbackConfig { address: Some(address.to_string()) };
        assert_eq!(
            feedback("mailto:gopy@example.gov.vn").search_link().as_deref(),
            Some(
                "mailto:gopy@example.gov.vn?subject=T%C3%ACm%20ki%E1%BA%BFm%20kh%C3%B4ng%20c%C3%B3%20k%E1%BA%BFt%20qu%E1%BA%A3%3A%20{query}"
            )
        );
        assert_eq!(
            feedback("https://example.gov.vn/gop-y?muc={slug}&q={title}").search_link().as_deref(),
            Some("https://example.gov.vn/gop-y?muc=tim-kiem&q={query}")
        );
        assert_eq!(FeedbackConfig::default().search_link(), None);
    }

    use super::*;

    #[test]
    fn a_declared_revision_is_a_name_in_git_never_a_path() {
        for name in ["qd-1234-2026", "v1.2", "release/qd-1234", "qd-1234^", "HEAD~2", "3f2a9c1"] {
            assert!(is_revision_name(name), "{name}");
        }
        for path in ["/etc", "../other", "./qd", ".", "a/../b", "C:\\qd", "HEAD:content", "--output=x", "~/qd", "a b"] {
            assert!(!is_revision_name(path), "{path}");
        }
    }

    #[test]
    fn base_url_gets_a_trailing_slash() {
        assert_eq!(normalize_base_url("https://example.org/danh-muc").unwrap(), "https://example.org/danh-muc/");
        assert!(normalize_base_url("example.org").is_err());
    }

    /// Guards against the TOML parser's English (“invalid basic string”,
    /// “key with no value, expected `=`”) for the mistakes people make.
    #[test]
    fn an_open_quote_a_colon_and_a_table_twice_are_named() {
        let err = Config::from_text("title = \"X\"\ndescription = \"Danh mục\n").unwrap_err();
        assert_eq!(err.message, "Giá trị của “description” mở ngoặc kép nhưng không đóng.");
        assert_eq!(err.hint.as_deref(), Some("Thêm dấu ngoặc kép ở cuối giá trị: description = \"Danh mục\""));
        let err = Config::from_text("base_url: \"https://a.vn/\"\n").unwrap_err();
        assert_eq!(err.message, "Khóa “base_url” cần dấu “=” trước giá trị, không phải “:”.");
        assert_eq!(err.hint.as_deref(), Some("Viết: base_url = \"https://a.vn/\""));
        let err = Config::from_text("[table]\npage_size = 5\n[table]\npage_size = 6\n").unwrap_err();
        assert_eq!(err.message, "Bảng [table] đã được viết ở trên.");
        assert_eq!(err.position.map(|p| p.line), Some(3));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_position() {
        let err = Config::from_text("title = \"x\"\nbase_ur = \"https://a/\"\n").unwrap_err();
        assert_eq!(err.code, Code::Config);
        assert_eq!(err.position.map(|p| p.line), Some(2));
    }

    /// Guards against a date written as people write it (“08/01/2027”)
    /// answered with no line and only an example of another date.
    #[test]
    fn a_date_written_day_first_is_pointed_at_and_rewritten() {
        let err =
            Config::from_text("title = \"X\"\n[decision]\nnumber = \"1/QĐ-UBND\"\ndate = \"8/1/2027\"\n").unwrap_err();
        assert_eq!(err.position.map(|p| p.line), Some(4));
        assert_eq!(err.hint.as_deref(), Some("Viết ngày theo dạng năm-tháng-ngày: date = \"2027-01-08\"."));
        let err = Config::from_text("[[versions]]\nnumber = \"2/QĐ-UBND\"\ndate = \"17/9/2024\"\n").unwrap_err();
        assert_eq!(err.position.map(|p| p.line), Some(3));
        assert!(err.hint.as_deref().unwrap().contains("date = \"2024-09-17\""), "{err:?}");
    }

    /// Guards against a message that said the reverse of the problem
    /// ("100/QĐ-UBND ghi trước một Quyết định ban hành sau nó" for a
    /// decision listed after a later one).
    #[test]
    fn versions_out_of_order_name_both_decisions_the_right_way_round() {
        let text = "[[versions]]\nnumber = \"200/QĐ-UBND\"\ndate = \"2025-05-01\"\n\n[[versions]]\nnumber = \"100/QĐ-UBND\"\ndate = \"2024-01-10\"\n";
        let err = Config::from_text(text).unwrap_err();
        assert_eq!(
            err.message,
            "Quyết định 100/QĐ-UBND được ghi sau Quyết định 200/QĐ-UBND, dù ban hành trước Quyết định đó."
        );
    }

    /// Guards against a footer or a DCAT contact point that readers
    /// cannot use: a telephone number or an e-mail address of the wrong
    /// shape is an error of `check`, with the key's example.
    #[test]
    fn the_publishers_telephone_and_email_are_checked() {
        let config = |contact: &str| Config::from_text(&format!("[publisher]\nname = \"Ủy ban\"\n{contact}\n"));
        let good = config("telephone = \"(0203) 3.835.000\"\nemail = \" vanphong@example.gov.vn \"").unwrap();
        assert_eq!(good.publisher.telephone_uri().as_deref(), Some("tel:+842033835000"));
        assert_eq!(good.publisher.email.as_deref(), Some("vanphong@example.gov.vn"));
        assert_eq!(
            config("telephone = \"+84 203 3835 000\"").unwrap().publisher.telephone_uri().as_deref(),
            Some("tel:+842033835000")
        );
        for bad in [
            "telephone = \"gọi 0203\"",
            "telephone = \"123\"",
            "email = \"vanphong\"",
            "email = \"mailto:a@b.vn\"",
            "email = \"a@b\"",
        ] {
            let err = config(bad).unwrap_err();
            assert!(err.message.contains("không đúng dạng") && err.hint.is_some(), "{bad}: {}", err.message);
        }
        assert!(config("email = \"\"").unwrap().publisher.email.is_none());
    }

    /// Regression guard: a configuration saved on Windows is read as it
    /// was meant, its multi-line strings included, while a carriage
    /// return that stands alone is refused.
    #[test]
    fn crlf_line_endings_are_ordinary_and_a_lone_carriage_return_is_not() {
        let config = Config::from_text("title = \"X\"\r\ndescription = \"\"\"\r\na\r\nb\"\"\"\r\n").unwrap();
        assert_eq!(config.description, "a\nb");
        let error = Config::from_text("title = \"X\"\r\ndescription = \"a\\rb\"\n").unwrap_err();
        assert_eq!(
            (error.code, error.position),
            (Code::ForbiddenCharacter, Some(crate::diagnostics::Position::new(2, 17)))
        );
    }
}
