//! `danhmuc serve`: build into memory, serve on 127.0.0.1, rebuild on every
//! save and reload the open pages. A failed build is shown in the terminal
//! and over the page; the last good build stays served.

use crate::diagnostics::Report;
use crate::exit;
use crate::output::Sink as _;
use crate::preview::{self, Preview};
use crate::versions::ReadVersions;
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

pub struct ServeArgs<'a> {
    pub root: &'a Path,
    pub port: u16,
    /// Poll the file system instead of relying on native events.
    pub poll: bool,
}

/// What the fast path needs from the last full build.
struct Warm {
    loaded: crate::site::Loaded,
    views: crate::render::views::CatalogViews,
}

/// One full build into memory: the files and what the fast path reuses, or
/// the diagnostics as text. The versions are read from git once per
/// session (`read`), and again only for a revision that names another
/// commit than when it was read.
fn build(root: &Path, read: &ReadVersions) -> Result<(crate::output::SiteFiles, Warm), String> {
    let (loaded, report) = crate::site::load_catalog_reusing(root, Some(read));
    let warnings = report.to_human(root);
    let Some(loaded) = loaded else { return Err(warnings) };
    if !report.is_empty() {
        eprint!("{warnings}");
    }
    let files = std::sync::Mutex::new(crate::output::SiteFiles::default());
    let built = crate::site::build_into(&loaded, root, &files)
        .map_err(|d| [d].into_iter().collect::<Report>().to_human(root))?;
    let files = files.into_inner().expect("site files");
    Ok((files, Warm { loaded, views: built.views }))
}

