//! Loading a project into a catalog, and building every file of its site.
//!
//! `check` stops after [`load_catalog`]; `build` and `serve` go on to
//! [`build`] and publish the result.

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Report};
use crate::model::Catalog;
use crate::output::{Sink, SiteFiles};
use crate::project::Project;
use crate::render::Renderer;
use crate::render::views::CatalogViews;
use crate::{export, render, search, source, validate};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The built-in assets (`theme/assets/`, and the search scripts joined from
/// `theme/search/`), replaced by same-named files in a project's `static/`.
const DEFAULT_ASSETS: &[(&str, &str)] = &[
    ("assets/style.css", include_str!("../theme/assets/style.css")),
    ("assets/site.js", include_str!("../theme/assets/site.js")),
    ("assets/favicon.svg", include_str!("../theme/assets/favicon.svg")),
    // Joined from theme/search/ by build.rs.
    ("assets/search.js", include_str!(concat!(env!("OUT_DIR"), "/search.js"))),
    ("assets/search-understand.js", include_str!(concat!(env!("OUT_DIR"), "/search-understand.js"))),
];

pub use crate::source::STATIC_DIR;

/// A built-in asset: its path and what is published (scripts and the
/// style sheet without their comments and indentation).
struct Shipped {
    path: &'static str,
    published: String,
}

/// The built-in assets, made once per process (`serve` rebuilds often).
/// Files of the same name in `static/` are published as they are.
fn shipped_assets() -> &'static [Shipped] {
    static SHIPPED: std::sync::OnceLock<Vec<Shipped>> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| {
        DEFAULT_ASSETS
            .iter()
            .map(|&(path, source)| {
                let published = match path.rsplit_once('.').map(|(_, extension)| extension) {
                    Some("js") => minifier::js::minify(source).to_string(),
                    Some("css") => {
                        minifier::css::minify(source).expect("the built-in style sheet minifies").to_string()
                    }
                    _ => source.to_string(),
                };
                Shipped { path, published }
            })
            .collect()
    })
}

/// The JSON Schema of `data/catalog.json`, published beside it.
pub const CATALOG_SCHEMA_PATH: &str = crate::urls::CATALOG_SCHEMA;

/// A project read and checked: everything a build needs. `check` stops
/// here, so whatever a build would reject is reported by `check` first.
pub struct Loaded {
    pub catalog: Catalog,
    /// What the content's links can point to.
    pub targets: std::sync::Arc<crate::content_links::LinkTargets>,
    pub config: Config,
    /// The templates, compiled.
    pub renderer: Renderer,
    /// The files of `static/`, as project paths.
    pub static_files: Vec<String>,
    /// The versions of the catalog (`[[versions]]`), read from git.
    pub versions: crate::versions::Versions,
}

/// Reads and validates `project`, templates included; the report leaves
/// out what only `check --strict` shows.
pub fn load_catalog(project: &Project) -> (Option<Loaded>, Report) {
    load_catalog_reusing(project, None)
}

/// [`load_catalog`], taking the versions' contents from `read` where they
/// were read before (`serve` reads each version once per session).
pub fn load_catalog_reusing(
    project: &Project,
    read: Option<&crate::versions::ReadVersions>,
) -> (Option<Loaded>, Report) {
    let (loaded, report) = load_strictly(project, read);
    (loaded, report.without_strict_only())
}

/// [`load_catalog`] with every finding, for `check --strict`.
pub fn load_catalog_strictly(project: &Project) -> (Option<Loaded>, Report) {
    load_strictly(project, None)
}

fn load_strictly(project: &Project, read: Option<&crate::versions::ReadVersions>) -> (Option<Loaded>, Report) {
    let (mut raw, mut report) = source::load(project);
    let (catalog, validation) = validate::validate(&raw);
    report.extend(validation);
    let renderer = Renderer::new(project).map_err(|problems| report.extend(problems)).ok();
    match (catalog, raw.config.take(), renderer) {
        (Some((catalog, targets)), Some(config), Some(renderer)) if !report.has_errors() => {
            let static_files = std::mem::take(&mut raw.static_files);
            let targets = std::sync::Arc::new(targets);
            let versions = crate::versions::Versions::load_with(project, &config, &catalog, &mut report, read);
            if report.has_errors() {
                return (None, report);
            }
            (Some(Loaded { catalog, targets, config, renderer, static_files, versions }), report)
        }
        _ => (None, report),
    }
}

/// How long the two halves of a build took (they run side by side).
#[derive(Debug, Clone, Copy)]
pub struct BuildTimings {
    pub pages: Duration,
    pub exports: Duration,
}

/// What a build made along the way besides its files: the live preview
/// keeps the page views to re-render one entry later.
pub struct Built {
    pub timings: BuildTimings,
    pub views: CatalogViews,
}

/// Renders pages and exports for a loaded project into memory.
pub fn build(loaded: &Loaded, project: &Project) -> Result<SiteFiles, Diagnostic> {
    let files = Mutex::new(SiteFiles::default());
    build_into(loaded, project, &files)?;
    Ok(files.into_inner().expect("site files"))
}

