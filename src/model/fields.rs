//! The fields of an entry and every name each goes by, in one table: the
//! front matter's key, the word a reader sees, the column of the flat
//! table and of the decision's appendix, the anchor of its part of the
//! entry page. Validation, the data files (CSV, the workbook), the Word
//! documents, `diff`, `import` and the URL scheme all read their words
//! here, so a field renamed in one room cannot drift from the others
//! (`import` reading back the CSV file the site writes depends on it).
//!
//! The built-in `entry.html` writes the headings and anchors too; a test
//! builds an entry page and checks it against this table.

/// One field of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The front matter's key; for one of the four sections, the name the
    /// data files give it (`purpose`).
    pub key: &'static str,
    /// Its name for a reader: a section's heading (`## Mục đích`), the
    /// label of a change in `diff` and in the bảng so sánh ("Tên CSDL").
    pub label: &'static str,
    /// Whether it is one of the four sections of the body rather than a
    /// key of the front matter.
    pub section: bool,
    /// The header of its column in the flat table (CSV, the workbook's
    /// second sheet) and in the appendix, which `import` recognises; None
    /// for a field no column holds.
    pub column: Option<&'static str>,
    /// The header of the column of its codes, for a field naming
    /// declarations (a sector's or agencies' slugs), beside the names.
    pub code_column: Option<&'static str>,
    /// The id of its part of the entry page, which content may link to.
    pub anchor: Option<&'static str>,
    /// Whether an entry may keep it exactly as the signed decision writes
    /// it (`verbatim:`), exempt from the style findings.
    pub verbatim: bool,
}

const NONE: Field =
    Field { key: "", label: "", section: false, column: None, code_column: None, anchor: None, verbatim: false };

pub const TITLE: Field =
    Field { key: "title", label: "Tên CSDL", column: Some("Tên cơ sở dữ liệu"), verbatim: true, ..NONE };
pub const GROUP: Field = Field { key: "group", label: "Nhóm", column: Some("Nhóm"), ..NONE };
pub const NUMBER: Field = Field { key: "number", label: "Số thứ tự", column: Some("TT"), ..NONE };
pub const SECTOR: Field =
    Field {
        key: "sector", label: "Lĩnh vực", column: Some("Lĩnh vực"), code_column: Some("Mã lĩnh vực"), ..NONE
    };
pub const AGENCIES: Field = Field {
    key: "agencies",
    label: "Đơn vị chủ trì",
    column: Some("Đơn vị chủ trì"),
    code_column: Some("Mã đơn vị chủ trì"),
    ..NONE
};
pub const NOTES: Field =
    Field {
        key: "notes", label: "Ghi chú", column: Some("Ghi chú"), anchor: Some("ghi-chu"), verbatim: true, ..NONE
    };
pub const SLUG: Field = Field { key: "slug", label: "Mã CSDL", column: Some("Mã CSDL"), ..NONE };
pub const UPDATED: Field = Field { key: "updated", label: "Ngày cập nhật", ..NONE };
pub const REASON: Field = Field { key: "ly_do", label: "Lý do", ..NONE };
pub const KEYWORDS: Field = Field { key: "keywords", label: "Từ khóa", column: Some("Từ khóa"), ..NONE };
pub const VERBATIM: Field = Field { key: "verbatim", label: "Giữ đúng văn bản đã ký", ..NONE };
pub const PURPOSE: Field = section("purpose", "Mục đích", "muc-dich");
pub const SCOPE: Field = section("scope", "Phạm vi, nội dung chính", "pham-vi");
pub const COLLECTION: Field = section("collection", "Cơ chế thu thập", "co-che-thu-thap");
pub const SHARING: Field = section("sharing", "Kết nối, chia sẻ dữ liệu", "ket-noi-chia-se");

/// A section: its heading is its label and its column's header.
const fn section(key: &'static str, heading: &'static str, anchor: &'static str) -> Field {
    Field { key, label: heading, section: true, column: Some(heading), anchor: Some(anchor), ..NONE }
}

/// Every field, in the order of an entry file: the front matter's keys
/// as the schema lists them, then the four sections.
pub const ALL: [Field; 15] = [
    TITLE, GROUP, NUMBER, SECTOR, AGENCIES, NOTES, SLUG, UPDATED, REASON, KEYWORDS, VERBATIM, PURPOSE, SCOPE,
    COLLECTION, SHARING,
];

