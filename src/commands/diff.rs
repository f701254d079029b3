//! `danhmuc diff [OLD] [NEW]`: what changed between two versions of the
//! catalog (the sides as `versions::sides` finds them), printed for
//! people, as Markdown or as JSON (`versions::report`), or written as the
//! bảng so sánh (`comparison`). Exits 0 when it ran, whatever it found.

use crate::diagnostics::Report;
use crate::exit;
use crate::model::Catalog;
use crate::project::Project;
use crate::versions::compare::compare;
use crate::versions::report::{json_report, markdown_report, text_report};
use crate::versions::sides::{self, Unresolved};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for a terminal: removed words in [-…-], added ones in {+…+}.
    Text,
    /// Markdown, with <del> and <ins>.
    Markdown,
    /// JSON: {"old", "new" (the sides' labels), "added": [slug…], "removed": […], "added_entries"/"removed_entries": [{"slug", "reference", "title"}…], "renamed": [{"from", "to", "reference", "from_title", "to_title"}…], "changed": [{"slug", "reference", "title", "fields": […]}…]}.
    Json,
    /// The bảng so sánh as a Word document, written to `--output`.
    Docx,
}

pub struct DiffArgs<'a> {
    pub root: &'a Path,
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
    pub format: Format,
    /// Where `docx` writes the document.
    pub output: Option<&'a Path>,
}

pub fn run(args: &DiffArgs) -> u8 {
    if args.format == Format::Docx
        && let Err(code) = super::comparison::check_output(args.root, args.output)
    {
        return code;
    }
    let project = Project::open(args.root);
    // The declared versions name the sides and give the default one.
    let config = crate::source::load_config(&project);
    let sides = match sides::resolve(args.root, &config, args.old, args.new) {
        Ok(sides) => sides,
        Err(Unresolved::Config(problem)) => {
            eprint!("{}", [problem].into_iter().collect::<Report>().to_human(&project));
            return exit::CONTENT_ERRORS;
        }
        Err(Unresolved::NoVersionInForce(message)) => {
            eprintln!("{message}");
            return exit::FAILURE;
        }
    };
    let (Some(before), Some(after)) =
        (side(&project, &sides.old, !sides.old_is_declared), side(&project, &sides.new, true))
    else {
        return exit::CONTENT_ERRORS;
    };
    let changes = compare(&before, &after);
    if sides.signed_pair && args.format != Format::Json {
        eprintln!("Bản đang sửa đã ký ([decision]): so sánh hai Quyết định mới nhất đã ban hành.");
    }
    let text = match args.format {
        Format::Text => text_report(&changes, &sides.labels),
        Format::Markdown => markdown_report(&changes, &sides.labels),
        Format::Json => json_report(&changes, &sides.labels),
        Format::Docx => {
            let Some(output) = args.output else { return exit::FAILURE };
            let catalogs = (&before, &after);
            return super::comparison::write((&project, output), &changes, catalogs, &sides.old, &sides.declared);
        }
    };
    super::print_out(&text);
    exit::OK
}

/// One side's catalog; its problems printed when it has none.
fn side(project: &Project, what: &str, may_be_folder: bool) -> Option<Catalog> {
    let (catalog, report) = sides::read(project, what, may_be_folder);
    if catalog.is_none() {
        eprint!("{}", report.to_human(&Project::open(Path::new(what))));
        eprintln!("Không so sánh được: nội dung của “{what}” có lỗi.");
    }
    catalog
}
