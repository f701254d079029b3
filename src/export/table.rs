//! The catalog as a flat table, one row per CSDL: what the CSV file and the
//! spreadsheet's flat sheet hold, with the same columns in the same order.
//! Lists (agencies) are joined with "; ", long fields are their Markdown
//! source, so a row equals the entry in `catalog.json`.

use crate::model::Catalog;
use std::borrow::Cow;

/// The columns of the decision's appendix, as it prints them (the
/// workbook's first sheet, the Word document).
pub const APPENDIX_COLUMNS: [&str; 8] = [
    "TT",
    "Tên cơ sở dữ liệu",
    "Đơn vị chủ trì",
    "Mục đích",
    "Phạm vi, nội dung chính",
    "Cơ chế thu thập",
    "Kết nối, chia sẻ dữ liệu",
    "Ghi chú",
];

pub const HEADERS: [&str; 15] = [
    "Nhóm",
    "Tên nhóm",
    "Lĩnh vực",
    "Mã lĩnh vực",
    "TT",
    "Tên cơ sở dữ liệu",
    "Mã CSDL",
    "Đơn vị chủ trì",
    "Mã đơn vị chủ trì",
    "Mục đích",
    "Phạm vi, nội dung chính",
    "Cơ chế thu thập",
    "Kết nối, chia sẻ dữ liệu",
    "Ghi chú",
    "Địa chỉ trang",
];

/// The rows in the decision's order, made one at a time as they are
/// written; `base_url` makes page addresses absolute when known. Texts are
/// borrowed from the catalog: only joined lists, numbers and addresses are
/// made.
pub fn rows<'a>(catalog: &'a Catalog, base_url: Option<&'a str>) -> impl Iterator<Item = [Cow<'a, str>; 15]> + 'a {
    catalog.entries().iter().map(move |e| {
        let sector = catalog.sector(e.sector);
        let agencies = || e.agencies.iter().map(|a| catalog.agency(*a));
        [
            Cow::Borrowed(e.group.code()),
            Cow::Borrowed(e.group.name()),
            Cow::Borrowed(sector.name.as_str()),
            Cow::Borrowed(sector.slug.as_str()),
            Cow::Owned(e.number.to_string()),
            Cow::Borrowed(e.title.as_str()),
            Cow::Borrowed(e.slug.as_str()),
            joined(agencies().map(|a| a.name.as_str())),
            joined(agencies().map(|a| a.slug.as_str())),
            Cow::Borrowed(e.sections.purpose.as_str()),
            Cow::Borrowed(e.sections.scope.as_str()),
            Cow::Borrowed(e.sections.collection.as_str()),
            Cow::Borrowed(e.sections.sharing.as_str()),
            Cow::Borrowed(e.notes.as_deref().unwrap_or_default()),
            Cow::Owned(format!("{}{}", base_url.unwrap_or(""), crate::urls::entry_folder(e.slug.as_str()))),
        ]
    })
}

/// A list as one cell: its items joined with "; " (one item is borrowed).
fn joined<'a>(mut items: impl Iterator<Item = &'a str>) -> Cow<'a, str> {
    let Some(first) = items.next() else { return Cow::Borrowed("") };
    match items.next() {
        None => Cow::Borrowed(first),
        Some(second) => {
            let mut all = format!("{first}; {second}");
            for item in items {
                all.push_str("; ");
                all.push_str(item);
            }
            Cow::Owned(all)
        }
    }
}
