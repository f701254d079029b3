//! `check` guards the record: the mistakes an editor makes around a
//! signing, found before the site publishes them as law. A signed
//! working tree must be its tag's content; a signed decision must be
//! declared among the versions; a new draft's decision text must name the
//! version in force as the one it replaces.

use crate::config::{CONFIG_FILE, Config};
use crate::diagnostics::{Code, Diagnostic, Position, Report};
use crate::model::Catalog;
use crate::project::Project;

/// The line of `key` in the `[table]` of `text` (1-based), or of the
/// table's own header when the key is not there.
fn line_of(text: &str, table: &str, key: &str) -> Option<usize> {
    let header = format!("[{table}]");
    let mut in_table = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            if in_table.is_some() {
                break;
            }
            if line == header {
                in_table = Some(i + 1);
            }
        } else if in_table.is_some() && line.split('=').next().is_some_and(|k| k.trim() == key) {
            return Some(i + 1);
        }
    }
    in_table
}

/// Checks the record of versions around the working tree `current`.
/// `in_force` is the newest issued version before the working tree, with
/// its content when known.
pub(super) fn guard(
    project: &Project,
    config: &Config,
    current: &Catalog,
    in_force: Option<(&str, Option<&Catalog>)>,
    report: &mut Report,
) {
    let config_text = read_or_empty(project, CONFIG_FILE);
    let at = |key: &str| line_of(&config_text, "decision", key).map(|line| Position::new(line, 1));
    let signed = current.issued().map(|issued| issued.number.as_str());
    if let Some(number) = signed {
        match config.versions.iter().find(|v| v.number == number) {
            // A project that keeps no versions has no history to lose.
            None if config.versions.is_empty() => {}
            None => report.push(
                Diagnostic::warning(
                    Code::History,
                    CONFIG_FILE,
                    format!("Quyết định {number} đã ký ([decision]) nhưng chưa được khai báo trong [[versions]]: khi bắt đầu dự thảo mới, Quyết định này sẽ không còn trong lịch sử của Danh mục."),
                )
                .at(at("number"))
                .hint(format!("Gắn thẻ cho nội dung đã ký (git tag) rồi khai báo trong danhmuc.toml một [[versions]] có number = \"{number}\", date và revision là tên thẻ (xem docs/huong-dan-bien-tap.md).")),
            ),
            Some(declared) => {
                if let Some(revision) = declared.revision.as_deref()
                    && let Ok((Some(tagged), _)) = super::read::catalog_at(project, revision)
                {
                    let changes = super::compare::compare(&tagged, current);
                    if !changes.is_empty() {
                        report.push(
                            Diagnostic::error(
                                Code::History,
                                CONFIG_FILE,
                                format!("[decision] vẫn ghi Quyết định {number} nhưng nội dung đã khác với nội dung đã ký (phiên bản “{revision}”): {}. Trang sẽ công bố nội dung đã sửa như nội dung của Quyết định {number}.", changes.summary()),
                            )
                            .at(at("number"))
                            .hint("Nếu đang soạn dự thảo mới: xóa number và date trong [decision] (Quyết định đã ký vẫn giữ trong [[versions]]). Nếu chỉ sửa nhầm: trả nội dung về đúng như thẻ."),
                        );
                    }
                }
            }
        }
        return;
    }
    // A draft: its decision replaces the version in force.
    let Some((in_force, _)) = in_force else { return };
    let Some(decision) = current.decision() else { return };
    let text = read_or_empty(project, &decision.source_path);
    // The sentence of the text that gets signed, not only the front matter.
    for (line, column, named) in replaced_in(&text) {
        if named != in_force {
            report.push(
                Diagnostic::warning(
                    Code::History,
                    decision.source_path.as_str(),
                    format!(
                        "Dự thảo Quyết định ghi “thay thế Quyết định {named}”, nhưng Quyết định đang còn hiệu lực là {in_force}: văn bản trình ký sẽ ghi sai Quyết định được thay thế."
                    ),
                )
                .at(Some(Position::new(line, column)))
                .hint(format!("Sửa câu “thay thế Quyết định …” cho đúng Quyết định {in_force}, cả số và ngày.")),
            );
        }
    }
    let Some(replaces) = decision.replaces.as_deref() else { return };
    if !replaces.contains(in_force) {
        let line = text.lines().position(|l| l.starts_with("replaces:")).map(|i| Position::new(i + 1, 1));
        report.push(
            Diagnostic::warning(
                Code::History,
                decision.source_path.as_str(),
                format!(
                    "Dự thảo Quyết định ghi thay thế “{replaces}”, nhưng Quyết định đang còn hiệu lực là {in_force}."
                ),
            )
            .at(line)
            .hint(format!(
                "Sửa replaces và câu “thay thế Quyết định …” ở Điều cuối của Dự thảo cho đúng Quyết định {in_force}."
            )),
        );
    }
}

/// The text of a file already read and checked by the load, to find a
/// line in it; empty if it cannot be read now.
fn read_or_empty(project: &Project, path: &str) -> String {
    let bytes = project.read(path).unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Each decision the body of a decision's text says it replaces ("thay
/// thế Quyết định [số] 2609/QĐ-UBND"): its line and column (counted in
/// characters, from 1) and its number. The front matter's `replaces:` is
/// checked on its own.
fn replaced_in(text: &str) -> Vec<(usize, usize, String)> {
    const PHRASE: &str = "thay thế Quyết định ";
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with("replaces:")) {
        for (at, _) in line.match_indices(PHRASE) {
            let rest = &line[at + PHRASE.len()..];
            let rest = rest.strip_prefix("số ").unwrap_or(rest);
            let number: String = rest.chars().take_while(|c| !c.is_whitespace() && *c != ',').collect();
            if number.contains('/') {
                let column = line[..at + PHRASE.len()].chars().count() + 1;
                found.push((i + 1, column, number));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{line_of, replaced_in};

    #[test]
    fn the_decision_a_text_replaces_is_read_from_its_sentence() {
        let text = "---\nreplaces: Quyết định 1/QĐ-UBND\n---\nĐiều 3. Quyết định này thay thế Quyết định 2609/QĐ-UBND ngày 17/9/2024.\n";
        assert_eq!(replaced_in(text), [(4, 44, "2609/QĐ-UBND".to_string())]);
        assert_eq!(replaced_in("thay thế Quyết định số 12/QĐ-UBND, và"), [(1, 21, "12/QĐ-UBND".to_string())]);
        assert!(replaced_in("thay thế Quyết định trước").is_empty());
    }

    #[test]
    fn a_key_is_found_in_its_table_only() {
        let text = "title = \"x\"\n[decision]\n# number = \"1\"\nnumber = \"2\"\n[[versions]]\nnumber = \"3\"\n";
        assert_eq!(line_of(text, "decision", "number"), Some(4));
        assert_eq!(line_of(text, "decision", "date"), Some(2));
        assert_eq!(line_of(text, "other", "number"), None);
    }
}
