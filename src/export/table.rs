//! The catalog as a flat table, one row per CSDL: what the CSV file and the
//! spreadsheet's flat sheet hold, with the same columns in the same order.
//! Lists (agencies, keywords) are joined with "; ", long fields are their Markdown
//! source, so a row equals the entry in `catalog.json`.

use crate::model::Catalog;
use crate::model::fields::{
    self, AGENCIES, COLLECTION, GROUP, KEYWORDS, NOTES, NUMBER, PURPOSE, SCOPE, SECTOR, SHARING, SLUG, TITLE,
};
use std::borrow::Cow;

/// The columns of the decision's appendix, as it prints them (the
/// workbook's first sheet, the Word document).
pub const APPENDIX_COLUMNS: [&str; 8] = fields::appendix_columns();

/// The flat table's columns: the entry's fields (a sector's and the
/// agencies' names, then their codes) and two the table adds, the group's
/// name and the page's address, which `import` does not read.
pub const HEADERS: [&str; 16] = [
    fields::column(GROUP),
    GROUP_NAME,
    fields::column(SECTOR),
    fields::code_column(SECTOR),
    fields::column(NUMBER),
    fields::column(TITLE),
    fields::column(SLUG),
    fields::column(AGENCIES),
    fields::code_column(AGENCIES),
    fields::column(PURPOSE),
    fields::column(SCOPE),
    fields::column(COLLECTION),
    fields::column(SHARING),
    fields::column(NOTES),
    PAGE_ADDRESS,
    // Not a column of the decision: the words people search by, last so
    // that the decision's columns keep their places.
    fields::column(KEYWORDS),
];

/// The two columns of [`HEADERS`] made from the entry rather than read
/// from it.
pub const GROUP_NAME: &str = "Tên nhóm";
pub const PAGE_ADDRESS: &str = "Địa chỉ trang";

/// Where each of the appendix's columns but the first (TT, a number of
/// its own) is in a row of the flat table.
pub fn appendix_in_row() -> [usize; 7] {
    let mut at = [0; 7];
    for (slot, header) in at.iter_mut().zip(&APPENDIX_COLUMNS[1..]) {
        *slot = HEADERS.iter().position(|h| h == header).unwrap_or_default();
    }
    at
}

/// The rows in the decision's order, made one at a time as they are
/// written; `base_url` makes page addresses absolute when known. Texts are
/// borrowed from the catalog: only joined lists, numbers and addresses are
/// made.
pub fn rows<'a>(catalog: &'a Catalog, base_url: Option<&'a str>) -> impl Iterator<Item = [Cow<'a, str>; 16]> + 'a {
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
            joined(e.keywords.iter().map(String::as_str)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::spreadsheet;

    /// Guards the round trip an editor relies on: `danhmuc import` takes
    /// the site's own CSV file or workbook back, so it must recognise
    /// every column the flat table writes, but the two made from the
    /// entry.
    #[test]
    fn import_reads_every_column_the_flat_table_writes() {
        for header in HEADERS {
            let made = [GROUP_NAME, PAGE_ADDRESS].contains(&header);
            assert_eq!(spreadsheet::READ.contains(&header), !made, "{header}");
        }
        for header in spreadsheet::READ {
            assert!(HEADERS.contains(&header), "{header}");
        }
        // The appendix's layout is read too.
        for header in APPENDIX_COLUMNS {
            assert!(spreadsheet::READ.contains(&header), "{header}");
        }
    }

    /// Guards the workbook's first sheet taking each appendix column's
    /// text from the right cell of the flat row.
    #[test]
    fn the_appendix_takes_its_cells_from_the_flat_row() {
        let at = appendix_in_row();
        assert_eq!(at, [5, 7, 9, 10, 11, 12, 13]);
        for (column, header) in at.iter().zip(&APPENDIX_COLUMNS[1..]) {
            assert_eq!(HEADERS[*column], *header);
        }
    }
}
