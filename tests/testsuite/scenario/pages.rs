//! Every kind of page of the scenario's site, as a reader finds it while
//! 1234/QĐ-UBND is in force and the next draft is pending.

use super::{scenario, visible};
use crate::common::Project;

const IN_FORCE: &str = "Quyết định số 1234/QĐ-UBND ngày 08/01/2027";
const REMOVED: &str = "csdl/he-thong-quan-ly-so-lieu-quan-trac-moi-truong-tu-dong/index.html";
const EDITED: &str = "csdl/csdl-dat-dai/index.html";
const ADDED: &str = "csdl/csdl-tai-nguyen-nuoc/index.html";
const RENAMED_OLD: &str = "csdl/csdl-to-chuc-bo-may/index.html";
const RENAMED_NEW: &str = "csdl/csdl-to-chuc-bo-may-va-bien-che/index.html";
const MOVED: &str = "csdl/csdl-ve-khu-cong-nghiep-khu-kinh-te-tren-dia-ban-tinh-thuoc-csdl-ve-khu-cong/index.html";
const UNCHANGED: &str = "csdl/csdl-cong-bao-dien-tu/index.html";

/// A page's visible text, with the page named when it is missing.
fn page(project: &Project, rel: &str) -> String {
    visible(&project.read_site(rel))
}

/// The proposal's box of an entry page and the text after it (the entry
/// as in force).
fn boxed(project: &Project, rel: &str) -> (String, String) {
    let html = project.read_site(rel);
    let (notice, body) = html.split_once("</section>").unwrap_or_else(|| panic!("{rel} has no box: {html}"));
    (visible(notice), visible(body))
}

/// Guards against a pending draft published as if it were in force when
/// an older decision is declared by number and date alone, as the real
/// catalog declares 2609/QĐ-UBND: the version with no revision took the
/// content read for the one after it, so 1234/QĐ-UBND "could no longer be
/// read", silently, and the whole site showed the unsigned draft as the
/// catalog (the removed entry gone, the new one listed, no proposal box).
#[test]
fn the_signed_decision_stays_in_force_beside_an_older_one_known_by_number_only() {
    let project = scenario();
    let versions = page(&project, "phien-ban/1234-qd-ubnd/index.html");
    assert!(versions.contains("Tình trạng: Còn hiệu lực . 6 CSDL."), "{versions}");
    assert!(!versions.contains("không còn đọc được"), "{versions}");
    assert!(versions.contains("B.3 Hệ thống quản lý số liệu quan trắc môi trường tự động"), "{versions}");
    assert!(project.site().join(REMOVED).is_file(), "the entry the draft removes keeps its page");
    assert!(project.site().join("data/du-thao/catalog.json").is_file(), "the draft is published beside it");
}

/// Guards the reader's first page while a draft is pending: it names the
/// decision in force and counts that decision's catalog, not the draft's.
#[test]
fn the_home_page_names_the_decision_in_force_and_counts_its_catalog() {
    let project = scenario();
    let home = page(&project, "index.html");
    assert!(home.contains(&format!("ban hành kèm theo {IN_FORCE} của Ủy ban nhân dân tỉnh Quảng Ninh")), "{home}");
    assert!(!home.contains("dự thảo Quyết định trình"), "the catalog in force is not a draft: {home}");
    assert!(home.contains("6 CSDL 2 CSDL nhóm A"), "{home}");
    assert!(home.contains("Ban Quản lý Khu kinh tế Quảng Ninh 1 CSDL"), "{home}");
    for proposed in ["CSDL tài nguyên nước", "Sở Tài chính", "và biên chế"] {
        assert!(!home.contains(proposed), "{proposed} is only proposed: {home}");
    }
    assert!(home.contains(&format!("{IN_FORCE} thay thế Quyết định số 2609/QĐ-UBND ngày 17/9/2024")), "{home}");
}

