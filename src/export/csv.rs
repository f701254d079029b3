//! `data/catalog.csv`: RFC 4180 CSV, UTF-8 with a byte-order mark so that
//! Excel on Windows shows Vietnamese correctly, CRLF line endings.
//!
//! A spreadsheet opening a CSV file runs a cell that starts with `=`, `+`,
//! `-` or `@` as a formula (OWASP "CSV injection"), and Excel shows
//! `#NAME?` for the many real cells that start with a Markdown list's
//! "- ". Such cells, and those starting with a tab or carriage return, are
//! written with a leading apostrophe, which keeps them text in Excel and
//! LibreOffice alike; a machine reader drops one leading `'` from a cell
//! to get the exact text (docs/content-format.md). `catalog.json` and the
//! workbook carry the text unchanged.

use super::table::{HEADERS, rows};
use crate::model::Catalog;

pub const PATH: &str = crate::urls::CATALOG_CSV;

/// Writes the CSV file to `out`, one row at a time.
pub fn write_csv(catalog: &Catalog, base_url: Option<&str>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    writer.write_record(HEADERS)?;
    for row in rows(catalog, base_url) {
        for cell in &row {
            writer.write_field(as_text_cell(cell).as_bytes())?;
        }
        writer.write_record(std::iter::empty::<&[u8]>())?;
    }
    writer.flush()
}

/// A cell a spreadsheet cannot take for a formula.
fn as_text_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a cell starting with "=" became a live formula, and one
    /// starting with "- " (a Markdown list) an error, in a spreadsheet.
    #[test]
    fn cells_a_spreadsheet_would_run_are_kept_text() {
        for risky in ["=HYPERLINK(\"http://x\")", "+84 203", "- Quản lý\n- Hai", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(as_text_cell(risky), format!("'{risky}"));
        }
        for plain in ["CSDL Đất đai", "5", "'trích dẫn'", "", "a=b"] {
            assert_eq!(as_text_cell(plain), plain);
        }
    }
}
