//! The words of the site, decided once in `docs/thuat-ngu.md`: the built
//! site of the real catalog and the program's own wording use none of the
//! phrases `docs/thuat-ngu-tranh.txt` rules out; the footer names the
//! publisher and its contact only when `[publisher]` sets them; a signed
//! decision's pages offer no editing.

use crate::common::{Project, copy_recursively, files_under, repo_root};

/// A phrase the glossary rules out, and whether it applies to the built
/// site only (`trang:`) or to the program's wording as well.
struct Ruled {
    phrase: String,
    site_only: bool,
}

fn ruled_out() -> Vec<Ruled> {
    let list = std::fs::read_to_string(repo_root().join("docs/thuat-ngu-tranh.txt")).unwrap();
    let ruled: Vec<Ruled> = list
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let phrase = line.split('|').next().unwrap().trim();
            match phrase.strip_prefix("trang:") {
                Some(phrase) => Ruled { phrase: phrase.trim().to_lowercase(), site_only: true },
                None => Ruled { phrase: phrase.to_lowercase(), site_only: false },
            }
        })
        .collect();
    assert!(ruled.len() > 20, "the list is read");
    ruled
}

/// Where `phrase` (lower case) occurs in `text` as whole words: the
/// characters around it are not letters or digits.
fn occurrences(text: &str, phrase: &str) -> Vec<usize> {
    let lower = text.to_lowercase();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    lower
        .match_indices(phrase)
        .filter(|(at, _)| {
            let before = lower[..*at].chars().next_back();
            let after = lower[at + phrase.len()..].chars().next();
            let joined_before = word(before) && phrase.starts_with(char::is_alphanumeric);
            let joined_after = word(after) && phrase.ends_with(char::is_alphanumeric);
            !joined_before && !joined_after
        })
        .map(|(at, _)| at)
        .collect()
}

/// Every ruled-out phrase found in `texts`, with its file and its context.
fn findings(texts: &[(String, String)], site: bool) -> Vec<String> {
    let mut found = Vec::new();
    for rule in ruled_out().iter().filter(|r| site || !r.site_only) {
        for (file, text) in texts {
            let lower = text.to_lowercase();
            for at in occurrences(text, &rule.phrase) {
                let before: String = lower[..at].chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
                let after: String = lower[at..].chars().take(rule.phrase.chars().count() + 40).collect();
                found.push(format!("{file}: “{}” in …{before}{after}…", rule.phrase));
            }
        }
    }
    found
}

/// The text a reader sees of an HTML or XML page: tags replaced by spaces,
/// scripts (the pages' JSON-LD, for machines) left out.
fn visible_text(markup: &str) -> String {
    let mut markup = markup.to_string();
    while let Some(start) = markup.find("<script") {
        let end = markup[start..].find("</script>").map_or(markup.len(), |e| start + e + "</script>".len());
        markup.replace_range(start..end, " ");
    }
    let mut text = String::with_capacity(markup.len());
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

fn json_strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// What the feed's readers see: its titles, summaries and contents.
fn feed_text(feed: &str) -> String {
    let mut text = String::new();
    for tag in ["title", "summary", "content"] {
        for part in feed.split(&format!("<{tag}")).skip(1) {
            let inner = &part[part.find('>').map_or(0, |i| i + 1)..];
            text.push_str(&inner[..inner.find(&format!("</{tag}>")).unwrap_or(inner.len())]);
            text.push('\n');
        }
    }
    text
}

/// Dates written as machines write them (2027-01-08) in `text`.
fn iso_dates(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let shape = b"dddd-dd-dd";
    (0..bytes.len().saturating_sub(shape.len() - 1))
        .filter(|&i| {
            let fits = shape.iter().zip(&bytes[i..]).all(|(s, b)| if *s == b'd' { b.is_ascii_digit() } else { b == s });
            let alone = (i == 0 || !bytes[i - 1].is_ascii_digit())
                && bytes.get(i + shape.len()).is_none_or(|b| !b.is_ascii_digit());
            fits && alone
        })
        .map(|i| &text[i..i + shape.len()])
        .collect()
}

/// Every page of the built site, the feed and `catalog.json`'s strings.
fn site_texts(project: &Project) -> Vec<(String, String)> {
    let site = project.site();
    let mut texts = Vec::new();
    for path in files_under(&site) {
        let read = || std::fs::read_to_string(site.join(&path)).unwrap();
        if path.ends_with(".html") {
            texts.push((path.clone(), visible_text(&read())));
        } else if path == "feed.xml" {
            texts.push((path.clone(), feed_text(&read())));
        }
    }
    let catalog: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("data/catalog.json")).unwrap()).unwrap();
    let mut strings = String::new();
    json_strings(&catalog, &mut strings);
    texts.push(("data/catalog.json".to_string(), strings));
    texts
}

