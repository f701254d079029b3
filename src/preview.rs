//! The live preview behind `danhmuc serve`: the server (here), the builds
//! it serves ([`rebuild`]: a full build into memory and the fast path
//! after one entry's edit) and what it watches ([`watch`]).
//!
//! It serves the last good build straight from memory, so nothing outside
//! the built site can be reached (there is no file system path to escape
//! through) and nothing is written to disk. Every HTML page gets a small
//! script that listens to `/__danhmuc/events` (Server-Sent Events): after a
//! rebuild the page reloads itself; after a failed build it shows the
//! diagnostics over the page until the file is fixed.

pub mod rebuild;
pub mod watch;

use crate::output::SiteFiles;
use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::Duration;

const EVENTS_PATH: &str = "/__danhmuc/events";
const LIVE_SCRIPT_PATH: &str = "/__danhmuc/live.js";
const LIVE_SCRIPT: &str = include_str!("../theme/preview-live.js");

/// What the preview shows now: the last good site, and the last error if
/// the latest build failed.
struct State {
    files: SiteFiles,
    generation: u64,
    error: Option<String>,
}

/// State shared between the rebuild loop and the server's threads.
pub struct Preview {
    state: Mutex<State>,
    changed: Condvar,
}

impl Preview {
    pub fn new(files: SiteFiles, error: Option<String>) -> Arc<Preview> {
        Arc::new(Preview { state: Mutex::new(State { files, generation: 1, error }), changed: Condvar::new() })
    }

    /// A successful rebuild: serve the new files and reload open pages.
    pub fn publish(&self, files: SiteFiles) {
        let mut state = self.state.lock().expect("preview state");
        state.files = files;
        state.error = None;
        state.generation += 1;
        self.changed.notify_all();
    }

    /// The fast path: replace a few files and reload open pages.
    pub fn update(&self, changed: Vec<(String, Vec<u8>)>) {
        let mut state = self.state.lock().expect("preview state");
        for (path, bytes) in changed {
            state.files.add(&path, bytes);
        }
        state.error = None;
        state.generation += 1;
        self.changed.notify_all();
    }

    /// The full rebuild that follows a fast update: same pages for the
    /// reader, so open pages are not reloaded again.
    pub fn publish_quietly(&self, files: SiteFiles) {
        self.state.lock().expect("preview state").files = files;
    }

    /// A failed rebuild: keep serving the last good files, show the error.
    pub fn fail(&self, error: String) {
        let mut state = self.state.lock().expect("preview state");
        state.error = Some(error);
        state.generation += 1;
        self.changed.notify_all();
    }

    fn current(&self) -> (u64, Option<String>) {
        let state = self.state.lock().expect("preview state");
        (state.generation, state.error.clone())
    }

    /// Waits until the generation differs from `seen`, or `timeout` passes.
    fn wait_change(&self, seen: u64, timeout: Duration) -> (u64, Option<String>) {
        let state = self.state.lock().expect("preview state");
        let (state, _) =
            self.changed.wait_timeout_while(state, timeout, |s| s.generation == seen).expect("preview state");
        (state.generation, state.error.clone())
    }
}

/// Binds 127.0.0.1 on `port`, or the next free port (up to 20 further);
/// port 0 lets the system choose.
pub fn bind(port: u16) -> std::io::Result<(tiny_http::Server, u16)> {
    let last = if port == 0 { 0 } else { port.saturating_add(20) };
    let mut error = None;
    for candidate in port..=last {
        match tiny_http::Server::http(("127.0.0.1", candidate)) {
            Ok(server) => {
                let bound = server.server_addr().to_ip().map_or(candidate, |a| a.port());
                return Ok((server, bound));
            }
            Err(e) => error = Some(e),
        }
    }
    let reason = error.map(|e| e.to_string()).unwrap_or_default();
    Err(std::io::Error::new(
        std::io::ErrorKind::AddrInUse,
        format!("không còn cổng mạng trống từ {port} đến {last}: {reason}"),
    ))
}

