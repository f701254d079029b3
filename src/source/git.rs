//! The date each content file last changed in git, for the feed's
//! `updated` when the front matter does not give one. One `git log` for the
//! whole folder; outside a git repository (or without git) there are no
//! dates, never the build's clock time.

use crate::model::IsoDate;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

/// Path (relative to `root`) → date of the latest commit that touched it.
pub fn last_commit_dates(root: &Path, dir: &str) -> HashMap<String, IsoDate> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames", "--", dir])
        .output();
    let Some(output) = output.ok().filter(|o| o.status.success()) else { return HashMap::new() };
    parse_log(&String::from_utf8_lossy(&output.stdout))
}

/// Newest commits come first, so the first date seen for a path is its last change.
fn parse_log(log: &str) -> HashMap<String, IsoDate> {
    let mut dates = HashMap::new();
    let mut current = None;
    for line in log.lines() {
        if let Some(date) = line.strip_prefix('\0') {
            current = IsoDate::parse(date);
        } else if let (Some(date), false) = (current, line.trim().is_empty()) {
            dates.entry(line.trim().to_string()).or_insert(date);
        }
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_commit_wins() {
        let log = "\u{0}2026-06-02\n\ncontent/csdl/a.md\n\u{0}2026-05-01\n\ncontent/csdl/a.md\ncontent/csdl/b.md\n";
        let dates = parse_log(log);
        assert_eq!(dates["content/csdl/a.md"].to_string(), "2026-06-02");
        assert_eq!(dates["content/csdl/b.md"].to_string(), "2026-05-01");
    }
}
