//! `danhmuc build` on the real catalog: pages, determinism, atomic publish.

use crate::common::{Project, attribute_values, files_under};

#[test]
fn the_real_catalog_builds_every_page() {
    let project = Project::real();
    let run = project.build();
    assert!(run.stdout.contains("44 CSDL"), "summary line: {}", run.stdout);

    let files = files_under(&project.site());
    let entry_pages = files.iter().filter(|f| f.starts_with("csdl/") && f.ends_with("/index.html")).count();
    assert_eq!(entry_pages, 44);
    let sector_pages = files
        .iter()
        .filter(|f| f.starts_with("linh-vuc/") && f.ends_with("/index.html") && f.matches('/').count() == 2)
        .count();
    assert_eq!(sector_pages, 10, "one page per sector");
    let agency_pages = files.iter().filter(|f| f.starts_with("don-vi/") && f.matches('/').count() == 2).count();
    assert_eq!(agency_pages, 12, "one page per agency (the decision names 12)");
    for page in [
        "index.html",
        "404.html",
        "robots.txt",
        "linh-vuc/index.html",
        "don-vi/index.html",
        "nhom/a/index.html",
        "nhom/b/index.html",
        "toan-bo-danh-muc/index.html",
        "quyet-dinh/index.html",
        "data/catalog.json",
        "assets/style.css",
    ] {
        assert!(files.iter().any(|f| f == page), "missing {page}");
    }
}

#[test]
fn every_page_is_vietnamese_with_one_h1_and_no_outside_request() {
    let project = Project::real();
    project.build();
    for file in files_under(&project.site()).iter().filter(|f| f.ends_with(".html")) {
        let html = project.read_site(file);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"), "{file}");
        assert_eq!(html.matches("<h1").count(), 1, "{file} must have exactly one h1");
        for attr in ["src", "href"] {
            for url in attribute_values(&html, attr) {
                assert!(
                    !url.starts_with("//") && !url.starts_with('/'),
                    "{file}: root-relative or protocol-relative URL {url}"
                );
                if attr == "src" || html.contains(&format!("<link rel=\"stylesheet\" href=\"{url}")) {
                    assert!(!url.contains("://"), "{file}: asset from another site: {url}");
                }
            }
        }
        assert_eq!(html, unicode_nfc(&html), "{file} is not NFC");
    }
}

fn unicode_nfc(text: &str) -> String {
    danhmuc::text::nfc(text)
}

#[test]
fn an_entry_page_shows_every_column_and_its_links() {
    let project = Project::real();
    project.build();
    let html = project.read_site("csdl/csdl-cap-phep-xay-dung/index.html");
    for heading in ["Mục đích", "Phạm vi, nội dung chính", "Cơ chế thu thập", "Kết nối, chia sẻ dữ liệu", "Ghi chú"]
    {
        assert!(html.contains(&format!(">{heading}</h2>")), "missing section {heading}");
    }
    // A.18 has three lead agencies, each linked.
    for agency in ["so-xay-dung", "ubnd-cac-xa-phuong-dac-khu", "ban-quan-ly-khu-kinh-te"] {
        assert!(html.contains(&format!("href=\"../../don-vi/{agency}/index.html\"")), "missing agency {agency}");
    }
    assert!(html.contains("href=\"../../linh-vuc/xay-dung/index.html\""));
    assert!(html.contains("href=\"../../nhom/a/index.html\""));
    // Nested "+" items of the decision became a nested list.
    assert!(html.contains("<ul>\n<li>Sở Xây dựng: Công trình cấp đặc biệt"), "nested list expected");
    // Previous and next within the sector (Xây dựng: A.16–A.21).
    assert!(html.contains("rel=\"prev\""));
    assert!(html.contains("href=\"../../csdl/csdl-ha-tang-ky-thuat-do-thi/index.html\" rel=\"prev\""));
    assert!(html.contains("href=\"../../csdl/csdl-nha-o-va-thi-truong-bat-dong-san/index.html\" rel=\"next\""));
}

