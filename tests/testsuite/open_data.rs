//! The catalog as open data: CSV, Excel, per-entry JSON, JSON Schema, Atom,
//! DCAT JSON-LD, schema.org and the statistics page, each read back and
//! compared with `catalog.json` (itself checked against the decision).

use crate::common::{Project, repo_root};
use calamine::{Reader, Xlsx};
use serde_json::Value;

fn catalog(project: &Project) -> Value {
    serde_json::from_str(&project.read_site("data/catalog.json")).unwrap()
}

/// What a row of the flat table must hold for an entry of catalog.json.
fn expected_row(entry: &Value) -> Vec<String> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let agencies = entry["agencies"].as_array().unwrap();
    vec![
        s(&entry["group"]["code"]),
        s(&entry["group"]["name"]),
        s(&entry["sector"]["name"]),
        s(&entry["sector"]["slug"]),
        entry["number"].to_string(),
        s(&entry["title"]),
        s(&entry["slug"]),
        agencies.iter().map(|a| s(&a["name"])).collect::<Vec<_>>().join("; "),
        agencies.iter().map(|a| s(&a["slug"])).collect::<Vec<_>>().join("; "),
        s(&entry["purpose"]),
        s(&entry["scope"]),
        s(&entry["collection"]),
        s(&entry["sharing"]),
        s(&entry["notes"]),
        s(&entry["url"]),
        entry["keywords"].as_array().unwrap().iter().map(s).collect::<Vec<_>>().join("; "),
    ]
}

#[test]
fn the_csv_reads_back_as_catalog_json() {
    let project = Project::real();
    project.build();
    let bytes = std::fs::read(project.site().join("data/catalog.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 byte-order mark for Excel");
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF records (RFC 4180)");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(reader.headers().unwrap().get(5), Some("Tên cơ sở dữ liệu"));
    let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    // What docs/content-format.md tells machine readers: a cell a
    // spreadsheet would run as a formula carries one leading apostrophe.
    let as_csv =
        |cell: String| if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell };
    let expected: Vec<Vec<String>> = catalog(&project)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| expected_row(entry).into_iter().map(as_csv).collect())
        .collect();
    assert_eq!(rows.len(), 44);
    assert_eq!(rows, expected);
    assert!(rows.iter().any(|row| row.iter().any(|cell| cell.starts_with("'- "))), "the real lists are kept text");
}

