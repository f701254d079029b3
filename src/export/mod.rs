//! Machine-readable outputs built from the model (never from rendered
//! HTML): the catalog as JSON, CSV, a spreadsheet, DCAT and a feed; the
//! sitemap and robots.txt.

pub mod catalog_json;
pub mod csv;
pub mod dcat;
pub mod feed;
pub mod sitemap;
pub mod table;
pub mod xlsx;
