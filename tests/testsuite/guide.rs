//! The editors' guide, `docs/huong-dan-bien-tap.md`, walked as an editor
//! walks it, so that it cannot drift from the program and from git.
//!
//! Every fenced block marked `sh` is a command the reader types: they run
//! in the guide's order with `sh`, each block stopping at its first failing
//! line, in one folder that `cd` moves as it moves the reader's terminal.
//! Blocks marked otherwise (`text`, `powershell`, `toml`, …) are shown, not
//! run: installing, `danhmuc serve` (which runs until stopped), output.
//! What a person does outside the terminal (filling in a file in an editor,
//! the reviewer merging in the browser) is marked in the guide by a comment
//! `<!-- guide-test: NAME -->` where it happens, and this test does the
//! same thing there, by the means named in `act`.
//!
//! The walk runs on a throwaway repository: a project as `danhmuc init`
//! makes it, pushed to a bare repository on disk that stands for GitHub or
//! GitLab (the guide's clone address is replaced by its `file://` URL). The
//! commands run with an empty HOME and no git configuration of the machine
//! or the user, and git refuses to guess who commits: the guide's own
//! `git config` must set it.

use crate::common::repo_root;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};
use std::process::Command;

const GUIDE: &str = "docs/huong-dan-bien-tap.md";

/// What a person does outside the terminal, in the order the guide does it.
const ACTIONS: [&str; 5] = ["fill-new-entry", "merge", "sign", "clear-decision", "next-draft"];

/// A fenced block of the guide: its class (`sh`, `text`, `toml`, …) and text.
#[derive(Debug, Clone)]
struct Block {
    class: String,
    text: String,
}

/// The guide as the test walks it.
enum Step {
    /// An `sh` block: commands the reader types.
    Run(String),
    /// A person's action, with the blocks shown since the last commands
    /// (what to write into a file, for instance).
    Act(String, Vec<Block>),
}

fn steps(guide: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut shown: Vec<Block> = Vec::new();
    let mut open: Option<Block> = None;
    for event in Parser::new(guide) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let class = info.split_whitespace().next().unwrap_or("").to_string();
                open = Some(Block { class, text: String::new() });
            }
            Event::Text(text) if open.is_some() => open.as_mut().unwrap().text.push_str(&text),
            Event::End(TagEnd::CodeBlock) => {
                let block = open.take().expect("a code block was open");
                assert!(
                    !matches!(block.class.as_str(), "" | "bash" | "shell" | "console" | "zsh"),
                    "a block marked “{}” in {GUIDE} is neither run nor clearly shown: mark commands the \
                     reader types `sh`, and output or commands not to run here `text` or `powershell`:\n{}",
                    block.class,
                    block.text
                );
                if block.class == "sh" {
                    steps.push(Step::Run(block.text));
                    shown.clear();
                } else {
                    shown.push(block);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(name) = html.trim().strip_prefix("<!-- guide-test:").and_then(|r| r.strip_suffix("-->")) {
                    steps.push(Step::Act(name.trim().to_string(), std::mem::take(&mut shown)));
                }
            }
            _ => {}
        }
    }
    steps
}

/// The throwaway world of the walk: the server's bare repository, the
/// reader's home, the folder the reader's terminal is in.
struct Walk {
    dir: tempfile::TempDir,
    cwd: PathBuf,
    /// The entry file the reader created and filled in.
    new_entry: Option<String>,
    /// `[[versions]]` as the guide declares the signed decision.
    signed: Option<toml::Table>,
    /// The decision's `replaces:` as the guide writes it for the next draft.
    replaces: Option<String>,
    /// A merge happened on the server: the reader's next commands must
    /// bring the reader back to main, up to date.
    merged: bool,
}

impl Walk {
    fn new() -> Walk {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["home", "may-tinh", "may-chu"] {
            std::fs::create_dir(dir.path().join(folder)).unwrap();
        }
        let walk = Walk {
            cwd: dir.path().join("may-tinh"),
            dir,
            new_entry: None,
            signed: None,
            replaces: None,
            merged: false,
        };
        // The catalog on the server: a starter project, as `danhmuc init`
        // writes it, in a bare repository whose default branch is main.
        let start = walk.dir.path().join("bat-dau");
        let init = Command::new(env!("CARGO_BIN_EXE_danhmuc")).args(["init"]).arg(&start).output().unwrap();
        assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
        walk.git(&start, &["init", "-q", "-b", "main"]);
        walk.git(&start, &["add", "-A"]);
        walk.git(&start, &["commit", "-q", "-m", "Danh mục ban đầu"]);
        walk.git(walk.dir.path(), &["clone", "-q", "--bare", "bat-dau", "kho.git"]);
        walk
    }

