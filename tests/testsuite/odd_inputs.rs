//! Inputs no editor means to write but a checkout can hold: a named pipe
//! (FIFO) among the files, a file name with a backslash. Each is an error
//! that `check`, `build` and `serve` report alike, in bounded time, never
//! a hang or a panic. And an output nobody reads to the end: a pipe whose
//! reader has gone (`| head -1`) ends a command quietly.

#![cfg(unix)]

use crate::common::{Project, run_guarded, serve_first_build_errors};

fn mkfifo(path: &std::path::Path) {
    if path.exists() {
        std::fs::remove_file(path).unwrap();
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success());
}

/// Regression: a named pipe among the inputs held `check`, `build` and
/// `serve` forever, waiting for a writer that never comes.
#[test]
fn a_named_pipe_among_the_inputs_is_refused_unopened() {
    for pipe in
        ["static/pipe.txt", "templates/pipe.html", "content/csdl/a-09.md", "content/sectors.yaml", "danhmuc.toml"]
    {
        let project = Project::small();
        mkfifo(&project.path(pipe));
        let said = format!("lỗi[not-a-file]: {pipe}:");
        for command in ["check", "build"] {
            let run = run_guarded(&project, &[command]);
            assert_eq!(run.code, 1, "{command} with {pipe}:\n{}", run.stderr);
            assert!(run.stderr.contains(&said), "{command} names {pipe}:\n{}", run.stderr);
        }
        assert!(!project.site().exists(), "{pipe}: nothing is published");
        let served = serve_first_build_errors(&project);
        assert!(served.contains(&said), "serve names {pipe}:\n{served}");
    }
}

/// Regression: a backslash in a file name of `static/` passed `check`
/// and made `build` panic; a name no site path can take is now an error
/// from both.
#[test]
fn a_backslash_in_a_static_file_name_is_an_error_from_check_and_build() {
    let project = Project::small();
    std::fs::create_dir_all(project.path("static/tai-lieu")).unwrap();
    std::fs::write(project.path("static/tai-lieu/a\\b.txt"), "x").unwrap();
    for command in ["check", "build"] {
        let run = run_guarded(&project, &[command]);
        assert_eq!(run.code, 1, "{command}:\n{}", run.stderr);
        assert!(run.stderr.contains("lỗi[bad-file-name]: static/tai-lieu/a\\b.txt:"), "{command}:\n{}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
    assert!(!project.site().exists());
}

/// Runs `danhmuc ARGS` with its standard output and error each a pipe
/// whose reader has already gone, as `| head -1` leaves them once it has
/// its line; returns the exit code (a panic's is 101).
fn run_with_readers_gone(project: &Project, args: &[&str]) -> i32 {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_danhmuc"))
        .args(args)
        .arg("--root")
        .arg(project.root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("danhmuc runs");
    drop(child.stdout.take());
    drop(child.stderr.take());
    child.wait().unwrap().code().unwrap_or(-1)
}

/// Regression: `danhmuc check --format json | head -1` with enough
/// findings panicked (exit 101, a backtrace on the terminal) once `head`
/// had its line. The rest of the output is dropped quietly and the exit
/// code is the content's own.
#[test]
fn a_reader_that_stops_reading_ends_the_command_quietly() {
    let project = Project::small();
    assert_eq!(run_with_readers_gone(&project, &["build"]), 0, "a valid build says its summary to nobody");
    for number in 10..60 {
        std::fs::write(project.path(&format!("content/csdl/b-{number}.md")), "---\ntitle: Thiếu hết\n---\n").unwrap();
    }
    for args in [&["check", "--format", "json"][..], &["check"], &["build"], &["schema"]] {
        let expected = if args[0] == "schema" { 0 } else { 1 };
        assert_eq!(run_with_readers_gone(&project, args), expected, "danhmuc {args:?}");
    }
}

/// Regression: 60,000 nested `<div>` in an entry took 10 s to build (the
/// sanitizer's HTML parser looks through every open element at each tag),
/// and 5,000 nested quotes with one link as long; `check` passed both.
/// Content nested past 100 levels is now an error from `check` and
/// `build`, pointing at the tag that goes too deep.
#[test]
fn content_nested_too_deep_is_an_error_from_check_and_build() {
    let divs = format!("{}x{}", "<div>".repeat(60_000), "</div>".repeat(60_000));
    let quotes = format!("{} xem [trang](https://example.org)", ">".repeat(5_000));
    for (nested, column) in [(divs, 1 + 100 * "<div>".len()), (quotes, 1)] {
        let project = Project::small();
        let entry = project.path("content/csdl/a-01.md");
        let text = std::fs::read_to_string(&entry).unwrap();
        let line = text.lines().count() + 4;
        std::fs::write(&entry, format!("{text}\n## Ghi chú\n\n{nested}\n")).unwrap();
        for command in ["check", "build"] {
            let run = run_guarded(&project, &[command]);
            assert_eq!(run.code, 1, "{command}:\n{}", run.stderr);
            let said = format!("lỗi[nesting-too-deep]: content/csdl/a-01.md:{line}:");
            assert!(
                run.stderr.contains(&said),
                "{command} says {said}:\n{}",
                &run.stderr[..run.stderr.len().min(2000)]
            );
            if column > 1 {
                assert!(run.stderr.contains(&format!("{said}{column}:")), "the 101st <div>");
            }
        }
        assert!(!project.site().exists());
    }
}
