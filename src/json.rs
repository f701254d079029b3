//! JSON text for the outputs that carry entries' text, printed by sonic-rs:
//! it finds the characters to escape with SIMD where serde_json goes byte
//! by byte, and a build escapes every entry's text into five outputs
//! (5 % of its instructions). The bytes are serde_json's, which the tests
//! below check; serde_json stays for building values and for reading.

use serde::Serialize;

/// Compact JSON, as `serde_json::to_string` prints it.
pub fn to_string(value: &(impl Serialize + ?Sized)) -> String {
    sonic_rs::to_string(value).expect("the site's data serializes to JSON")
}

/// Indented JSON, as `serde_json::to_string_pretty` prints it.
pub fn to_string_pretty(value: &(impl Serialize + ?Sized)) -> String {
    sonic_rs::to_string_pretty(value).expect("the site's data serializes to JSON")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Sample<'a> {
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        absent: Option<&'a str>,
        none: Option<u32>,
        numbers: (u32, usize, i64, bool),
        empty_list: Vec<u32>,
        empty_map: BTreeMap<String, u32>,
        nested: Vec<BTreeMap<&'a str, Vec<&'a str>>>,
        pairs: Vec<(String, &'a str, u32, [&'a str; 2])>,
    }

    /// Every ASCII character (controls, quotes, backslash, DEL), Latin-1,
    /// Vietnamese, the JavaScript line separators and a character beyond
    /// the BMP, at the start, middle and end of strings of every length up
    /// to past a SIMD block, in every shape the site prints.
    #[test]
    fn prints_what_serde_json_prints() {
        let mut texts: Vec<String> = (0u8..=0x7f).map(|b| char::from(b).to_string()).collect();
        let special = "\"\\\n\t\r\u{8}\u{c}\u{1f}\u{7f}/<\u{80}\u{a0}đĐữ\u{2028}\u{2029}𝄞";
        for c in special.chars() {
            for len in [0, 1, 15, 16, 17, 31, 32, 33, 64] {
                texts.push(format!("{}{c}{}", "a".repeat(len), "ệ".repeat(len % 7)));
            }
        }
        let all: String = texts.concat();
        let sample = Sample {
            text: all.clone(),
            absent: None,
            none: None,
            numbers: (u32::MAX, usize::MAX, i64::MIN, true),
            empty_list: Vec::new(),
            empty_map: BTreeMap::new(),
            nested: vec![BTreeMap::from([("khóa \"x\"", vec!["một", "hai\nba"]), ("b", vec![])])],
            pairs: texts.iter().map(|t| (t.clone(), "Sở Nội vụ", 7, [t.as_str(), ""])).collect(),
        };
        assert_eq!(to_string(&sample), serde_json::to_string(&sample).unwrap());
        assert_eq!(to_string_pretty(&sample), serde_json::to_string_pretty(&sample).unwrap());
        for text in &texts {
            assert_eq!(to_string(text), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }
}
