//! The change report `danhmuc diff` prints: what [`super::compare`] found
//! between two catalogs, for a terminal (removed words in `[-…-]`, added
//! ones in `{+…+}`), as Markdown (for a pull request or the submission
//! that goes with a draft) or as JSON for scripts. Long unchanged runs are
//! shortened to their ends; the content's control characters are escaped
//! in every format.

use super::compare::{Changes, Piece, word_diff};
use std::fmt::Write as _;

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
                let _ = writeln!(out, "    {}: {}", f.field.label, printable(&text));
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
    let link = |e: &super::compare::EntryRef| format!("{} {} (`{}`)", e.reference, escape(&e.title), e.slug);
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
                let _ = writeln!(out, "  - {}: {}", f.field.label, text);
            }
        }
    }
    out
}

/// The report as JSON.
pub fn json_report(changes: &Changes, (old, new): &(String, String)) -> String {
    let slugs = |list: &[super::compare::EntryRef]| list.iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
    // Slugs as before, for scripts; each entry's code and title beside them.
    let entries = |list: &[super::compare::EntryRef]| {
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
                "field": f.field.key, "before": f.before, "after": f.after,
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
    use crate::versions::compare::{Changed, EntryRef, FieldChange};

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
                    field: crate::model::fields::PURPOSE,
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
