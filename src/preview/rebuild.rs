//! The preview's builds: a full build into memory, and the fast path
//! after one entry file changed, which re-renders only the pages that
//! entry appears on and is checked against the full build's, byte for
//! byte, by the tests below.

use crate::diagnostics::Report;
use crate::output::Sink as _;
use crate::project::Project;
use crate::versions::ReadVersions;

/// What the fast path needs from the last full build.
pub struct Warm {
    loaded: crate::site::Loaded,
    views: crate::render::views::CatalogViews,
}

/// One full build into memory: the files and what the fast path reuses, or
/// the diagnostics as text. The versions are read from git once per
/// session (`read`), and again only for a revision that names another
/// commit than when it was read.
pub fn build(project: &Project, read: &ReadVersions) -> Result<(crate::output::SiteFiles, Warm), String> {
    let (loaded, report) = crate::site::load_catalog_reusing(project, Some(read));
    let warnings = report.to_human(project);
    let Some(loaded) = loaded else { return Err(warnings) };
    if !report.is_empty() {
        eprint!("{warnings}");
    }
    let files = std::sync::Mutex::new(crate::output::SiteFiles::default());
    let built = crate::site::build_into(&loaded, project, &files)
        .map_err(|d| [d].into_iter().collect::<Report>().to_human(project))?;
    let files = files.into_inner().expect("site files");
    Ok((files, Warm { loaded, views: built.views }))
}

/// The fast path after one entry file changed: when it keeps its slug,
/// group and number and has no problem, re-render only the pages it
/// appears on (its own alone when only its text changed; also its
/// neighbours, sectors, agencies and group when it moved), with versions
/// the pages that say what the working tree changes, and its data.
/// None: a full rebuild is needed.
pub fn update_entry(project: &Project, path: &str, warm: &mut Warm) -> Option<Vec<(String, Vec<u8>)>> {
    // A plain file only: a link (checked or refused) goes the full way.
    if !project.is_plain_file(path) {
        return None;
    }
    project.check(path).ok()?;
    let Warm { loaded, views } = warm;
    let crate::site::Loaded { catalog, config, renderer, versions, .. } = loaded;
    // A draft pending beside a catalog in force is not what the pages
    // show: its edit changes proposals only, which the full build makes.
    if versions.pending_draft().is_some() {
        return None;
    }
    let (file, raw) = crate::source::parse_entry(path, project.read(path).ok()?).ok()?;
    let (index, entry) = crate::validate::revalidate_entry(catalog, &views.targets, &file, &raw)?;
    let old = &catalog.entries()[index];
    let moved = old.sector != entry.sector || old.agencies != entry.agencies;
    let before = moved.then(|| crate::render::Before::of(catalog, index));
    catalog.replace_entry(index, entry);
    views.refresh_entry(catalog, config, renderer, index).ok()?;
    // With versions, the entry's change changes what the working tree
    // changes, and possibly which entry another one's rename is.
    let changes_before = versions.refresh_current(catalog);
    let changes_after = versions.current().and_then(|v| v.changes.as_ref());
    let touched = crate::render::draft_touched(catalog, changes_before.as_ref(), changes_after);
    let files = std::sync::Mutex::new(crate::output::SiteFiles::default());
    crate::render::render_changed_entry(
        catalog,
        config,
        renderer,
        views,
        versions,
        index,
        before.as_ref(),
        &touched,
        &files,
    )
    .ok()?;
    let entry = &catalog.entries()[index];
    let data = crate::export::catalog_json::entry_to_json(catalog, entry);
    files.add(&crate::urls::entry_data(entry.slug.as_str()), data.into_bytes());
    Some(files.into_inner().expect("site files").into_files().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn copy(from: &Path, to: &Path) {
        for item in walkdir::WalkDir::new(from) {
            let item = item.unwrap();
            let target = to.join(item.path().strip_prefix(from).unwrap());
            if item.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(item.path(), &target).unwrap();
            }
        }
    }

    fn git(root: &Path, args: &[&str]) {
        let status = crate::source::git::command(root)
            .args(["-c", "user.name=Biên tập", "-c", "user.email=bien-tap@example.org", "-c", "commit.gpgSign=false"])
            .args(args)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    /// Runs the fast path for the edit `from` → `to` in `file`, then
    /// checks that every page it made is the full build's, byte for byte,
    /// and that it made the pages in `expected`.
    fn fast_path_equals_full_build(root: &Path, file: &str, from: &str, to: &str, expected: &[&str]) {
        let read = ReadVersions::default();
        let project = Project::open(root);
        let (_, mut warm) = build(&project, &read).unwrap();
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no “{from}”");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let fast = update_entry(&project, file, &mut warm).expect("the fast path is taken");
        let (full, _) = build(&project, &read).unwrap();
        let made: Vec<&str> = fast.iter().map(|(path, _)| path.as_str()).collect();
        for page in expected {
            assert!(made.contains(page), "{page} is not among {made:?}");
        }
        for (page, bytes) in &fast {
            assert!(full.get(page) == Some(bytes.as_slice()), "{page} differs from the full build's");
        }
    }

    /// The real catalog declares a version (2609/QĐ-UBND, no revision):
    /// the fast path runs on it and renders what a full build renders.
    #[test]
    fn the_fast_path_on_the_real_catalog_renders_as_the_full_build_does() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
        std::fs::copy(catalog.join("danhmuc.toml"), dir.path().join("danhmuc.toml")).unwrap();
        copy(&catalog.join("content"), &dir.path().join("content"));
        let file = "content/csdl/a-01-csdl-to-chuc-bo-may.md";
        let expected = ["csdl/csdl-to-chuc-bo-may/index.html", "index.html", "phien-ban/index.html"];
        fast_path_equals_full_build(
            dir.path(),
            file,
            "Quản lý dữ liệu về tổ chức",
            "Quản lý dữ liệu mới về tổ chức",
            &expected,
        );
    }

    /// With a version read from git, the working tree is a draft beside
    /// the catalog in force: the pages show the version in force, so an
    /// edit of the draft goes the full way (the fast path would render
    /// the draft's text as the entry's own).
    #[test]
    fn the_fast_path_with_a_version_renders_the_draft_as_the_full_build_does() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small"), root);
        git(root, &["init", "-q"]);
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "qd-1"]);
        git(root, &["tag", "qd-1-2025"]);
        let config = std::fs::read_to_string(root.join("danhmuc.toml")).unwrap();
        let declared = "\n[[versions]]\nnumber = \"1/QĐ-UBND\"\ndate = \"2025-03-01\"\nrevision = \"qd-1-2025\"\n";
        std::fs::write(root.join("danhmuc.toml"), config + declared).unwrap();
        let read = ReadVersions::default();
        let project = Project::open(root);
        let (_, mut warm) = build(&project, &read).unwrap();
        let a02 = root.join("content/csdl/a-02.md");
        let text = std::fs::read_to_string(&a02).unwrap();
        std::fs::write(&a02, text.replacen("Quản lý lớp dữ liệu nền.", "Quản lý lớp dữ liệu nền mới.", 1)).unwrap();
        assert!(update_entry(&project, "content/csdl/a-02.md", &mut warm).is_none(), "the full build is taken");
        let (full, _) = build(&project, &read).unwrap();
        let page = String::from_utf8(full.get("csdl/csdl-ban-do/index.html").unwrap().to_vec()).unwrap();
        let (proposal, in_force) = page.split_once("</section>").unwrap();
        assert!(proposal.contains("mới") && !in_force.contains("nền mới"), "{page}");
    }
}