/// No page, feed item or string of `catalog.json` in `texts` uses a
/// phrase the glossary rules out, and no text people read has a date
/// written as machines write it.
fn assert_follows_the_glossary(texts: &[(String, String)]) {
    assert!(texts.iter().any(|(file, _)| file == "feed.xml"), "the feed is read");
    let found = findings(texts, true);
    assert!(found.is_empty(), "{} ruled-out words:\n{}", found.len(), found.join("\n"));
    // Dates in Vietnamese text are written as people read them (“ngày 08
    // tháng 01 năm 2027”, “08/01/2027”), never as machines do; the JSON files
    // holds them for machines.
    for (file, text) in texts.iter().filter(|(file, _)| !file.ends_with(".json")) {
        assert!(iso_dates(text).is_empty(), "{file}: {:?}", iso_dates(text));
    }
}

/// Guards against the developer's words and the misstatements the
/// glossary replaced ("Dự thảo đã bỏ nó", "đổi địa chỉ 0", "bảng phẳng",
/// "Tải dữ liệu" for files that describe the catalog) coming back on any
/// page of the real catalog, its feed or its data, and against ISO dates
/// in the text people read.
#[test]
fn the_real_catalogs_site_uses_no_word_the_glossary_rules_out() {
    let project = Project::real();
    assert_eq!(project.build().code, 0);
    let texts = site_texts(&project);
    assert!(texts.len() > 70, "every page is read: {}", texts.len());
    assert_follows_the_glossary(&texts);
    assert_eq!(iso_dates("ngày 2027-01-08, số 12027-01-081"), ["2027-01-08"]);
    // A draft is not issued: the home page says so and claims no issuing.
    let home = project.read_site("index.html");
    let lead = &home[home.find("<p class=\"lead\">").unwrap()..];
    let lead = &lead[..lead.find("</p>").unwrap()];
    assert!(!lead.contains("ban hành kèm theo") && lead.contains("dự thảo Quyết định"), "{lead}");
}

/// Guards the words of a site in the legal state the real catalog has
/// not reached yet: a signed decision in force and the next draft pending
/// beside it (the scenario), where the draft's proposals, the version
/// pages and the boxes on entries speak ("dự thảo đề xuất", never "dự
/// thảo đã bỏ", "thêm 1", "đang có hiệu lực").
#[test]
fn the_scenarios_site_uses_no_word_the_glossary_rules_out() {
    let project = crate::scenario::scenario();
    let mut texts = site_texts(&project);
    assert!(texts.iter().any(|(file, _)| file == "phien-ban/du-thao/index.html"), "the draft's page is read");
    let draft: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(project.site().join("data/du-thao/catalog.json")).unwrap())
            .unwrap();
    let mut strings = String::new();
    json_strings(&draft, &mut strings);
    texts.push(("data/du-thao/catalog.json".to_string(), strings));
    assert_follows_the_glossary(&texts);
}

/// Guards against messages and labels written in the program (diagnostics,
/// templates, the starter project, the editors' guide) that the glossary
/// rules out: "dự án" for the catalog's folder, "cổng" alone for a network
/// port ("dùng cổng trống kế tiếp" in `serve --help`), "đang có hiệu lực"
/// (`diff --help`), advice to move an issued decision's tag.
#[test]
fn the_programs_own_words_follow_the_glossary() {
    let root = repo_root();
    let mut texts = Vec::new();
    for folder in ["src", "theme", "scaffold"] {
        for path in files_under(&root.join(folder)) {
            let text = match std::fs::read_to_string(root.join(folder).join(&path)) {
                Ok(text) => text,
                Err(_) => continue,
            };
            // Comments may quote a wording that was replaced (a regression
            // test says what it guards against); only code speaks to users.
            let spoken: String = if path.ends_with(".rs") {
                text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
            } else {
                text
            };
            texts.push((format!("{folder}/{path}"), spoken));
        }
    }
    for doc in ["docs/huong-dan-bien-tap.md", "docs/cau-hinh.md"] {
        texts.push((doc.to_string(), std::fs::read_to_string(root.join(doc)).unwrap()));
    }
    // The help screens are written in doc comments, which the filter above
    // leaves out: read them, and the command line's errors, as printed.
    texts.extend(crate::cli::help_screens());
    texts.extend(crate::cli::mistakes().into_iter().map(|(args, err)| (format!("danhmuc {}", args.join(" ")), err)));
    let found = findings(&texts, false);
    assert!(found.is_empty(), "{} ruled-out words:\n{}", found.len(), found.join("\n"));
}

fn catalog_node(jsonld: &serde_json::Value) -> &serde_json::Value {
    jsonld["@graph"].as_array().unwrap().iter().find(|n| n["@type"] == "dcat:Catalog").unwrap()
}

const CONTACT: &str = "\n[publisher]\nname = \"Ủy ban nhân dân tỉnh Thử\"\narea = \"tỉnh Thử\"\naddress = \"Số 1, đường Thử, phường Thử, tỉnh Thử\"\ntelephone = \"0203 3835 000\"\nemail = \"vanphong@thu.example.gov.vn\"\n";

