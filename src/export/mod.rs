//! Machine-readable outputs built from the model (never from rendered
//! HTML): the catalog as JSON, the sitemap and robots.txt.

pub mod catalog_json;
pub mod sitemap;
