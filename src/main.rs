fn main() -> std::process::ExitCode {
    danhmuc::cli::run()
}
