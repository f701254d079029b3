//! Any province: a fictional one's catalog (`tests/fixtures/other-province`,
//! "tỉnh Sông Lam") builds with nothing of Quảng Ninh anywhere in its site
//! or data; what names the province comes from its `[publisher]`.

use crate::common::{Project, copy_recursively, files_under, repo_root};

fn other_province() -> Project {
    let dir = tempfile::tempdir().unwrap();
    copy_recursively(&repo_root().join("tests/fixtures/other-province"), dir.path());
    Project { dir }
}

/// Every text of the built site, the workbook's sheets and the Word
/// document's parts included.
fn texts(project: &Project) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for path in files_under(&project.site()) {
        let bytes = std::fs::read(project.site().join(&path)).unwrap();
        if path.ends_with(".xlsx") || path.ends_with(".docx") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..zip.len() {
                let mut file = zip.by_index(i).unwrap();
                let mut text = String::new();
                std::io::Read::read_to_string(&mut file, &mut text).unwrap();
                texts.push((format!("{path}:{i}"), text));
            }
        } else {
            texts.push((path, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    texts
}

#[test]
fn another_provinces_catalog_names_only_itself() {
    let project = other_province();
    assert_eq!(project.run(&["check"]).code, 0);
    project.build();
    for (path, text) in texts(&project) {
        let lower = text.to_lowercase();
        for name in ["quảng ninh", "quang ninh", "quang-ninh", "quangninh"] {
            assert!(!lower.contains(name), "{path} names {name}");
        }
    }
    // Its own names are where Quảng Ninh's were.
    let home = project.read_site("index.html");
    assert!(
        home.contains("của tỉnh Sông Lam")
            && home.contains("ban hành kèm theo <a href=\"quyet-dinh/index.html\">Quyết định số 77/QĐ-UBND")
            && home.contains("của Ủy ban nhân dân tỉnh Sông Lam</a>"),
        "{home}"
    );
    assert!(
        project
            .read_site("toan-bo-danh-muc/index.html")
            .contains("<caption id=\"bang-danh-muc\">Danh mục cơ sở dữ liệu dùng chung tỉnh Sông Lam</caption>")
    );
    assert!(project.read_site("data/catalog.jsonld").contains("Ủy ban nhân dân tỉnh Sông Lam"));
    assert!(
        project
            .read_site("csdl/csdl-tiem-chung/index.html")
            .contains("\"spatialCoverage\":{\"@type\":\"Place\",\"name\":\"Tỉnh Sông Lam, Việt Nam\"}")
    );
}

#[test]
fn without_a_publisher_the_site_names_no_province() {
    let project = other_province();
    let config = project.path("danhmuc.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let start = text.find("[publisher]").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    std::fs::write(&config, format!("{}{}", &text[..start], &text[end..])).unwrap();
    project.build();
    let table = project.read_site("toan-bo-danh-muc/index.html");
    assert!(table.contains("<caption id=\"bang-danh-muc\">Danh mục cơ sở dữ liệu dùng chung</caption>"), "{table}");
    assert!(!project.read_site("csdl/csdl-tiem-chung/index.html").contains("spatialCoverage"));
}
