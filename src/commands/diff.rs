//! `danhmuc diff [OLD] [NEW]`: what changed between two versions of the
//! catalog. Each side is a declared decision's number (`1234/QĐ-UBND` or
//! `1234`), a git revision (a tag such as `qd-1234-2026`) of the
//! project's repository or a project folder. By default OLD is the
//! version in force (the newest `[[versions]]` with a revision) and NEW
//! the working tree; once the working tree is signed (`[decision]`), OLD
//! is the issued version before it. Prints the report for people, as Markdown (for a pull
//! request or the submission that goes with a draft), or as JSON. Exits 0
//! when it ran, whatever it found.

use crate::diagnostics::Report;
use crate::exit;
use crate::model::Catalog;
use crate::versions::diff::{Changes, Piece, compare, word_diff};
use std::fmt::Write as _;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for a terminal: removed words in [-…-], added ones in {+…+}.
    Text,
    /// Markdown, with <del> and <ins>.
    Markdown,
    /// JSON: {"old", "new" (the sides' labels), "added": [slug…], "removed": […], "added_entries"/"removed_entries": [{"slug", "reference", "title"}…], "renamed": [{"from", "to", "reference", "from_title", "to_title"}…], "changed": [{"slug", "reference", "title", "fields": […]}…]}.
    Json,
    /// The bảng so sánh as a Word document, written to `--output`.
    Docx,
}

pub struct DiffArgs<'a> {
    pub root: &'a Path,
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
    pub format: Format,
    /// Where `docx` writes the document.
    pub output: Option<&'a Path>,
}

pub fn run(args: &DiffArgs) -> u8 {
    if args.format == Format::Docx
        && let Err(code) = super::comparison::check_output(args.root, args.output)
    {
        return code;
    }
    // The declared versions name the sides and give the default one.
    let config = crate::source::load_config(args.root);
    let versions = config.as_ref().map(|c| c.versions.clone()).map_err(Clone::clone);
    let declared_versions = versions.clone().unwrap_or_default();
    let declared = declared_versions.as_slice();
    // Once signed, the working tree is the version in force: the plain
    // command compares the two newest issued versions.
    let signed = config.as_ref().ok().and_then(|c| c.decision.issued()).map(|issued| issued.number);
    let previous = signed
        .as_deref()
        .and_then(|number| declared.iter().rev().filter(|v| v.number != number).find_map(|v| v.revision.clone()));
    let given = |what: &str| by_number(declared, what).unwrap_or_else(|| what.to_string());
    // A declared revision is read from git only, never as a folder.
    let (old, old_is_declared) = match args.old {
        Some(old) => (given(old), by_number(declared, old).is_some()),
        None if previous.is_some() => (previous.clone().unwrap_or_default(), true),
        None => match &versions {
            // The configuration has a mistake: a content error, as in `check`.
            Err(problem) => {
                eprint!("{}", [problem.clone()].into_iter().collect::<Report>().to_human(args.root));
                return exit::CONTENT_ERRORS;
            }
            Ok(versions) => match in_force(versions) {
                Ok(revision) => (revision, true),
                Err(message) => {
                    eprintln!("{message}");
                    return exit::FAILURE;
                }
            },
        },
    };
    let versions = versions.unwrap_or_default();
    let new = args.new.map_or_else(|| args.root.display().to_string(), given);
    let (Some(before), Some(after)) = (side(args.root, &old, !old_is_declared), side(args.root, &new, true)) else {
        return exit::CONTENT_ERRORS;
    };
    let changes = compare(&before, &after);
    let working = match (&signed, args.new) {
        (Some(number), None) => match versions.iter().find(|v| &v.number == number) {
            Some(v) => format!("{} (bản đang sửa, đã ký)", label_of(v)),
            None => format!("{} (bản đang sửa, đã ký)", crate::model::decision_by_number(number)),
        },
        (None, None) => "bản đang sửa".to_string(),
        (_, Some(_)) => label(&versions, &new),
    };
    let labels = (label(&versions, &old), working);
    if args.old.is_none() && previous.is_some() && args.format != Format::Json {
        eprintln!("Bản đang sửa đã ký ([decision]): so sánh hai Quyết định mới nhất đã ban hành.");
    }
    let text = match args.format {
        Format::Text => text_report(&changes, &labels),
        Format::Markdown => markdown_report(&changes, &labels),
        Format::Json => json_report(&changes, &labels),
        Format::Docx => {
            let Some(output) = args.output else { return exit::FAILURE };
            return super::comparison::write((args.root, output), &changes, (&before, &after), &old, &versions);
        }
    };
    super::print_out(&text);
    exit::OK
}

