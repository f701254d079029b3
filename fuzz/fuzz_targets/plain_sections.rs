//! Arbitrary text as an entry's body: where splitting it into sections
//! also gives a section's plain text, that text must be what the section's
//! Markdown alone gives (the build relies on it to parse each section once).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let (_, sections) = danhmuc::source::split_sections(body);
    for section in sections {
        if let Some(plain) = section.plain {
            let alone = danhmuc::markdown::to_plain_text(body[section.content.clone()].trim());
            assert_eq!(plain, alone, "section {:?} of {body:?}", section.heading);
        }
    }
});
