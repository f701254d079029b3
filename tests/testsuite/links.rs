//! Every link in the built site resolves to a file (and an anchor, when it
//! names one), the way a browser opening the site from disk resolves it.

use crate::common::{Project, attribute_values, files_under};
use std::path::{Component, Path, PathBuf};

fn resolve(page: &str, url: &str) -> PathBuf {
    let base = Path::new(page).parent().unwrap_or(Path::new(""));
    let mut out = PathBuf::new();
    for component in base.join(url).components() {
        match component {
            Component::ParentDir => assert!(out.pop(), "{page}: {url} climbs above the site root"),
            Component::Normal(part) => out.push(part),
            _ => {}
        }
    }
    out
}

#[test]
fn every_internal_link_resolves_to_a_file_and_anchor() {
    let project = Project::real();
    project.build();
    let site = project.site();
    let mut checked = 0;
    for page in files_under(&site).iter().filter(|f| f.ends_with(".html")) {
        let html = project.read_site(page);
        for url in attribute_values(&html, "href").into_iter().chain(attribute_values(&html, "src")) {
            if url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:") {
                continue;
            }
            let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
            let target = if path.is_empty() { PathBuf::from(page) } else { resolve(page, path) };
            let file = site.join(&target);
            assert!(file.is_file(), "{page}: link {url} → {} does not exist", target.display());
            if !fragment.is_empty() {
                let text = std::fs::read_to_string(&file).unwrap();
                assert!(
                    text.contains(&format!("id=\"{fragment}\"")),
                    "{page}: anchor #{fragment} missing in {}",
                    target.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
}

#[test]
fn every_entry_is_reachable_from_the_home_page_by_sector_and_by_agency() {
    let project = Project::real();
    project.build();
    for (list_page, prefix) in [("linh-vuc/index.html", "linh-vuc/"), ("don-vi/index.html", "don-vi/")] {
        let mut reached = std::collections::BTreeSet::new();
        let home = project.read_site("index.html");
        assert!(home.contains(&format!("href=\"{list_page}\"")), "home links to {list_page}");
        let list = project.read_site(list_page);
        for link in attribute_values(&list, "href").into_iter().filter(|l| !l.contains('#')) {
            let index_page = resolve(list_page, link).to_string_lossy().replace('\\', "/");
            if !index_page.starts_with(prefix) || index_page == list_page {
                continue;
            }
            let html = project.read_site(&index_page);
            for link in attribute_values(&html, "href") {
                let target = resolve(&index_page, link).to_string_lossy().replace('\\', "/");
                if target.starts_with("csdl/") {
                    reached.insert(target);
                }
            }
        }
        assert_eq!(reached.len(), 44, "all 44 entries reachable through {list_page}");
    }
}

/// Regression: a link to a file whose name has spaces or diacritics was
/// reported broken unless written exactly as the name was stored, and
/// names stored decomposed (as macOS saves them) never matched.
#[test]
fn a_file_named_with_spaces_and_diacritics_is_found_in_every_spelling() {
    let project = Project::small();
    let decomposed: String = unicode_normalization::UnicodeNormalization::nfd("Quyết định số 1.pdf").collect();
    std::fs::create_dir_all(project.path("static/tai-lieu")).unwrap();
    std::fs::write(project.path("static/tai-lieu").join(&decomposed), b"%PDF-1.4").unwrap();
    project.edit(
        &project.path("content/csdl/a-02.md"),
        "Quản lý lớp dữ liệu nền.",
        "Xem [quyết định](/tai-lieu/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%201.pdf) và [bản gốc](</tai-lieu/Quyết định số 1.pdf>).",
    );
    let check = project.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    project.build();
    assert!(project.site().join("tai-lieu/Quyết định số 1.pdf").is_file(), "published under its NFC name");
    let page = project.read_site("csdl/csdl-ban-do/index.html");
    let href = "href=\"../../tai-lieu/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%201.pdf\"";
    assert_eq!(page.matches(href).count(), 2, "both spellings lead to the published file: {page}");
}
