//! `danhmuc new`: a ready-to-fill entry with the next free number, never
//! overwriting.

use crate::common::Project;

#[test]
fn new_writes_the_next_number_with_every_field_and_section() {
    let project = Project::real();
    let run = project.run(&[
        "new",
        "--group",
        "A",
        "--sector",
        "noi-vu",
        "--agency",
        "so-noi-vu",
        "CSDL thi đua, khen thưởng",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("content/csdl/a-32-csdl-thi-dua-khen-thuong.md (A.32)"), "{}", run.stdout);
    let text = std::fs::read_to_string(project.path("content/csdl/a-32-csdl-thi-dua-khen-thuong.md")).unwrap();
    assert!(
        text.starts_with(
            "---\ntitle: CSDL thi đua, khen thưởng\ngroup: A\nnumber: 32\nsector: noi-vu\nagencies:\n  - so-noi-vu\n"
        ),
        "{text}"
    );
    for heading in ["## Mục đích", "## Phạm vi, nội dung chính", "## Cơ chế thu thập", "## Kết nối, chia sẻ dữ liệu"]
    {
        assert!(text.contains(heading), "{heading}");
    }
    // Ready to fill in: check names the empty sections, and passes once
    // they are filled.
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.matches("lỗi[empty-section]: content/csdl/a-32").count(), 4, "{}", run.stderr);
    let filled = text
        .replace("## Mục đích\n", "## Mục đích\n\nQuản lý thi đua.\n")
        .replace("## Phạm vi, nội dung chính\n", "## Phạm vi, nội dung chính\n\n- Danh hiệu\n")
        .replace("## Cơ chế thu thập\n", "## Cơ chế thu thập\n\nSở Nội vụ cập nhật.\n")
        .replace("## Kết nối, chia sẻ dữ liệu\n", "## Kết nối, chia sẻ dữ liệu\n\nKết nối với hệ thống của tỉnh.\n");
    std::fs::write(project.path("content/csdl/a-32-csdl-thi-dua-khen-thuong.md"), filled).unwrap();
    assert_eq!(project.run(&["check", "--strict"]).code, 0);
    project.build();
    assert!(project.read_site("csdl/csdl-thi-dua-khen-thuong/index.html").contains("Quản lý thi đua."));
}

#[test]
fn new_refuses_an_existing_title_and_unknown_slugs() {
    let project = Project::real();
    let before = std::fs::read_dir(project.path("content/csdl")).unwrap().count();
    let run = project.run(&[
        "new",
        "--group",
        "B",
        "--sector",
        "nong-nghiep-va-moi-truong",
        "--agency",
        "so-nong-nghiep-va-moi-truong",
        "CSDL Đất đai",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Đã có CSDL cùng tên: content/csdl/b-08-csdl-dat-dai.md"), "{}", run.stderr);

    let run = project.run(&["new", "--group", "B", "--sector", "y-tee", "--agency", "so-y-t", "CSDL dược"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Có phải ý bạn là “y-te”?"), "{}", run.stderr);
    assert!(run.stderr.contains("Có phải ý bạn là “so-y-te”?"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(project.path("content/csdl")).unwrap().count(), before, "nothing written");
}
