//! The templates: the built-in ones (`theme/templates/`) compiled into the
//! binary, replaced or completed by a project's `templates/`, compiled once per build, and the
//! HTML escaping and relative roots every page uses.

use crate::diagnostics::{Code, Diagnostic, Report};
use crate::project::Project;

/// The default templates (`theme/templates/`), by name.
const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../theme/templates/base.html")),
    ("home.html", include_str!("../../theme/templates/home.html")),
    ("entry.html", include_str!("../../theme/templates/entry.html")),
    ("sector.html", include_str!("../../theme/templates/sector.html")),
    ("sectors.html", include_str!("../../theme/templates/sectors.html")),
    ("agency.html", include_str!("../../theme/templates/agency.html")),
    ("agencies.html", include_str!("../../theme/templates/agencies.html")),
    ("group.html", include_str!("../../theme/templates/group.html")),
    ("table.html", include_str!("../../theme/templates/table.html")),
    ("decision.html", include_str!("../../theme/templates/decision.html")),
    ("search.html", include_str!("../../theme/templates/search.html")),
    ("statistics.html", include_str!("../../theme/templates/statistics.html")),
    ("404.html", include_str!("../../theme/templates/404.html")),
    ("versions.html", include_str!("../../theme/templates/versions.html")),
    ("version.html", include_str!("../../theme/templates/version.html")),
    ("gone.html", include_str!("../../theme/templates/gone.html")),
    ("partials/entry-list.html", include_str!("../../theme/templates/partials/entry-list.html")),
    ("partials/entries-by-group.html", include_str!("../../theme/templates/partials/entries-by-group.html")),
    ("partials/entry-item.html", include_str!("../../theme/templates/partials/entry-item.html")),
];

pub use crate::source::TEMPLATES_DIR;

pub struct Renderer {
    tera: tera::Tera,
}

impl Renderer {
    /// Compiles the default templates, replaced or completed by the files
    /// in the project's `templates/`. Every problem is reported, not only
    /// the first.
    pub fn new(project: &Project) -> Result<Renderer, Report> {
        let mut report = Report::default();
        let mut templates: std::collections::BTreeMap<String, String> =
            DEFAULT_TEMPLATES.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect();
        for path in project.files_under(TEMPLATES_DIR, &mut report) {
            let name = path[TEMPLATES_DIR.len() + 1..].to_string();
            match project.read_whole(&path).and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, "stream did not contain valid UTF-8")
                })
            }) {
                Ok(text) => {
                    templates.insert(name, text);
                }
                Err(e) => report.push(template_error(
                    &path,
                    format!("Không đọc được mẫu: {}.", crate::diagnostics::io_message(&e)),
                )),
            }
        }
        if report.has_errors() {
            return Err(report);
        }
        let mut tera = tera::Tera::new();
        tera.set_escape_fn(escape_html);
        tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str()))).map_err(|e| {
            [template_error(TEMPLATES_DIR, format!("Mẫu trang (template) có lỗi: {e}"))].into_iter().collect::<Report>()
        })?;
        Ok(Renderer { tera })
    }

    /// Renders `template` into UTF-8 bytes. `Tera::render` would check the
    /// whole page is valid UTF-8 again to return a `String`: 7 % of a large
    /// build, for bytes that go straight to a file.
    pub fn render(&self, template: &str, context: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        let mut page = Vec::with_capacity(16 << 10);
        self.tera.render_to(template, context, &mut page).map(|()| page).map_err(|e| {
            template_error(
                &format!("{TEMPLATES_DIR}/{template}"),
                format!("Không dựng được trang từ mẫu: {}", error_chain(&e)),
            )
        })
    }
}

/// Tera's HTML escaping, the same five characters into the same entities,
/// but with the text between them written whole: Tera's own writes each
/// byte through a `dyn Write`, 8 % of a large build's instructions.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let entity: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(entity)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn template_error(file: &str, message: String) -> Diagnostic {
    Diagnostic::error(Code::Template, file, message)
        .hint("Sửa mẫu trong thư mục templates/, hoặc xóa tệp đó để dùng mẫu mặc định.")
}

/// "../../" for a page at `csdl/x/index.html`: the way back to the root.
pub fn root_prefix(page_path: &str) -> String {
    "../".repeat(page_path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_as_tera_escapes_it() {
        for text in ["", "Sở Nội vụ", "a < b & c > d", "\"Luật\" 'Đất đai'", "&&", "<script>alert(1)</script>x"]
        {
            let (mut ours, mut teras) = (Vec::new(), Vec::new());
            escape_html(text, &mut ours).unwrap();
            tera::escape_html(text, &mut teras).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(teras).unwrap(), "{text}");
        }
    }

    #[test]
    fn root_prefix_climbs_one_level_per_folder() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("csdl/x/index.html"), "../../");
        assert_eq!(root_prefix("linh-vuc/index.html"), "../");
    }

    #[test]
    fn a_template_in_the_project_replaces_the_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(TEMPLATES_DIR)).unwrap();
        std::fs::write(dir.path().join("templates/404.html"), "Không thấy {{ x }}").unwrap();
        let renderer = Renderer::new(&Project::open(dir.path())).unwrap();
        let mut context = tera::Context::new();
        context.insert("x", "<trang>");
        assert_eq!(renderer.render("404.html", &context).unwrap(), "Không thấy &lt;trang&gt;".as_bytes());
    }

    #[test]
    fn a_broken_template_is_reported_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(TEMPLATES_DIR)).unwrap();
        std::fs::write(dir.path().join("templates/404.html"), "{% if %}").unwrap();
        let error = Renderer::new(&Project::open(dir.path())).err().expect("broken template must fail");
        assert_eq!(error.diagnostics()[0].code, Code::Template);
    }
}
