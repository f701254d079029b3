//! `danhmuc import FILE`: entries from a spreadsheet (`.csv` or `.xlsx`)
//! laid out like the site's own `data/catalog.csv` or like the decision's
//! appendix. One entry file per row; sectors and agencies not yet declared
//! are added to `sectors.yaml` and `agencies.yaml`. Reading the sheet and
//! planning the files is `source::from_sheet`'s; this drives it: the
//! project's declarations in, every problem out with its row number, and
//! then all the files written or none (`source::write`).

use crate::exit;
use crate::source::declarations::{self, Declaration};
use crate::source::spreadsheet::{self, Format};
use crate::source::{self, from_sheet, write::Changes};
use std::io::Read as _;
use std::path::Path;

pub fn run(root: &Path, file: &Path) -> u8 {
    let name = file.display().to_string();
    let Some(format) = Format::of(file) else {
        eprintln!("{name}: danhmuc import đọc tệp .csv hoặc .xlsx.");
        return exit::CONTENT_ERRORS;
    };
    // Read no more than the limit, whatever the file claims to be.
    let mut bytes = Vec::new();
    let read = std::fs::File::open(file).and_then(|f| f.take(spreadsheet::MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        eprintln!("Không đọc được {name}: {}.", crate::diagnostics::io_message(&e));
        return exit::CONTENT_ERRORS;
    }
    let opened = crate::project::Project::open(root);
    let (project, loaded) = source::load(&opened);
    // A project without entries yet is what an import fills.
    let blocking = loaded.diagnostics().iter().any(|d| {
        d.severity == crate::diagnostics::Severity::Error
            && !(d.code == crate::diagnostics::Code::Io && d.file == Path::new(source::ENTRIES_DIR))
    });
    if blocking {
        eprint!("{}", loaded.without_strict_only().to_human(&opened));
        eprintln!("Chưa nhập: sửa các lỗi trên trước, vì cần đọc được các lĩnh vực và đơn vị đã khai báo.");
        return exit::CONTENT_ERRORS;
    }
    let declared =
        |slug: &str, name: &str| Declaration { slug: slug.trim().to_string(), name: name.trim().to_string() };
    let sectors: Vec<Declaration> = project.sectors.iter().map(|s| declared(&s.slug.value, &s.name.value)).collect();
    let agencies: Vec<Declaration> = project.agencies.iter().map(|a| declared(&a.slug.value, &a.name.value)).collect();
    let planned = from_sheet::plan(&bytes, format, &name, &sectors, &agencies).and_then(|plan| {
        let taken: Vec<String> = plan
            .files
            .iter()
            .filter(|(path, _)| std::fs::symlink_metadata(root.join(path)).is_ok())
            .map(|(path, _)| format!("Tệp {path} đã có: không ghi đè."))
            .collect();
        if taken.is_empty() { Ok(plan) } else { Err(taken) }
    });
    let plan = match planned {
        Ok(plan) => plan,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("Chưa ghi gì: sửa các dòng trên trong bảng tính rồi nhập lại.");
            return exit::CONTENT_ERRORS;
        }
    };
    let mut changes = Changes::default();
    for (path, new) in [(source::SECTORS_FILE, &plan.new_sectors), (source::AGENCIES_FILE, &plan.new_agencies)] {
        if new.is_empty() {
            continue;
        }
        // A data file linked elsewhere in the project is written where it
        // lies, and stays a link.
        let target = std::fs::canonicalize(root.join(path)).unwrap_or_else(|_| root.join(path));
        let original = match std::fs::read(&target) {
            Ok(original) => original,
            Err(e) => {
                eprintln!("Không đọc được {path}: {}.", crate::diagnostics::io_message(&e));
                return exit::FAILURE;
            }
        };
        let text = String::from_utf8_lossy(&original);
        match declarations::appended(&text, new, path) {
            Ok(text) => changes.replace(target, text.into_bytes(), original),
            Err(d) => {
                eprintln!("{path}: {}", d.message);
                return exit::CONTENT_ERRORS;
            }
        }
    }
    for (path, text) in &plan.files {
        changes.create(root.join(path), text.clone().into_bytes());
    }
    if let Err(e) = changes.apply() {
        let path = e.path.strip_prefix(root).unwrap_or(&e.path).display();
        eprintln!("Không ghi được {path}: {}.", crate::diagnostics::io_message(&e.error));
        eprintln!("Chưa ghi gì: dự án vẫn như trước khi nhập; sửa lỗi trên rồi nhập lại.");
        return exit::FAILURE;
    }
    println!(
        "Đã nhập {} CSDL vào {}/; khai báo thêm {} lĩnh vực và {} đơn vị. Chạy danhmuc check để kiểm tra.",
        plan.files.len(),
        source::ENTRIES_DIR,
        plan.new_sectors.len(),
        plan.new_agencies.len()
    );
    exit::OK
}
