//! What text written to hurt (or pasted carelessly) may cause: characters
//! no document format can hold, escape sequences aimed at a terminal,
//! links with scripts in them, and mistakes repeated until the report
//! itself becomes the problem.

use crate::common::Project;

/// A line holding `count` links to entry files that do not exist.
fn broken_links(count: usize) -> String {
    (0..count).map(|i| format!("[x](khong-co-{i}.md)")).collect::<Vec<_>>().join(" ")
}

/// Regression: every finding quoted its whole source line, so 1,500
/// broken links on one line printed 45 MB (the line 1,500 times) and
/// larger counts gigabytes. Excerpts are a window around the column and
/// a file shows 20 findings of one kind, then says how many more.
#[test]
fn a_line_of_many_broken_links_gives_a_short_report() {
    let project = Project::small();
    let file = project.path("content/csdl/a-01.md");
    project.edit(&file, "Quản lý danh sách bàn làm việc.", &format!("Quản lý {}", broken_links(1500)));
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.len() < 20_000, "{} bytes of report", run.stderr.len());
    assert_eq!(run.stderr.matches("lỗi[broken-link]").count(), 21, "{}", run.stderr);
    assert!(run.stderr.contains("Còn 1480 lỗi “broken-link” nữa trong tệp này"), "{}", run.stderr);
    assert!(run.stderr.ends_with("1500 lỗi, 0 cảnh báo.\n"), "{}", run.stderr);
    // The excerpt is cut around the column, in characters.
    assert!(run.stderr.contains("13 | …[x](khong-co-"), "{}", run.stderr);

    let json = project.run(&["check", "--format", "json"]);
    assert_eq!(json.stdout.lines().count(), 21);
    assert!(json.stdout.len() < 20_000);
}
