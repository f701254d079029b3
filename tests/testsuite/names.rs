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
    // A former name, also by its abbreviation.
    assert_eq!(names["so tai nguyen moi truong"], "Sở Nông nghiệp và Môi trường");
    assert_eq!(names["so tnmt"], "Sở Nông nghiệp và Môi trường");
    assert_eq!(names["so lao dong thuong binh xa hoi"], "Sở Nội vụ");
    // A ministry merged in 2025, built in.
    assert_eq!(names["bo giao thong van tai"], "Bộ Xây dựng");
    // The project's own, and a built-in abbreviation.
    assert_eq!(names["xkld"], "người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng");
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
    assert!(names.contains("[\"so nong nghiep phat trien nong thon\",\"Sở Nông nghiệp và Môi trường\"]"), "{names}");
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
