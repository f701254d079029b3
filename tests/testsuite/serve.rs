//! `danhmuc serve`: save → rebuild → reload event, errors shown and then
//! cleared, only built files served. The test waits for the server's own
//! events (with a generous limit only as a failure guard), never for a
//! fixed time.

use crate::common::Project;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Server {
    child: Child,
    port: u16,
    /// What the server prints after the address line.
    output: std::sync::mpsc::Receiver<String>,
}

impl Server {
    /// Waits for a printed line that starts with `prefix`.
    fn printed(&self, prefix: &str) -> String {
        loop {
            let line = self.output.recv_timeout(Duration::from_secs(60)).expect("the server printed no such line");
            if line.starts_with(prefix) {
                return line;
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `danhmuc serve` on `port` as editors do (from the project
/// folder, no `--root`, the system's own file events) and reads the
/// address it prints.
fn spawn(project: &Project, port: u16) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_danhmuc"))
        .args(["serve", "--port", &port.to_string()])
        .current_dir(project.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("Xem trước tại http://127.0.0.1:") {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    let (tx, output) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    Server { child, port, output }
}

fn start(project: &Project) -> Server {
    spawn(project, 0)
}

fn get(port: u16, path: &str) -> (u16, String) {
    get_as(port, path, &format!("127.0.0.1:{port}"))
}

/// A request naming `host` in its `Host` header.
fn get_as(port: u16, path: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let response = String::from_utf8(unchunked(bytes)).unwrap();
    let status = response[9..12].parse().unwrap();
    (status, response)
}

/// A response with its body joined from its chunks, where the server sent
/// it in chunks (large pages; a chunk may end inside a character).
fn unchunked(response: Vec<u8>) -> Vec<u8> {
    let Some(end) = response.windows(4).position(|w| w == b"\r\n\r\n").map(|at| at + 4) else { return response };
    let head = String::from_utf8_lossy(&response[..end]).to_ascii_lowercase();
    if !head.contains("transfer-encoding: chunked") {
        return response;
    }
    let (mut out, mut rest) = (response[..end].to_vec(), &response[end..]);
    while let Some(line) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..line]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&rest[line + 2..line + 2 + size]);
        rest = &rest[line + 2 + size + 2..];
    }
    out
}

/// The stream of state events (generation, error) the pages listen to.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        write!(stream, "GET /__danhmuc/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").unwrap();
        Events { reader: BufReader::new(stream) }
    }

    fn next(&mut self) -> serde_json::Value {
        let mut line = String::new();
        loop {
            line.clear();
            assert!(self.reader.read_line(&mut line).unwrap() > 0, "event stream closed");
            if let Some(data) = line.strip_prefix("data: ") {
                return serde_json::from_str(data.trim()).unwrap();
            }
        }
    }
}

#[test]
fn save_rebuilds_reloads_and_shows_then_clears_errors() {
    let project = Project::small();
    let server = start(&project);
    let mut events = Events::open(server.port);
    let first = events.next();
    assert!(first["error"].is_null());

    let (status, page) = get(server.port, "/csdl/csdl-ban-do/");
    assert_eq!(status, 200);
    assert!(page.contains("<script src=\"/__danhmuc/live.js\"></script></body>"), "live reload script injected");

    let file = project.path("content/csdl/a-02.md");
    project.edit(&file, "Quản lý lớp dữ liệu nền.", "Nội dung vừa sửa.");
    let after_save = events.next();
    assert!(after_save["generation"].as_u64() > first["generation"].as_u64());
    assert!(after_save["error"].is_null(), "{after_save}");
    assert!(get(server.port, "/csdl/csdl-ban-do/").1.contains("Nội dung vừa sửa."));

    project.edit(&file, "sector: ban-do", "sector: ban-doo");
    let broken = events.next();
    let error = broken["error"].as_str().expect("the error is sent to the page");
    assert!(error.contains("lỗi[unknown-sector]: content/csdl/a-02.md:5:9"), "{error}");
    let (status, page) = get(server.port, "/csdl/csdl-ban-do/");
    assert_eq!(status, 200, "the last good build stays served");
    assert!(page.contains("Nội dung vừa sửa."));

    project.edit(&file, "sector: ban-doo", "sector: ban-do");
    let fixed = events.next();
    assert!(fixed["error"].is_null(), "{fixed}");
}

#[test]
fn only_built_files_are_served() {
    let project = Project::small();
    let server = start(&project);
    assert_eq!(get(server.port, "/").0, 200);
    assert_eq!(get(server.port, "/assets/style.css").0, 200);
    let (status, redirect) = get(server.port, "/linh-vuc/bien");
    assert_eq!(status, 301);
    assert!(redirect.contains("Location: /linh-vuc/bien/"));
    for hostile in ["/../danhmuc.toml", "/content/csdl/a-02.md", "/%2e%2e/danhmuc.toml", "/danhmuc.toml", "/content/"] {
        let (status, body) = get(server.port, hostile);
        assert!(status == 400 || status == 404, "{hostile}: {status}");
        assert!(!body.contains("title ="), "{hostile} leaked the config");
    }
}

/// DNS rebinding: a page of another site whose name was made to resolve
/// to 127.0.0.1 sends its own name as `Host`; it must read nothing.
#[test]
fn only_the_printed_address_is_answered() {
    let project = Project::small();
    let server = start(&project);
    let port = server.port;
    assert_eq!(get_as(port, "/", &format!("localhost:{port}")).0, 200);
    assert_eq!(get_as(port, "/", &format!("LOCALHOST:{port}")).0, 200);
    for host in [format!("evil.example:{port}"), "evil.example".into(), format!("127.0.0.1:{}", port + 1)] {
        let (status, body) = get_as(port, "/", &host);
        assert_eq!(status, 403, "Host: {host}");
        assert!(!body.contains("<html"), "Host: {host} was served a page");
    }
    let (status, _) = get_as(port, "/__danhmuc/events", "evil.example");
    assert_eq!(status, 403);
}

/// A client that asks for a large file and never reads it must not hold
/// up everybody else's requests.
#[test]
fn a_stalled_client_does_not_block_the_others() {
    let project = Project::small();
    std::fs::create_dir_all(project.path("static")).unwrap();
    std::fs::write(project.path("static/lon.bin"), vec![7u8; 64 << 20]).unwrap();
    let server = start(&project);
    let mut stalled = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(stalled, "GET /lon.bin HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", server.port).unwrap();
    // Never read; the server's answer fills the socket and waits.
    for _ in 0..3 {
        assert_eq!(get(server.port, "/").0, 200);
    }
    drop(stalled);
}

/// Pipelined requests on one connection are answered one after another
/// by one thread: a thread per request let a client that sends twenty
/// thousand at once exhaust the process's threads, and `serve` aborted.
#[test]
fn twenty_thousand_pipelined_requests_are_answered_in_turn() {
    let project = Project::small();
    let server = start(&project);
    let port = server.port;
    let count = 20_000;
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    // All sent before any answer is read, as a client that does not read
    // would. 40 MB, far more than the sockets hold: once written, the
    // server has taken in all but the last few thousand.
    let padding = "x".repeat(2000);
    let request = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Padding: {padding}\r\n\r\n");
    stream.write_all(request.repeat(count).as_bytes()).unwrap();
    assert_eq!(get(port, "/").0, 200, "another client is answered meanwhile");
    if cfg!(target_os = "linux") {
        let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
        let threads: usize = status.lines().find_map(|l| l.strip_prefix("Threads:")).unwrap().trim().parse().unwrap();
        assert!(threads < 200, "{threads} threads for one connection");
    }
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    for answered in 0..count {
        let mut length = 0;
        loop {
            line.clear();
            assert!(reader.read_line(&mut line).unwrap() > 0, "the connection closed after {answered} answers");
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().unwrap();
            }
            if line == "\r\n" {
                break;
            }
        }
        reader.read_exact(&mut vec![0; length]).unwrap();
    }
    assert_eq!(get(port, "/").0, 200, "and afterwards");
}