/// Renders pages and exports for a loaded project into `sink`, each file
/// as soon as it is made; returns how long the parts took and the views.
/// The files of `static/` are read from `project`.
pub fn build_into(loaded: &Loaded, project: &Project, sink: &dyn Sink) -> Result<Built, Diagnostic> {
    let Loaded { catalog: working, targets, config, renderer, static_files, versions } = loaded;
    // The site describes the catalog in force; a pending draft is
    // published beside it as a proposal (docs/versions.md).
    let (catalog, targets) = match versions.in_force_catalog() {
        Some(in_force) => {
            let statics = static_files.iter().map(|p| source::static_site_path(p));
            (in_force, std::sync::Arc::new(crate::content_links::LinkTargets::new(in_force, statics)))
        }
        None => (working, targets.clone()),
    };
    for asset in shipped_assets() {
        sink.add(asset.path, asset.published.as_bytes().to_vec());
    }
    for path in static_files {
        let bytes = project.read_whole(path).map_err(|e| {
            let reason = crate::diagnostics::io_message(&e);
            Diagnostic::error(crate::diagnostics::Code::Io, path, format!("Không đọc được tệp: {reason}."))
        })?;
        let site_path = source::static_site_path(path);
        sink.add(&site_path, bytes);
    }
    // Pages and the exports are independent: build them side by side. The
    // workbook is one long serial task: started first, it runs beside the
    // rest instead of alone at the end.
    let base_url = config.base_url.as_deref();
    let (workbook, ((views, pages_time), (exported, exports_time))) = rayon::join(
        || export::xlsx::to_xlsx(catalog, &config.title, base_url).map(|x| sink.add(export::xlsx::PATH, x)),
        || {
            rayon::join(
                || {
                    let start = Instant::now();
                    let views = CatalogViews::new(catalog, targets.clone(), config, renderer).and_then(|views| {
                        render::render_pages(catalog, config, renderer, &views, versions, sink).map(|()| views)
                    });
                    (views, start.elapsed())
                },
                || {
                    let start = Instant::now();
                    let exported = exports(catalog, config, versions, base_url, sink);
                    (exported, start.elapsed())
                },
            )
        },
    );
    let views = views?;
    workbook.map_err(|e| {
        Diagnostic::error(crate::diagnostics::Code::Io, export::xlsx::PATH, format!("Không tạo được tệp Excel: {e}."))
    })?;
    exported?;
    let paths = sink.paths();
    // The sitemap lists the catalog in force: the pages of entries only a
    // pending draft has (added, or renamed to a new address) are proposals.
    let proposed: std::collections::HashSet<String> = match (versions.pending_draft(), versions.in_force_catalog()) {
        (Some(draft), Some(in_force)) => {
            let in_force: std::collections::HashSet<&str> =
                in_force.entries().iter().map(|e| e.slug.as_str()).collect();
            draft
                .entries()
                .iter()
                .filter(|e| !in_force.contains(e.slug.as_str()))
                .map(|e| crate::urls::entry_page(e.slug.as_str()))
                .collect()
        }
        _ => Default::default(),
    };
    let indexed = paths.iter().filter(|p| p.ends_with(".html") && !proposed.contains(p.as_str()));
    if let Some(xml) = export::sitemap::sitemap(indexed, base_url) {
        sink.add("sitemap.xml", xml.into_bytes());
    }
    sink.add("robots.txt", export::sitemap::robots(base_url).into_bytes());
    Ok(Built { timings: BuildTimings { pages: pages_time, exports: exports_time }, views })
}