    fn remote(&self) -> PathBuf {
        self.dir.path().join("kho.git")
    }

    fn remote_url(&self) -> String {
        format!("file://{}", self.remote().display())
    }

    /// The reader's environment: the built `danhmuc` first on the PATH, an
    /// empty HOME, no system or user git configuration, and git set to
    /// commit only under a name and address it was told.
    fn env(&self, command: &mut Command) {
        let bin = Path::new(env!("CARGO_BIN_EXE_danhmuc")).parent().unwrap();
        let path = std::env::join_paths(
            std::iter::once(bin.to_path_buf())
                .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
        )
        .unwrap();
        let home = self.dir.path().join("home");
        command
            .env_clear()
            .env("PATH", path)
            .env("HOME", &home)
            .env("LANG", "C.UTF-8")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", home.join(".gitconfig"))
            .env("GIT_CONFIG_COUNT", "1")
            .env("GIT_CONFIG_KEY_0", "user.useConfigOnly")
            .env("GIT_CONFIG_VALUE_0", "true")
            .env("GIT_TERMINAL_PROMPT", "0");
    }

    /// git as the server or the reviewer runs it, under their own name.
    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let mut command = Command::new("git");
        self.env(&mut command);
        let output = command
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=Người duyệt", "-c", "user.email=nguoi-duyet@example.gov.vn"])
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap().trim().to_string()
    }

    /// Runs one `sh` block of the guide where the reader's terminal is,
    /// and follows its `cd`.
    fn run(&mut self, block: &str) {
        let url = self.remote_url();
        let script: Vec<String> = block
            .lines()
            .map(|line| match line.strip_prefix("git clone ") {
                // The reader replaces the example address by the real one.
                Some(rest) => {
                    let mut words: Vec<&str> = rest.split_whitespace().collect();
                    let address = words.iter().position(|w| !w.starts_with('-')).expect("git clone names an address");
                    words[address] = &url;
                    format!("git clone {}", words.join(" "))
                }
                None => line.to_string(),
            })
            .collect();
        let state = self.dir.path().join("cwd");
        let mut command = Command::new("sh");
        self.env(&mut command);
        let output = command
            .arg("-c")
            .arg(format!("set -e\n{}\npwd > '{}'\n", script.join("\n"), state.display()))
            .current_dir(&self.cwd)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "a command of {GUIDE} failed, in {}:\n{block}\n--- stdout\n{}\n--- stderr\n{}",
            self.cwd.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        self.cwd = PathBuf::from(std::fs::read_to_string(&state).unwrap().trim());
        if std::mem::take(&mut self.merged) {
            assert_eq!(self.git(&self.cwd, &["branch", "--show-current"]), "main", "after the merge: {block}");
            let server = self.git(&self.remote(), &["rev-parse", "main"]);
            assert_eq!(self.git(&self.cwd, &["rev-parse", "HEAD"]), server, "main up to date after the merge: {block}");
        }
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.cwd.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.cwd.join(file), text).unwrap();
    }

    fn act(&mut self, name: &str, shown: &[Block]) {
        match name {
            // The reader opens the file `danhmuc new` made and writes
            // something under each heading.
            "fill-new-entry" => {
                let status = self.git(&self.cwd, &["status", "--porcelain", "--untracked-files=all"]);
                let created: Vec<&str> = status
                    .lines()
                    .filter_map(|l| l.strip_prefix("?? "))
                    .filter(|p| p.starts_with("content/csdl/"))
                    .collect();
                assert_eq!(created.len(), 1, "the guide's `danhmuc new` made one entry file: {status}");
                let file = created[0].to_string();
                let mut filled = String::new();
                for line in self.read(&file).lines() {
                    filled.push_str(line);
                    filled.push('\n');
                    if line.starts_with("## ") {
                        filled.push_str("\nNội dung do người biên tập điền.\n");
                    }
                }
                self.write(&file, &filled);
                self.new_entry = Some(file);
            }
            // The reviewer merges the pull request in the browser: the
            // server merges the reader's branch into main.
            "merge" => {
                let branch = self.git(&self.cwd, &["branch", "--show-current"]);
                assert_ne!(branch, "main", "the change is on a branch of its own");
                let server = self.dir.path().join("may-chu/kho");
                if !server.exists() {
                    self.git(self.dir.path(), &["clone", "-q", &self.remote_url(), "may-chu/kho"]);
                }
                self.git(&server, &["fetch", "-q", "origin"]);
                self.git(&server, &["switch", "-q", "main"]);
                self.git(&server, &["merge", "-q", "--ff-only", "origin/main"]);
                let message = format!("Merge branch '{branch}'");
                self.git(&server, &["merge", "-q", "--no-ff", "-m", &message, &format!("origin/{branch}")]);
                self.git(&server, &["push", "-q", "origin", "main"]);
                self.merged = true;
            }
            // The person in charge writes the guide's [decision] and
            // [[versions]] into danhmuc.toml, uncommenting where needed.
            "sign" => {
                let decision = example(shown, "toml", "[decision]");
                let versions = example(shown, "toml", "[[versions]]");
                let mut config = self.read("danhmuc.toml");
                for line in decision.text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
                    let key = line.split('=').next().unwrap().trim();
                    config = set_in_table(&config, "[decision]", key, Some(line));
                }
                config.push('\n');
                config.push_str(&versions.text);
                self.write("danhmuc.toml", &config);
                let table: toml::Table = versions.text.parse().unwrap();
                self.signed = Some(table["versions"].as_array().unwrap()[0].as_table().unwrap().clone());
            }
            // The next draft: the two lines of [decision] deleted.
            "clear-decision" => {
                let mut config = self.read("danhmuc.toml");
                for key in ["number", "date"] {
                    config = set_in_table(&config, "[decision]", key, None);
                }
                self.write("danhmuc.toml", &config);
            }
            // The next draft's decision: the guide's front matter lines
            // replace (or join) the file's, and its sentence replaces the
            // article's saying when the decision takes effect.
            "next-draft" => {
                let fields = example(shown, "yaml", "");
                let sentence = example(shown, "markdown", "Quyết định này có hiệu lực");
                let mut decision = self.read("content/quyet-dinh.md");
                for line in fields.text.lines().filter(|l| !l.trim().is_empty()) {
                    decision = set_front_matter(&decision, line);
                    if let Some(value) = line.strip_prefix("replaces:") {
                        self.replaces = Some(value.trim().to_string());
                    }
                }
                let effect = decision
                    .lines()
                    .find(|l| l.starts_with("Quyết định này có hiệu lực"))
                    .expect("the starter decision has an article saying when it takes effect")
                    .to_string();
                decision = decision.replace(&effect, sentence.text.trim());
                self.write("content/quyet-dinh.md", &decision);
            }
            other => panic!("{GUIDE} marks an action “{other}” this test does not know; known: {ACTIONS:?}"),
        }
    }
}