#[test]
fn entry_18_is_on_three_agency_pages_and_sectors_span_both_groups() {
    let project = Project::real();
    project.build();
    for agency in ["so-xay-dung", "ubnd-cac-xa-phuong-dac-khu", "ban-quan-ly-khu-kinh-te"] {
        let html = project.read_site(&format!("don-vi/{agency}/index.html"));
        assert!(html.contains("CSDL cấp phép xây dựng"), "{agency}");
    }
    let html = project.read_site("linh-vuc/khoa-hoc-va-cong-nghe/index.html");
    assert!(html.contains(">A. Nhóm CSDL") && html.contains(">B. Nhóm CSDL"), "KH&CN has entries in both groups");
    assert!(html.contains("CSDL sở hữu công nghiệp") && html.contains("CSDL về chuyển đổi số"));
}

#[test]
fn the_full_table_follows_the_decision_order() {
    let project = Project::real();
    project.build();
    let html = project.read_site("toan-bo-danh-muc/index.html");
    let headings: Vec<&str> = html
        .split("<tr class=\"sector-row\"><th scope=\"colgroup\" colspan=\"8\">")
        .skip(1)
        .map(|s| s.split('<').next().unwrap())
        .collect();
    assert_eq!(
        headings,
        [
            "I. Lĩnh vực Nội vụ: 15 CSDL",
            "II. Lĩnh vực Xây dựng: 6 CSDL",
            "III. Lĩnh vực Khoa học và Công nghệ: 3 CSDL",
            "IV. Lĩnh vực Nông nghiệp và Môi trường: 6 CSDL",
            "V. Lĩnh vực Dân tộc và Tôn giáo: 1 CSDL",
            "I. Lĩnh vực Giáo dục và Đào tạo: 1 CSDL",
            "II. Lĩnh vực Y tế: 3 CSDL",
            "III. Lĩnh vực Công Thương: 1 CSDL",
            "IV. Lĩnh vực Văn hóa, Thể thao và Du lịch: 1 CSDL",
            "V. Lĩnh vực Khoa học và Công nghệ: 1 CSDL",
            "VI. Lĩnh vực Nông nghiệp và Môi trường: 5 CSDL",
            "VII. Lĩnh vực Khác: 1 CSDL",
        ]
    );
    assert_eq!(html.matches("<th scope=\"row\"").count(), 44);
    assert!(html.contains("CDSL khám, chữa bệnh"), "the decision's own typo is kept");
}

#[test]
fn the_decision_is_a_draft_until_number_and_date_are_configured() {
    let project = Project::real();
    project.build();
    let html = project.read_site("quyet-dinh/index.html");
    assert!(html.contains("Dự thảo"));
    assert!(html.contains("Điều 4."));
    assert!(html.contains("2609/QĐ-UBND"));
    assert!(html.contains("Nguyễn Văn Công"));

    project.edit(
        &project.path("danhmuc.toml"),
        "# number = \"123/QĐ-UBND\"\n# date = \"2026-06-01\"",
        "number = \"1234/QĐ-UBND\"\ndate = \"2026-06-15\"",
    );
    project.build();
    let html = project.read_site("quyet-dinh/index.html");
    assert!(!html.contains("Dự thảo"));
    assert!(html.contains("Số: 1234/QĐ-UBND"));
    assert!(html.contains("ngày 15 tháng 6 năm 2026"));
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let project = Project::real();
    project.build();
    let first = project.root().join("first");
    std::fs::rename(project.site(), &first).unwrap();
    project.build();
    let files = files_under(&first);
    assert_eq!(files, files_under(&project.site()));
    for file in &files {
        assert!(
            std::fs::read(first.join(file)).unwrap() == std::fs::read(project.site().join(file)).unwrap(),
            "{file} differs between builds"
        );
    }
}

#[test]
fn a_bad_file_fails_the_build_and_leaves_the_old_site_exactly_as_it_was() {
    let project = Project::real();
    project.build();
    let before = project.snapshot();

    let file = project.entry_file("b-08");
    project.edit(&file, "sector: nong-nghiep-va-moi-truong", "sector: nong-nghiep");
    project.edit(&file, "title: CSDL Đất đai", "title: CSDL Đất đai mới");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/csdl/b-08-csdl-dat-dai.md:5:9"),
        "names file, line and column:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("Lĩnh vực “nong-nghiep” chưa được khai báo"), "{}", run.stderr);
    assert!(run.stderr.contains("nong-nghiep-va-moi-truong"), "suggests the right slug:\n{}", run.stderr);

    let after = project.snapshot();
    assert!(before == after, "the published site changed after a failed build");
    project.assert_no_temporary_folders();
}

