//! `data/catalog.json` against the content and against the decision's
//! transcription in tests/reference/: the site publishes the
//! decision's words, all of them, in its order.

use crate::common::{Project, appendix_transcription};
use serde_json::Value;

fn built_catalog(project: &Project) -> Value {
    serde_json::from_str(&project.read_site("data/catalog.json")).unwrap()
}

/// Words only: list markers, hyphens and line breaks removed, so a cell
/// written "- a - b" in the transcription equals the Markdown list "- a\n- b".
fn words(text: &str) -> String {
    text.replace(['-', '+'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn catalog_json_has_the_documented_shape() {
    let project = Project::real();
    project.build();
    let catalog = built_catalog(&project);
    let entries = catalog["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 44);
    let first = &entries[0];
    for key in [
        "slug",
        "url",
        "group",
        "sector",
        "number",
        "title",
        "agencies",
        "purpose",
        "scope",
        "collection",
        "sharing",
        "notes",
    ] {
        assert!(first.get(key).is_some(), "entry lacks {key}");
    }
    assert_eq!(first["group"]["code"], "A");
    assert_eq!(first["url"], "csdl/csdl-to-chuc-bo-may/");
    assert_eq!(first["sector"]["url"], "linh-vuc/noi-vu/");
    assert_eq!(first["agencies"][0]["url"], "don-vi/so-noi-vu/");
    assert_eq!(catalog["sectors"].as_array().unwrap().len(), 10);
    assert_eq!(catalog["agencies"].as_array().unwrap().len(), 12);
    let a18 = entries.iter().find(|e| e["group"]["code"] == "A" && e["number"] == 18).unwrap();
    assert_eq!(a18["agencies"].as_array().unwrap().len(), 3);
    // The long fields are Markdown, with real lists.
    assert!(a18["scope"].as_str().unwrap().contains("\n  - Sở Xây dựng:"));
}

#[test]
fn catalog_json_carries_the_decisions_words_in_its_order() {
    let project = Project::real();
    project.build();
    let built = built_catalog(&project);
    let source = appendix_transcription();
    let built_entries = built["entries"].as_array().unwrap();
    let source_entries = source["entries"].as_array().unwrap();
    assert_eq!(built_entries.len(), source_entries.len());
    for (b, s) in built_entries.iter().zip(source_entries) {
        let id = format!("{}.{}", s["group"].as_str().unwrap(), s["number"]);
        assert_eq!(b["group"]["code"], s["group"], "{id}");
        assert_eq!(b["number"], s["number"], "{id}");
        assert_eq!(b["title"], s["name"], "{id}: title");
        assert_eq!(b["sector"]["name"], s["sector"], "{id}: sector");
        let agencies: Vec<String> =
            b["agencies"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_lowercase()).collect();
        let expected: Vec<String> =
            s["agencies"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_lowercase()).collect();
        assert_eq!(agencies, expected, "{id}: agencies (case aside: the decision spells one agency two ways)");
        for (built_key, source_key) in
            [("purpose", "purpose"), ("scope", "scope"), ("collection", "collection"), ("sharing", "sharing")]
        {
            assert_eq!(
                words(b[built_key].as_str().unwrap()),
                words(s[source_key].as_str().unwrap()),
                "{id}: {built_key}"
            );
        }
        let notes = b["notes"].as_str().unwrap_or("");
        assert_eq!(notes, s["notes"].as_str().unwrap().trim(), "{id}: notes");
    }
}

#[test]
fn catalog_json_group_counts_match_the_decision() {
    let project = Project::real();
    project.build();
    let built = built_catalog(&project);
    assert_eq!(built["groups"][0]["count"], 31);
    assert_eq!(built["groups"][1]["count"], 13);
    let source = appendix_transcription();
    // Each sector heading of the decision declares its count; the built
    // catalog agrees, group by group.
    for heading in source["sectors"].as_array().unwrap() {
        let count = built["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["group"]["code"] == heading["group"] && e["sector"]["name"] == heading["name"])
            .count();
        assert_eq!(count as u64, heading["declared_count"].as_u64().unwrap(), "{}", heading["heading"]);
    }
}

/// The entries are spliced between the catalog's other keys: with none,
/// the file is still valid JSON with an empty list.
#[test]
fn a_catalog_without_entries_gives_an_empty_list() {
    let project = Project::small();
    for file in std::fs::read_dir(project.path("content/csdl")).unwrap() {
        std::fs::remove_file(file.unwrap().path()).unwrap();
    }
    project.build();
    let catalog = built_catalog(&project);
    assert_eq!(catalog["entries"], Value::Array(Vec::new()));
    assert!(catalog["sectors"].as_array().is_some_and(|s| !s.is_empty()));
}

/// A fresh clone has nothing beside it: a test, script or build step that
/// reads the folder next to the repository fails there. (Two tests once read
/// the transcription from there.)
#[test]
fn nothing_reads_the_folder_beside_the_repository() {
    let beside = format!("..{}shared", '/');
    let root = crate::common::repo_root();
    let mut offenders = Vec::new();
    for top in ["tests", "scripts", "bench", "fuzz", "src", "build.rs", ".ci"] {
        for entry in walkdir::WalkDir::new(root.join(top)).into_iter().filter_map(Result::ok) {
            let path = entry.path();
            if !entry.file_type().is_file() || path.components().any(|c| c.as_os_str() == "node_modules") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else { continue };
            // A link made inside a temporary project may name its own
            // `shared/` folder; only the repository's neighbour is forbidden.
            if text.lines().any(|line| line.contains(&beside) && !line.contains(&format!("../{beside}"))) {
                offenders.push(path.strip_prefix(&root).unwrap().display().to_string());
            }
        }
    }
    assert!(offenders.is_empty(), "these files read the folder beside the repository: {offenders:?}");
}
