//! What text written to hurt (or pasted carelessly) may cause: characters
//! no document format can hold, escape sequences aimed at a terminal,
//! links with scripts in them, and mistakes repeated until the report
//! itself becomes the problem.

use crate::common::Project;

/// A line holding `count` links to entry files that do not exist.
fn broken_links(count: usize) -> String {
    (0..count).map(|i| format!("[x](khong-co-{i}.md)")).collect::<Vec<_>>().join(" ")
}

/// Regression: every finding quoted its whole source line, so 1,500
/// broken links on one line printed 45 MB (the line 1,500 times) and
/// larger counts gigabytes. Excerpts are a window around the column and
/// a file shows 20 findings of one kind, then says how many more.
#[test]
fn a_line_of_many_broken_links_gives_a_short_report() {
    let project = Project::small();
    let file = project.path("content/csdl/a-01.md");
    project.edit(&file, "Quản lý danh sách bàn làm việc.", &format!("Quản lý {}", broken_links(1500)));
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.len() < 20_000, "{} bytes of report", run.stderr.len());
    assert_eq!(run.stderr.matches("lỗi[broken-link]").count(), 21, "{}", run.stderr);
    assert!(run.stderr.contains("Còn 1480 lỗi “broken-link” nữa trong tệp này"), "{}", run.stderr);
    assert!(run.stderr.ends_with("1500 lỗi, 0 cảnh báo.\n"), "{}", run.stderr);
    // The excerpt is cut around the column, in characters.
    assert!(run.stderr.contains("13 | …[x](khong-co-"), "{}", run.stderr);

    let json = project.run(&["check", "--format", "json"]);
    assert_eq!(json.stdout.lines().count(), 21);
    assert!(json.stdout.len() < 20_000);
}

/// One way a control character gets into content, and where `check` must
/// point: file, line and column.
struct Case {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    at: &'static str,
}

/// Regression: control characters, raw or written as YAML escapes, TOML
/// escapes or Markdown character references, in any content or
/// configuration file, passed `check` and made `data/quyet-dinh.docx`
/// unreadable (Word, LibreOffice and python-docx refuse it whole), and
/// broke `feed.xml` and the workbook.
#[test]
fn control_characters_are_refused_wherever_they_are_written() {
    let body = "Quản lý danh sách bàn làm việc.";
    let cases = [
        // Pasted from Word: a manual line break (Shift+Enter) is U+000B.
        Case { file: "content/csdl/a-01.md", from: body, to: "Quản lý \u{b}danh sách.", at: "a-01.md:13:9:" },
        Case { file: "content/csdl/a-01.md", from: body, to: "Quản lý \u{1b}[2J.", at: "a-01.md:13:9:" },
        // A carriage return left alone (CRLF is read as LF).
        Case { file: "content/csdl/a-01.md", from: body, to: "Quản lý\rdanh sách.", at: "a-01.md:13:8:" },
        Case { file: "content/csdl/a-01.md", from: body, to: "Quản lý \u{9b}2J.", at: "a-01.md:13:9:" },
        Case { file: "content/csdl/a-01.md", from: body, to: "Quản lý \u{fffe}.", at: "a-01.md:13:9:" },
        Case { file: "content/csdl/a-01.md", from: body, to: "Quản lý &#x1b;[2J.", at: "a-01.md:13:9:" },
        Case { file: "content/csdl/a-01.md", from: body, to: "Quản lý <b>&#1;</b>.", at: "a-01.md:13:12:" },
        Case {
            file: "content/csdl/a-01.md",
            from: "title: CSDL bàn đỏ",
            to: r#"title: "CSDL\x01 bàn đỏ""#,
            at: "a-01.md:2:13:",
        },
        Case {
            file: "content/csdl/a-01.md",
            from: "title: CSDL bàn đỏ",
            to: r#"title: "CSDL \e]52;c;YQ==\a""#,
            at: "a-01.md:2:14:",
        },
        Case { file: "content/csdl/a-01.md", from: "slug:", to: "notes: \"Xem \\u000B\"\nslug:", at: "a-01.md:3:13:" },
        Case {
            file: "content/agencies.yaml",
            from: "name: Sở Thử",
            to: r#"name: "Sở\u000BThử""#,
            at: "agencies.yaml:2:12:",
        },
        Case { file: "content/sectors.yaml", from: "name: ", to: "name: \u{7}", at: "sectors.yaml:2:9:" },
        Case {
            file: "content/synonyms.yaml",
            from: "",
            to: "- words: [\"bàn\\x1b\"]\n  means: CSDL bàn đỏ\n",
            at: "synonyms.yaml:1:15:",
        },
        Case { file: "danhmuc.toml", from: "title = ", to: "description = \"a\\u001Bb\"\ntitle = ", at: "toml:1:17:" },
        Case { file: "danhmuc.toml", from: "title = ", to: "description = \"a\u{85}b\"\ntitle = ", at: "toml:1:17:" },
    ];
    for case in cases {
        let project = Project::small();
        let path = project.path(case.file);
        if case.from.is_empty() {
            std::fs::write(&path, case.to).unwrap();
        } else {
            project.edit(&path, case.from, case.to);
        }
        let run = project.run(&["check"]);
        assert_eq!(run.code, 1, "{}: {:?}\n{}", case.file, case.to, run.stderr);
        let expected = format!("lỗi[forbidden-character]: {}", case.file);
        let line = run.stderr.lines().find(|l| l.contains("[forbidden-character]")).unwrap_or_else(|| {
            panic!("{}: {:?}\n{}", case.file, case.to, run.stderr);
        });
        assert!(line.starts_with(&expected) && line.contains(case.at), "{:?}: {line}", case.to);
        assert!(run.stderr.contains("quyet-dinh.docx"), "the hint says what it breaks:\n{}", run.stderr);
        assert!(!run.stderr.chars().any(|c| c.is_control() && c != '\n'), "{:?}", run.stderr);
        assert_eq!(project.run(&["build"]).code, 1, "{:?}", case.to);
    }
}