/// Answers requests until the process ends.
///
/// tiny_http reads a connection's requests as fast as the client sends
/// them, before any is answered, and each answer waits for the one before
/// it on the same connection. So each connection's requests are answered
/// in turn by one thread of its own: a thread per request let one client
/// pipeline twenty thousand requests into twenty thousand waiting threads
/// (and the process aborted), and answering anything on this loop let a
/// request queued behind a never-ending event stream stop it for every
/// client. A client that stalls (or never reads its answers, or keeps an
/// event stream open) holds up only its own connection.
pub fn serve(server: tiny_http::Server, port: u16, preview: Arc<Preview>) {
    let connections: Arc<Mutex<HashMap<SocketAddr, mpsc::Sender<tiny_http::Request>>>> = Arc::default();
    for request in server.incoming_requests() {
        // Always a TCP client; dropping a request here would answer it
        // from this loop, which is what must never wait.
        let client = request.remote_addr().copied().unwrap_or_else(|| SocketAddr::from(([0, 0, 0, 0], 0)));
        let mut open = connections.lock().expect("preview connections");
        let request = match open.get(&client) {
            Some(queue) => match queue.send(request) {
                Ok(()) => continue,
                Err(mpsc::SendError(request)) => request,
            },
            None => request,
        };
        let (queue, requests) = mpsc::channel();
        queue.send(request).expect("a new queue");
        let (preview, connections) = (preview.clone(), connections.clone());
        let answering = std::thread::Builder::new()
            .name("preview-connection".into())
            .spawn(move || answer_connection(client, &requests, port, &preview, &connections));
        if answering.is_ok() {
            open.insert(client, queue);
        }
        // Otherwise the system has no thread to spare: the queue and its
        // request are dropped, which closes the connection.
    }
}

/// Answers one connection's requests in the order they came, until it has
/// been idle a while; the thread then ends, and a later request from the
/// same client starts another.
fn answer_connection(
    client: SocketAddr,
    requests: &mpsc::Receiver<tiny_http::Request>,
    port: u16,
    preview: &Preview,
    connections: &Mutex<HashMap<SocketAddr, mpsc::Sender<tiny_http::Request>>>,
) {
    loop {
        let request = match requests.recv_timeout(Duration::from_secs(5)) {
            Ok(request) => request,
            Err(_) => {
                // Taken out of the table under its lock, so that no request
                // can be handed to this queue once it has been found empty.
                let mut open = connections.lock().expect("preview connections");
                match requests.try_recv() {
                    Ok(request) => request,
                    Err(_) => {
                        open.remove(&client);
                        return;
                    }
                }
            }
        };
        if !host_allowed(&request, port) {
            let body = "Chỉ mở được trang xem trước qua địa chỉ danhmuc serve đã in ra.";
            let _ = request.respond(page(403, "text/plain; charset=utf-8", body.as_bytes().to_vec()));
        } else if request.url() == EVENTS_PATH {
            stream_events(request, preview);
        } else {
            respond(request, preview);
        }
    }
}

/// Whether the request names the address the preview printed. Any other
/// `Host` (a name that a web page had resolve to 127.0.0.1: DNS rebinding)
/// is refused, so no other site can read the preview through the browser.
fn host_allowed(request: &tiny_http::Request, port: u16) -> bool {
    let Some(host) = request.headers().iter().find(|h| h.field.equiv("Host")) else { return false };
    let host = host.value.as_str().to_ascii_lowercase();
    [format!("127.0.0.1:{port}"), format!("localhost:{port}")].contains(&host)
}

fn stream_events(request: tiny_http::Request, preview: &Preview) {
    let mut writer = request.into_writer();
    let header = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n";
    if writer.write_all(header.as_bytes()).is_err() {
        return;
    }
    let (mut generation, mut error) = preview.current();
    loop {
        let data = serde_json::json!({ "generation": generation, "error": error });
        if writer.write_all(format!("event: state\ndata: {data}\n\n").as_bytes()).and_then(|_| writer.flush()).is_err()
        {
            return;
        }
        loop {
            let (now, now_error) = preview.wait_change(generation, Duration::from_secs(15));
            if now != generation {
                (generation, error) = (now, now_error);
                break;
            }
            // A comment line keeps proxies from closing the stream and tells
            // us when the page has gone away.
            if writer.write_all(b": ping\n\n").and_then(|_| writer.flush()).is_err() {
                return;
            }
        }
    }
}