/// The four sections of the body, in the order they must come.
pub const SECTIONS: [Field; 4] = [PURPOSE, SCOPE, COLLECTION, SHARING];

/// The columns of the decision's appendix, in its order (1 … 8); the
/// entry page shows the parts with an anchor in the same order.
pub const APPENDIX: [Field; 8] = [NUMBER, TITLE, AGENCIES, PURPOSE, SCOPE, COLLECTION, SHARING, NOTES];

/// The header of `field`'s column (a field without one does not compile).
pub const fn column(field: Field) -> &'static str {
    match field.column {
        Some(header) => header,
        None => panic!("a field without a column"),
    }
}

/// The header of the column of `field`'s codes.
pub const fn code_column(field: Field) -> &'static str {
    match field.code_column {
        Some(header) => header,
        None => panic!("a field without codes"),
    }
}

/// The four sections' headings, in order.
pub const fn section_headings() -> [&'static str; 4] {
    let mut headings = [""; 4];
    let mut i = 0;
    while i < SECTIONS.len() {
        headings[i] = SECTIONS[i].label;
        i += 1;
    }
    headings
}

/// The appendix's column headers, in order.
pub const fn appendix_columns() -> [&'static str; 8] {
    let mut headers = [""; 8];
    let mut i = 0;
    while i < APPENDIX.len() {
        headers[i] = column(APPENDIX[i]);
        i += 1;
    }
    headers
}

/// The anchors of an entry page's parts, in the page's order.
pub const fn anchors() -> [&'static str; 5] {
    let mut anchors = [""; 5];
    let (mut i, mut n) = (0, 0);
    while i < APPENDIX.len() {
        if let Some(anchor) = APPENDIX[i].anchor {
            anchors[n] = anchor;
            n += 1;
        }
        i += 1;
    }
    assert!(n == anchors.len(), "every anchor listed");
    anchors
}

/// The keys that may be kept as signed (`verbatim:`), in the table's order.
pub const fn verbatim_keys() -> [&'static str; 2] {
    let mut keys = [""; 2];
    let (mut i, mut n) = (0, 0);
    while i < ALL.len() {
        if ALL[i].verbatim {
            keys[n] = ALL[i].key;
            n += 1;
        }
        i += 1;
    }
    assert!(n == keys.len(), "every verbatim key listed");
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards against two fields answering to one key, header or anchor:
    /// `import` would read one column into two fields, a link would land
    /// on the wrong part of the page.
    #[test]
    fn every_name_belongs_to_one_field() {
        let names = |of: fn(&Field) -> Option<&'static str>| {
            let mut names: Vec<&str> = ALL.iter().filter_map(of).collect();
            let count = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), count, "{names:?}");
        };
        names(|f| Some(f.key));
        names(|f| Some(f.label));
        names(|f| f.anchor);
        let mut headers: Vec<&str> = ALL.iter().flat_map(|f| [f.column, f.code_column]).flatten().collect();
        let count = headers.len();
        headers.sort_unstable();
        headers.dedup();
        assert_eq!(headers.len(), count, "{headers:?}");
    }

    /// Guards the schema editors complete against and the table drifting
    /// apart: every key of the shipped schema is exactly one row of the
    /// front matter's, in the same order.
    #[test]
    fn every_key_of_the_front_matter_schema_is_one_field() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../schema/front-matter.schema.json")).unwrap();
        let keys: Vec<&str> = schema["properties"].as_object().unwrap().keys().map(String::as_str).collect();
        let front_matter: Vec<&str> = ALL.iter().filter(|f| !f.section).map(|f| f.key).collect();
        let mut sorted = front_matter.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "the schema's keys (serde_json sorts them)");
        assert_eq!(front_matter[..5], ["title", "group", "number", "sector", "agencies"]);
    }

    #[test]
    fn sections_and_the_appendix_read_the_table() {
        assert_eq!(
            section_headings(),
            ["Mục đích", "Phạm vi, nội dung chính", "Cơ chế thu thập", "Kết nối, chia sẻ dữ liệu"]
        );
        assert_eq!(appendix_columns()[..3], ["TT", "Tên cơ sở dữ liệu", "Đơn vị chủ trì"]);
        assert_eq!(anchors(), ["muc-dich", "pham-vi", "co-che-thu-thap", "ket-noi-chia-se", "ghi-chu"]);
        assert_eq!(verbatim_keys(), ["title", "notes"]);
        assert!(ALL.iter().filter(|f| f.section).eq(SECTIONS.iter()));
    }
}
