//! `danhmuc check`: load and validate, report every problem, publish nothing.

use crate::diagnostics::{Report, Severity};
use crate::exit;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for people, with a source excerpt.
    Human,
    /// One JSON object per line, for CI annotations.
    Json,
}

pub fn run(root: &Path, format: Format, strict: bool) -> u8 {
    let project = crate::project::Project::open(root);
    let (catalog, report) =
        if strict { crate::site::load_catalog_strictly(&project) } else { crate::site::load_catalog(&project) };
    print_report(&report, &project, format);
    let failed = catalog.is_none() || report.has_errors() || (strict && report.count(Severity::Warning) > 0);
    if format == Format::Human && !failed {
        let entries = catalog.as_ref().map_or(0, |loaded| loaded.catalog.entries().len());
        super::print_out(&format!("Nội dung hợp lệ: {entries} CSDL.\n"));
    }
    if failed { exit::CONTENT_ERRORS } else { exit::OK }
}

/// Prints diagnostics: JSON lines on stdout, or text on stderr (a reader
/// that stopped reading, `| head -1`, is no error: see `print_out`).
pub fn print_report(report: &Report, project: &crate::project::Project, format: Format) {
    match format {
        Format::Json => super::print_out(&report.to_json_lines()),
        Format::Human if !report.is_empty() => super::print_err(&report.to_human(project)),
        Format::Human => {}
    }
}