/// The block of class `class` shown before an action that starts with
/// `start`.
fn example<'a>(shown: &'a [Block], class: &str, start: &str) -> &'a Block {
    shown
        .iter()
        .find(|b| b.class == class && b.text.starts_with(start))
        .unwrap_or_else(|| panic!("{GUIDE} shows a `{class}` block starting with “{start}” here: {shown:?}"))
}

/// `text` with the line of `key` in the TOML table `header` set to `line`
/// (an editor removing the `#` of a commented example, or typing it), or
/// removed when `line` is None.
fn set_in_table(text: &str, header: &str, key: &str, line: Option<&str>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut in_table = false;
    let mut done = false;
    for current in text.lines() {
        let trimmed = current.trim();
        if trimmed.starts_with('[') {
            if in_table
                && !done
                && let Some(line) = line
            {
                // Not in the table yet: typed at its end.
                let at = out.iter().rposition(|l| !l.trim().is_empty()).map_or(out.len(), |i| i + 1);
                out.insert(at, line.to_string());
                done = true;
            }
            in_table = trimmed == header;
        } else if in_table && !done {
            let uncommented = trimmed.trim_start_matches('#').trim_start();
            let is_key = uncommented.split('=').next().is_some_and(|k| k.trim() == key) && uncommented.contains('=');
            // Deleting means deleting a line in force, not a comment.
            if is_key && (line.is_some() || !trimmed.starts_with('#')) {
                if let Some(line) = line {
                    out.push(line.to_string());
                }
                done = true;
                continue;
            }
        }
        out.push(current.to_string());
    }
    assert!(done || line.is_some() && in_table, "{header} {key} in danhmuc.toml:\n{text}");
    if !done && let Some(line) = line {
        out.push(line.to_string());
    }
    out.join("\n") + "\n"
}