/// The fast path after one entry file changed: when it keeps its slug,
/// group and number and has no problem, re-render only the pages it
/// appears on (its own alone when only its text changed; also its
/// neighbours, sectors, agencies and group when it moved), with versions
/// the pages that say what the working tree changes, and its data.
/// None: a full rebuild is needed.
fn update_entry(root: &Path, path: &str, warm: &mut Warm) -> Option<Vec<(String, Vec<u8>)>> {
    let full = root.join(path);
    // A plain file only: a link (checked or refused) goes the full way.
    let meta = std::fs::symlink_metadata(&full).ok()?;
    if !meta.is_file() || meta.len() > crate::source::MAX_FILE_BYTES {
        return None;
    }
    crate::source::inside::check(root, path).ok()?;
    let Warm { loaded, views } = warm;
    let crate::site::Loaded { catalog, config, renderer, history, .. } = loaded;
    // A draft pending beside a catalog in force is not what the pages
    // show: its edit changes proposals only, which the full build makes.
    if history.pending_draft().is_some() {
        return None;
    }
    let (file, raw) = crate::source::parse_entry(path, std::fs::read(&full).ok()?).ok()?;
    let (index, entry) = crate::validate::revalidate_entry(catalog, &views.targets, &file, &raw)?;
    let old = &catalog.entries()[index];
    let moved = old.sector != entry.sector || old.agencies != entry.agencies;
    let before = moved.then(|| crate::render::Before::of(catalog, index));
    catalog.replace_entry(index, entry);
    views.refresh_entry(catalog, config, renderer, index).ok()?;
    // With versions, the entry's change changes what the working tree
    // changes, and possibly which entry another one's rename is.
    let changes_before = history.refresh_current(catalog);
    let changes_after = history.current().and_then(|v| v.changes.as_ref());
    let touched = crate::render::draft_touched(catalog, changes_before.as_ref(), changes_after);
    let files = std::sync::Mutex::new(crate::output::SiteFiles::default());
    crate::render::render_changed_entry(
        catalog,
        config,
        renderer,
        views,
        history,
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

pub fn run(args: &ServeArgs) -> u8 {
    // The watcher reports absolute paths: with a relative root (`.`, the
    // way editors run it) none of them would be recognised as an input.
    let root = match std::fs::canonicalize(args.root) {
        Ok(root) => root,
        Err(e) => {
            eprintln!(
                "Không mở được thư mục Danh mục {}: {}.",
                args.root.display(),
                crate::diagnostics::io_message(&e)
            );
            return exit::FAILURE;
        }
    };
    let root = root.as_path();
    let started = Instant::now();
    let mut warm = None;
    let read = Arc::new(ReadVersions::default());
    let preview = match build(root, &read) {
        Ok((files, built)) => {
            println!("Đã dựng {} tệp trong {} ms.", files.len(), started.elapsed().as_millis());
            warm = Some(built);
            Preview::new(files, None)
        }
        Err(error) => {
            eprint!("{error}");
            eprintln!("Sửa lỗi rồi lưu lại; trang xem trước sẽ tự cập nhật.");
            Preview::new(crate::output::SiteFiles::default(), Some(error))
        }
    };
    let (server, port) = match preview::bind(args.port) {
        Ok(bound) => bound,
        Err(e) => {
            eprintln!(
                "Không mở được cổng mạng trên 127.0.0.1: {}. Chọn cổng mạng khác bằng --port.",
                crate::diagnostics::io_message(&e)
            );
            return exit::FAILURE;
        }
    };
    {
        let preview = preview.clone();
        std::thread::spawn(move || preview::serve(server, port, preview));
    }
    let (tx, rx) = mpsc::channel();
    let watched = watched_paths(root);
    let result = if args.poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(200));
        notify::PollWatcher::new(tx, config).map(|w| Box::new(w) as Box<dyn Watcher>)
    } else {
        notify::recommended_watcher(tx).map(|w| Box::new(w) as Box<dyn Watcher>)
    };
    let mut watcher = match result {
        Ok(watcher) => watcher,
        Err(e) => {
            eprintln!("Không theo dõi được thay đổi tệp: {}. Thử lại với --poll.", watch_error(&e));
            return exit::FAILURE;
        }
    };
    for (path, mode) in &watched {
        if path.exists()
            && let Err(e) = watcher.watch(path, *mode)
        {
            eprintln!("Không theo dõi được {}: {}.", path.display(), watch_error(&e));
        }
    }
    // Announced once the watcher runs, so a save right after cannot be missed.
    println!("Xem trước tại http://127.0.0.1:{port}/ (Ctrl+C để dừng)");
    // A full build that follows a fast update runs in the background; its
    // result is used only if no newer change came in meanwhile.
    let (done_tx, done_rx) = mpsc::channel();
    let mut version = 0u64;
    loop {
        let first = match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(event) => event,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                while let Ok((built_for, result)) = done_rx.try_recv() {
                    if built_for != version {
                        continue;
                    }
                    match result {
                        Ok((files, built)) => {
                            preview.publish_quietly(files);
                            warm = Some(built);
                        }
                        Err(error) => {
                            eprint!("{error}");
                            preview.fail(error);
                            warm = None;
                        }
                    }
                }
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return exit::FAILURE,
        };
        // Wait for the burst of events one save makes (editors write,
        // rename and touch) to settle, and see which files it touched.
        let mut events = vec![first];
        while let Ok(event) = rx.recv_timeout(Duration::from_millis(30)) {
            events.push(event);
        }
        let changed = changed_paths(&events, root);
        if changed.is_empty() {
            continue;
        }
        let started = Instant::now();
        version += 1;
        let single_entry = match changed.as_slice() {
            [one] if one.starts_with(crate::source::ENTRIES_DIR) && one.ends_with(".md") => Some(one.clone()),
            _ => None,
        };
        if let (Some(path), Some(state)) = (single_entry, warm.as_mut())
            && let Some(files) = update_entry(root, &path, state)
        {
            preview.update(files);
            println!(
                "Đã dựng lại trang của {path} trong {} ms; phần còn lại đang dựng ở nền.",
                started.elapsed().as_millis()
            );
            let (tx, root, read) = (done_tx.clone(), root.to_path_buf(), read.clone());
            std::thread::spawn(move || {
                let _ = tx.send((version, build(&root, &read)));
            });
            continue;
        }
        match build(root, &read) {
            Ok((files, built)) => {
                preview.publish(files);
                warm = Some(built);
                println!("Đã dựng lại trong {} ms.", started.elapsed().as_millis());
            }
            Err(error) => {
                eprint!("{error}");
                eprintln!("Trang xem trước giữ bản dựng gần nhất; sửa lỗi rồi lưu lại.");
                preview.fail(error);
                warm = None;
            }
        }
    }
}