/// Guards against a pending draft nobody hears of: the home page of the
/// catalog in force says a draft proposes changes, and links them.
#[test]
fn the_home_page_points_to_the_pending_draft() {
    let project = scenario();
    let home = page(&project, "index.html");
    assert!(
        home.contains(&format!("dự thảo Quyết định mới, chưa có hiệu lực, đề xuất bổ sung 1 CSDL, đưa 1 CSDL ra khỏi Danh mục, đổi tên 1 CSDL, sửa đổi 2 CSDL so với {IN_FORCE}")),
        "{home}"
    );
    assert!(project.read_site("index.html").contains("href=\"phien-ban/du-thao/index.html\">xem từng thay đổi"));
}

/// Guards the entry the draft takes out: still in force, with the box
/// saying the draft proposes to take it out; never that it was removed.
#[test]
fn the_entry_the_draft_takes_out_is_still_in_force() {
    let project = scenario();
    let (notice, body) = boxed(&project, REMOVED);
    assert!(notice.contains("Dự thảo đề xuất đưa CSDL này ra khỏi Danh mục"), "{notice}");
    assert!(notice.contains(&format!("nội dung còn hiệu lực theo {IN_FORCE}")), "{notice}");
    assert!(body.contains("Số thứ tự 3 ( B.3 )") && body.contains("Dữ liệu quan trắc môi trường"), "{body}");
    for wrong in ["đã bỏ", "đã được đưa ra khỏi", "không còn trong Danh mục"] {
        assert!(!notice.contains(wrong) && !body.contains(wrong), "{wrong}: {notice} {body}");
    }
    // It is listed where it belongs in the catalog in force.
    let sector = page(&project, "linh-vuc/nong-nghiep-va-moi-truong/index.html");
    assert!(sector.contains("2 CSDL thuộc lĩnh vực") && sector.contains("Hệ thống quản lý số liệu"), "{sector}");
    let table = page(&project, "toan-bo-danh-muc/index.html");
    assert!(table.contains("Hệ thống quản lý số liệu quan trắc") && !table.contains("tài nguyên nước"), "{table}");
}

/// Guards the edited entry: its text is the text in force, the draft's
/// wording only in the box above it; an entry the draft leaves as it is
/// has no box.
#[test]
fn an_edited_entry_reads_as_in_force_with_the_proposal_in_a_box() {
    let project = scenario();
    let (notice, body) = boxed(&project, EDITED);
    assert!(notice.contains("Dự thảo đề xuất sửa đổi CSDL này"), "{notice}");
    assert!(notice.contains("[thêm: , hồ sơ địa chính, giá đất ]"), "{notice}");
    assert!(body.contains("dân cư, đo đạc...các tỷ lệ") && !body.contains("hồ sơ địa chính"), "{body}");
    assert!(!body.contains("Luật Đất đai năm 2024"), "the reason is not part of the decision: {body}");
    let unchanged = page(&project, UNCHANGED);
    assert!(unchanged.contains("Số thứ tự 4 ( B.4 )") && !unchanged.contains("Dự thảo đề xuất"), "{unchanged}");
}

/// Guards the entry the draft adds: a page of its own marked as proposed,
/// reached from the draft's page, and absent from every list in force.
#[test]
fn the_entry_the_draft_adds_is_a_proposal_reached_from_the_draft() {
    let project = scenario();
    let added = page(&project, ADDED);
    assert!(added.contains("CSDL tài nguyên nước (dự thảo đề xuất)"), "{added}");
    assert!(added.contains("Dự thảo Quyết định mới đề xuất bổ sung CSDL này vào Danh mục"), "{added}");
    assert!(added.contains(&format!("Danh mục còn hiệu lực theo {IN_FORCE}")), "{added}");
    assert!(
        project
            .read_site("phien-ban/du-thao/index.html")
            .contains("href=\"../../csdl/csdl-tai-nguyen-nuoc/index.html\"")
    );
    for list in [
        "index.html",
        "nhom/b/index.html",
        "linh-vuc/nong-nghiep-va-moi-truong/index.html",
        "don-vi/so-nong-nghiep-va-moi-truong/index.html",
        "toan-bo-danh-muc/index.html",
        "phien-ban/1234-qd-ubnd/index.html",
    ] {
        assert!(!project.read_site(list).contains("tai-nguyen-nuoc"), "{list} lists the proposed entry");
    }
}

