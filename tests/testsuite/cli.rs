//! The command line speaks Vietnamese: every help screen and every mistake
//! on the command line, as the civil servants who run `danhmuc` read them.
//!
//! The screens are not listed by hand: every subcommand, every option a
//! help screen shows and every way of getting one wrong (an unknown option,
//! a missing value, a value not allowed, a value given to a switch, one
//! argument too many) is tried, so that an option added tomorrow is held
//! to the same rule.

use std::process::Command;

const SUBCOMMANDS: [&str; 8] = ["build", "check", "serve", "new", "init", "import", "diff", "schema"];

/// Words a screen may print as they are, in English letters: the names of
/// the commands, of formats, of files and folders, of keys.
const NAMES: [&str; 29] = [
    "danhmuc", "build", "check", "serve", "new", "init", "import", "diff", "schema", "human", "text", "markdown",
    "json", "docx", "csv", "xlsx", "toml", "yaml", "content", "site", "sitemap", "data", "catalog", "sectors",
    "agencies", "git", "revision", "decision", "base_url",
];

/// Abbreviations and product names written in capitals.
const ABBREVIATIONS: [&str; 5] = ["CSDL", "JSON", "Schema", "Word", "UTF"];

/// English words that happen to be spelt like a Vietnamese syllable
/// without marks; not "to", "can" or "run", which Vietnamese writes too.
const ENGLISH: [&str; 11] = ["the", "tip", "try", "not", "set", "at", "it", "on", "up", "but", "get"];

/// Whether `word` (ASCII letters) can be a Vietnamese syllable written
/// without marks: an initial consonant, a vowel and a final consonant as
/// Vietnamese spelling allows them. "dung", "cho", "trong", "khai" pass;
/// "print", "help", "default", "options", "usage" do not.
fn vietnamese_syllable(word: &str) -> bool {
    const INITIALS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "g", "h", "k", "l", "m", "n",
        "p", "r", "s", "t", "v", "x", "",
    ];
    const VOWELS: [&str; 25] = [
        "uya", "uyu", "oai", "oay", "oeo", "uay", "ai", "ao", "au", "ay", "eo", "ia", "iu", "oa", "oe", "oi", "oo",
        "ua", "ui", "uy", "a", "e", "i", "o", "u",
    ];
    const FINALS: [&str; 9] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];
    let word = word.to_lowercase();
    let vowels = VOWELS.iter().chain(&["y"]);
    INITIALS
        .iter()
        .filter_map(|i| word.strip_prefix(i))
        .any(|rest| vowels.clone().filter_map(|v| rest.strip_prefix(v)).any(|rest| FINALS.contains(&rest)))
}

/// The words of `text` written in English: words in plain ASCII letters
/// that are neither a Vietnamese syllable nor a name the program prints as
/// it is. Options (`--root`), file names (`danhmuc.toml`, `content/`),
/// numbers and what the person typed (`typed`) are left out.
fn english_words(text: &str, typed: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || "()[]<>,;:“”\"'`".contains(c)) {
        let token = token.trim_end_matches(['.', '…']);
        if token.chars().count() < 2
            || token.starts_with('-')
            || token.contains(['.', '/', '='])
            || token.contains(|c: char| c.is_ascii_digit())
            || NAMES.contains(&token.to_lowercase().as_str())
            || ABBREVIATIONS.contains(&token)
            || typed.iter().any(|t| t.contains(token))
        {
            continue;
        }
        for word in token.split(['_', '-']).filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic())) {
            let lower = word.to_lowercase();
            if !vietnamese_syllable(word) || ENGLISH.contains(&lower.as_str()) {
                found.push(word.to_string());
            }
        }
    }
    found
}

fn danhmuc(args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_danhmuc")).args(args).current_dir(dir.path()).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code().unwrap(), text(output.stdout), text(output.stderr))
}

/// Every help screen: `danhmuc --help`, and for each subcommand its
/// `--help`, `-h` and `danhmuc help SUB`, with what each prints.
pub fn help_screens() -> Vec<(String, String)> {
    let mut asked: Vec<Vec<&str>> = vec![vec!["--help"], vec!["-h"], vec!["help"]];
    for sub in SUBCOMMANDS {
        asked.extend([vec![sub, "--help"], vec![sub, "-h"], vec!["help", sub]]);
    }
    asked
        .into_iter()
        .map(|args| {
            let name = format!("danhmuc {}", args.join(" "));
            let (code, out, err) = danhmuc(&args);
            assert_eq!(code, 0, "{name}: {err}");
            assert!(err.is_empty(), "{name}: {err}");
            (name, out)
        })
        .collect()
}

/// The options a help screen shows: (name, takes a value).
fn options_of(help: &str) -> Vec<(String, bool)> {
    help.lines()
        .map(str::trim_start)
        .filter_map(|line| {
            let option = line.split([',', ' ']).find(|w| w.starts_with("--"))?;
            let takes_value = line.split_whitespace().nth(1).is_some_and(|w| w.starts_with('<'))
                || line.contains(&format!("{option} <"));
            Some((option.to_string(), takes_value))
        })
        .filter(|(option, _)| option != "--help" && option != "--version")
        .collect()
}