/// A page's live-reload stream never ends, so a request sent after it on
/// the same connection can never be answered; it used to be refused from
/// the loop that hands out every request, which then waited for the
/// stream to end and answered nobody any more.
#[test]
fn an_event_stream_then_a_foreign_host_on_one_connection_blocks_nobody() {
    let project = Project::small();
    let server = start(&project);
    let port = server.port;
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        stream,
        "GET /__danhmuc/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\nGET / HTTP/1.1\r\nHost: evil.example\r\n\r\n"
    )
    .unwrap();
    let mut events = Events { reader: BufReader::new(stream) };
    assert!(events.next()["error"].is_null());
    for _ in 0..3 {
        assert_eq!(get(port, "/").0, 200, "other clients are answered");
    }
    assert_eq!(get_as(port, "/", "evil.example").0, 403, "and other hosts refused");
}

#[test]
fn a_taken_port_moves_to_the_next_free_one() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let taken = listener.local_addr().unwrap().port();
    let project = Project::small();
    let server = spawn(&project, taken);
    let port = server.port;
    assert!(port > taken && port <= taken + 20, "{taken} → {port}");
}

#[test]
fn a_text_edit_updates_its_page_first_then_everything_quietly() {
    let project = Project::small();
    text_edit_updates_its_page_first(
        &project,
        "content/csdl/a-02.md",
        "Quản lý lớp dữ liệu nền.",
        "/csdl/csdl-ban-do/",
    );
}

