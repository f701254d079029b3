//! Loading a project into a catalog, and building every file of its site.
//!
//! `check` stops after [`load_catalog`]; `build` and `serve` go on to
//! [`build`] and publish the result.

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Report};
use crate::model::Catalog;
use crate::output::SiteFiles;
use crate::render::Renderer;
use crate::{export, render, search, source, validate};
use std::path::Path;

/// The built-in assets, replaced by same-named files in `static/`.
const DEFAULT_ASSETS: &[(&str, &str)] = &[
    ("assets/style.css", include_str!("../static/assets/style.css")),
    ("assets/site.js", include_str!("../static/assets/site.js")),
    ("assets/search.js", include_str!("../static/assets/search.js")),
];

pub const STATIC_DIR: &str = "static";

/// Reads and validates the project at `root`.
pub fn load_catalog(root: &Path) -> (Option<(Catalog, Config)>, Report) {
    let (project, mut report) = source::load(root);
    let (catalog, validation) = validate::validate(&project);
    report.extend(validation);
    match (catalog, project.config) {
        (Some(catalog), Some(config)) if !report.has_errors() => (Some((catalog, config)), report),
        _ => (None, report),
    }
}

/// Renders pages and exports for a validated catalog.
pub fn build(catalog: &Catalog, config: &Config, root: &Path) -> Result<SiteFiles, Diagnostic> {
    let renderer = Renderer::new(root)?;
    let mut files = SiteFiles::default();
    for (path, text) in DEFAULT_ASSETS {
        files.add(path, text.as_bytes().to_vec());
    }
    files.add_dir(&root.join(STATIC_DIR)).map_err(|e| {
        Diagnostic::error(crate::diagnostics::Code::Io, STATIC_DIR, format!("Không đọc được thư mục static/: {e:#}."))
    })?;
    render::render_pages(catalog, config, &renderer, &mut files)?;
    files.add(search::INDEX_PATH, search::build_index(catalog).into_bytes());
    files.add(export::catalog_json::PATH, export::catalog_json::to_json(catalog, &config.title).into_bytes());
    let html: Vec<String> = files.paths().filter(|p| p.ends_with(".html")).map(str::to_string).collect();
    if let Some(xml) = export::sitemap::sitemap(html.iter(), config.base_url.as_deref()) {
        files.add("sitemap.xml", xml.into_bytes());
    }
    files.add("robots.txt", export::sitemap::robots(config.base_url.as_deref()).into_bytes());
    Ok(files)
}
