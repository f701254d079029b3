//! Files built from the model (never from rendered HTML): the catalog as
//! JSON, CSV, a spreadsheet, DCAT and a feed; two Word documents, the
//! decision that gets signed (`docx`) and the bảng so sánh that goes with
//! a draft (`comparison`, also written by `danhmuc diff --format docx`);
//! the sitemap and robots.txt. `table` holds the flat table and the
//! appendix's columns, shared by the CSV file, the workbook and the
//! decision's Word document.

pub mod catalog_json;
pub mod comparison;
pub mod csv;
pub mod dcat;
pub mod docx;
pub mod feed;
pub mod sitemap;
pub mod table;
pub mod xlsx;

/// Members of a large export's list printed at once, on every core, before
/// being written out: enough to keep every core busy, few enough to keep
/// memory flat (a large catalog's export runs to hundreds of megabytes,
/// which need not be held in memory to be written).
const PRINTED_AT_ONCE: usize = 4096;

/// Writes `items` as members of a pretty-printed JSON list, each printed
/// by `print` (see [`nested_member`]), a few thousand at a time on every
/// core. `separate` says whether the list already has a member before
/// them, which the first needs a comma after.
fn write_members<T: Sync>(
    out: &mut dyn std::io::Write,
    items: &[T],
    mut separate: bool,
    print: impl Fn(&T) -> String + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    for chunk in items.chunks(PRINTED_AT_ONCE) {
        let printed: Vec<String> = chunk.par_iter().map(&print).collect();
        for member in printed {
            if separate {
                out.write_all(b",")?;
            }
            out.write_all(member.as_bytes())?;
            separate = true;
        }
    }
    Ok(())
}

/// A value printed on its own as pretty JSON, indented as a member of a
/// list two levels deep, each line on a new one. A JSON string holds no
/// raw line break, so indenting line by line is exact.
fn nested_member(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 4);
    for line in json.lines() {
        out.push_str("\n    ");
        out.push_str(line);
    }
    out
}
