//! `danhmuc serve`: build into memory, serve on 127.0.0.1, rebuild on every
//! save and reload the open pages. A failed build is shown in the terminal
//! and over the page; the last good build stays served. The builds, the
//! watcher and the server are `preview`'s; this runs the session's loop.

use crate::exit;
use crate::preview::rebuild::{build, update_entry};
use crate::preview::{self, Preview, watch};
use crate::project::Project;
use crate::versions::ReadVersions;
use std::path::Path;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

pub struct ServeArgs<'a> {
    pub root: &'a Path,
    pub port: u16,
    /// Poll the file system instead of relying on native events.
    pub poll: bool,
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
    let project = Arc::new(Project::open(root));
    let started = Instant::now();
    let mut warm = None;
    let read = Arc::new(ReadVersions::default());
    let preview = match build(&project, &read) {
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
    // Kept alive for the whole session: dropping it stops the events.
    let (_watcher, rx) = match watch::start(root, args.poll) {
        Ok(watching) => watching,
        Err(error) => {
            eprintln!("Không theo dõi được thay đổi tệp: {error}. Thử lại với --poll.");
            return exit::FAILURE;
        }
    };
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
        let changed = watch::changed_paths(&events, root);
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
            && let Some(files) = update_entry(&project, &path, state)
        {
            preview.update(files);
            println!(
                "Đã dựng lại trang của {path} trong {} ms; phần còn lại đang dựng ở nền.",
                started.elapsed().as_millis()
            );
            let (tx, project, read) = (done_tx.clone(), project.clone(), read.clone());
            std::thread::spawn(move || {
                let _ = tx.send((version, build(&project, &read)));
            });
            continue;
        }
        match build(&project, &read) {
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