/// Regression guard for the rule above: Windows line endings (CRLF) in
/// entries, data files and the configuration are ordinary, and a tab is
/// text.
#[test]
fn crlf_line_endings_and_tabs_stay_accepted() {
    let project = Project::small();
    for file in ["content/csdl/a-01.md", "content/agencies.yaml", "danhmuc.toml"] {
        let path = project.path(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace('\n', "\r\n")).unwrap();
    }
    project.add_config("description = \"\"\"\r\nMột dòng\r\nhai dòng\tcột\"\"\"\r\n");
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// Regression: a spreadsheet's cell with a control character (a line
/// break typed in Excel as Alt+Enter is fine, but a workbook stores
/// others as `_x000B_`) was imported into entries that passed `check`.
#[test]
fn an_imported_control_character_is_refused_by_check() {
    let project = Project::small();
    std::fs::remove_dir_all(project.path("content/csdl")).unwrap();
    let csv = "Nhóm,TT,Tên cơ sở dữ liệu,Lĩnh vực,Đơn vị chủ trì,Mục đích,\"Phạm vi, nội dung chính\",Cơ chế thu thập,\"Kết nối, chia sẻ dữ liệu\",Ghi chú\n\
A,1,CSDL rừng\u{b}ngập mặn,Lâm nghiệp,Sở Thử,Bảo vệ \u{1b}[2Jrừng,Diện tích,Kiểm kê,Chia sẻ,\n";
    let file = project.path("bang.csv");
    std::fs::write(&file, csv).unwrap();
    let import = project.run(&["import", file.to_str().unwrap()]);
    let check = project.run(&["check"]);
    assert_eq!(check.code, 1, "import:\n{}\ncheck:\n{}", import.stderr, check.stderr);
    let reported = format!("{}{}", import.stderr, check.stderr);
    // Refused by import itself (nothing written), or else by check.
    assert!(
        reported.contains("[forbidden-character]") || import.stderr.contains("có ký tự điều khiển U+000B"),
        "{reported}"
    );
    assert!(!reported.chars().any(|c| c.is_control() && c != '\n'), "{reported:?}");
}

/// Regression: `javascript:` (any case, after spaces, with a tab inside,
/// which browsers drop) and other schemes than http(s) and mailto were
/// accepted in an agency's website, the edit link's template and the
/// feedback address, and published as links on the pages.
#[test]
fn links_from_data_and_configuration_are_http_or_mailto() {
    let website = |url: &str| format!("name: Sở Thử\n  website: {url}");
    for url in [
        "javascript:alert(1)",
        "\"  JavaScript:alert(document.cookie)\"",
        "\"java\\tscript:alert(1)\"",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "snv.quangninh.gov.vn",
    ] {
        let project = Project::small();
        project.edit(&project.path("content/agencies.yaml"), "name: Sở Thử", &website(url));
        let run = project.run(&["check"]);
        assert_eq!(run.code, 1, "{url}: {}", run.stderr);
        assert!(
            run.stderr.contains("lỗi[unsafe-link]: content/agencies.yaml:3:12: Trang thông tin"),
            "{url}: {}",
            run.stderr
        );
    }
    let project = Project::small();
    project.edit(&project.path("content/agencies.yaml"), "name: Sở Thử", &website("https://snv.quangninh.gov.vn"));
    project.build();
    assert!(project.read_site("don-vi/so-thu/index.html").contains("href=\"https://snv.quangninh.gov.vn\""));

    for (config, at) in [
        (
            "[repository]\nedit_url = \"javascript:alert(1)//{path}\"\n",
            "[unsafe-link]: danhmuc.toml:4:12: Liên kết sửa trang",
        ),
        ("[repository]\nedit_url = \" JaVaScRiPt:alert(1)\"\n", "[unsafe-link]: danhmuc.toml:4:12: Liên kết sửa trang"),
        ("[feedback]\naddress = \"java\\tscript:alert(1)\"\n", "[unsafe-link]: danhmuc.toml:4:11: Địa chỉ góp ý"),
        ("[feedback]\naddress = \"vbscript:x\"\n", "[unsafe-link]: danhmuc.toml:4:11: Địa chỉ góp ý"),
    ] {
        let project = Project::small();
        project.add_config(&format!("\n{config}"));
        let run = project.run(&["check"]);
        assert_eq!(run.code, 1, "{config}: {}", run.stderr);
        assert!(run.stderr.contains(at), "{config}: {}", run.stderr);
    }

    // The Markdown's links follow the same rule, entities and tabs and all.
    for link in ["[x](java&#9;script:alert(1))", "[x](JAVASCRIPT&#58;alert(1))", "[x](<java\tscript:alert(1)>)"] {
        let project = Project::small();
        project.edit(&project.path("content/csdl/a-01.md"), "Quản lý danh sách", &format!("Quản lý {link} danh sách"));
        let run = project.run(&["check"]);
        assert!(run.stderr.contains("lỗi[unsafe-link]: content/csdl/a-01.md:13:9:"), "{link}: {}", run.stderr);
    }
}

/// Regression: the decision's own text (front matter and body) went
/// into `data/quyet-dinh.docx` unchecked; a page break pasted from Word
/// (U+000C) or a `\x0B` in the signer's name made the document unreadable.
#[test]
fn control_characters_in_the_decision_are_refused() {
    let project = Project::real();
    let decision = project.path("content/quyet-dinh.md");
    project.edit(&decision, "signer: Nguyễn Văn Công", r#"signer: "Nguyễn Văn\x0BCông""#);
    project.edit(&decision, "Căn cứ Luật Giao dịch điện tử", "Căn cứ \u{c}Luật Giao dịch điện tử &#12;");
    let run = project.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found: Vec<serde_json::Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let at: Vec<(u64, u64)> = found
        .iter()
        .filter(|d| d["code"] == "forbidden-character" && d["file"] == "content/quyet-dinh.md")
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(at, [(6, 20), (24, 8), (24, 32)], "{}", run.stdout);
}