/// A watcher's error in Vietnamese where it comes from the system.
fn watch_error(error: &notify::Error) -> String {
    match &error.kind {
        notify::ErrorKind::Io(e) => crate::diagnostics::io_message(e),
        notify::ErrorKind::MaxFilesWatch => {
            "hệ điều hành không cho theo dõi thêm tệp (giới hạn inotify); dùng --poll".to_string()
        }
        _ => format!("lỗi khi theo dõi tệp ({error})"),
    }
}

fn watched_paths(root: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    vec![
        (root.to_path_buf(), RecursiveMode::NonRecursive),
        (root.join(crate::source::CONTENT_DIR), RecursiveMode::Recursive),
        (root.join(crate::render::TEMPLATES_DIR), RecursiveMode::Recursive),
        (root.join(crate::site::STATIC_DIR), RecursiveMode::Recursive),
    ]
}

/// The project inputs (not, say, `site/`) that a burst of events touched,
/// as `/`-separated paths relative to the root; a watcher error counts as
/// a change of everything.
fn changed_paths(events: &[notify::Result<notify::Event>], root: &Path) -> Vec<String> {
    let mut paths = std::collections::BTreeSet::new();
    for event in events {
        let Ok(event) = event else {
            paths.insert(crate::source::CONTENT_DIR.to_string());
            continue;
        };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            continue;
        }
        for path in &event.paths {
            let rel = path.strip_prefix(root).unwrap_or(path);
            let relevant = rel == Path::new(crate::config::CONFIG_FILE)
                || [crate::source::CONTENT_DIR, crate::render::TEMPLATES_DIR, crate::site::STATIC_DIR]
                    .iter()
                    .any(|dir| rel.starts_with(dir));
            let name = rel.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            // Editors' swap and backup files, and temporary files already
            // renamed over their target, are not inputs.
            let scratch = name.starts_with('.')
                || name.ends_with('~')
                || (!name.ends_with(".md") && !name.ends_with(".yaml") && !path.exists());
            if relevant && !scratch {
                paths.insert(crate::source::relative(root, path));
            }
        }
    }
    paths.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let (_, mut warm) = build(root, &read).unwrap();
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no “{from}”");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let fast = update_entry(root, file, &mut warm).expect("the fast path is taken");
        let (full, _) = build(root, &read).unwrap();
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
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("danhmuc.toml"), dir.path().join("danhmuc.toml")).unwrap();
        for folder in ["content", "templates", "static"] {
            copy(&repo.join(folder), &dir.path().join(folder));
        }
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
        let (_, mut warm) = build(root, &read).unwrap();
        let a02 = root.join("content/csdl/a-02.md");
        let text = std::fs::read_to_string(&a02).unwrap();
        std::fs::write(&a02, text.replacen("Quản lý lớp dữ liệu nền.", "Quản lý lớp dữ liệu nền mới.", 1)).unwrap();
        assert!(update_entry(root, "content/csdl/a-02.md", &mut warm).is_none(), "the full build is taken");
        let (full, _) = build(root, &read).unwrap();
        let page = String::from_utf8(full.get("csdl/csdl-ban-do/index.html").unwrap().to_vec()).unwrap();
        let (proposal, in_force) = page.split_once("</section>").unwrap();
        assert!(proposal.contains("mới") && !in_force.contains("nền mới"), "{page}");
    }
}
