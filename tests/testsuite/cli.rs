//! The command line speaks Vietnamese: every help screen and every mistake
//! on the command line, as the civil servants who run `danhmuc` read them.

use std::process::Command;

const SUBCOMMANDS: [&str; 8] = ["build", "check", "serve", "new", "init", "import", "diff", "schema"];

/// Words clap prints in English, and the common English words a
/// description would use. Option names (`--help`), file names and format
/// names are taken out before looking.
const ENGLISH: [&str; 30] = [
    "usage",
    "options",
    "option",
    "arguments",
    "argument",
    "commands",
    "command",
    "print",
    "default",
    "possible",
    "values",
    "value",
    "version",
    "help",
    "error",
    "tip",
    "information",
    "more",
    "try",
    "the",
    "this",
    "with",
    "for",
    "of",
    "and",
    "or",
    "subcommand",
    "unexpected",
    "required",
    "invalid",
];

fn danhmuc(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_danhmuc")).args(args).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code().unwrap(), text(output.stdout), text(output.stderr))
}

/// The English words left in `text` once names of options, files and
/// formats are taken out.
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "()[]<>,.;:“”\"'".contains(c))
        .filter(|word| !word.starts_with('-') && !word.contains('.') && !word.contains('/'))
        .map(str::to_lowercase)
        .filter(|word| ENGLISH.contains(&word.as_str()))
        .collect()
}

/// `danhmuc --help` and every subcommand's help once printed clap's
/// "Usage", "Options", "Print help", "[default: .]" and "[possible values]",
/// and `--root` had no description in six commands.
#[test]
fn every_help_screen_is_in_vietnamese() {
    let mut screens = vec![(vec!["--help"], "danhmuc --help".to_string())];
    for sub in SUBCOMMANDS {
        screens.push((vec![sub, "--help"], format!("danhmuc {sub} --help")));
        screens.push((vec!["help", sub], format!("danhmuc help {sub}")));
    }
    for (args, name) in screens {
        let (code, out, err) = danhmuc(&args);
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.contains("Cách dùng: danhmuc"), "{name}:\n{out}");
        assert_eq!(english_words(&out), Vec::<String>::new(), "{name}:\n{out}");
        // Every argument is described, in Vietnamese: each line that names
        // an option or argument goes on with words that carry diacritics.
        for line in out.lines().filter(|l| l.trim_start().starts_with(['-', '<', '['])) {
            assert!(!line.is_ascii(), "{name}: undescribed or English: {line:?}");
        }
    }
    let (_, build, _) = danhmuc(&["build", "--help"]);
    assert!(build.contains("--root <THƯ_MỤC>") && build.contains("Thư mục Danh mục"), "{build}");
    let (_, diff, _) = danhmuc(&["diff", "--help"]);
    assert!(diff.find("[CŨ]").unwrap() < diff.find("[MỚI]").unwrap(), "the arguments in their order:\n{diff}");
    let (_, check, _) = danhmuc(&["check", "--help"]);
    assert!(check.contains("human") && check.contains("json") && check.contains("mặc định"), "{check}");
}

/// clap's own errors ("error: unexpected argument '--bogus' found") reached
/// the editor in English.
#[test]
fn command_line_mistakes_are_explained_in_vietnamese() {
    let cases: [(&[&str], &str); 7] = [
        (&["build", "--bogus"], "không có tùy chọn “--bogus”"),
        (&["chek"], "Có phải ý bạn là"),
        (&["check", "--format", "xml"], "Các giá trị được phép: human, json"),
        (&["serve", "--port", "abc"], "“abc” không phải giá trị hợp lệ của --port"),
        (&["serve", "--port", "99999"], "một số từ 0 đến 65535"),
        (&["new"], "--agency <MÃ>"),
        (&["diff", "a", "b", "c"], "thừa tham số “c”"),
    ];
    for (args, expected) in cases {
        let (code, out, err) = danhmuc(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.starts_with("Lỗi: ") && err.contains(expected), "{args:?}:\n{err}");
        assert!(err.contains("Xem thêm: danhmuc"), "{args:?}:\n{err}");
        assert_eq!(english_words(&err), Vec::<String>::new(), "{args:?}:\n{err}");
    }
}