/// Guards against a site whose footer does not say who runs it and how to
/// reach them, as state portals do; and against inventing a contact, or
/// calling the catalog's title the issuer, when none is configured.
#[test]
fn the_footer_names_the_publisher_and_its_contact_only_when_set() {
    let project = Project::small();
    assert_eq!(project.build().code, 0);
    for page in ["index.html", "phien-ban/index.html", "toan-bo-danh-muc/index.html"] {
        let Ok(html) = std::fs::read_to_string(project.site().join(page)) else { continue };
        for absent in ["Cơ quan chủ quản", "Điện thoại", "Thư điện tử", "Quyết định của Danh mục"]
        {
            assert!(!html.contains(absent), "{page}: {absent}");
        }
    }
    let jsonld: serde_json::Value = serde_json::from_str(&project.read_site("data/catalog.jsonld")).unwrap();
    assert!(catalog_node(&jsonld).get("dcat:contactPoint").is_none(), "no contact invented");

    project.add_config(CONTACT);
    assert_eq!(project.build().code, 0);
    let pages: Vec<String> = files_under(&project.site()).into_iter().filter(|p| p.ends_with(".html")).collect();
    assert!(pages.len() > 10);
    for page in &pages {
        let html = project.read_site(page);
        let footer = &html[html.find("<footer").unwrap_or_else(|| panic!("{page} has a footer"))..];
        for shown in [
            "Cơ quan chủ quản: Ủy ban nhân dân tỉnh Thử",
            "Địa chỉ: Số 1, đường Thử, phường Thử, tỉnh Thử",
            "Điện thoại: <a href=\"tel:+842033835000\">0203 3835 000</a>",
            "Thư điện tử: <a href=\"mailto:vanphong@thu.example.gov.vn\">vanphong@thu.example.gov.vn</a>",
        ] {
            assert!(footer.contains(shown), "{page}: {shown}\n{footer}");
        }
    }
}

/// Guards against open data that names a publisher with no way to reach
/// it: DCAT's catalog has a contact point with the e-mail as `mailto:`,
/// the telephone as `tel:` and the address.
#[test]
fn dcat_gives_the_publishers_contact_point() {
    let project = Project::small();
    project.add_config(CONTACT);
    assert_eq!(project.build().code, 0);
    let jsonld: serde_json::Value = serde_json::from_str(&project.read_site("data/catalog.jsonld")).unwrap();
    let graph = jsonld["@graph"].as_array().unwrap();
    let catalog = catalog_node(&jsonld);
    let contact_id = catalog["dcat:contactPoint"]["@id"].as_str().expect("the catalog has a contact point");
    let contact = graph.iter().find(|n| n["@id"] == contact_id).expect("the contact point is described");
    assert_eq!(contact["@type"], serde_json::json!(["vcard:Kind", "vcard:Organization"]));
    assert_eq!(contact["vcard:fn"]["@value"], "Ủy ban nhân dân tỉnh Thử");
    assert_eq!(contact["vcard:hasEmail"]["@id"], "mailto:vanphong@thu.example.gov.vn");
    assert_eq!(contact["vcard:hasTelephone"]["@id"], "tel:+842033835000");
    assert_eq!(contact["vcard:hasAddress"]["@type"], "vcard:Address");
    assert_eq!(contact["vcard:hasAddress"]["vcard:street-address"]["@value"], "Số 1, đường Thử, phường Thử, tỉnh Thử");

    // A telephone number of the wrong shape stops `check`.
    let config = project.path("danhmuc.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("0203 3835 000", "gọi văn phòng")).unwrap();
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("Số điện thoại của cơ quan chủ quản “gọi văn phòng” không đúng dạng"),
        "{}",
        run.stderr
    );
}

/// Guards against editing links and repository paths on the pages of a
/// decision already signed ("Đề xuất sửa trang này", "tệp content/…"),
/// and against calling it a text for signing.
#[test]
fn a_signed_decisions_pages_offer_no_editing() {
    let dir = tempfile::tempdir().unwrap();
    copy_recursively(&repo_root().join("tests/fixtures/other-province"), dir.path());
    let project = Project { dir };
    project.add_config("\n[repository]\nedit_url = \"https://example.org/edit/{path}\"\n");
    assert_eq!(project.build().code, 0);
    for page in files_under(&project.site()).into_iter().filter(|p| p.ends_with(".html")) {
        let html = project.read_site(&page);
        for absent in ["example.org/edit", "Đề xuất sửa", "content/csdl/", "content/quyet-dinh.md", "trình ký"]
        {
            assert!(!html.contains(absent), "{page}: {absent}");
        }
    }
    assert!(project.read_site("quyet-dinh/index.html").contains("<title>Quyết định số 77/QĐ-UBND"));

    // The same project as a draft offers the link on its entries.
    let config = project.path("danhmuc.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("number = \"77/QĐ-UBND\"", "")).unwrap();
    assert_eq!(project.build().code, 0);
    let entry = project.read_site("csdl/csdl-tiem-chung/index.html");
    assert!(entry.contains("href=\"https://example.org/edit/content/csdl/"), "{entry}");
    assert!(!entry.contains("(tệp content/"), "no repository path shown: {entry}");
}
