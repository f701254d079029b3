//! What the preview watches: the project's inputs (`danhmuc.toml`,
//! `content/`, `templates/`, `static/`), and which of them a burst of
//! events touched, leaving out editors' swap and backup files.

use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Events as the watcher sends them.
pub type Events = mpsc::Receiver<notify::Result<notify::Event>>;

/// A watcher of the project at `root` (polling every 200 ms with `poll`),
/// and the events it sends; each input it cannot watch is said on the
/// terminal. An error when no watcher can be made, in Vietnamese.
pub fn start(root: &Path, poll: bool) -> Result<(Box<dyn Watcher>, Events), String> {
    let (tx, rx) = mpsc::channel();
    let result = if poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(200));
        notify::PollWatcher::new(tx, config).map(|w| Box::new(w) as Box<dyn Watcher>)
    } else {
        notify::recommended_watcher(tx).map(|w| Box::new(w) as Box<dyn Watcher>)
    };
    let mut watcher = result.map_err(|e| watch_error(&e))?;
    for (path, mode) in &watched_paths(root) {
        if path.exists()
            && let Err(e) = watcher.watch(path, *mode)
        {
            eprintln!("Không theo dõi được {}: {}.", path.display(), watch_error(&e));
        }
    }
    Ok((watcher, rx))
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
pub fn changed_paths(events: &[notify::Result<notify::Event>], root: &Path) -> Vec<String> {
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
                paths.insert(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
            }
        }
    }
    paths.into_iter().collect()
}