/// Guards the renamed entry: its address in force keeps the name in force
/// and says what the draft proposes; the new name's address is a proposal.
#[test]
fn the_renamed_entry_keeps_its_name_in_force() {
    let project = scenario();
    let (notice, body) = boxed(&project, RENAMED_OLD);
    assert!(
        notice.contains("Dự thảo Quyết định mới đề xuất đổi tên CSDL này thành “CSDL tổ chức, bộ máy và biên chế”"),
        "{notice}"
    );
    let text = &body[..body.find("Lịch sử").unwrap()];
    assert!(text.contains("Số thứ tự 1 ( A.1 )") && !text.contains("và biên chế"), "{body}");
    assert!(project.read_site(RENAMED_OLD).contains("<h1>CSDL tổ chức, bộ máy</h1>"));
    let new = page(&project, RENAMED_NEW);
    assert!(new.contains("đề xuất đổi tên A.1. CSDL tổ chức, bộ máy thành tên này"), "{new}");
    assert!(!project.read_site("nhom/a/index.html").contains("và biên chế"));
}

/// Guards the entry the draft moves to the successor of an agency the
/// draft abolishes: in force, it stays with the Ban Quản lý Khu kinh tế,
/// whose page still lists it; the move is a proposal in the entry's box.
#[test]
fn the_moved_entry_stays_with_its_agency_in_force() {
    let project = scenario();
    let (notice, body) = boxed(&project, MOVED);
    assert!(
        notice.contains("Đơn vị chủ trì [bỏ: Ban Quản lý Khu kinh tế Quảng Ninh ] ; [thêm: Sở Tài chính ]"),
        "{notice}"
    );
    assert!(body.contains("Đơn vị chủ trì Ban Quản lý Khu kinh tế Quảng Ninh"), "{body}");
    let agency = page(&project, "don-vi/ban-quan-ly-khu-kinh-te/index.html");
    assert!(agency.contains("Đơn vị chủ trì 1 CSDL.") && agency.contains("CSDL về Khu công nghiệp"), "{agency}");
    assert!(!agency.contains("Đã sáp nhập"), "abolished only in the draft: {agency}");
    let agencies = page(&project, "don-vi/index.html");
    assert!(agencies.contains("5 đơn vị chủ trì") && !agencies.contains("Sở Tài chính"), "{agencies}");
    assert!(!project.site().join("don-vi/so-tai-chinh/index.html").exists(), "the successor is only proposed");
}

