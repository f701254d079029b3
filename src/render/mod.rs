//! Rendering the catalog's pages with Tera.
//!
//! Default templates are compiled into the binary; a file of the same name
//! in the project's `templates/` folder replaces one (as in Zola and
//! mdBook), and other files there are available to `include`. Templates are
//! compiled once per build. Every link a template writes is relative
//! (`{{ root }}` climbs back to the site root), so the site works under any
//! subpath and straight from disk.

mod charts;
mod incremental;
mod pages;
mod structured;
pub mod views;

mod templates;

pub use incremental::{Before, render_entry_page, render_moved_entry};
pub use pages::render_pages;
pub use templates::{Renderer, TEMPLATES_DIR, root_prefix};
