#[cfg(not(target_env = "msvc"))]
mod allocator {
    #[global_allocator]
    static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

    /// jemalloc's options, read before `main`: one arena per CPU (not four)
    /// and freed pages handed back after 1 s (not 10 s), so a build's peak
    /// memory is close to what it holds: 10-15 % lower at 10,000 entries,
    /// at the same speed (BENCHMARKS.md).
    #[repr(transparent)]
    struct Options(*const std::ffi::c_char);
    // SAFETY: a pointer to a static, immutable C string.
    unsafe impl Sync for Options {}
    #[unsafe(export_name = "_rjem_malloc_conf")]
    static MALLOC_CONF: Options = Options(c"percpu_arena:percpu,dirty_decay_ms:1000".as_ptr());
}

fn main() -> std::process::ExitCode {
    danhmuc::cli::run()
}
