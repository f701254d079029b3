//! The live preview's fast path: the pages one changed entry appears on,
//! rendered from the views of the last full build, exactly as the full
//! build renders them (a test compares the two).

use super::pages::{PageBuilder, agencies, groups, home, neighbours, render_entry, sectors};
use super::templates::Renderer;
use super::views::CatalogViews;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::{AgencyId, Catalog, SectorId};
use crate::output::Sink;

/// One entry's page alone, from views already built: the live preview's
/// fast path after an entry's text changed.
pub fn render_entry_page(
    catalog: &Catalog,
    config: &Config,
    renderer: &Renderer,
    views: &CatalogViews,
    index: usize,
) -> Result<(String, Vec<u8>), Diagnostic> {
    let pages = PageBuilder::new(renderer, views, config, catalog, None);
    render_entry(&pages, index, neighbours(catalog)[index])
}

/// Where an entry was before a change, for [`render_moved_entry`].
pub struct Before {
    pub sector: SectorId,
    pub agencies: Vec<AgencyId>,
    /// Its previous and next entries in its sector.
    pub neighbours: (Option<usize>, Option<usize>),
}

impl Before {
    pub fn of(catalog: &Catalog, index: usize) -> Before {
        let entry = &catalog.entries()[index];
        Before { sector: entry.sector, agencies: entry.agencies.clone(), neighbours: neighbours(catalog)[index] }
    }
}

/// The pages that change when an entry moves to another sector or other
/// agencies (same slug, group and number): its own page, its neighbours'
/// in the old and new sector (their previous/next links), both sectors'
/// and all its old and new agencies' pages, its group's page, the sector
/// and agency lists and the home page (counts). The live preview's fast
/// path; the full table, statistics and data follow from a full rebuild.
pub fn render_moved_entry(
    catalog: &Catalog,
    config: &Config,
    renderer: &Renderer,
    views: &CatalogViews,
    index: usize,
    before: &Before,
    files: &dyn Sink,
) -> Result<(), Diagnostic> {
    let pages = PageBuilder::new(renderer, views, config, catalog, None);
    let entry = &catalog.entries()[index];
    let now = neighbours(catalog);
    let mut touched: Vec<usize> = [Some(index), before.neighbours.0, before.neighbours.1, now[index].0, now[index].1]
        .into_iter()
        .flatten()
        .collect();
    touched.sort_unstable();
    touched.dedup();
    // The group's page lists the whole group, the slowest of these by far:
    // render it beside the others.
    let (group, rest) = rayon::join(
        || groups(&pages, files, &|g| g == entry.group),
        || {
            for i in touched {
                let (path, html) = render_entry(&pages, i, now[i])?;
                files.add(&path, html);
            }
            sectors(&pages, files, &|id| id == entry.sector || id == before.sector)?;
            agencies(&pages, files, &|id| entry.agencies.contains(&id) || before.agencies.contains(&id))?;
            home(&pages, files)
        },
    );
    group.and(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::SiteFiles;
    use crate::render::render_pages;
    use crate::render::views::CatalogViews;
    use std::sync::Mutex;

    /// The live preview's fast path after a move renders exactly what the
    /// full build would for the pages it touches.
    #[test]
    fn a_moved_entry_renders_its_pages_as_the_full_build_does() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
        let (loaded, _) = crate::site::load_catalog(&root);
        let crate::site::Loaded { mut catalog, targets, config, renderer, .. } = loaded.unwrap();
        let mut views = CatalogViews::new(&catalog, targets.clone(), &config, &renderer).unwrap();
        // A.2 "CSDL bản đồ" moves from sector "Bản đồ" to "Biển".
        let index = catalog.entries().iter().position(|e| e.title == "CSDL bản đồ").unwrap();
        let before = Before::of(&catalog, index);
        let mut moved = catalog.entries()[index].clone();
        moved.sector = catalog.sector_ids().find(|id| catalog.sector(*id).slug.as_str() == "bien").unwrap();
        catalog.replace_entry(index, moved);
        views.refresh_entry(&catalog, &config, &renderer, index).unwrap();
        let fast = Mutex::new(SiteFiles::default());
        render_moved_entry(&catalog, &config, &renderer, &views, index, &before, &fast).unwrap();
        let fast = fast.into_inner().unwrap();

        let full = Mutex::new(SiteFiles::default());
        render_pages(
            &catalog,
            &config,
            &renderer,
            &CatalogViews::new(&catalog, targets, &config, &renderer).unwrap(),
            &crate::history::History::default(),
            &full,
        )
        .unwrap();
        let full = full.into_inner().unwrap();
        let paths: Vec<&str> = fast.paths().collect();
        for expected in [
            "csdl/csdl-ban-do/index.html",
            "csdl/csdl-ban-mau-do/index.html",
            "csdl/csdl-moi-sinh-va-truong-hoc/index.html",
            "linh-vuc/ban-do/index.html",
            "linh-vuc/bien/index.html",
            "don-vi/so-thu/index.html",
            "nhom/a/index.html",
            "index.html",
        ] {
            assert!(paths.contains(&expected), "{expected} missing from {paths:?}");
        }
        for path in paths {
            assert!(fast.get(path) == full.get(path), "{path} differs from the full build");
        }
    }
}
