//! `danhmuc build`: load, validate, render, and publish atomically. On any
//! content error nothing is written and the previous site stays in place.

use super::check::{Format, print_report};
use crate::config::normalize_base_url;
use crate::diagnostics::Report;
use crate::exit;
use std::path::Path;
use std::time::Instant;

pub struct BuildArgs<'a> {
    pub root: &'a Path,
    pub output: &'a Path,
    pub base_url: Option<&'a str>,
}

pub fn run(args: &BuildArgs) -> u8 {
    let started = Instant::now();
    let (loaded, report) = crate::site::load_catalog(args.root);
    print_report(&report, args.root, Format::Human);
    let Some((catalog, mut config)) = loaded else {
        eprintln!("Không xuất bản: {} vẫn giữ nguyên như trước.", args.output.display());
        return exit::CONTENT_ERRORS;
    };
    if let Some(url) = args.base_url {
        match normalize_base_url(url) {
            Ok(url) => config.base_url = Some(url),
            Err(d) => {
                eprint!("{}", [d].into_iter().collect::<Report>().to_human(args.root));
                return exit::FAILURE;
            }
        }
    }
    let files = match crate::site::build(&catalog, &config, args.root) {
        Ok(files) => files,
        Err(d) => {
            eprint!("{}", [d].into_iter().collect::<Report>().to_human(args.root));
            eprintln!("Không xuất bản: {} vẫn giữ nguyên như trước.", args.output.display());
            return exit::CONTENT_ERRORS;
        }
    };
    if let Err(e) = files.publish(args.output, args.root) {
        eprintln!("Lỗi khi ghi {}: {e:#}", args.output.display());
        return exit::FAILURE;
    }
    let pages = files.paths().filter(|p| p.ends_with(".html")).count();
    println!(
        "Đã dựng {pages} trang ({} CSDL, {} tệp, {} KiB) vào {} trong {} ms.",
        catalog.entries().len(),
        files.len(),
        files.total_bytes() / 1024,
        args.output.display(),
        started.elapsed().as_millis()
    );
    exit::OK
}
