//! The life of a catalog as the editors at the Sở Khoa học và Công nghệ
//! live it, as a git repository: a small catalog made of real entries,
//! signed as Quyết định số 1234/QĐ-UBND ngày 08/01/2027 and tagged as the
//! editors' guide says (`docs/huong-dan-bien-tap.md`, section 10), then the
//! next draft, committed on `main`:
//!
//! - B.2 (CSDL Đất đai, the real B.8) edited, with its reason (`ly_do`);
//! - CSDL tài nguyên nước added with `danhmuc new`, with its reason, at
//!   the end of its sector (Nông nghiệp và Môi trường);
//! - B.3 (the real B.12) taken out, so the new entry is B.3 and B.4 (the
//!   real B.13) keeps its number;
//! - A.1 (CSDL tổ chức, bộ máy) renamed, its address not pinned;
//! - A.2 (the real A.21) moved from the Ban Quản lý Khu kinh tế, abolished,
//!   to its successor, the Sở Tài chính;
//! - the decision's text replacing 1234/QĐ-UBND instead of 2609/QĐ-UBND.
//!
//! Only the standard library: `examples/scenario.rs` includes this file to
//! build the same repository for the browser test (`tests/js/`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// How far the catalog's life has come.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stage {
    /// 1234/QĐ-UBND signed, declared and tagged; nothing after it.
    Signed,
    /// The next draft committed on `main` after the signing.
    Draft,
    /// That draft signed in turn, as 56/QĐ-UBND ngày 15/3/2027, and tagged.
    Replaced,
}

/// The tag the signed decision's content is kept under.
pub const TAG: &str = "qd-1234-2027";

/// The tag of the decision that replaces it, at [`Stage::Replaced`].
pub const NEXT_TAG: &str = "qd-56-2027";

/// The real catalog, whose entries and decision the scenario starts from.
fn real_catalog() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog")
}

/// The entries taken from the real catalog: its file's prefix, and the
/// group and number they have in this smaller catalog.
const ENTRIES: [(&str, &str, u32); 6] =
    [("a-01", "A", 1), ("a-21", "A", 2), ("b-01", "B", 1), ("b-08", "B", 2), ("b-12", "B", 3), ("b-13", "B", 4)];

const SECTORS: &str = "- slug: noi-vu\n  name: Nội vụ\n- slug: xay-dung\n  name: Xây dựng\n- slug: nong-nghiep-va-moi-truong\n  name: Nông nghiệp và Môi trường\n- slug: giao-duc-va-dao-tao\n  name: Giáo dục và Đào tạo\n- slug: khac\n  name: Khác\n";

const AGENCIES: &str = "- slug: so-noi-vu\n  name: Sở Nội vụ\n  former:\n    - name: Sở Lao động - Thương binh và Xã hội\n      until: 2025\n- slug: ban-quan-ly-khu-kinh-te\n  name: Ban Quản lý Khu kinh tế Quảng Ninh\n  short_name: BQL Khu kinh tế\n- slug: so-nong-nghiep-va-moi-truong\n  name: Sở Nông nghiệp và Môi trường\n  former:\n    - name: Sở Tài nguyên và Môi trường\n      until: 2025\n- slug: so-giao-duc-va-dao-tao\n  name: Sở Giáo dục và Đào tạo\n  short_name: Sở GD&ĐT\n- slug: van-phong-ubnd-tinh\n  name: Văn phòng UBND tỉnh\n";

/// Writes the catalog's repository into the empty folder `root`, up to
/// `stage`, running `danhmuc` (the binary at `danhmuc`) where an editor
/// would, and checking what it says on the way.
pub fn write(root: &Path, danhmuc: &Path, stage: Stage) {
    prepare(root);
    git(root, "2026-12-28T09:00:00+07:00", &["init", "-q"]);
    commit(root, "2026-12-28T09:00:00+07:00", "Danh mục trình ký");
    sign(root, danhmuc);
    if stage != Stage::Signed {
        next_draft(root, danhmuc);
    }
    if stage == Stage::Replaced {
        sign_draft(root, danhmuc);
    }
}