#[test]
fn the_workbook_reads_back_as_catalog_json() {
    let project = Project::real();
    project.build();
    let mut workbook: Xlsx<_> = calamine::open_workbook(project.site().join("data/catalog.xlsx")).unwrap();
    assert_eq!(workbook.sheet_names(), ["Phụ lục", "Bảng dữ liệu"]);

    let flat = workbook.worksheet_range("Bảng dữ liệu").unwrap();
    let rows: Vec<Vec<String>> = flat.rows().skip(1).map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let expected: Vec<Vec<String>> =
        catalog(&project)["entries"].as_array().unwrap().iter().map(expected_row).collect();
    assert_eq!(rows, expected);

    // The first sheet is laid out like the appendix: headings, group rows,
    // sector rows (I, II, …) and one row per entry in the decision's order.
    let appendix = workbook.worksheet_range("Phụ lục").unwrap();
    let cells: Vec<Vec<String>> = appendix.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(cells[2][1], "Tên cơ sở dữ liệu");
    let firsts: Vec<&str> = cells.iter().skip(4).map(|r| r[0].as_str()).collect();
    assert_eq!(firsts.iter().filter(|c| **c == "A" || **c == "B").count(), 2, "two group rows");
    assert_eq!(
        firsts.iter().filter(|c| c.chars().all(|ch| "IVX".contains(ch)) && !c.is_empty()).count(),
        12,
        "twelve sector rows"
    );
    let titles: Vec<&str> =
        cells.iter().skip(4).filter(|r| r[0].parse::<u32>().is_ok()).map(|r| r[1].as_str()).collect();
    let expected_titles: Vec<String> = catalog(&project)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, expected_titles);
    assert!(cells.iter().any(|r| r[1] == "LĨNH VỰC NỘI VỤ: 15 CSDL"));

    // The shared-string table's counts are the sheets' references to it and
    // its own entries, as Excel writes them.
    let file = std::fs::File::open(project.site().join("data/catalog.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let references: usize = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
        .iter()
        .map(|s| part(s).matches(" t=\"s\"").count())
        .sum();
    let table = part("xl/sharedStrings.xml");
    let unique = table.matches("<si>").count();
    assert!(table.contains(&format!("count=\"{references}\" uniqueCount=\"{unique}\"")), "{}", &table[..200]);
}

/// Texts that XML escapes or cannot hold at all read back from the
/// workbook as the entry has them.
#[test]
fn the_workbook_keeps_texts_that_need_escaping() {
    let project = Project::real();
    let tricky = "Mã <loại> & “mức” _x0041_ của R&D";
    project.edit(
        &project.entry_file("a-01"),
        "Quản lý dữ liệu về tổ chức, bộ máy phục vụ",
        &format!("{tricky} quản lý dữ liệu về tổ chức, bộ máy phục vụ"),
    );
    project.build();
    let mut workbook: Xlsx<_> = calamine::open_workbook(project.site().join("data/catalog.xlsx")).unwrap();
    let flat = workbook.worksheet_range("Bảng dữ liệu").unwrap();
    let purpose = flat.rows().nth(1).unwrap()[9].to_string();
    assert!(purpose.starts_with(tricky), "{purpose}");
}

/// An Excel cell holds 32,767 characters: `check` reports a longer text,
/// naming the entry's file, the section and its line, and the build that
/// would fail on the workbook refuses before writing anything, leaving the
/// published site as it was (regression: `check` used to pass it).
#[test]
fn a_text_too_long_for_an_excel_cell_fails_the_build_naming_it() {
    let project = Project::real();
    project.build();
    let before = project.snapshot();
    let long = "Quản lý dữ liệu. ".repeat(2_000);
    project.edit(
        &project.entry_file("a-01"),
        "Quản lý dữ liệu về tổ chức",
        &format!("{long}Quản lý dữ liệu về tổ chức"),
    );
    for command in ["check", "build"] {
        let run = project.run(&[command]);
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("lỗi[cell-too-long]: content/csdl/a-01-csdl-to-chuc-bo-may.md:17:1: “Mục đích” dài 34.")
                && run.stderr.contains("quá 32.767 ký tự"),
            "{command}: {}",
            run.stderr
        );
    }
    assert!(before == project.snapshot(), "the published site changed after a failed build");
    project.assert_no_temporary_folders();
}

#[test]
fn each_entry_publishes_its_own_data() {
    let project = Project::real();
    project.build();
    let catalog = catalog(&project);
    for entry in catalog["entries"].as_array().unwrap() {
        let slug = entry["slug"].as_str().unwrap();
        let own: Value = serde_json::from_str(&project.read_site(&format!("csdl/{slug}/index.json"))).unwrap();
        assert_eq!(&own, entry, "{slug}");
        assert!(project.read_site(&format!("csdl/{slug}/index.html")).contains("<a href=\"index.json\">"));
    }
}

#[test]
fn catalog_json_follows_its_published_schema() {
    let project = Project::real();
    project.build();
    let schema: Value = serde_json::from_str(&project.read_site("data/catalog.schema.json")).unwrap();
    let shipped: Value =
        serde_json::from_str(&std::fs::read_to_string(repo_root().join("schema/catalog.schema.json")).unwrap())
            .unwrap();
    assert_eq!(schema, shipped);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let catalog = catalog(&project);
    let errors: Vec<String> =
        validator.iter_errors(&catalog).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut broken = catalog.clone();
    broken["entries"][0]["number"] = Value::from("mười");
    assert!(!validator.is_valid(&broken));
}

fn git(project: &Project, args: &[&str]) {
    git_on(project, "2026-06-15T10:00:00+07:00", args);
}