/// Guards the record's pages: the versions in their order and status, the
/// version in force with its whole table as signed, the draft's page with
/// every change it proposes in the decisions' words.
#[test]
fn the_versions_the_decision_in_force_and_the_draft_have_their_pages() {
    let project = scenario();
    let list = project.read_site("phien-ban/index.html");
    for (title, status) in [
        ("Dự thảo", "Bổ sung 1 CSDL, đưa 1 CSDL ra khỏi Danh mục, đổi tên 1 CSDL, sửa đổi 2 CSDL"),
        (IN_FORCE, "Còn hiệu lực"),
        ("Quyết định số 2609/QĐ-UBND ngày 17/9/2024", "Hết hiệu lực (được thay thế bởi"),
    ] {
        let row =
            list.split("<tr>").find(|r| visible(r).starts_with(title)).unwrap_or_else(|| panic!("{title}: {list}"));
        assert!(visible(row).contains(status), "{title}: {}", visible(row));
    }
    assert!(visible(&list).contains("các Quyết định đã ban hành và dự thảo"), "the draft is listed too");
    let signed = page(&project, "phien-ban/1234-qd-ubnd/index.html");
    assert!(
        signed.contains("Quyết định số 1234/QĐ-UBND ngày 08 tháng 01 năm 2027 Tình trạng: Còn hiệu lực"),
        "{signed}"
    );
    assert!(signed.contains("Hiệu lực: từ ngày 08/01/2027."), "{signed}");
    let signed_html = project.read_site("phien-ban/1234-qd-ubnd/index.html");
    assert!(signed_html.contains("href=\"../../quyet-dinh/index.html\">Toàn văn Quyết định"), "{signed_html}");
    assert!(signed_html.contains("href=\"../../data/quyet-dinh.docx\" download>Quyết định và Phụ lục"));
    let replaced = page(&project, "phien-ban/2609-qd-ubnd/index.html");
    assert!(replaced.contains("Hiệu lực: từ ngày 17/9/2024 đến ngày 08/01/2027."), "{replaced}");
    assert!(replaced.contains(&format!("Được thay thế bởi {IN_FORCE}")), "{replaced}");
    assert!(
        signed.contains("A.1 CSDL tổ chức, bộ máy Nội vụ") && signed.contains("B.4 CSDL Công báo điện tử"),
        "{signed}"
    );

    let draft = page(&project, "phien-ban/du-thao/index.html");
    assert!(!draft.contains("Hiệu lực:"), "a draft has no force: {draft}");
    assert!(
        project
            .read_site("phien-ban/du-thao/index.html")
            .contains("href=\"../../data/du-thao/quyet-dinh.docx\" download>Dự thảo Quyết định và Phụ lục")
    );
    assert!(draft.contains("Tình trạng: Dự thảo . 6 CSDL. Dự thảo chưa có hiệu lực"), "{draft}");
    assert!(draft.contains(&format!("Thay đổi so với {IN_FORCE}")), "{draft}");
    assert!(
        draft.contains("Dự thảo đề xuất bổ sung 1 CSDL, đưa 1 CSDL ra khỏi Danh mục, đổi tên 1 CSDL, sửa đổi 2 CSDL."),
        "{draft}"
    );
    for change in [
        "Bổ sung vào Danh mục B.3 CSDL tài nguyên nước",
        "Đưa ra khỏi Danh mục B.3 Hệ thống quản lý số liệu quan trắc môi trường tự động",
        "A.1 CSDL tổ chức, bộ máy và biên chế : đổi tên từ “CSDL tổ chức, bộ máy”",
        "Bảng so sánh (tệp Word)",
    ] {
        assert!(draft.contains(change), "{change}: {draft}");
    }
    assert!(draft.contains("B.3 CSDL tài nguyên nước Nông nghiệp và Môi trường"), "the draft's whole table");
}

/// Guards the decision's page while a draft is pending: it is the signed
/// decision's text (replacing 2609/QĐ-UBND), not the draft's.
#[test]
fn the_decision_page_is_the_signed_decision() {
    let project = scenario();
    let decision = page(&project, "quyet-dinh/index.html");
    assert!(decision.contains("Số: 1234/QĐ-UBND Quảng Ninh, ngày 08 tháng 01 năm 2027"), "{decision}");
    assert!(decision.contains("thay thế Quyết định 2609/QĐ-UBND ngày 17/9/2024"), "{decision}");
    assert!(!decision.contains("thay thế Quyết định 1234/QĐ-UBND"), "the draft's text: {decision}");
}

/// Guards the pages every site has, built beside a pending draft: the
/// sectors, the statistics, the search page and the page for a missing
/// address; none says the catalog in force is a draft.
#[test]
fn the_other_pages_describe_the_catalog_in_force() {
    let project = scenario();
    let sectors = page(&project, "linh-vuc/index.html");
    assert!(sectors.contains("Nông nghiệp và Môi trường") && !sectors.contains("tài nguyên nước"), "{sectors}");
    let stats = page(&project, "thong-ke/index.html");
    assert!(stats.contains("6") && !stats.contains("Sở Tài chính"), "{stats}");
    let search = page(&project, "tim-kiem/index.html");
    assert!(search.contains("Tìm kiếm") && search.contains("Tất cả lĩnh vực"), "{search}");
    let missing = page(&project, "404.html");
    assert!(missing.contains("Không tìm thấy trang"), "{missing}");
    for rel in ["linh-vuc/index.html", "thong-ke/index.html", "tim-kiem/index.html", "404.html", "nhom/a/index.html"] {
        let text = page(&project, rel);
        assert!(!text.contains("Quyết định chưa có số và ngày ban hành"), "{rel} calls the catalog a draft: {text}");
    }
}