/// The revision of the version in force: the newest declared version that
/// has one.
fn in_force(versions: &[crate::config::VersionConfig]) -> Result<String, String> {
    versions.iter().rev().find_map(|v| v.revision.clone()).ok_or_else(|| {
        "Chưa có phiên bản nào đã ban hành có revision trong danhmuc.toml ([[versions]]): hãy ghi rõ phiên bản cũ, ví dụ `danhmuc diff qd-1234-2026`.".to_string()
    })
}

/// One side of the comparison: a project folder if `what` is one (and
/// `may_be_folder`: given on the command line), else a revision of the
/// repository at `root`. Problems are printed.
fn side(root: &Path, what: &str, may_be_folder: bool) -> Option<Catalog> {
    let folder = Path::new(what);
    let (catalog, report) = if may_be_folder && folder.join(crate::source::CONTENT_DIR).is_dir() {
        crate::versions::catalog_in(folder)
    } else {
        match crate::versions::catalog_at(root, what) {
            Ok(loaded) => loaded,
            Err(problem) => {
                let mut report = Report::default();
                report.push(problem);
                (None, report)
            }
        }
    };
    if catalog.is_none() {
        eprint!("{}", report.to_human(folder));
        eprintln!("Không so sánh được: nội dung của “{what}” có lỗi.");
    }
    catalog
}

/// The revision of the declared version whose decision number is `what`:
/// "1234/QĐ-UBND" or its number alone, "1234".
fn by_number(versions: &[crate::config::VersionConfig], what: &str) -> Option<String> {
    let what = what.trim();
    versions
        .iter()
        .find(|v| v.number == what || v.number.split('/').next() == Some(what))
        .and_then(|v| v.revision.clone())
}

/// A declared version as reports name it: its decision and date.
fn label_of(v: &crate::config::VersionConfig) -> String {
    v.issued().map_or_else(|| crate::model::decision_by_number(&v.number), |issued| issued.citation())
}

/// How the report names a side: the decision it is, or what was given.
fn label(versions: &[crate::config::VersionConfig], what: &str) -> String {
    match versions.iter().find(|v| v.revision.as_deref() == Some(what)) {
        Some(v) => format!("{} ({what})", label_of(v)),
        None => what.to_string(),
    }
}

fn count(n: usize) -> String {
    format!("{n} CSDL")
}

/// The report for a terminal. The content's text is shown with its
/// control characters escaped: an old version is not checked for them,
/// and a title must not clear a reviewer's screen or forge a link.
pub fn text_report(changes: &Changes, (old, new): &(String, String)) -> String {
    use crate::chars::printable;
    let mut out = format!("So sánh {} với {}.\n", printable(old), printable(new));
    if changes.is_empty() {
        out.push_str("Không có thay đổi nào.\n");
        return out;
    }
    if !changes.added.is_empty() {
        let _ = writeln!(out, "\nThêm {}:", count(changes.added.len()));
        for e in &changes.added {
            let _ = writeln!(out, "  + {} {} ({})", e.reference, printable(&e.title), e.slug);
        }
    }
    if !changes.removed.is_empty() {
        let _ = writeln!(out, "\nBỏ {}:", count(changes.removed.len()));
        for e in &changes.removed {
            let _ = writeln!(out, "  - {} {} ({})", e.reference, printable(&e.title), e.slug);
        }
    }
    if !changes.renamed.is_empty() {
        let _ = writeln!(out, "\nĐổi tên {} (khớp theo nội dung):", count(changes.renamed.len()));
        for r in &changes.renamed {
            let _ = writeln!(
                out,
                "  ~ {} {}: đổi tên từ “{}”",
                r.to.reference,
                printable(&r.to.title),
                printable(&r.from.title)
            );
        }
    }
    if !changes.changed.is_empty() {
        let _ = writeln!(out, "\nSửa {} (chữ bỏ trong [-…-], chữ thêm trong {{+…+}}):", count(changes.changed.len()));
        for c in &changes.changed {
            let _ = writeln!(out, "\n  {} {} ({})", c.entry.reference, printable(&c.entry.title), c.entry.slug);
            for f in &c.fields {
                let text = marked(&f.before, &f.after, ("[-", "-]"), ("{+", "+}"));
                let _ = writeln!(out, "    {}: {}", f.label, printable(&text));
            }
        }
    }
    out
}

