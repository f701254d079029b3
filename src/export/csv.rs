//! `data/catalog.csv`: RFC 4180 CSV, UTF-8 with a byte-order mark so that
//! Excel on Windows shows Vietnamese correctly, CRLF line endings.

use super::table::{HEADERS, rows};
use crate::model::Catalog;

pub const PATH: &str = "data/catalog.csv";

/// Writes the CSV file to `out`, one row at a time.
pub fn write_csv(catalog: &Catalog, base_url: Option<&str>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    writer.write_record(HEADERS)?;
    for row in rows(catalog, base_url) {
        writer.write_record(row.iter().map(|cell| cell.as_bytes()))?;
    }
    writer.flush()
}
