//! `danhmuc serve`: build into memory, serve on 127.0.0.1, rebuild on every
//! save and reload the open pages. A failed build is shown in the terminal
//! and over the page; the last good build stays served.

use crate::diagnostics::Report;
use crate::exit;
use crate::preview::{self, Preview};
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct ServeArgs<'a> {
    pub root: &'a Path,
    pub port: u16,
    /// Poll the file system instead of relying on native events.
    pub poll: bool,
}

/// One build into memory: the files, or the diagnostics as text.
fn build(root: &Path) -> Result<crate::output::SiteFiles, String> {
    let (loaded, report) = crate::site::load_catalog(root);
    let warnings = report.to_human(root);
    let Some((catalog, config)) = loaded else { return Err(warnings) };
    if !report.is_empty() {
        eprint!("{warnings}");
    }
    crate::site::build(&catalog, &config, root).map_err(|d| [d].into_iter().collect::<Report>().to_human(root))
}

pub fn run(args: &ServeArgs) -> u8 {
    let root = args.root;
    let started = Instant::now();
    let preview = match build(root) {
        Ok(files) => {
            println!("Đã dựng {} tệp trong {} ms.", files.len(), started.elapsed().as_millis());
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
            eprintln!("Không mở được cổng trên 127.0.0.1: {e}");
            return exit::FAILURE;
        }
    };
    {
        let preview = preview.clone();
        std::thread::spawn(move || preview::serve(server, preview));
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
            eprintln!("Không theo dõi được thay đổi tệp: {e}. Thử lại với --poll.");
            return exit::FAILURE;
        }
    };
    for (path, mode) in &watched {
        if path.exists()
            && let Err(e) = watcher.watch(path, *mode)
        {
            eprintln!("Không theo dõi được {}: {e}", path.display());
        }
    }
    // Announced once the watcher runs, so a save right after cannot be missed.
    println!("Xem trước tại http://127.0.0.1:{port}/ (Ctrl+C để dừng)");
    loop {
        // Wait for a relevant change, then for the burst of events one save
        // makes (editors write, rename and touch) to settle.
        let Ok(first) = rx.recv() else { return exit::FAILURE };
        if !is_relevant(&first, root) {
            continue;
        }
        while rx.recv_timeout(Duration::from_millis(30)).is_ok() {}
        let started = Instant::now();
        match build(root) {
            Ok(files) => {
                preview.publish(files);
                println!("Đã dựng lại trong {} ms.", started.elapsed().as_millis());
            }
            Err(error) => {
                eprint!("{error}");
                eprintln!("Trang xem trước giữ bản dựng gần nhất; sửa lỗi rồi lưu lại.");
                preview.fail(error);
            }
        }
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

/// Whether an event concerns the project's inputs (not, say, `site/`).
fn is_relevant(event: &notify::Result<notify::Event>, root: &Path) -> bool {
    let Ok(event) = event else { return true };
    if matches!(event.kind, notify::EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|path| {
        let rel = path.strip_prefix(root).unwrap_or(path);
        rel == Path::new(crate::config::CONFIG_FILE)
            || [crate::source::CONTENT_DIR, crate::render::TEMPLATES_DIR, crate::site::STATIC_DIR]
                .iter()
                .any(|dir| rel.starts_with(dir))
    })
}