fn git_on(project: &Project, date: &str, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args(args)
        .current_dir(project.root())
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "Biên tập")
        .env("GIT_AUTHOR_EMAIL", "bien-tap@example.vn")
        .env("GIT_COMMITTER_NAME", "Biên tập")
        .env("GIT_COMMITTER_EMAIL", "bien-tap@example.vn")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
fn the_feed_dates_entries_by_front_matter_or_git_and_parses_as_atom() {
    let project = Project::real();
    // Outside git and without `updated:`, no entry's date is known: the
    // feed has the decision the draft replaces only.
    project.build();
    let text = project.read_site("feed.xml");
    let feed = atom_syndication::Feed::read_from(text.as_bytes()).expect("valid Atom");
    assert_eq!(feed.entries().len(), 1);
    assert_eq!(feed.entries()[0].title().as_str(), "Quyết định số 2609/QĐ-UBND ngày 17/9/2024");
    assert_eq!(feed.updated().to_rfc3339(), "2024-09-17T00:00:00+00:00");
    assert!(project.read_site("index.html").contains("href=\"feed.xml\""));
    // Without any dated version either: no feed, no link.
    let config = project.path("danhmuc.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let start = text.find("[[versions]]").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    std::fs::write(&config, format!("{}{}", &text[..start], &text[end..])).unwrap();
    project.build();
    assert!(!project.site().join("feed.xml").exists());
    assert!(!project.read_site("index.html").contains("feed.xml"));

    git(&project, &["init", "-q"]);
    git(&project, &["add", "."]);
    git(&project, &["commit", "-q", "-m", "Danh mục"]);
    project.edit(&project.entry_file("b-08"), "title: CSDL Đất đai\n", "title: CSDL Đất đai\nupdated: 2026-07-01\n");
    project.build();
    let text = project.read_site("feed.xml");
    let feed = atom_syndication::Feed::read_from(text.as_bytes()).expect("valid Atom");
    assert_eq!(feed.entries().len(), 44, "one per entry");
    assert_eq!(feed.updated().to_rfc3339(), "2026-07-01T00:00:00+00:00");
    let first = &feed.entries()[0];
    assert_eq!(first.title().as_str(), "CSDL Đất đai", "the most recently updated entry comes first");
    assert_eq!(feed.entries()[1].updated().to_rfc3339(), "2026-06-15T00:00:00+00:00", "others: their last commit");
    assert!(feed.entries().iter().all(|e| !e.id().is_empty() && !e.authors().is_empty()));
    assert!(project.read_site("index.html").contains("href=\"feed.xml\""));
    // The same commit gives the same feed.
    let again = project.read_site("feed.xml");
    project.build();
    assert_eq!(again, project.read_site("feed.xml"));
}

#[test]
fn moving_the_project_within_its_repository_dates_no_entry_anew() {
    let project = Project::real();
    git(&project, &["init", "-q"]);
    git(&project, &["add", "."]);
    git(&project, &["commit", "-q", "-m", "Danh mục"]);
    std::fs::create_dir(project.path("catalog")).unwrap();
    git_on(&project, "2026-08-01T10:00:00+07:00", &["mv", "danhmuc.toml", "content", "catalog/"]);
    git_on(&project, "2026-08-01T10:00:00+07:00", &["commit", "-q", "-m", "Danh mục vào thư mục riêng"]);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_danhmuc"))
        .args(["build", "--output"])
        .arg(project.site())
        .current_dir(project.path("catalog"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = project.read_site("feed.xml");
    let feed = atom_syndication::Feed::read_from(text.as_bytes()).expect("valid Atom");
    assert_eq!(feed.entries().len(), 45, "one per entry and the decision the draft replaces");
    let dated = |date: &str| feed.entries().iter().filter(|e| e.updated().to_rfc3339() == date).count();
    assert_eq!(dated("2026-08-01T00:00:00+00:00"), 0, "the move is no change of an entry");
    assert_eq!(dated("2026-06-15T00:00:00+00:00"), 44, "each entry: its last change, before the move");
}

fn script_jsonld(html: &str) -> Value {
    let start = html.find("<script type=\"application/ld+json\">").expect("JSON-LD script") + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

#[test]
fn pages_embed_schema_org_dataset_and_data_catalog() {
    let project = Project::real();
    project.build();
    let catalog = catalog(&project);
    for entry in catalog["entries"].as_array().unwrap() {
        let slug = entry["slug"].as_str().unwrap();
        let html = project.read_site(&format!("csdl/{slug}/index.html"));
        let data = script_jsonld(&html);
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(data["@type"], "Dataset");
        assert_eq!(data["name"], entry["title"]);
        let description = data["description"].as_str().unwrap();
        assert!((50..=5000).contains(&description.chars().count()), "{slug}: Google wants 50–5000 characters");
        assert_eq!(data["inLanguage"], "vi");
        assert_eq!(data["isAccessibleForFree"], true);
        assert_eq!(data["creator"].as_array().unwrap().len(), entry["agencies"].as_array().unwrap().len());
        assert!(data["keywords"].as_array().unwrap().contains(&entry["sector"]["name"]));
        assert!(html.contains("<meta property=\"og:title\""));
        assert!(html.contains("<meta name=\"description\" content=\""));
    }
    let home = script_jsonld(&project.read_site("index.html"));
    assert_eq!(home["@type"], "DataCatalog");
    assert_eq!(home["dataset"].as_array().unwrap().len(), 44);
}

#[test]
fn dcat_jsonld_describes_44_datasets_with_their_publishers() {
    let project = Project::real();
    project.build();
    let doc: Value = serde_json::from_str(&project.read_site("data/catalog.jsonld")).unwrap();
    assert!(doc["@context"].is_object(), "inline context: nothing fetched from elsewhere");
    let graph = doc["@graph"].as_array().unwrap();
    let of_type = |t: &str| graph.iter().filter(|n| n["@type"] == t).collect::<Vec<_>>();
    let datasets = of_type("dcat:Dataset");
    assert_eq!(datasets.len(), 44);
    let catalogs = of_type("dcat:Catalog");
    assert_eq!(catalogs.len(), 1);
    assert_eq!(catalogs[0]["dcat:dataset"].as_array().unwrap().len(), 44);
    let a18 = datasets.iter().find(|d| d["dct:identifier"] == "A.18").unwrap();
    // DCAT-AP allows one publisher; every lead agency is credited.
    assert!(a18["dct:publisher"]["@id"].as_str().unwrap().ends_with("don-vi/so-xay-dung/"));
    assert_eq!(a18["prov:qualifiedAttribution"].as_array().unwrap().len(), 3);
    assert_eq!(a18["dcat:contactPoint"].as_array().unwrap().len(), 3);
}

#[test]
fn statistics_bars_equal_the_catalogs_counts() {
    let project = Project::real();
    project.build();
    let html = project.read_site("thong-ke/index.html");
    let catalog = catalog(&project);
    let values = |id: &str| -> Vec<u64> {
        let start = html.find(&format!("aria-labelledby=\"{id}-title\"")).unwrap();
        let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
        svg.split("data-value=\"").skip(1).map(|s| s.split('"').next().unwrap().parse().unwrap()).collect()
    };
    assert_eq!(values("theo-nhom"), [31, 13]);
    let sectors: Vec<u64> =
        catalog["sectors"].as_array().unwrap().iter().map(|s| s["count"].as_u64().unwrap()).collect();
    assert_eq!(values("theo-linh-vuc"), sectors);
    let agencies: Vec<u64> =
        catalog["agencies"].as_array().unwrap().iter().map(|a| a["count"].as_u64().unwrap()).collect();
    assert_eq!(values("theo-don-vi"), agencies);
    assert_eq!(agencies.iter().sum::<u64>(), 46, "A.18 counts for each of its three agencies");
    assert_eq!(html.matches("<caption>").count(), 3, "a data table beside every chart");
    assert!(!html.contains("<script src=\"../assets/search"), "no chart script");
}