/// The catalog as submitted for signing: the real decision's text and
/// configuration, six real entries renumbered in this smaller catalog.
fn prepare(root: &Path) {
    let real = real_catalog();
    std::fs::create_dir_all(root.join("content/csdl")).unwrap();
    std::fs::copy(real.join("danhmuc.toml"), root.join("danhmuc.toml")).unwrap();
    std::fs::copy(real.join("content/quyet-dinh.md"), root.join("content/quyet-dinh.md")).unwrap();
    std::fs::write(root.join("content/sectors.yaml"), SECTORS).unwrap();
    std::fs::write(root.join("content/agencies.yaml"), AGENCIES).unwrap();
    for (prefix, group, number) in ENTRIES {
        let from = std::fs::read_dir(real.join("content/csdl"))
            .unwrap()
            .map(|f| f.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap_or_else(|| panic!("the real catalog has no {prefix}"));
        let text = std::fs::read_to_string(&from).unwrap();
        let real_number = prefix[2..].trim_start_matches('0');
        let text = replace(&text, &format!("number: {real_number}\n"), &format!("number: {number}\n"));
        let name = from.file_name().unwrap().to_string_lossy().into_owned();
        let name = format!("{}-{number:02}{}", group.to_lowercase(), &name[4..]);
        std::fs::write(root.join("content/csdl").join(name), text).unwrap();
    }
}

/// Section 10 of the editors' guide, "Khi Quyết định đã được ký": the
/// number and date in `[decision]`, the version declared with its tag,
/// `danhmuc check`, the commit on `main`, the tag.
fn sign(root: &Path, danhmuc: &Path) {
    edit(
        &root.join("danhmuc.toml"),
        "# number = \"123/QĐ-UBND\"\n# date = \"2026-06-01\"",
        "number = \"1234/QĐ-UBND\"\ndate = \"2027-01-08\"",
    );
    edit(
        &root.join("danhmuc.toml"),
        "date = \"2024-09-17\"\n",
        &format!(
            "date = \"2024-09-17\"\n\n[[versions]]\nnumber = \"1234/QĐ-UBND\"\ndate = \"2027-01-08\"\nrevision = \"{TAG}\"\n"
        ),
    );
    let check = danhmuc_in(root, danhmuc, &["check"]);
    assert_eq!(check.0, 0, "check after signing:\n{}", check.2);
    commit(root, "2027-01-08T16:00:00+07:00", "Quyết định số 1234/QĐ-UBND ngày 08/01/2027");
    git(root, "2027-01-08T16:00:00+07:00", &["tag", TAG]);
}

/// The draft signed as section 10 of the guide says: its number and date
/// in `[decision]`, declared after 1234/QĐ-UBND with its tag.
fn sign_draft(root: &Path, danhmuc: &Path) {
    edit(
        &root.join("danhmuc.toml"),
        "# number = \"123/QĐ-UBND\"\n# date = \"2026-06-01\"",
        "number = \"56/QĐ-UBND\"\ndate = \"2027-03-15\"",
    );
    edit(
        &root.join("danhmuc.toml"),
        &format!("revision = \"{TAG}\"\n"),
        &format!(
            "revision = \"{TAG}\"\n\n[[versions]]\nnumber = \"56/QĐ-UBND\"\ndate = \"2027-03-15\"\nrevision = \"{NEXT_TAG}\"\n"
        ),
    );
    let check = danhmuc_in(root, danhmuc, &["check"]);
    assert_eq!(check.0, 0, "check after signing the draft:\n{}", check.2);
    commit(root, "2027-03-15T16:00:00+07:00", "Quyết định số 56/QĐ-UBND ngày 15/3/2027");
    git(root, "2027-03-15T16:00:00+07:00", &["tag", NEXT_TAG]);
}

/// Section 10, step 4, then the draft's changes, each as the guide says.
fn next_draft(root: &Path, danhmuc: &Path) {
    edit(
        &root.join("danhmuc.toml"),
        "number = \"1234/QĐ-UBND\"\ndate = \"2027-01-08\"\n\n#",
        "# number = \"123/QĐ-UBND\"\n# date = \"2026-06-01\"\n\n#",
    );
    let decision = root.join("content/quyet-dinh.md");
    edit(&decision, "year: 2026", "year: 2027");
    edit(
        &decision,
        "replaces: Quyết định 2609/QĐ-UBND ngày 17/9/2024",
        "replaces: Quyết định 1234/QĐ-UBND ngày 08/01/2027",
    );
    edit(
        &decision,
        "thay thế Quyết định 2609/QĐ-UBND ngày 17/9/2024 của Ủy ban nhân dân tỉnh",
        "thay thế Quyết định 1234/QĐ-UBND ngày 08/01/2027 của Ủy ban nhân dân tỉnh",
    );

    // B.2 edited, with its reason.
    let land = entry(root, "b-02");
    edit(&land, "dân cư, đo đạc", "dân cư, đo đạc, hồ sơ địa chính, giá đất");
    edit(&land, "notes:", "ly_do: Bổ sung hồ sơ địa chính và giá đất theo Luật Đất đai năm 2024.\nnotes:");

    // A new entry, as section 4 of the guide adds one: at the end of its
    // sector, after B.3, the entries after it renumbered.
    let new = danhmuc_in(
        root,
        danhmuc,
        &[
            "new",
            "--group",
            "B",
            "--sector",
            "nong-nghiep-va-moi-truong",
            "--agency",
            "so-nong-nghiep-va-moi-truong",
            "CSDL tài nguyên nước",
        ],
    );
    assert_eq!(new.0, 0, "danhmuc new:\n{}", new.2);
    assert!(new.1.contains("(B.4)") && new.1.contains("B.4 → B.5"), "after B.3, its sector's last: {}", new.1);
    let water = entry(root, "b-04-csdl-tai-nguyen-nuoc");
    let mut text = std::fs::read_to_string(&water).unwrap();
    text = replace(
        &text,
        "---\n\n",
        "ly_do: Thực hiện Luật Tài nguyên nước năm 2023 về cơ sở dữ liệu tài nguyên nước.\n---\n\n",
    );
    for (heading, body) in [
        ("## Mục đích", "Quản lý thống nhất dữ liệu về tài nguyên nước trên địa bàn tỉnh."),
        (
            "## Phạm vi, nội dung chính",
            "- Nguồn nước mặt, nước dưới đất;\n- Giấy phép khai thác, sử dụng tài nguyên nước.",
        ),
        ("## Cơ chế thu thập", "Sở Nông nghiệp và Môi trường cập nhật khi cấp phép và quan trắc."),
        ("## Kết nối, chia sẻ dữ liệu", "Kết nối, chia sẻ với CSDL tài nguyên nước quốc gia."),
    ] {
        text = replace(&text, &format!("{heading}\n"), &format!("{heading}\n\n{body}\n"));
    }
    std::fs::write(&water, text).unwrap();

    // B.3 taken out: check finds the gap it leaves, and the editor closes
    // it (the entries' files keep their names).
    std::fs::remove_file(entry(root, "b-03-he-thong")).unwrap();
    let gap = danhmuc_in(root, danhmuc, &["check"]);
    assert!(gap.2.contains("number-gap"), "check says B.3 is missing:\n{}", gap.2);
    edit(&entry(root, "b-04-csdl-tai-nguyen-nuoc"), "number: 4\n", "number: 3\n");
    edit(&entry(root, "b-04-csdl-cong-bao"), "number: 5\n", "number: 4\n");

    // A.1 renamed (its address follows its new name).
    edit(&entry(root, "a-01"), "title: CSDL tổ chức, bộ máy\n", "title: CSDL tổ chức, bộ máy và biên chế\n");

    // The Ban Quản lý Khu kinh tế abolished, the Sở Tài chính taking over:
    // check names A.2, which the editor then moves.
    let agencies = root.join("content/agencies.yaml");
    edit(
        &agencies,
        "  short_name: BQL Khu kinh tế\n",
        "  short_name: BQL Khu kinh tế\n  successor: so-tai-chinh\n- slug: so-tai-chinh\n  name: Sở Tài chính\n",
    );
    let replaced = danhmuc_in(root, danhmuc, &["check"]);
    assert!(replaced.2.contains("agency-replaced"), "check names the abolished agency:\n{}", replaced.2);
    edit(&entry(root, "a-02"), "  - ban-quan-ly-khu-kinh-te\n", "  - so-tai-chinh\n");

    let check = danhmuc_in(root, danhmuc, &["check"]);
    assert_eq!(check.0, 0, "check of the draft:\n{}", check.2);
    for warning in ["number-gap", "number-order", "agency-replaced", "đang còn hiệu lực là"] {
        assert!(!check.2.contains(warning), "{warning} left in the draft:\n{}", check.2);
    }
    commit(root, "2027-03-02T10:00:00+07:00", "Dự thảo sửa đổi Danh mục");
}

/// The entry file of the scenario whose name starts with `prefix`.
pub fn entry(root: &Path, prefix: &str) -> PathBuf {
    std::fs::read_dir(root.join("content/csdl"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no entry file starts with {prefix}"))
}

fn replace(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} not found in:\n{text}");
    text.replacen(from, to, 1)
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    std::fs::write(file, replace(&text, from, to)).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
}

/// Runs `danhmuc` from the project folder, as an editor does: exit code,
/// stdout and stderr.
pub fn danhmuc_in(root: &Path, danhmuc: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(danhmuc).args(args).current_dir(root).output().expect("danhmuc runs");
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code().unwrap_or(-1), text(output.stdout), text(output.stderr))
}

fn commit(root: &Path, date: &str, message: &str) {
    git(root, date, &["add", "-A"]);
    git(root, date, &["commit", "-q", "-m", message]);
}

/// Git as the editors run it, at the given date, with no configuration of
/// the machine's or the user's.
fn git(root: &Path, date: &str, args: &[&str]) {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "user.name=Biên tập", "-c", "user.email=bien-tap@example.org", "-c", "init.defaultBranch=main"])
        .args(["-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}
