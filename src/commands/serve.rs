//! `danhmuc serve`: build into memory, serve on 127.0.0.1, rebuild on every
//! save and reload the open pages. A failed build is shown in the terminal
//! and over the page; the last good build stays served.

use crate::diagnostics::Report;
use crate::exit;
use crate::history::ReadVersions;
use crate::output::Sink as _;
use crate::preview::{self, Preview};
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
/// neighbours, sectors, agencies and group when it moved) and its data.
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
    // With versions, an entry's change changes what the draft changes:
    // the full way keeps those pages true.
    if !loaded.history.is_empty() {
        return None;
    }
    let crate::site::Loaded { catalog, config, renderer, .. } = loaded;
    let (file, raw) = crate::source::parse_entry(path, std::fs::read(&full).ok()?).ok()?;
    let (index, entry) = crate::validate::revalidate_entry(catalog, &views.targets, &file, &raw)?;
    let old = &catalog.entries()[index];
    let moved = old.sector != entry.sector || old.agencies != entry.agencies;
    let before = moved.then(|| crate::render::Before::of(catalog, index));
    catalog.replace_entry(index, entry);
    views.refresh_entry(catalog, config, renderer, index).ok()?;
    let files = std::sync::Mutex::new(crate::output::SiteFiles::default());
    match &before {
        Some(before) => {
            crate::render::render_moved_entry(catalog, config, renderer, views, index, before, &files).ok()?
        }
        None => {
            let (page, html) = crate::render::render_entry_page(catalog, config, renderer, views, index).ok()?;
            files.add(&page, html);
        }
    }
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