/// The decision file with the front matter line of `line`'s key replaced
/// by `line`, or added under `signer_title`'s list, as the guide says.
fn set_front_matter(text: &str, line: &str) -> String {
    let key = line.split(':').next().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let end = lines.iter().skip(1).position(|l| *l == "---").expect("front matter closes") + 1;
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    if let Some(i) = lines[..end].iter().position(|l| l.starts_with(&format!("{key}:"))) {
        out[i] = line.to_string();
    } else {
        let title = lines.iter().position(|l| l.starts_with("signer_title:")).expect("signer_title");
        let after = title + 1 + lines[title + 1..].iter().take_while(|l| l.starts_with(' ')).count();
        out.insert(after, line.to_string());
    }
    out.join("\n") + "\n"
}

fn danhmuc(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_danhmuc")).args(args).current_dir(dir).output().unwrap()
}

/// Guards against a guide that loses its reader: a command that fails (a
/// wrong branch name, `git pull` on the branch just merged, a tag made
/// before switching to main, `git add` leaving `danhmuc.toml` out, so the
/// decision's number never reaches review), a step missing (no name and
/// address, no push before the pull request) or out of order, or a draft
/// that does not replace the decision just signed.
#[test]
fn the_editors_guide_walks_from_a_clone_to_a_signed_decision_and_the_next_draft() {
    let guide = std::fs::read_to_string(repo_root().join(GUIDE)).unwrap();
    let mut walk = Walk::new();
    let mut acted = Vec::new();
    for step in steps(&guide) {
        match step {
            Step::Run(block) => walk.run(&block),
            Step::Act(name, shown) => {
                walk.act(&name, &shown);
                acted.push(name);
            }
        }
    }
    assert_eq!(acted, ACTIONS, "the person's steps, in the guide's order");
    let remote = walk.remote();

    // The change went through review: the entry the reader added is on the
    // server's main, and the reader's main is the server's.
    let entry = walk.new_entry.clone().unwrap();
    walk.git(&remote, &["cat-file", "-e", &format!("main:{entry}")]);
    let remote_main = walk.git(&remote, &["rev-parse", "main"]);
    assert_eq!(walk.git(&walk.cwd, &["rev-parse", "main"]), remote_main, "the reader's main is the server's");
    let author = walk.git(&remote, &["log", "-1", "--format=%an <%ae>", "--no-merges", "main", "--", &entry]);
    assert!(
        guide.contains(&format!("user.name \"{}\"", author.split(" <").next().unwrap())),
        "the change is signed with the name the guide sets: {author}"
    );

    // The decision was signed on main and its tag pushed, on the commit
    // that says so.
    let signed = walk.signed.clone().unwrap();
    let tag = signed["revision"].as_str().unwrap();
    let number = signed["number"].as_str().unwrap();
    let tagged = walk.git(&remote, &["rev-parse", &format!("refs/tags/{tag}^{{commit}}")]);
    walk.git(&remote, &["merge-base", "--is-ancestor", &tagged, "main"]);
    let config: toml::Table = walk.git(&remote, &["show", &format!("{tag}:danhmuc.toml")]).parse().unwrap();
    assert_eq!(config["decision"]["number"].as_str(), Some(number), "the tag holds the signed number");
    assert!(config["versions"].as_array().unwrap().iter().any(|v| v["revision"].as_str() == Some(tag)));

    // The next draft is on the server, for review: no number, the signed
    // decision still declared, its decision replacing the signed one.
    let draft = walk.git(&walk.cwd, &["branch", "--show-current"]);
    assert_ne!(draft, "main");
    let config: toml::Table = walk.git(&remote, &["show", &format!("{draft}:danhmuc.toml")]).parse().unwrap();
    assert!(config["decision"].as_table().unwrap().get("number").is_none(), "the draft has no number");
    assert!(config["versions"].as_array().unwrap().iter().any(|v| v["revision"].as_str() == Some(tag)));
    let replaces = walk.replaces.clone().unwrap();
    assert!(replaces.contains(number), "{replaces}");
    let decision = walk.git(&remote, &["show", &format!("{draft}:content/quyet-dinh.md")]);
    assert!(decision.contains(&format!("replaces: {replaces}")), "{decision}");

    // check finds nothing to warn about (the draft replaces the version in
    // force), and the site shows the draft beside the signed version.
    let check = danhmuc(&walk.cwd, &["check", "--strict"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let build = danhmuc(&walk.cwd, &["build"]);
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    assert!(walk.cwd.join("site/phien-ban/du-thao/index.html").is_file(), "the draft's page");
}

/// Guards against a guide or a README that quotes `danhmuc --help` other
/// than the program prints it, so the reader doubts the install worked.
#[test]
fn the_guide_and_the_readme_quote_the_help_as_printed() {
    let guide = std::fs::read_to_string(repo_root().join(GUIDE)).unwrap();
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let help = danhmuc(&repo_root(), &["--help"]);
    let first = String::from_utf8(help.stdout).unwrap().lines().next().unwrap().to_string();
    assert!(guide.contains(&format!("“{first}”")), "{GUIDE} quotes the first line of `danhmuc --help`: {first}");
    assert!(readme.contains(&format!("\"{first}\"")), "README quotes the first line of `danhmuc --help`: {first}");
}

/// Guards against a guide and a README that install danhmuc in two
/// different ways: the guide's command, its example address aside, is
/// the README's.
#[test]
fn the_guide_installs_as_the_readme_says() {
    let guide = std::fs::read_to_string(repo_root().join(GUIDE)).unwrap();
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let install = guide.lines().find(|l| l.starts_with("cargo install ")).expect("the guide installs danhmuc");
    let words: Vec<&str> = install.split_whitespace().map(|w| if w.contains("://") { "ADDRESS" } else { w }).collect();
    let command = words.join(" ");
    assert!(readme.contains(&format!("`{command}`")), "README's install section gives `{command}`");
}

/// Guards against a table of the decision file's fields that misses one
/// the program reads, or names one it refuses.
#[test]
fn the_guide_lists_every_field_of_the_decision_file() {
    let guide = std::fs::read_to_string(repo_root().join(GUIDE)).unwrap();
    let section =
        guide.split("\n## ").find(|s| s.contains("(`content/quyet-dinh.md`)")).expect("a section on the decision file");
    let listed: Vec<&str> =
        section.lines().filter_map(|l| l.strip_prefix("| `")).filter_map(|l| l.split('`').next()).collect();
    let source = crate::common::files_under(&repo_root().join("src"))
        .into_iter()
        .filter(|p| p.ends_with(".rs"))
        .map(|p| std::fs::read_to_string(repo_root().join("src").join(p)).unwrap())
        .find(|text| text.contains("pub struct RawDecision {"))
        .expect("the decision's front matter struct");
    let body = source.split("pub struct RawDecision {").nth(1).unwrap().split("\n}").next().unwrap();
    let fields: Vec<&str> =
        body.lines().filter_map(|l| l.trim().strip_prefix("pub ")).filter_map(|l| l.split(':').next()).collect();
    assert_eq!(listed, fields, "the fields of content/quyet-dinh.md, in the program's order");
}

/// Guards against a guide that shows an error as `danhmuc check` no
/// longer prints it: the same mistake in a starter project gives, to the
/// character, the diagnostic the guide quotes.
#[test]
fn the_guide_shows_a_diagnostic_as_check_prints_it() {
    let guide = std::fs::read_to_string(repo_root().join(GUIDE)).unwrap();
    let blocks: Vec<String> = Parser::new(&guide)
        .scan(false, |in_text, event| {
            Some(match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                    *in_text = &*info == "text";
                    None
                }
                Event::Text(text) if *in_text => Some(text.to_string()),
                Event::End(TagEnd::CodeBlock) => {
                    *in_text = false;
                    None
                }
                _ => None,
            })
        })
        .flatten()
        .collect();
    let shown = blocks.iter().find(|b| b.starts_with("lỗi[unknown-sector]")).expect("the guide shows an error");
    let parent = tempfile::tempdir().unwrap();
    assert!(danhmuc(parent.path(), &["init", "danh-muc"]).status.success());
    let project = parent.path().join("danh-muc");
    let file = project.join("content/csdl/b-01-csdl-dat-dai.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\nsector: nong-nghiep-va-moi-truong\n"), "{text}");
    std::fs::write(&file, text.replace("\nsector: nong-nghiep-va-moi-truong\n", "\nsector: nong-nghiep\n")).unwrap();
    let check = danhmuc(&project, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let printed = String::from_utf8(check.stderr).unwrap();
    assert!(printed.starts_with(shown.as_str()), "the guide shows:\n{shown}\ncheck prints:\n{printed}");
}
