//! The catalog as a flat table, one row per CSDL: what the CSV file and the
//! spreadsheet's flat sheet hold, with the same columns in the same order.
//! Lists (agencies) are joined with "; ", long fields are their Markdown
//! source, so a row equals the entry in `catalog.json`.

use crate::model::Catalog;

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
/// written; `base_url` makes page addresses absolute when known.
pub fn rows<'a>(catalog: &'a Catalog, base_url: Option<&'a str>) -> impl Iterator<Item = [String; 15]> + 'a {
    catalog.entries().iter().map(move |e| {
        let sector = catalog.sector(e.sector);
        let agencies: Vec<&crate::model::Agency> = e.agencies.iter().map(|a| catalog.agency(*a)).collect();
        [
            e.group.code().to_string(),
            e.group.name().to_string(),
            sector.name.clone(),
            sector.slug.to_string(),
            e.number.to_string(),
            e.title.clone(),
            e.slug.to_string(),
            agencies.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("; "),
            agencies.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>().join("; "),
            e.sections.purpose.clone(),
            e.sections.scope.clone(),
            e.sections.collection.clone(),
            e.sections.sharing.clone(),
            e.notes.clone().unwrap_or_default(),
            format!("{}{}", base_url.unwrap_or(""), super::catalog_json::entry_url(e.slug.as_str())),
        ]
    })
}
