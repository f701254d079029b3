//! Arbitrary bytes as the spreadsheet `danhmuc import` reads, as a CSV
//! file and as a workbook: reading, the layout, the codes and names, the
//! lists and the entry files' text, planned in memory against declared
//! sectors and agencies (nothing is written). Any panic is a bug, and so
//! is a run that takes seconds or gigabytes (`-rss_limit_mb`).
#![no_main]

use danhmuc::source::from_sheet::{Declaration, plan};
use danhmuc::source::spreadsheet::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let declared = [Declaration { slug: "bien".into(), name: "Biển".into() }];
    for format in [Format::Csv, Format::Xlsx] {
        let _ = plan(data, format, "bang", &declared, &declared);
    }
});