/// Files are written into a staging folder while pages render; a failure
/// half-way (here a template that breaks on entry pages, after other files
/// were written) must still leave the published site as it was.
#[test]
fn a_failure_half_way_through_writing_leaves_the_old_site_exactly_as_it_was() {
    let project = Project::real();
    project.build();
    let before = project.snapshot();
    project.edit(
        &project.copy_from_theme("templates/entry.html", "templates/entry.html"),
        "<h1>{{ entry.title }}</h1>",
        "<h1>{{ entry.title.missing }}</h1>",
    );
    let run = project.run(&["build"]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("entry.html"), "names the template:\n{}", run.stderr);
    assert!(run.stderr.contains("vẫn giữ nguyên như trước"), "{}", run.stderr);
    assert!(before == project.snapshot(), "the published site changed after a failed build");
    project.assert_no_temporary_folders();
}

#[test]
fn a_base_url_gives_an_absolute_sitemap_but_keeps_links_relative() {
    let project = Project::real();
    let run = project.run(&["build", "--base-url", "https://csdl.example.vn/danh-muc"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sitemap = project.read_site("sitemap.xml");
    assert!(sitemap.contains("<loc>https://csdl.example.vn/danh-muc/</loc>"));
    assert!(sitemap.contains("<loc>https://csdl.example.vn/danh-muc/csdl/csdl-dat-dai/</loc>"));
    let pages = files_under(&project.site()).iter().filter(|f| f.ends_with(".html")).count();
    assert_eq!(sitemap.matches("<loc>").count(), pages - 2, "every page but 404 and search");
    assert!(!sitemap.contains("tim-kiem"));
    assert!(project.read_site("robots.txt").contains("Sitemap: https://csdl.example.vn/danh-muc/sitemap.xml"));
    let home = project.read_site("index.html");
    let anchors: Vec<&str> = home.split("<a href=\"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
    assert!(anchors.len() > 20);
    assert!(anchors.iter().all(|a| !a.contains("csdl.example.vn")), "internal links must stay relative");
    assert!(home.contains("<link rel=\"canonical\" href=\"https://csdl.example.vn/danh-muc/\">"));
    let entry = project.read_site("csdl/csdl-dat-dai/index.html");
    assert!(entry.contains("<link rel=\"canonical\" href=\"https://csdl.example.vn/danh-muc/csdl/csdl-dat-dai/\">"));

    let run = project.run(&["build", "--base-url", "not a url"]);
    assert_eq!(run.code, 2);
}

#[test]
fn without_a_base_url_there_is_no_sitemap() {
    let project = Project::real();
    project.build();
    assert!(!project.site().join("sitemap.xml").exists());
}

#[test]
fn a_pinned_slug_sets_the_url() {
    let project = Project::real();
    project.edit(&project.entry_file("b-08"), "title: CSDL Đất đai\n", "title: CSDL Đất đai\nslug: dat-dai\n");
    project.build();
    assert!(project.site().join("csdl/dat-dai/index.html").is_file());
    assert!(!project.site().join("csdl/csdl-dat-dai").exists());
}

#[test]
fn edit_links_appear_when_the_repository_is_configured() {
    let project = Project::real();
    project.edit(
        &project.path("danhmuc.toml"),
        "# edit_url = \"\"",
        "edit_url = \"https://git.example.vn/qn/danhmuc/edit/main/{path}\"",
    );
    project.build();
    let html = project.read_site("csdl/csdl-dat-dai/index.html");
    assert!(
        html.contains("href=\"https://git.example.vn/qn/danhmuc/edit/main/content/csdl/b-08-csdl-dat-dai.md\""),
        "edit link"
    );
}

#[test]
fn raw_html_in_content_cannot_run_script() {
    let project = Project::real();
    project.edit(
        &project.entry_file("b-08"),
        "## Mục đích\n",
        "## Mục đích\n\n<script>alert('x')</script><a href=\"javascript:alert(1)\" onclick=\"alert(2)\">x</a>\n\n**đậm**\n",
    );
    project.build();
    let html = project.read_site("csdl/csdl-dat-dai/index.html");
    assert!(
        !html.contains("<script>alert") && !html.contains("javascript:") && !html.contains("onclick"),
        "unsafe HTML survived"
    );
    assert!(html.contains("<strong>đậm</strong>"));
}

#[test]
fn a_sharded_search_index_covers_every_term_and_entry() {
    let project = Project::real();
    project.add_config("\n[search]\nsharded = true\n");
    let config = project.path("danhmuc.toml");
    project.build();
    let manifest = project.read_site("assets/search-index.js");
    let json: serde_json::Value = serde_json::from_str(
        manifest.trim().trim_start_matches("window.DANHMUC_SEARCH_INDEX = ").trim_end_matches(';'),
    )
    .unwrap();
    assert_eq!(json["version"], 9);
    assert_eq!(json["doc_count"], 44);
    let filters = project.read_site("assets/search/filters.js");
    let filters: serde_json::Value =
        serde_json::from_str(filters.trim().trim_start_matches("DanhmucSearch.addFilters(").trim_end_matches(");"))
            .unwrap();
    assert_eq!(filters.as_array().unwrap().len(), 44, "group, sector and agencies of every entry");
    let terms = json["term_count"].as_u64().unwrap() as usize;
    // Terms come in blocks by first letter, which together hold every term
    // once, in order.
    let script = |file: &str, call: &str| -> serde_json::Value {
        let text = project.read_site(&format!("assets/search/{file}"));
        let json = text.trim().trim_start_matches(call).trim_end_matches(");");
        serde_json::from_str(json.split_once(", ").unwrap().1).unwrap()
    };
    let mut block_terms: Vec<String> = Vec::new();
    for (b, block) in json["blocks"].as_array().unwrap().iter().enumerate() {
        let data = script(&format!("k{b}.js"), "DanhmucSearch.addTerms(");
        assert_eq!(data["first"], block[1]);
        let words: Vec<String> = data["terms"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().into()).collect();
        assert_eq!(words.len() as u64, block[2].as_u64().unwrap());
        assert_eq!(data["df"].as_array().unwrap().len(), words.len());
        let unit = block[0].as_u64().unwrap() as u16;
        assert!(words.iter().all(|w| w.encode_utf16().next() == Some(unit)), "block {b} shares its first letter");
        block_terms.extend(words);
    }
    assert_eq!(block_terms.len(), terms);
    let firsts: Vec<usize> =
        json["shard_first"].as_array().unwrap().iter().map(|s| s.as_u64().unwrap() as usize).collect();
    assert_eq!(firsts[0], 0);
    assert!(firsts.windows(2).all(|w| w[0] < w[1]) && *firsts.last().unwrap() < terms, "shards hold consecutive terms");
    let files = files_under(&project.site().join("assets/search"));
    for shard in 0..firsts.len() {
        assert!(files.contains(&format!("p{shard}.js")), "p{shard}.js");
    }
    assert_eq!(files.iter().filter(|f| f.starts_with('p')).count(), firsts.len(), "one file per shard");
    let chunks = files.iter().filter(|f| f.starts_with('t')).count();
    assert_eq!(chunks, 44, "one text chunk per entry");
    // Terms in more than `positions_apart_above` entries have their postings
    // without positions, and the positions in a file per shard and field.
    let df: Vec<u64> = (0..json["blocks"].as_array().unwrap().len())
        .flat_map(|b| script(&format!("k{b}.js"), "DanhmucSearch.addTerms(")["df"].as_array().unwrap().clone())
        .map(|d| d.as_u64().unwrap())
        .collect();
    std::fs::write(&config, std::fs::read_to_string(&config).unwrap() + "positions_apart_above = 10\n").unwrap();
    project.build();
    let mut apart = Vec::new();
    for (k, &first) in firsts.iter().enumerate() {
        let shard = script(&format!("p{k}.js"), "DanhmucSearch.addShard(");
        let offsets: Vec<usize> = shard["apart"]
            .as_array()
            .map(|a| a.iter().map(|i| i.as_u64().unwrap() as usize).collect())
            .unwrap_or_default();
        for field in 0..8 {
            let name = format!("p{k}-{field}.js");
            if project.site().join("assets/search").join(&name).exists() {
                // DanhmucSearch.addPositions(k, field, [...]);
                let text = project.read_site(&format!("assets/search/{name}"));
                let list = &text[text.find('[').unwrap()..=text.rfind(']').unwrap()];
                let positions: Vec<String> = serde_json::from_str(list).unwrap();
                assert_eq!(positions.len(), offsets.len(), "{name}: one string per term apart");
            }
        }
        // The titles' file is there whenever the shard has terms apart (the
        // page fetches it with the shard).
        let titles = project.site().join(format!("assets/search/p{k}-0.js"));
        assert_eq!(titles.exists(), !offsets.is_empty(), "p{k}-0.js");
        apart.extend(offsets.iter().map(|i| first + i));
    }
    let frequent: Vec<usize> = (0..terms).filter(|&t| df[t] > 10).collect();
    assert!(!frequent.is_empty());
    assert_eq!(apart, frequent, "exactly the terms in more than 10 entries are apart");
    std::fs::write(&config, std::fs::read_to_string(&config).unwrap().replace("positions_apart_above = 10\n", ""))
        .unwrap();
    // Without the setting, a catalog this small keeps one index file, with
    // the same terms.
    std::fs::write(&config, std::fs::read_to_string(&config).unwrap().replace("sharded = true", "")).unwrap();
    project.build();
    assert!(!project.site().join("assets/search").exists());
    let single = project.read_site("assets/search-index.js");
    let single: serde_json::Value =
        serde_json::from_str(single.trim().trim_start_matches("window.DANHMUC_SEARCH_INDEX = ").trim_end_matches(';'))
            .unwrap();
    let single_terms: Vec<String> =
        single["terms"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().into()).collect();
    assert_eq!(block_terms, single_terms);
}

/// A catalog larger than one table page: the full table is split into
/// pages of 500 rows in the decision's order (group, then sector), every
/// entry is on exactly one page, and each page links to all of them.
#[test]
fn a_large_catalog_splits_the_full_table_into_pages() {
    let project = Project::small();
    let dir = project.path("content/csdl");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    for n in 1..=1200 {
        // Sectors alternate in runs of 400, so the table reorders entries
        // by sector and one sector runs across a page break.
        let (group, number, sector) =
            if n <= 1100 { ("A", n, ["ban-do", "bien"][(n / 400) % 2]) } else { ("B", n - 1100, "bien") };
        let text = format!(
            "---\ntitle: CSDL thử {n}\ngroup: {group}\nnumber: {number}\nsector: {sector}\nagencies:\n  - so-thu\n---\n\n## Mục đích\n\nMục đích {n}.\n\n## Phạm vi, nội dung chính\n\nPhạm vi.\n\n## Cơ chế thu thập\n\nThu thập.\n\n## Kết nối, chia sẻ dữ liệu\n\nChia sẻ.\n"
        );
        std::fs::write(dir.join(format!("{}-{number:04}.md", group.to_lowercase())), text).unwrap();
    }
    project.build();
    let pages: Vec<String> =
        ["toan-bo-danh-muc/index.html", "toan-bo-danh-muc/trang-2/index.html", "toan-bo-danh-muc/trang-3/index.html"]
            .iter()
            .map(|p| project.read_site(p))
            .collect();
    assert!(!project.site().join("toan-bo-danh-muc/trang-4").exists());
    let rows: Vec<Vec<String>> = pages
        .iter()
        .map(|html| {
            html.split("<th scope=\"row\" data-label=\"Tên cơ sở dữ liệu\"><a href=\"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(rows.iter().map(Vec::len).collect::<Vec<_>>(), [500, 500, 200]);
    let mut all: Vec<&String> = rows.iter().flatten().collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 1200, "every entry on exactly one page");
    // Group A lists sector "Bản đồ" (entries 1–399 and 800–1100) before
    // "Biển" (400–799): page 2 starts inside "Bản đồ", which continues.
    assert!(rows[0][0].contains("csdl-thu-1/"), "{}", rows[0][0]);
    assert!(pages[1].contains("I. Lĩnh vực Bản đồ: 700 CSDL (tiếp theo)"), "a continued sector is marked");
    assert!(pages[2].contains("II. Lĩnh vực Biển: 400 CSDL (tiếp theo)"));
    assert!(pages[2].contains("B. "), "group B starts on the last page");
    for (k, html) in pages.iter().enumerate() {
        assert!(html.contains(&format!("đây là trang {}.", k + 1)), "page {} says where it is", k + 1);
        assert_eq!(html.matches("aria-current=\"page\">Trang").count(), 1);
        for target in [
            "toan-bo-danh-muc/index.html",
            "toan-bo-danh-muc/trang-2/index.html",
            "toan-bo-danh-muc/trang-3/index.html",
        ] {
            assert!(html.contains(target), "page {} links to {target}", k + 1);
        }
    }
    assert!(pages[1].contains("rel=\"prev\"") && pages[1].contains("rel=\"next\""));
    // The real catalog, smaller than a page, keeps its one table.
    let real = Project::real();
    real.build();
    assert!(!real.site().join("toan-bo-danh-muc/trang-2").exists());
    assert!(!real.read_site("toan-bo-danh-muc/index.html").contains("cac-trang"));
}

#[test]
fn built_in_scripts_are_published_without_comments_and_a_projects_own_as_written() {
    let project = Project::real();
    project.build();
    // The search scripts' sources: their parts, joined as build.rs joins them.
    for (folder, script, text) in [
        ("search", "assets/search.js", "không tải được"),
        ("search/understand", "assets/search-understand.js", "aăâeêioôơuưy"),
    ] {
        let mut parts: Vec<_> = std::fs::read_dir(crate::common::theme().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "js"))
            .collect();
        parts.sort();
        let source: String = parts.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
        let shipped = project.read_site(script);
        assert!(source.contains("/**") && !shipped.contains("/**"), "comments left in the published {script}");
        assert!(
            shipped.len() * 10 < source.len() * 7,
            "{script}: {} bytes published of {}",
            shipped.len(),
            source.len()
        );
        // The Vietnamese strings the page shows stay as they are.
        assert!(shipped.contains(text), "{script} lost “{text}”");
    }

    // A script of the project's own, even at a built-in path, is its author's.
    let own = project.copy_from_theme("assets/site.js", "static/assets/site.js");
    let mut text = std::fs::read_to_string(&own).unwrap();
    text.push_str("\n/* Tùy biến của đơn vị. */\n");
    std::fs::write(&own, &text).unwrap();
    project.build();
    assert_eq!(project.read_site("assets/site.js"), text);
}

/// Guards the built-in templates drifting from the fields' table that
/// validation, the data files and `import` read: an entry page's parts
/// carry the table's headings and the anchors content may link to, and
/// the full table's columns are the appendix's.
#[test]
fn the_pages_name_the_fields_as_the_table_does() {
    use danhmuc::model::fields;
    let project = Project::small();
    let file = project.entry_file("a-01");
    project.edit(&file, "group: A\n", "group: A\nnotes: Luật Dữ liệu\n");
    project.build();
    let page = project.read_site("csdl/csdl-ban-mau-do/index.html");
    let mut at = 0;
    for field in fields::APPENDIX.iter().filter(|f| f.anchor.is_some()) {
        let heading = format!("<h2 id=\"{}\">{}</h2>", field.anchor.unwrap(), field.label);
        let found = page[at..].find(&heading).unwrap_or_else(|| panic!("{heading} in order in {page}"));
        at += found + heading.len();
    }
    let table = project.read_site("toan-bo-danh-muc/index.html");
    let columns: String =
        fields::appendix_columns().iter().map(|c| format!("      <th scope=\"col\">{c}</th>\n")).collect();
    assert!(table.contains(&columns), "{table}");
}