fn respond(request: tiny_http::Request, preview: &Preview) {
    // Copy what is needed under the lock; answer without holding it.
    let (route, bytes, not_found) = {
        let state = preview.state.lock().expect("preview state");
        let route = route(request.url(), &state.files);
        let bytes = match &route {
            Route::File(path) => state.files.get(path).map(<[u8]>::to_vec),
            _ => None,
        };
        (route, bytes, state.files.get("404.html").map(<[u8]>::to_vec))
    };
    let response = match route {
        Route::File(path) => {
            let bytes = bytes.unwrap_or_default();
            let body = if path.ends_with(".html") { inject_live_script(&bytes) } else { bytes };
            page(200, content_type(&path), body)
        }
        Route::Redirect(location) => {
            tiny_http::Response::from_data(Vec::new()).with_status_code(301).with_header(header("Location", &location))
        }
        Route::LiveScript => page(200, "text/javascript; charset=utf-8", LIVE_SCRIPT.as_bytes().to_vec()),
        Route::BadRequest => page(400, "text/plain; charset=utf-8", "Yêu cầu không hợp lệ.".as_bytes().to_vec()),
        Route::NotFound => match not_found {
            Some(bytes) => page(404, "text/html; charset=utf-8", inject_live_script(&bytes)),
            None => page(404, "text/plain; charset=utf-8", "Không tìm thấy.".as_bytes().to_vec()),
        },
    };
    let _ = request.respond(response);
}

fn page(status: u16, content_type: &str, body: Vec<u8>) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

#[derive(Debug, PartialEq, Eq)]
enum Route {
    File(String),
    Redirect(String),
    LiveScript,
    BadRequest,
    NotFound,
}

/// Maps a request URL to a built file. Only paths made of plain segments
/// are looked up; `..`, backslashes and encoded separators are refused.
fn route(url: &str, files: &SiteFiles) -> Route {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == LIVE_SCRIPT_PATH {
        return Route::LiveScript;
    }
    let Some(relative) = path.strip_prefix('/') else { return Route::BadRequest };
    let Some(relative) = percent_decode(relative) else { return Route::BadRequest };
    if relative.contains('\\') || relative.split('/').any(|s| s == ".." || s == ".") {
        return Route::BadRequest;
    }
    if relative.is_empty() || relative.ends_with('/') {
        let index = format!("{relative}index.html");
        return if files.get(&index).is_some() { Route::File(index) } else { Route::NotFound };
    }
    if files.get(&relative).is_some() {
        return Route::File(relative);
    }
    if files.get(&format!("{relative}/index.html")).is_some() {
        return Route::Redirect(format!("{path}/"));
    }
    Route::NotFound
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            let byte = u8::from_str_radix(hex, 16).ok()?;
            if byte == b'/' || byte == 0 {
                return None;
            }
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn inject_live_script(html: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let tag = format!("<script src=\"{LIVE_SCRIPT_PATH}\"></script>");
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "jsonld" => "application/ld+json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> SiteFiles {
        let mut files = SiteFiles::default();
        files.add("index.html", b"<html><body>x</body></html>".to_vec());
        files.add("csdl/a/index.html", b"a".to_vec());
        files.add("assets/style.css", b"b".to_vec());
        files
    }

    #[test]
    fn routes_map_to_built_files_only() {
        let files = files();
        assert_eq!(route("/", &files), Route::File("index.html".into()));
        assert_eq!(route("/csdl/a/", &files), Route::File("csdl/a/index.html".into()));
        assert_eq!(route("/csdl/a", &files), Route::Redirect("/csdl/a/".into()));
        assert_eq!(route("/assets/style.css?v=1", &files), Route::File("assets/style.css".into()));
        assert_eq!(route("/nothing", &files), Route::NotFound);
        for hostile in ["/../Cargo.toml", "/csdl/../../x", "/%2e%2e/x", "/a%2fb", "/..\\x", "/%00", "relative"] {
            assert!(matches!(route(hostile, &files), Route::BadRequest | Route::NotFound), "{hostile}");
        }
        assert_eq!(route("/%2e%2e/x", &files), Route::BadRequest);
    }

    #[test]
    fn the_live_script_goes_before_the_end_of_body() {
        let html = String::from_utf8(inject_live_script(b"<html><body>x</body></html>")).unwrap();
        assert_eq!(html, "<html><body>x<script src=\"/__danhmuc/live.js\"></script></body></html>");
    }

    #[test]
    fn a_waiter_sees_a_publish() {
        let preview = Preview::new(files(), None);
        let waiter = {
            let preview = preview.clone();
            std::thread::spawn(move || preview.wait_change(1, Duration::from_secs(30)))
        };
        preview.fail("lỗi".into());
        let (generation, error) = waiter.join().unwrap();
        assert_eq!(generation, 2);
        assert_eq!(error.as_deref(), Some("lỗi"));
    }
}