/// Every mistake the command line can be given, made on purpose: for
/// each subcommand an unknown option, one argument too many, each option
/// without its value, each switch given a value, and the values its
/// options refuse. Returns the command typed and what `danhmuc` printed.
pub fn mistakes() -> Vec<(Vec<String>, String)> {
    let mut typed: Vec<Vec<String>> = [&["khong-co-lenh"][..], &["--khong-co"], &["chek"], &["buil", "--root", "."]]
        .iter()
        .map(|args| args.iter().map(|a| a.to_string()).collect())
        .collect();
    for sub in SUBCOMMANDS {
        let (_, help, _) = danhmuc(&[sub, "--help"]);
        let mut add =
            |args: &[&str]| typed.push(std::iter::once(sub).chain(args.iter().copied()).map(String::from).collect());
        add(&["--khong-co"]);
        add(&["-x"]);
        add(&["mot", "hai", "ba"]);
        for (option, takes_value) in options_of(&help) {
            if takes_value {
                add(&[option.as_str()]);
            } else {
                add(&[&format!("{option}=co")]);
            }
        }
    }
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--format", "HTML"],
        &["diff", "--format", "pdf"],
        &["serve", "--port", "abc"],
        &["serve", "--port", "99999"],
        &["new"],
        &["new", "--group", "A", "--sector", "x", "CSDL Thử"],
        &["import"],
    ] {
        typed.push(args.iter().map(|a| a.to_string()).collect());
    }
    typed
        .into_iter()
        .map(|args| {
            let strs: Vec<&str> = args.iter().map(String::as_str).collect();
            let (code, out, err) = danhmuc(&strs);
            assert_eq!(code, 2, "danhmuc {}: exit {code}\n{err}", args.join(" "));
            assert!(out.is_empty(), "danhmuc {}: {out}", args.join(" "));
            (args, err)
        })
        .collect()
}

/// `danhmuc --help` and every subcommand's help once printed clap's
/// "Usage", "Options", "Print help", "[default: .]" and "[possible values]",
/// and `--root` had no description in six commands.
#[test]
fn every_help_screen_is_in_vietnamese() {
    let screens = help_screens();
    assert_eq!(screens.len(), 3 + 3 * SUBCOMMANDS.len());
    for (name, out) in &screens {
        assert!(out.contains("Cách dùng: danhmuc"), "{name}:\n{out}");
        assert_eq!(english_words(out, &[]), Vec::<String>::new(), "{name}:\n{out}");
        // Every argument is described, in Vietnamese: each line that names
        // an option or argument goes on with words that carry diacritics.
        for line in out.lines().filter(|l| l.trim_start().starts_with(['-', '<', '['])) {
            assert!(!line.is_ascii(), "{name}: undescribed or English: {line:?}");
        }
    }
    let (_, build, _) = danhmuc(&["build", "--help"]);
    assert!(build.contains("--root <THƯ_MỤC>") && build.contains("Thư mục Danh mục"), "{build}");
    assert_eq!(options_of(&build).len(), 4, "the options are read from the screen: {build}");
    let (_, diff, _) = danhmuc(&["diff", "--help"]);
    assert!(diff.find("[CŨ]").unwrap() < diff.find("[MỚI]").unwrap(), "the arguments in their order:\n{diff}");
    let (_, check, _) = danhmuc(&["check", "--help"]);
    assert!(check.contains("human") && check.contains("json") && check.contains("mặc định"), "{check}");
}

/// clap's own errors ("error: unexpected argument '--bogus' found", "a
/// value is required for '--root <ROOT>' but none was supplied") reached
/// the editor in English; each mistake now says in Vietnamese what is
/// wrong and where to read more.
#[test]
fn every_command_line_mistake_is_explained_in_vietnamese() {
    let mistakes = mistakes();
    assert!(mistakes.len() > 40, "{}", mistakes.len());
    for (args, err) in &mistakes {
        let typed: Vec<&str> = args.iter().map(String::as_str).collect();
        let shown = format!("danhmuc {}", args.join(" "));
        assert!(err.starts_with("Lỗi: "), "{shown}:\n{err}");
        assert!(err.contains("Xem thêm: danhmuc"), "{shown}:\n{err}");
        assert_eq!(english_words(err, &typed), Vec::<String>::new(), "{shown}:\n{err}");
    }
    let said = |args: &[&str]| {
        mistakes.iter().find(|(typed, _)| typed.iter().map(String::as_str).eq(args.iter().copied())).unwrap().1.clone()
    };
    for (args, expected) in [
        (&["build", "--khong-co"][..], "không có tùy chọn “--khong-co”"),
        (&["chek"], "Có phải ý bạn là “check”?"),
        (&["check", "--format", "xml"], "Các giá trị được phép: human, json"),
        (&["diff", "--format", "pdf"], "Các giá trị được phép: text, markdown, json, docx"),
        (&["serve", "--port", "abc"], "“abc” không phải giá trị hợp lệ của --port"),
        (&["serve", "--port", "99999"], "một số từ 0 đến 65535"),
        (&["new"], "--agency <MÃ>"),
        (&["diff", "mot", "hai", "ba"], "thừa tham số “ba”"),
        (&["build", "--root"], "--root <THƯ_MỤC> cần một giá trị"),
        (&["check", "--strict=co"], "--strict không nhận giá trị: chỉ viết --strict."),
    ] {
        let err = said(args);
        assert!(err.contains(expected), "{args:?}: {expected}\n{err}");
    }
}

/// Guards the guard: the test above would let English through if the
/// syllable rule were loose.
#[test]
fn english_words_are_told_from_vietnamese_ones_written_without_marks() {
    for english in ["Usage", "Options", "Print", "help", "default", "possible", "value", "required", "found", "the"] {
        assert_eq!(english_words(english, &[]), [english], "{english}");
    }
    for vietnamese in ["cho", "trong", "khai", "dung", "Xem", "tin", "nghiêng", "THƯ_MỤC", "--root", "danhmuc.toml"]
    {
        assert!(english_words(vietnamese, &[]).is_empty(), "{vietnamese}");
    }
}
