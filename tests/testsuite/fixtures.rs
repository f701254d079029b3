//! Broken content, one mistake per fixture (`tests/fixtures/invalid/*`):
//! each is laid over the small valid catalog and must give its diagnostic,
//! at its position, with the words of its message and of its hint (what
//! is wrong, what to write), and must not change an already published site.

use crate::common::{Project, repo_root};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Expected {
    note: String,
    code: String,
    file: String,
    line: Option<u64>,
    column: Option<u64>,
    /// Shown by `check --strict` only.
    #[serde(default)]
    strict: bool,
    /// Words the message must say: the field, the value, what is wrong.
    message_contains: Vec<String>,
    /// Words the hint must say: the text to write, or where to look.
    hint_contains: Vec<String>,
}

fn check_fixture(dir: &Path) -> Result<(), String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let expected: Expected =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    // Every finding says where and how: no fixture leaves its words unchecked.
    if expected.message_contains.is_empty() || expected.hint_contains.is_empty() {
        return Err(format!("{name}: expected.json names no words of the message or of the hint"));
    }
    let project = Project::small();
    project.build();
    let before = project.snapshot();
    project.overlay(dir);
    std::fs::remove_file(project.root().join("expected.json")).ok();

    let args: &[&str] =
        if expected.strict { &["check", "--strict", "--format", "json"] } else { &["check", "--format", "json"] };
    let run = project.run(args);
    let diagnostics: Vec<serde_json::Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let found = diagnostics.iter().find(|d| d["code"] == expected.code.as_str() && d["file"] == expected.file.as_str());
    let Some(found) = found else {
        return Err(format!("{name} ({}): no {} in {}: {}", expected.note, expected.code, expected.file, run.stdout));
    };
    if expected.line.is_some()
        && (found["line"].as_u64() != expected.line || found["column"].as_u64() != expected.column)
    {
        return Err(format!(
            "{name}: {} at {}:{} instead of {:?}:{:?}",
            expected.code, found["line"], found["column"], expected.line, expected.column
        ));
    }
    if found["message"].as_str().unwrap_or("").is_empty() || found.get("hint").is_none() {
        return Err(format!("{name}: a diagnostic needs a message and a hint: {found}"));
    }
    for (key, words) in [("message", &expected.message_contains), ("hint", &expected.hint_contains)] {
        let said = found[key].as_str().unwrap_or("");
        if let Some(missing) = words.iter().find(|w| !said.contains(w.as_str())) {
            return Err(format!("{name}: the {key} does not say “{missing}”: {said}"));
        }
    }
    let is_error = found["severity"] == "error";
    let build = project.run(&["build"]);
    if is_error {
        if build.code != 1 {
            return Err(format!("{name}: build exited {} on an error", build.code));
        }
        if project.snapshot() != before {
            return Err(format!("{name}: the published site changed after a failed build"));
        }
        let human = project.run(&["check"]);
        if !human.stderr.contains(&format!("lỗi[{}]", expected.code)) {
            return Err(format!("{name}: human output lacks the error: {}", human.stderr));
        }
    } else if expected.strict {
        let plain = project.run(&["check"]);
        if run.code != 1 || plain.code != 0 || build.code != 0 || plain.stderr.contains(&expected.code) {
            return Err(format!(
                "{name}: only --strict may report {} (strict {}, plain {})",
                expected.code, run.code, plain.code
            ));
        }
    } else {
        if run.code != 0 || build.code != 0 {
            return Err(format!("{name}: a warning must not fail check ({}) or build ({})", run.code, build.code));
        }
        if project.run(&["check", "--strict"]).code != 1 {
            return Err(format!("{name}: --strict must fail on a warning"));
        }
    }
    Ok(())
}

#[test]
fn every_broken_fixture_gives_its_diagnostic_and_keeps_the_site() {
    let root = repo_root().join("tests/fixtures/invalid");
    let mut dirs: Vec<_> =
        std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    assert!(dirs.len() >= 25, "only {} fixtures", dirs.len());
    let failures: Vec<String> = dirs.iter().filter_map(|d| check_fixture(d).err()).collect();
    assert!(failures.is_empty(), "{} of {} fixtures failed:\n{}", failures.len(), dirs.len(), failures.join("\n"));
}

#[test]
fn the_small_catalog_is_valid() {
    let project = Project::small();
    let run = project.run(&["check", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn an_absurdly_large_file_is_refused_with_a_message() {
    let project = Project::small();
    let file = project.path("content/csdl/a-02.md");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(&"Dữ liệu rất dài. ".repeat(70_000));
    std::fs::write(&file, text).unwrap();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("lỗi[file-too-large]: content/csdl/a-02.md"), "{}", run.stderr);
}

#[test]
fn content_links_become_relative_links_on_every_page() {
    let project = Project::small();
    project.edit(
        &project.path("content/csdl/a-02.md"),
        "Quản lý lớp dữ liệu nền.",
        "Xem [CSDL thủy sản](a-05.md#pham-vi), [lĩnh vực Biển](/linh-vuc/bien/) và [phạm vi](#pham-vi).",
    );
    project.build();
    let entry = project.read_site("csdl/csdl-ban-do/index.html");
    assert!(entry.contains("href=\"../../csdl/csdl-thuy-san/index.html#pham-vi\""), "{entry}");
    assert!(entry.contains("href=\"../../linh-vuc/bien/index.html\""));
    assert!(entry.contains("href=\"#pham-vi\""));
    let table = project.read_site("toan-bo-danh-muc/index.html");
    assert!(table.contains("href=\"../csdl/csdl-thuy-san/index.html#pham-vi\""), "the table is one folder deep");
    assert!(table.contains("href=\"../linh-vuc/bien/index.html\""));
}
