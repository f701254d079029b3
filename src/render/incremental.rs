//! The live preview's fast path: the pages one changed entry appears on,
//! rendered from the views of the last full build, exactly as the full
//! build renders them (tests compare the two, with and without versions).

use super::pages::{PageBuilder, agencies, groups, home, neighbours, render_entry, sectors};
use super::templates::Renderer;
use super::views::CatalogViews;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::{AgencyId, Catalog, SectorId};
use crate::output::Sink;
use crate::versions::Versions;
use crate::versions::compare::{Changed, Changes, EntryRef, Renamed};
use std::collections::HashMap;

/// Where an entry was before a change, for [`render_changed_entry`].
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

/// The entries whose pages say something else of the working tree's
/// changes once they went from `before` to `after` (an entry's change
/// can make another one its rename, or stop it being one).
pub fn draft_touched(catalog: &Catalog, before: Option<&Changes>, after: Option<&Changes>) -> Vec<usize> {
    /// What the changes say of one current slug.
    #[derive(Default, PartialEq)]
    struct Said<'a> {
        added: Option<&'a EntryRef>,
        renamed: Option<&'a Renamed>,
        changed: Option<&'a Changed>,
    }
    fn said(changes: Option<&Changes>) -> HashMap<&str, Said<'_>> {
        let mut said: HashMap<&str, Said> = HashMap::new();
        if let Some(changes) = changes {
            for e in &changes.added {
                said.entry(e.slug.as_str()).or_default().added = Some(e);
            }
            for r in &changes.renamed {
                said.entry(r.to.slug.as_str()).or_default().renamed = Some(r);
            }
            for c in &changes.changed {
                said.entry(c.entry.slug.as_str()).or_default().changed = Some(c);
            }
        }
        said
    }
    let (before, after) = (said(before), said(after));
    (0..catalog.entries().len())
        .filter(|&i| before.get(catalog.entries()[i].slug.as_str()) != after.get(catalog.entries()[i].slug.as_str()))
        .collect()
}

/// The pages that change when the entry at `index` changed, keeping its
/// slug, group and number. Its text alone (`before` None): its own page.
/// Moved to another sector or other agencies: also its neighbours' pages
/// in the old and new sector (their previous/next links), both sectors'
/// and all its old and new agencies' pages, its group's page, the sector
/// and agency lists and the home page (counts). With versions, also what
/// says what the working tree changes: the pages of the entries in
/// `draft_touched`, the home page, the versions page, the working tree's
/// version page and the pages of entries gone. The full table,
/// statistics and data follow from a full rebuild.
#[allow(clippy::too_many_arguments)]
pub fn render_changed_entry(
    catalog: &Catalog,
    config: &Config,
    renderer: &Renderer,
    views: &CatalogViews,
    versions: &Versions,
    index: usize,
    before: Option<&Before>,
    draft_touched: &[usize],
    files: &dyn Sink,
) -> Result<(), Diagnostic> {
    let pages = PageBuilder::new(renderer, views, config, catalog, Some(versions));
    let entry = &catalog.entries()[index];
    let now = neighbours(catalog);
    let mut touched: Vec<usize> = std::iter::once(index).chain(draft_touched.iter().copied()).collect();
    if let Some(before) = before {
        touched.extend([before.neighbours.0, before.neighbours.1, now[index].0, now[index].1].into_iter().flatten());
    }
    touched.sort_unstable();
    touched.dedup();
    let has_versions = !versions.is_empty();
    // The group's page lists the whole group, the slowest of these by far:
    // render it beside the others.
    let (group, rest) = rayon::join(
        || match before {
            Some(_) => groups(&pages, files, &|g| g == entry.group),
            None => Ok(()),
        },
        || {
            for i in touched {
                let (path, html) = render_entry(&pages, i, now[i])?;
                files.add(&path, html);
            }
            if let Some(before) = before {
                sectors(&pages, files, &|id| id == entry.sector || id == before.sector)?;
                agencies(&pages, files, &|id| entry.agencies.contains(&id) || before.agencies.contains(&id))?;
            }
            if before.is_some() || has_versions {
                home(&pages, files)?;
            }
            if has_versions {
                let current = versions.list.len() - 1;
                super::versions::version_pages(&pages, versions, &|i| i == current, files)?;
                super::versions::gone_pages(&pages, versions, catalog, files)?;
            }
            Ok(())
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
        let (loaded, _) = crate::site::load_catalog(&crate::project::Project::open(&root));
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
        let versions = crate::versions::Versions::default();
        render_changed_entry(&catalog, &config, &renderer, &views, &versions, index, Some(&before), &[], &fast)
            .unwrap();
        let fast = fast.into_inner().unwrap();

        let full = Mutex::new(SiteFiles::default());
        render_pages(
            &catalog,
            &config,
            &renderer,
            &CatalogViews::new(&catalog, targets, &config, &renderer).unwrap(),
            &crate::versions::Versions::default(),
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
