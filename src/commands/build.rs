//! `danhmuc build`: load, validate, render, and publish atomically. On any
//! content error nothing is written and the previous site stays in place.

use super::check::{Format, print_report};
use super::{print_err, print_out};
use crate::config::normalize_base_url;
use crate::diagnostics::Report;
use crate::exit;
use std::path::Path;
use std::time::Instant;

pub struct BuildArgs<'a> {
    pub root: &'a Path,
    pub output: &'a Path,
    pub base_url: Option<&'a str>,
    /// Print how long each step took (for profiling).
    pub timings: bool,
}

pub fn run(args: &BuildArgs) -> u8 {
    let started = Instant::now();
    // Said when nothing is published: true whether or not a site was there.
    let kept = || match std::fs::symlink_metadata(args.output) {
        Ok(_) => format!("Không xuất bản: {} vẫn giữ nguyên như trước.", args.output.display()),
        Err(_) => format!("Không xuất bản: chưa ghi gì vào {}.", args.output.display()),
    };

    let project = crate::project::Project::open(args.root);
    let (loaded, report) = crate::site::load_catalog(&project);
    let loaded_at = started.elapsed();
    print_report(&report, &project, Format::Human);
    let Some(mut loaded) = loaded else {
        print_err(&format!("{}\n", kept()));
        return exit::CONTENT_ERRORS;
    };
    if let Some(url) = args.base_url {
        match normalize_base_url(url) {
            Ok(url) => loaded.config.base_url = Some(url),
            Err(d) => {
                print_err(&[d].into_iter().collect::<Report>().to_human(&project));
                return exit::FAILURE;
            }
        }
    }
    let build_started = Instant::now();
    // Files are written into a staging folder as they are made; it replaces
    // the output folder only once the build is complete.
    let staging = match crate::output::Staging::begin(args.output, args.root) {
        Ok(staging) => staging,
        Err(e) => {
            print_err(&format!("Lỗi khi chuẩn bị ghi {}: {e:#}.\n", args.output.display()));
            print_err(&format!("{}\n", kept()));
            return exit::FAILURE;
        }
    };
    let parts = match crate::site::build_into(&loaded, &project, &staging) {
        Ok(built) => built.timings,
        Err(d) => {
            drop(staging);
            print_err(&[d].into_iter().collect::<Report>().to_human(&project));
            print_err(&format!("{}\n", kept()));
            return exit::CONTENT_ERRORS;
        }
    };
    let built_in = build_started.elapsed();
    let publish_started = Instant::now();
    let summary = match staging.publish() {
        Ok(summary) => summary,
        Err(e) => {
            print_err(&format!("Lỗi khi xuất bản: {e:#}.\n"));
            print_err(&format!("{}\n", kept()));
            return exit::FAILURE;
        }
    };
    if args.timings {
        print_err(&format!(
            "timings: load + validate {} ms; render, exports and writing {} ms (pages {} ms, exports {} ms, side by side); publish {} ms\n",
            loaded_at.as_millis(),
            built_in.as_millis(),
            parts.pages.as_millis(),
            parts.exports.as_millis(),
            publish_started.elapsed().as_millis()
        ));
    }
    let cleaned = match summary.leftovers_removed {
        0 => String::new(),
        n => format!(" Đã dọn {n} thư mục tạm do lần dựng bị ngắt trước đó để lại."),
    };
    print_out(&format!(
        "Đã dựng {} trang ({} CSDL, {} tệp, {} KiB) vào {} trong {} ms.{cleaned}\n",
        summary.pages,
        loaded.catalog.entries().len(),
        summary.files,
        summary.bytes / 1024,
        args.output.display(),
        started.elapsed().as_millis()
    ));
    exit::OK
}