/// The report in Markdown: removed words in <del>, added ones in <ins>,
/// each also said in words ("bỏ", "thêm") for screen readers and print.
pub fn markdown_report(changes: &Changes, (old, new): &(String, String)) -> String {
    let mut out = format!("## Thay đổi của danh mục\n\nSo sánh {} với {}.\n", escape(old), escape(new));
    if changes.is_empty() {
        out.push_str("\nKhông có thay đổi nào.\n");
        return out;
    }
    let link = |e: &crate::versions::diff::EntryRef| format!("{} {} (`{}`)", e.reference, escape(&e.title), e.slug);
    if !changes.added.is_empty() {
        let _ = writeln!(out, "\n### Thêm {}\n", count(changes.added.len()));
        for e in &changes.added {
            let _ = writeln!(out, "- {}", link(e));
        }
    }
    if !changes.removed.is_empty() {
        let _ = writeln!(out, "\n### Bỏ {}\n", count(changes.removed.len()));
        for e in &changes.removed {
            let _ = writeln!(out, "- {}", link(e));
        }
    }
    if !changes.renamed.is_empty() {
        let _ = writeln!(out, "\n### Đổi tên {} (khớp theo nội dung)\n", count(changes.renamed.len()));
        for r in &changes.renamed {
            let _ = writeln!(out, "- {}: đổi tên từ “{}”", link(&r.to), escape(&r.from.title));
        }
    }
    if !changes.changed.is_empty() {
        let _ = writeln!(out, "\n### Sửa {}\n", count(changes.changed.len()));
        for c in &changes.changed {
            let _ = writeln!(out, "- **{}**", link(&c.entry));
            for f in &c.fields {
                let text = marked_with(&f.before, &f.after, |piece, text| match piece {
                    Piece::Same => escape(text),
                    Piece::Removed => format!("<del>(bỏ: {})</del>", escape(text.trim())),
                    Piece::Added => format!("<ins>(thêm: {})</ins>", escape(text.trim())),
                });
                let _ = writeln!(out, "  - {}: {}", f.label, text);
            }
        }
    }
    out
}

