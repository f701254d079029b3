//! Rendering the catalog's pages with Tera.
//!
//! Default templates (`theme/templates/`) are compiled into the binary; a file of the same name
//! in the project's `templates/` folder replaces one (as in Zola and
//! mdBook), and other files there are available to `include`. Templates are
//! compiled once per build. Every link a template writes is relative
//! (`{{ root }}` climbs back to the site root), so the site works under any
//! subpath and straight from disk.

mod charts;
mod decision;
mod incremental;
mod pages;
mod structured;
pub mod views;

mod changes;
mod templates;
mod versions;

pub use incremental::{Before, draft_touched, render_changed_entry};
pub use templates::{Renderer, TEMPLATES_DIR, root_prefix};

/// Renders every HTML page of the site into `files`: the catalog as it
/// stands, and its versions (`versions`).
pub fn render_pages(
    catalog: &crate::model::Catalog,
    config: &crate::config::Config,
    renderer: &Renderer,
    views: &views::CatalogViews,
    versions: &crate::versions::Versions,
    files: &dyn crate::output::Sink,
) -> Result<(), crate::diagnostics::Diagnostic> {
    let pages = pages::PageBuilder::new(renderer, views, config, catalog, Some(versions));
    pages::standard_pages(&pages, files)?;
    versions::version_pages(&pages, versions, &|_| true, files)?;
    versions::gone_pages(&pages, versions, catalog, files)
}
