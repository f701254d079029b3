//! The published JSON Schema of the front matter agrees with `check`: the
//! real entries pass it, and front matter that `check` rejects for a field
//! problem fails it too.

use crate::common::{Project, real_catalog, repo_root};

fn front_matter(path: &std::path::Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let (front, _) = danhmuc::source::split_front_matter(&text).unwrap();
    serde_saphyr::from_str(&text[front]).unwrap()
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo_root().join(danhmuc::schema::SCHEMA_FILE)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

#[test]
fn the_shipped_schema_is_up_to_date() {
    let project = Project::real();
    let run = project.run(&["schema"]);
    assert_eq!(run.code, 0);
    let shipped = std::fs::read_to_string(repo_root().join(danhmuc::schema::SCHEMA_FILE)).unwrap();
    assert!(
        run.stdout == shipped,
        "schema/front-matter.schema.json is stale: run `cargo run -- schema --root catalog > schema/front-matter.schema.json`"
    );
}

#[test]
fn every_real_entry_passes_the_schema() {
    let validator = schema();
    let mut count = 0;
    for entry in std::fs::read_dir(real_catalog().join("content/csdl")).unwrap() {
        let path = entry.unwrap().path();
        let value = front_matter(&path);
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        count += 1;
    }
    assert_eq!(count, 44);
}

#[test]
fn front_matter_mistakes_fail_the_schema() {
    let project = Project::real();
    let validator = schema();
    let file = project.entry_file("b-08");
    let original = std::fs::read_to_string(&file).unwrap();
    for (from, to) in [
        ("agencies:", "agency:"),
        ("sector:", "sectr:"),
        ("number: 8", "number: tám"),
        ("group: B", "group: C"),
        ("sector: nong-nghiep-va-moi-truong", "sector: nong-nghiep"),
        ("  - so-nong-nghiep-va-moi-truong", "  - so-nong-nghiep"),
        ("title: CSDL Đất đai\n", "title: CSDL Đất đai\nslug: Đất-đai\n"),
        ("title: CSDL Đất đai\n", ""),
    ] {
        assert!(original.contains(from), "{from}");
        std::fs::write(&file, original.replacen(from, to, 1)).unwrap();
        assert!(!validator.is_valid(&front_matter(&file)), "{from:?} → {to:?} should fail the schema");
        assert_eq!(project.run(&["check"]).code, 1, "{from:?} → {to:?} should fail check too");
    }
}