/// The real catalog declares the decision it replaces (`[[versions]]`):
/// the fast path works with versions, so a save shows at once there too.
#[test]
fn on_the_real_catalog_a_text_edit_takes_the_fast_path() {
    let project = Project::real();
    let file = "content/csdl/a-01-csdl-to-chuc-bo-may.md";
    text_edit_updates_its_page_first(&project, file, "Quản lý dữ liệu về tổ chức", "/csdl/csdl-to-chuc-bo-may/");
}

/// Saves `text` in `file` changed twice: the first change's page comes
/// first (the fast path), the rest of the site quietly after it.
fn text_edit_updates_its_page_first(project: &Project, file: &str, text: &str, page: &str) {
    let server = start(project);
    let mut events = Events::open(server.port);
    let first = events.next();
    let file = project.path(file);

    project.edit(&file, text, "Nội dung sửa nhanh.");
    let fast = events.next();
    assert_eq!(fast["generation"].as_u64(), first["generation"].as_u64().map(|g| g + 1));
    assert!(server.printed("Đã dựng lại").starts_with("Đã dựng lại trang của"), "the fast path was taken");
    assert!(get(server.port, page).1.contains("Nội dung sửa nhanh."), "the entry's page comes first");

    // The rest of the site (here the full table) follows from a quiet full
    // rebuild; poll for it with a generous limit as a failure guard.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while !get(server.port, "/toan-bo-danh-muc/").1.contains("Nội dung sửa nhanh.") {
        assert!(std::time::Instant::now() < deadline, "the full rebuild never arrived");
        std::thread::sleep(Duration::from_millis(50));
    }
    // It did not reload open pages a second time: the next change is the
    // very next generation.
    project.edit(&file, "Nội dung sửa nhanh.", "Nội dung sửa lần hai.");
    let second = events.next();
    assert_eq!(second["generation"].as_u64(), fast["generation"].as_u64().map(|g| g + 1));
    assert!(get(server.port, page).1.contains("Nội dung sửa lần hai."));
}

