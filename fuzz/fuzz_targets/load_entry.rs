//! Arbitrary bytes as an entry file, through the whole loading path:
//! decoding, front matter, YAML, validation, Markdown, rendering, search
//! index and exports. Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = danhmuc::site::build_single_entry(data);
});
