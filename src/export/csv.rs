//! `data/catalog.csv`: RFC 4180 CSV, UTF-8 with a byte-order mark so that
//! Excel on Windows shows Vietnamese correctly, CRLF line endings.

use super::table::{HEADERS, rows};
use crate::model::Catalog;

pub const PATH: &str = "data/catalog.csv";

pub fn to_csv(catalog: &Catalog, base_url: Option<&str>) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        writer.write_record(HEADERS).expect("writing to memory");
        for row in rows(catalog, base_url) {
            writer.write_record(&row).expect("writing to memory");
        }
        writer.flush().expect("writing to memory");
    }
    out
}
