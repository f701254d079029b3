//! `danhmuc import`: entries from a spreadsheet laid out like the site's
//! own `data/catalog.csv`. Importing the site's own CSV or workbook into the
//! project without its entries and building again gives the same
//! `catalog.json`.

use crate::common::Project;

fn without_entries(project: &Project) {
    std::fs::remove_dir_all(project.path("content/csdl")).unwrap();
}

#[test]
fn the_sites_own_csv_and_workbook_import_back_to_the_same_catalog() {
    let source = Project::real();
    source.build();
    let original = source.read_site("data/catalog.json");
    for data in ["data/catalog.csv", "data/catalog.xlsx"] {
        let project = Project::real();
        without_entries(&project);
        let file = source.site().join(data);
        let run = project.run(&["import", file.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{data}: {}", run.stderr);
        assert!(run.stdout.contains("Đã nhập 44 CSDL"), "{}", run.stdout);
        project.build();
        assert!(
            project.read_site("data/catalog.json") == original,
            "{data}: catalog.json differs after the round trip"
        );
    }
}

#[test]
fn a_row_that_cannot_be_read_is_named_and_nothing_is_written() {
    let project = Project::small();
    without_entries(&project);
    let sectors = std::fs::read_to_string(project.path("content/sectors.yaml")).unwrap();
    let csv = "Nhóm,TT,Tên cơ sở dữ liệu,Lĩnh vực,Đơn vị chủ trì,Mục đích,\"Phạm vi, nội dung chính\",Cơ chế thu thập,\"Kết nối, chia sẻ dữ liệu\",Ghi chú\n\
A,1,CSDL rừng,Lâm nghiệp,Sở Thử,Bảo vệ rừng,Diện tích,Kiểm kê,Chia sẻ,\n\
C,2,CSDL biển,Biển,Sở Thử,Quản lý biển,Vùng biển,Quan trắc,Chia sẻ,\n\
A,3,,Biển,Sở Thử,Quản lý,Vùng,Quan trắc,Chia sẻ,\n";
    let file = project.path("bang.csv");
    std::fs::write(&file, csv).unwrap();
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Dòng 3: Nhóm “C” không phải A hay B."), "{}", run.stderr);
    assert!(run.stderr.contains("Dòng 4: cột “Tên cơ sở dữ liệu” đang trống."), "{}", run.stderr);
    assert!(!project.path("content/csdl").exists(), "nothing written");
    assert_eq!(std::fs::read_to_string(project.path("content/sectors.yaml")).unwrap(), sectors);
}

#[test]
fn new_sectors_and_agencies_are_declared_and_one_line_lists_become_lists() {
    let project = Project::small();
    without_entries(&project);
    let csv = "Nhóm,TT,Tên cơ sở dữ liệu,Lĩnh vực,Đơn vị chủ trì,Mục đích,\"Phạm vi, nội dung chính\",Cơ chế thu thập,\"Kết nối, chia sẻ dữ liệu\",Ghi chú\n\
A,1,CSDL rừng ngập mặn,Lâm nghiệp,Sở Thử; Hạt Kiểm lâm,Bảo vệ rừng,- Diện tích rừng - Loài cây - Hiện trạng,Kiểm kê,Chia sẻ với ngành,Theo Luật Lâm nghiệp\n";
    let file = project.path("bang.csv");
    std::fs::write(&file, csv).unwrap();
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(project.path("content/sectors.yaml"))
            .unwrap()
            .contains("- slug: lam-nghiep\n  name: \"Lâm nghiệp\"")
    );
    let agencies = std::fs::read_to_string(project.path("content/agencies.yaml")).unwrap();
    assert!(agencies.contains("- slug: hat-kiem-lam\n") && agencies.matches("so-thu").count() == 1, "{agencies}");
    let entry = std::fs::read_to_string(project.path("content/csdl/a-01-csdl-rung-ngap-man.md")).unwrap();
    assert!(entry.contains("## Phạm vi, nội dung chính\n\n- Diện tích rừng\n- Loài cây\n- Hiện trạng\n"), "{entry}");
    assert!(entry.contains("notes: \"Theo Luật Lâm nghiệp\""));
    assert_eq!(project.run(&["check"]).code, 0);
}

#[test]
fn the_template_spreadsheet_imports() {
    let project = Project::small();
    without_entries(&project);
    let template = crate::common::repo_root().join("docs/mau-nhap-danh-muc.csv");
    let run = project.run(&["import", template.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let entry = std::fs::read_to_string(project.path("content/csdl/a-01-csdl-dat-dai.md")).unwrap();
    assert!(entry.contains("Chia sẻ với các sở, ngành và Ủy ban nhân dân cấp xã"), "{entry}");
    let check = project.run(&["check"]);
    assert!(!check.stderr.contains("lỗi["), "{}", check.stderr);
}

#[test]
fn an_appendix_laid_out_as_the_decisions_imports_to_the_same_catalog() {
    // The workbook's first sheet is the appendix as the decision lays it
    // out: no group or sector column, heading rows instead ("A | NHÓM …",
    // "I | LĨNH VỰC NỘI VỤ: 15 CSDL"). Saved alone as CSV, as an office
    // would from the decision's table.
    use calamine::{Reader, open_workbook_auto};
    let source = Project::real();
    source.build();
    let mut workbook = open_workbook_auto(source.site().join("data/catalog.xlsx")).unwrap();
    let first = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&first).unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        writer.write_record(row.iter().map(|c| c.to_string())).unwrap();
    }
    let project = Project::real();
    without_entries(&project);
    let file = project.path("phu-luc.csv");
    std::fs::write(&file, writer.into_inner().unwrap()).unwrap();
    let run = project.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::remove_file(&file).unwrap();
    project.build();
    assert!(project.read_site("data/catalog.json") == source.read_site("data/catalog.json"));
}