/// The report as JSON.
pub fn json_report(changes: &Changes, (old, new): &(String, String)) -> String {
    let slugs = |list: &[crate::versions::diff::EntryRef]| list.iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
    // Slugs as before, for scripts; each entry's code and title beside them.
    let entries = |list: &[crate::versions::diff::EntryRef]| {
        list.iter()
            .map(|e| serde_json::json!({"slug": e.slug, "reference": e.reference, "title": e.title}))
            .collect::<Vec<_>>()
    };
    let value = serde_json::json!({
        "old": old,
        "new": new,
        "added": slugs(&changes.added),
        "removed": slugs(&changes.removed),
        "added_entries": entries(&changes.added),
        "removed_entries": entries(&changes.removed),
        "renamed": changes.renamed.iter().map(|r| serde_json::json!({
            "from": r.from.slug, "to": r.to.slug, "likeness": r.likeness,
            "reference": r.to.reference, "from_title": r.from.title, "to_title": r.to.title,
        })).collect::<Vec<_>>(),
        "changed": changes.changed.iter().map(|c| serde_json::json!({
            "slug": c.entry.slug,
            "reference": c.entry.reference,
            "title": c.entry.title,
            "fields": c.fields.iter().map(|f| serde_json::json!({
                "field": f.field, "before": f.before, "after": f.after,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    let mut text = crate::chars::printable_json(serde_json::to_string_pretty(&value).expect("JSON of strings"));
    text.push('\n');
    text
}

/// `before` → `after` with the words removed and added between the given
/// marks, long unchanged runs shortened to their ends.
fn marked(before: &str, after: &str, removed: (&str, &str), added: (&str, &str)) -> String {
    marked_with(before, after, |piece, text| match piece {
        Piece::Same => text.to_string(),
        Piece::Removed => format!("{}{}{}", removed.0, text.trim(), removed.1),
        Piece::Added => format!("{}{}{}", added.0, text.trim(), added.1),
    })
}

/// Words of unchanged context kept on each side of a change.
const CONTEXT_WORDS: usize = 6;

fn marked_with(before: &str, after: &str, mark: impl Fn(Piece, &str) -> String) -> String {
    let pieces = word_diff(before, after);
    let last = pieces.len().saturating_sub(1);
    let mut out = String::new();
    for (i, (piece, text)) in pieces.iter().enumerate() {
        // The spaces around a change stay outside its marks.
        let core = text.trim();
        let (lead, trail) = (&text[..text.len() - text.trim_start().len()], &text[text.trim_end().len()..]);
        if *piece != Piece::Same {
            out.push_str(lead);
            out.push_str(&mark(*piece, core));
            out.push_str(trail);
            continue;
        }
        let words: Vec<&str> = core.split_whitespace().collect();
        let (keep_start, keep_end) = (i > 0, i < last);
        let kept = usize::from(keep_start) * CONTEXT_WORDS + usize::from(keep_end) * CONTEXT_WORDS;
        let shown = if words.len() <= kept.max(CONTEXT_WORDS) + 1 {
            core.to_string()
        } else {
            let head = if keep_start { words[..CONTEXT_WORDS].join(" ") } else { String::new() };
            let tail = if keep_end { words[words.len() - CONTEXT_WORDS..].join(" ") } else { String::new() };
            [head.as_str(), "…", tail.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ")
        };
        out.push_str(lead);
        out.push_str(&mark(Piece::Same, &shown));
        out.push_str(trail);
    }
    out.trim().to_string()
}

/// Text for the Markdown report: HTML's special characters as entities,
/// control characters escaped as in the terminal's report.
fn escape(text: &str) -> String {
    crate::chars::printable(text).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::versions::diff::{Changed, EntryRef, FieldChange};

    /// Regression: a title or a text holding escape sequences (clear the
    /// screen, write the clipboard with OSC 52, a link hidden behind other
    /// text with OSC 8) reached the reviewer's terminal raw.
    #[test]
    fn no_report_prints_a_control_character() {
        let hostile =
            "CSDL \u{1b}[2J\u{1b}]52;c;cm0gLXJm\u{7}\u{1b}]8;;https://x.example/\u{1b}\\đất\u{1b}]8;;\u{1b}\\\r\u{9b}";
        let entry = EntryRef { slug: "csdl-dat".into(), reference: "A.1".into(), title: hostile.into() };
        let changes = Changes {
            added: vec![entry.clone()],
            removed: vec![entry.clone()],
            renamed: Vec::new(),
            changed: vec![Changed {
                entry,
                fields: vec![FieldChange {
                    field: "purpose",
                    label: "Mục đích",
                    before: "Quản lý".into(),
                    after: format!("Quản lý {hostile}"),
                }],
            }],
        };
        let labels = (format!("qd-1{hostile}"), "bản đang sửa".to_string());
        for report in
            [text_report(&changes, &labels), markdown_report(&changes, &labels), json_report(&changes, &labels)]
        {
            assert!(!report.chars().any(|c| c.is_control() && c != '\n'), "{report:?}");
            assert!(report.contains("\\u{1b}]52;c;cm0gLXJm") || report.contains("\\u001b]52;c;cm0gLXJm"), "{report}");
        }
    }
}