/// Moving an entry to another sector keeps the fast path: its page, its
/// old and new neighbours and both sectors' pages are right as soon as the
/// reload is sent, before the full rebuild.
#[test]
fn moving_an_entry_to_another_sector_updates_the_pages_it_touches_first() {
    let project = Project::small();
    let server = start(&project);
    let mut events = Events::open(server.port);
    let first = events.next();
    let file = project.path("content/csdl/a-02.md");
    project.edit(&file, "sector: ban-do", "sector: bien");
    let fast = events.next();
    assert!(fast["error"].is_null(), "{fast}");
    assert_eq!(fast["generation"].as_u64(), first["generation"].as_u64().map(|g| g + 1));
    let said = server.printed("Đã dựng lại");
    assert!(said.starts_with("Đã dựng lại trang của content/csdl/a-02.md"), "took the fast path: {said}");
    assert!(get(server.port, "/linh-vuc/bien/").1.contains("CSDL bản đồ"), "listed in its new sector");
    assert!(!get(server.port, "/linh-vuc/ban-do/").1.contains("CSDL bản đồ"), "gone from its old sector");
    let page = get(server.port, "/csdl/csdl-ban-do/").1;
    assert!(page.contains("href=\"../../linh-vuc/bien/index.html\">Biển</a>"), "its page names the new sector");
    // A.1 was followed by A.2 in "Bản đồ"; now by A.3.
    let neighbour = get(server.port, "/csdl/csdl-ban-mau-do/").1;
    let next = neighbour.split("rel=\"next\"").next().unwrap().rsplit("href=\"").next().unwrap().to_string();
    assert!(next.starts_with("../../csdl/csdl-moi-sinh"), "A.1's next entry is A.3 now: {next}");
}

/// The git output of one command, trimmed.
fn git_output(dir: &std::path::Path, args: &[&str]) -> String {
    let output = Command::new("git").arg("-C").arg(dir).args(args).env("GIT_CONFIG_NOSYSTEM", "1").output().unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

/// The declared versions are read from git once per session: a save
/// reads none again (here, one whose file has gone from git's objects
/// since is still shown), and a tag moved to another commit is read anew
/// on the next save.
#[test]
fn versions_are_read_once_per_session_and_again_when_their_tag_moves() {
    use crate::versions::{commit_and_tag, git};
    let project = Project::small();
    let a02 = project.path("content/csdl/a-02.md");
    project.edit(&a02, "title: CSDL bản đồ", "title: CSDL bản đồ đã ban hành");
    git(project.root(), &["init", "-q"]);
    commit_and_tag(&project, "qd-1-2025");
    project.edit(&a02, "title: CSDL bản đồ đã ban hành", "title: CSDL bản đồ");
    project.add_config("\n[[versions]]\nnumber = \"1/QĐ-UBND\"\ndate = \"2025-03-01\"\nrevision = \"qd-1-2025\"\n");
    let server = start(&project);
    let mut events = Events::open(server.port);
    assert!(events.next()["error"].is_null());
    let page = "/phien-ban/1-qd-ubnd/";
    assert!(get(server.port, page).1.contains("CSDL bản đồ đã ban hành"));

    let blob = git_output(project.root(), &["rev-parse", "qd-1-2025:content/csdl/a-02.md"]);
    std::fs::remove_file(project.path(&format!(".git/objects/{}/{}", &blob[..2], &blob[2..]))).unwrap();
    let a01 = project.path("content/csdl/a-01.md");
    project.edit(&a01, "## Mục đích\n\n", "## Mục đích\n\nĐã lưu. ");
    let saved = events.next();
    assert!(saved["error"].is_null(), "the version was read again: {saved}");
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    // The save changes the draft, published beside the catalog in force.
    while !get(server.port, "/phien-ban/du-thao/").1.contains("Đã lưu.") {
        assert!(std::time::Instant::now() < deadline, "the full rebuild never arrived");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(get(server.port, page).1.contains("CSDL bản đồ đã ban hành"));

    project.edit(&a02, "title: CSDL bản đồ", "title: CSDL bản đồ ban hành lại");
    git(project.root(), &["add", "-A"]);
    git(project.root(), &["commit", "-q", "-m", "lại"]);
    git(project.root(), &["tag", "-f", "qd-1-2025"]);
    project.edit(&a02, "title: CSDL bản đồ ban hành lại", "title: CSDL bản đồ");
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while !get(server.port, page).1.contains("CSDL bản đồ ban hành lại") {
        assert!(std::time::Instant::now() < deadline, "the moved tag was never read");
        std::thread::sleep(Duration::from_millis(50));
    }
}