/// The machine-readable files but the workbook: search index, catalog in
/// the other formats, feed, per-entry JSON. Built in parallel with each
/// other, each written out as soon as it is made.
fn exports(
    catalog: &Catalog,
    config: &Config,
    versions: &crate::versions::Versions,
    base_url: Option<&str>,
    sink: &dyn Sink,
) -> Result<(), Diagnostic> {
    let listed = export::catalog_json::VersionJson::all(versions);
    // catalog.json is the catalog in force; the draft's file is the draft.
    let draft = versions.pending_draft();
    let in_force = if draft.is_some() {
        listed.iter().find(|v| v.status == crate::versions::Status::InForce)
    } else {
        listed.last()
    };
    rayon::join(
        || {
            let layout = if config.search.sharded.unwrap_or(catalog.entries().len() > search::SHARD_ABOVE) {
                search::Layout::Sharded { positions_apart_above: config.search.positions_apart_above() }
            } else {
                search::Layout::Single
            };
            search::build_index(catalog, layout, sink);
        },
        || {
            rayon::join(
                || sink.add_written(export::dcat::PATH, &mut |out| export::dcat::write_jsonld(catalog, config, out)),
                || {
                    sink.add_written(export::csv::PATH, &mut |out| export::csv::write_csv(catalog, base_url, out));
                    // Each entry's own file is written as catalog.json is.
                    let entry_file = |entry: &crate::model::Entry, json: String| {
                        sink.add(&crate::urls::entry_data(entry.slug.as_str()), json.into_bytes());
                    };
                    sink.add_written(export::catalog_json::PATH, &mut |out| {
                        export::catalog_json::write_json(catalog, &config.title, in_force, &listed, out, &entry_file)
                    });
                },
            )
        },
    );
    sink.add(CATALOG_SCHEMA_PATH, include_bytes!("../schema/catalog.schema.json").to_vec());
    if let Some(feed) = export::feed::to_atom(catalog, config, versions) {
        sink.add(export::feed::PATH, feed.into_bytes());
    }
    if let Some(draft) = draft {
        sink.add_written(export::catalog_json::DRAFT_PATH, &mut |out| {
            export::catalog_json::write_json(draft, &config.title, listed.last(), &listed, out, &|_, _| {})
        });
    }
    // A pending draft goes for signing with its bảng so sánh.
    if let (Some(draft), Some(in_force), Some(version)) = (draft, versions.in_force_catalog(), versions.in_force()) {
        let changes = crate::versions::compare::compare(in_force, draft);
        export::comparison::add_to(sink, &changes, (in_force, draft), config, &version.heading())?;
    }
    // The Word document is the decision of the catalog the site shows; a
    // pending draft's, the one to sign, goes beside it with its table.
    export::docx::add_to(sink, crate::urls::DECISION_DOCX, catalog, config)?;
    match draft {
        Some(draft) => export::docx::add_to(sink, crate::urls::DRAFT_DECISION_DOCX, draft, config),
        None => Ok(()),
    }
}

/// Runs the whole pipeline, from an entry file's bytes to the built site,
/// on a project held in memory (one sector `s`, one agency `a`, default
/// templates). The fuzz target and the robustness test drive it: no input
/// may make it panic.
pub fn build_single_entry(bytes: &[u8]) -> Result<crate::output::SiteFiles, Report> {
    let mut report = Report::default();
    let sectors = source::parse_yaml("- slug: s\n  name: Lĩnh vực\n", source::SECTORS_FILE, 1).map_err(one)?;
    let agencies = source::parse_yaml("- slug: a\n  name: Đơn vị\n", source::AGENCIES_FILE, 1).map_err(one)?;
    let entry = source::parse_entry("content/csdl/x.md", bytes.to_vec()).map_err(one)?;
    let raw = source::RawProject {
        config: Some(Config::default()),
        sectors,
        agencies,
        entries: vec![entry],
        ..Default::default()
    };
    let (catalog, validation) = validate::validate(&raw);
    report.extend(validation);
    let (catalog, targets) = catalog.ok_or(report)?;
    let project = Project::in_memory(Vec::new(), Vec::new());
    let renderer = Renderer::new(&project)?;
    let targets = std::sync::Arc::new(targets);
    let loaded = Loaded {
        catalog,
        targets,
        config: Config::default(),
        renderer,
        static_files: Vec::new(),
        versions: crate::versions::Versions::default(),
    };
    build(&loaded, &project).map_err(one)
}

fn one(diagnostic: Diagnostic) -> Report {
    [diagnostic].into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = "---\ntitle: CSDL Đất đai\ngroup: B\nnumber: 1\nsector: s\nagencies:\n  - a\nnotes: \"Ghi chú: có\"\n---\n\n## Mục đích\n\n[x](/linh-vuc/s/) **đậm**\n\n## Phạm vi, nội dung chính\n\n- Một\n  - Hai\n\n## Cơ chế thu thập\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Kết nối, chia sẻ dữ liệu\n\nKết nối.\n\n## Thêm\n\n<script>x</script>\n";

    #[test]
    fn a_valid_entry_goes_through_the_whole_pipeline() {
        let files = build_single_entry(ENTRY.as_bytes()).unwrap();
        let page = String::from_utf8(files.get("csdl/csdl-dat-dai/index.html").unwrap().to_vec()).unwrap();
        assert!(page.contains("href=\"../../linh-vuc/s/index.html\""));
        assert!(!page.contains("<script>x"));
    }

    /// A deterministic stand-in for the fuzz target that runs in every CI:
    /// thousands of mutations of a valid entry (bytes flipped, cut, doubled,
    /// YAML and Markdown punctuation inserted) must never panic.
    #[test]
    fn mutated_entries_never_panic() {
        let mut next = crate::xorshift(0x9e37_79b9_7f4a_7c15);
        let pieces: [&[u8]; 14] = [
            b"---\n",
            b"\n## ",
            b"- ",
            b"&a ",
            b"*a ",
            b": ",
            b"\t",
            b"\r\n",
            b"\xef\xbb\xbf",
            b"\xff",
            b"[x](../",
            b"#",
            b"\xcc\x81",
            b"{{",
        ];
        for _ in 0..3000 {
            let mut bytes = ENTRY.as_bytes().to_vec();
            crate::mutate(&mut bytes, &mut next, &pieces);
            let _ = build_single_entry(&bytes);
        }
    }
}
