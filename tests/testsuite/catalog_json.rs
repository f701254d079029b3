//! `data/catalog.json` against the content and against the decision's
//! transcription in ../shared/source/catalog.json: the site publishes the
//! decision's words, all of them, in its order.

use crate::common::{Project, shared_source};
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
    let source: Value =
        serde_json::from_str(&std::fs::read_to_string(shared_source().join("catalog.json")).unwrap()).unwrap();
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
    let source: Value =
        serde_json::from_str(&std::fs::read_to_string(shared_source().join("catalog.json")).unwrap()).unwrap();
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