/// Guards the day of signing, before the next draft: the site is the
/// signed catalog, with no draft published beside it and no proposal.
#[test]
fn on_the_day_of_signing_the_site_is_the_signed_catalog_alone() {
    let project = super::at(super::build::Stage::Signed);
    project.build();
    let home = page(&project, "index.html");
    assert!(home.contains(&format!("ban hành kèm theo {IN_FORCE}")), "{home}");
    assert!(!project.site().join("data/du-thao").exists(), "no draft to publish");
    let versions = page(&project, "phien-ban/index.html");
    assert!(!versions.contains("Dự thảo Dự thảo"), "{versions}");
    assert!(!page(&project, REMOVED).contains("Dự thảo đề xuất"), "no proposal yet");
}

/// Guards an entry's history once the draft is signed as 56/QĐ-UBND: it
/// says what each change was and became ("Sửa đổi Phạm vi, nội dung
/// chính" alone told a reader nothing), and an agency replaced is one
/// name for another.
#[test]
fn after_the_next_signing_the_history_says_what_changed_from_what_to_what() {
    let project = super::at(super::build::Stage::Replaced);
    project.build();
    let history = |rel: &str| {
        let html = project.read_site(rel);
        let start = html.find("id=\"lich-su\"").unwrap_or_else(|| panic!("{rel} has no history: {html}"));
        visible(&html[start..html[start..].find("</section>").unwrap() + start])
    };
    let land = history(EDITED);
    assert!(
        land.contains("Quyết định số 56/QĐ-UBND ngày 15/3/2027 (Còn hiệu lực): Sửa đổi Phạm vi, nội dung chính. Phạm vi, nội dung chính Bản đồ nền"),
        "{land}"
    );
    assert!(land.contains("đo đạc [thêm: , hồ sơ địa chính, giá đất ] ...các tỷ lệ"), "{land}");
    let moved = history(MOVED);
    assert!(
        moved.contains("Đơn vị chủ trì [bỏ: Ban Quản lý Khu kinh tế Quảng Ninh ] ; [thêm: Sở Tài chính ]"),
        "{moved}"
    );
    let renamed = history(RENAMED_NEW);
    assert!(renamed.contains("Đổi tên từ “CSDL tổ chức, bộ máy”"), "{renamed}");
    assert!(renamed.contains("Tên CSDL CSDL tổ chức, bộ máy [thêm: và biên chế ]"), "{renamed}");
    let unchanged = history(UNCHANGED);
    assert!(unchanged.ends_with("Không thay đổi."), "{unchanged}");
    // 1234/QĐ-UBND now says when it was in force and what replaced it.
    let replaced = page(&project, "phien-ban/1234-qd-ubnd/index.html");
    assert!(replaced.contains("Hiệu lực: từ ngày 08/01/2027 đến ngày 15/3/2027."), "{replaced}");
    let home = page(&project, "index.html");
    assert!(
        home.contains("Quyết định số 56/QĐ-UBND ngày 15/3/2027 thay thế Quyết định số 1234/QĐ-UBND ngày 08/01/2027 ; Quyết định này bổ sung 1 CSDL, đưa 1 CSDL ra khỏi Danh mục, đổi tên 1 CSDL, sửa đổi 2 CSDL so với Danh mục trước"),
        "{home}"
    );
    // The Ban Quản lý Khu kinh tế, abolished, leads nothing any more: not
    // listed with "0 CSDL" on the home page, the agencies' page or the
    // statistics.
    for rel in ["index.html", "don-vi/index.html", "thong-ke/index.html"] {
        let text = page(&project, rel);
        assert!(!text.contains("Ban Quản lý Khu kinh tế"), "{rel}: {text}");
    }
    let abolished = page(&project, "don-vi/ban-quan-ly-khu-kinh-te/index.html");
    assert!(abolished.contains("Sở Tài chính"), "its page says who took over: {abolished}");
}
