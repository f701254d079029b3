//! Publishing: the output folder always holds one whole site. A build
//! killed at any moment leaves the previous site in place, and the next
//! build removes what the killed one left; messages say what really
//! happened.

use crate::common::{Project, files_under};
use std::time::Instant;

/// The small catalog grown to `count` entries in group B, so that a build
/// takes long enough to be killed in the middle of writing.
fn large_project(count: usize) -> Project {
    let project = Project::small();
    let template = std::fs::read_to_string(project.path("content/csdl/b-01.md")).unwrap();
    for number in 2..=count {
        let text = template.replacen("number: 1", &format!("number: {number}"), 1).replacen(
            "title: ",
            &format!("title: Bản sao {number} của "),
            1,
        );
        std::fs::write(project.path(&format!("content/csdl/b-{number:05}.md")), text).unwrap();
    }
    project
}

fn leftovers(project: &Project) -> Vec<String> {
    std::fs::read_dir(project.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("site."))
        .collect()
}

/// The site folder is whole: its last-written files are there and readable.
fn assert_whole_site(project: &Project, when: &str) {
    assert!(project.site().is_dir(), "{when}: no site/ at all");
    let catalog: serde_json::Value = serde_json::from_str(&project.read_site("data/catalog.json")).unwrap();
    assert!(catalog["entries"].as_array().is_some_and(|e| !e.is_empty()), "{when}");
    assert!(project.site().join("sitemap.xml").is_file() || project.site().join("robots.txt").is_file(), "{when}");
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_point_leaves_the_site_whole_and_the_next_build_cleans_up() {
    let project = large_project(1500);
    let started = Instant::now();
    project.build();
    let took = started.elapsed();
    // Kill points spread over a whole build, whatever this machine's speed.
    for percent in [3, 15, 35, 55, 75, 90, 98] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_danhmuc"))
            .args(["build", "--root"])
            .arg(project.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(took.mul_f64(f64::from(percent) / 100.0));
        let _ = child.kill();
        child.wait().unwrap();
        assert_whole_site(&project, &format!("killed at {percent} %"));
    }
    let run = project.build();
    assert!(leftovers(&project).is_empty(), "left behind: {:?}", leftovers(&project));
    assert_whole_site(&project, "after the next build");
    let names: Vec<_> = std::fs::read_dir(project.root()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.iter().filter(|n| n.to_string_lossy().starts_with("site")).count(), 1);
    // Whatever the kills left was removed and said so (a kill may also
    // have come before anything was made, so the count is not fixed).
    if run.stdout.contains("Đã dọn") {
        assert!(run.stdout.contains("thư mục tạm do lần dựng bị ngắt"), "{}", run.stdout);
    }
}

/// A kill between writing and publishing leaves a staging folder; the next
/// build removes it and says so in its summary line.
#[test]
fn a_dead_builds_folder_is_removed_and_reported() {
    let project = Project::small();
    project.build();
    // An id no running process has: larger than any the system hands out.
    let dead = project.root().join("site.tmp-2000000000");
    std::fs::create_dir_all(dead.join("csdl")).unwrap();
    std::fs::write(dead.join("index.html"), "half").unwrap();
    let run = project.build();
    assert!(run.stdout.contains("Đã dọn 1 thư mục tạm do lần dựng bị ngắt trước đó để lại."), "{}", run.stdout);
    assert!(leftovers(&project).is_empty());
}

/// Regression: "vẫn giữ nguyên như trước" was said on a first build that
/// failed, when there was no site to keep.
#[test]
fn a_failed_first_build_does_not_claim_to_keep_a_site() {
    let project = Project::small();
    project.edit(&project.path("content/csdl/a-02.md"), "sector: ban-do", "sector: khong-co");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("chưa ghi gì vào"), "{}", run.stderr);
    assert!(!run.stderr.contains("giữ nguyên"), "{}", run.stderr);
    project.edit(&project.path("content/csdl/a-02.md"), "sector: khong-co", "sector: ban-do");
    project.build();
    project.edit(&project.path("content/csdl/a-02.md"), "sector: ban-do", "sector: khong-co");
    let run = project.run(&["build"]);
    assert!(run.stderr.contains("vẫn giữ nguyên như trước"), "{}", run.stderr);
}

/// An output that is a link (say `site -> /var/www/html`) is refused with
/// what to do instead; the folder it points to is left untouched.
#[cfg(unix)]
#[test]
fn an_output_link_is_refused_with_the_way_to_publish_there() {
    let project = Project::small();
    let web_root = tempfile::tempdir().unwrap();
    // A site published there before.
    std::fs::write(web_root.path().join("index.html"), "trang cũ").unwrap();
    std::fs::create_dir(web_root.path().join("data")).unwrap();
    std::fs::write(web_root.path().join("data/catalog.json"), "{}").unwrap();
    std::os::unix::fs::symlink(web_root.path(), project.site()).unwrap();
    let run = project.run_here(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("liên kết tượng trưng"), "{}", run.stderr);
    assert!(run.stderr.contains(&format!("--output {}", web_root.path().display())), "{}", run.stderr);
    assert!(run.stderr.contains("vẫn giữ nguyên như trước"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(web_root.path().join("index.html")).unwrap(), "trang cũ");
    // Building straight into the real folder works, atomically.
    let run = project.run_here(&["build", "--output", &web_root.path().to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(files_under(web_root.path()).contains(&"data/catalog.json".to_string()));
}

/// The system's errors reach editors in Vietnamese, with what to do.
#[cfg(unix)]
#[test]
fn an_output_that_cannot_be_written_is_explained_in_vietnamese() {
    let project = Project::small();
    std::fs::write(project.site(), "not a folder").unwrap();
    let run = project.run_here(&["build"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("là một tệp, không phải thư mục"), "{}", run.stderr);
    let output = project.root().join("out/inner");
    std::fs::write(project.root().join("out"), "file in the way").unwrap();
    let run = project.run_here(&["build", "--output", &output.to_string_lossy()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("không tạo được thư mục"), "{}", run.stderr);
    assert!(run.stderr.contains("chưa ghi gì vào"), "{}", run.stderr);
}
