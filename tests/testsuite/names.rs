//! Other names readers search by: agencies' former names on their pages,
//! and the table of names the search page reads, built from the built-in
//! abbreviations, `content/synonyms.yaml` and `former` in agencies.yaml.

use crate::common::Project;

#[test]
fn an_agency_page_names_its_predecessors() {
    let project = Project::real();
    project.build();
    let page = project.read_site("don-vi/so-nong-nghiep-va-moi-truong/index.html");
    assert!(
        page.contains(
            "Tiền thân: Sở Nông nghiệp và Phát triển nông thôn (đến 2025); Sở Tài nguyên và Môi trường (đến 2025)."
        ),
        "{page}"
    );
    // An agency with none says nothing of it.
    assert!(!project.read_site("don-vi/so-y-te/index.html").contains("Tiền thân"));
}

#[test]
fn the_search_reads_former_names_synonyms_and_abbreviations() {
    let project = Project::real();
    project.build();
    let index = project.read_site("assets/search-index.js");
    let json = index.trim_start_matches("window.DANHMUC_SEARCH_INDEX = ").trim_end().trim_end_matches(';');
    let index: serde_json::Value = serde_json::from_str(json).unwrap();
    let names: std::collections::HashMap<&str, &str> = index["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| (pair[0].as_str().unwrap(), pair[1].as_str().unwrap()))
        .collect();
    // Keys as written (the page folds them for a word typed without
    // marks). A former name, also by its abbreviation.
    assert_eq!(names["sở tài nguyên môi trường"], "Sở Nông nghiệp và Môi trường");
    assert_eq!(names["sở tnmt"], "Sở Nông nghiệp và Môi trường");
    assert_eq!(names["sở lao động thương binh xã hội"], "Sở Nội vụ");
    // A ministry merged in 2025, built in.
    assert_eq!(names["bộ giao thông vận tải"], "Bộ Xây dựng");
    // The project's own, and a built-in abbreviation.
    assert_eq!(names["xklđ"], "người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng");
    assert_eq!(names["khcn"], "khoa học và công nghệ");
    let leads: Vec<&str> = index["name_leads"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert!(leads.contains(&"so") && leads.contains(&"bo") && !leads.contains(&"khcn"), "{leads:?}");
}

#[test]
fn a_sharded_index_keeps_the_names_in_a_file_of_their_own() {
    let project = Project::real();
    project.add_config("\n[search]\nsharded = true\n");
    project.build();
    let manifest = project.read_site("assets/search-index.js");
    assert!(!manifest.contains("Sở Nông nghiệp và Phát triển nông thôn"), "names stay out of the manifest");
    assert!(manifest.contains("\"names\":\"assets/search/names.js\""));
    let names = project.read_site("assets/search/names.js");
    assert!(names.starts_with("DanhmucSearch.addNames("));
    assert!(names.contains("[\"sở nông nghiệp phát triển nông thôn\",\"Sở Nông nghiệp và Môi trường\"]"), "{names}");
}

#[test]
fn synonyms_are_optional() {
    let project = Project::real();
    std::fs::remove_file(project.path("content/synonyms.yaml")).unwrap();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    project.build();
    assert!(project.read_site("assets/search-index.js").contains("\"ubnd\",\"ủy ban nhân dân\""));
}

/// Guards against the check calling two words a duplicate because they
/// fold the same ("mỏ", a mine, and "mộ", a grave, are two words the
/// search tells apart), while a word written without marks, which a
/// reader types for either, still clashes with both.
#[test]
fn words_with_other_marks_are_not_duplicates() {
    let project = Project::real();
    let synonyms = project.path("content/synonyms.yaml");
    let mut text = std::fs::read_to_string(&synonyms).unwrap();
    // The real catalog's synonyms have "mộ".
    text.push_str("- words: [mỏ]\n  means: khoáng sản\n");
    std::fs::write(&synonyms, &text).unwrap();
    let run = project.run(&["check", "--format", "json"]);
    assert!(!run.stdout.contains("duplicate-synonym"), "{}", run.stdout);
    text.push_str("- words: [mo]\n  means: liệt sĩ\n");
    std::fs::write(&synonyms, &text).unwrap();
    let run = project.run(&["check", "--format", "json"]);
    assert!(run.stdout.contains("duplicate-synonym"), "{}", run.stdout);
}
