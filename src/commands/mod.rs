//! The subcommands, one file each, each a short driver over the library:
//! it parses nothing itself (that is `cli`), loads the project through
//! `source`, runs the steps it needs and prints the outcome for a person,
//! in Vietnamese, with the exit code. The work itself is the library's:
//! a new entry's place and text in `source::new_entry`, a sheet's rows in
//! `source::from_sheet`, diff's sides and reports in `versions`, the
//! preview's builds and watcher in `preview`.

pub mod build;
pub mod check;
pub mod comparison;
pub mod diff;
pub mod import;
pub mod init;
pub mod new;
pub mod serve;

/// Writes `text` to standard output. A reader that has gone away
/// (`danhmuc check --format json | head -1`) wants no more: the rest is
/// dropped quietly and the command still ends with the exit code its work
/// earned, where `print!` panicked.
pub fn print_out(text: &str) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        print_err(&format!("Không ghi được ra đầu ra chuẩn: {}.\n", crate::diagnostics::io_message(&e)));
    }
}

/// Writes `text` to standard error, as [`print_out`] does to standard
/// output: nothing is left to tell when even that is closed.
pub fn print_err(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
