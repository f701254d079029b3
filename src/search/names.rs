//! Other names readers search by: the common abbreviations of Vietnamese
//! administration and the ministries' names before the 2025 reorganisation
//! (built in), the project's own (`content/synonyms.yaml`), and its
//! agencies' former names (`former` in `content/agencies.yaml`).
//!
//! The search page replaces a run of query words that is one of these keys
//! by what it stands for (the understanding script, `src/search/js/understand/`). A key is
//! compared as the page compares it (see [`key`]), so "KH&CN", "KHCN",
//! "kh-cn" and "khcn" are one key.

use super::tokenize::{for_each_word, forms_into};
use crate::model::Catalog;
use std::collections::BTreeMap;

/// Abbreviations every catalog of shared databases uses: the names of
/// administrative bodies and of the subjects of their databases.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("UBND", "ủy ban nhân dân"),
    ("HĐND", "hội đồng nhân dân"),
    ("VP", "văn phòng"),
    ("CSDL", "cơ sở dữ liệu"),
    ("HTTT", "hệ thống thông tin"),
    ("KCN", "khu công nghiệp"),
    ("KKT", "khu kinh tế"),
    ("BQL", "ban quản lý"),
    ("KH&CN", "khoa học và công nghệ"),
    ("TN&MT", "tài nguyên và môi trường"),
    ("NN&MT", "nông nghiệp và môi trường"),
    ("NN&PTNT", "nông nghiệp và phát triển nông thôn"),
    ("LĐ-TB&XH", "lao động thương binh và xã hội"),
    ("TT&TT", "thông tin và truyền thông"),
    ("GTVT", "giao thông vận tải"),
    ("GD&ĐT", "giáo dục và đào tạo"),
    ("KH&ĐT", "kế hoạch và đầu tư"),
    ("VH-TT&DL", "văn hóa thể thao và du lịch"),
    ("GPXD", "giấy phép xây dựng"),
    ("BHXH", "bảo hiểm xã hội"),
    ("BHYT", "bảo hiểm y tế"),
    ("BHTN", "bảo hiểm thất nghiệp"),
    ("CBCCVC", "cán bộ công chức viên chức"),
    ("CBCC", "cán bộ công chức"),
    ("CCVC", "công chức viên chức"),
    ("TTHC", "thủ tục hành chính"),
    ("DVC", "dịch vụ công"),
    ("DVCTT", "dịch vụ công trực tuyến"),
    ("CNTT", "công nghệ thông tin"),
    ("CĐS", "chuyển đổi số"),
    ("GCN", "giấy chứng nhận"),
    ("QSDĐ", "quyền sử dụng đất"),
    ("GCNQSDĐ", "giấy chứng nhận quyền sử dụng đất"),
    ("ĐKKD", "đăng ký kinh doanh"),
    ("DN", "doanh nghiệp"),
    ("HTX", "hợp tác xã"),
    ("THPT", "trung học phổ thông"),
    ("THCS", "trung học cơ sở"),
    ("CCCD", "căn cước công dân"),
    ("MST", "mã số thuế"),
    ("CQNN", "cơ quan nhà nước"),
    ("QLNN", "quản lý nhà nước"),
    ("VBQPPL", "văn bản quy phạm pháp luật"),
    ("ATTP", "an toàn thực phẩm"),
    ("PCCC", "phòng cháy chữa cháy"),
    ("GPMB", "giải phóng mặt bằng"),
    ("NCC", "người có công"),
    ("DTTS", "dân tộc thiểu số"),
    ("BTXH", "bảo trợ xã hội"),
    ("KT-XH", "kinh tế xã hội"),
    ("TP", "thành phố"),
];

/// Ministries merged on 1 March 2025 (Nghị quyết 176/2025/QH15): the
/// former name, and the ministry that holds its duties now.
const FORMER_MINISTRIES: &[(&str, &str)] = &[
    ("Bộ Tài nguyên và Môi trường", "Bộ Nông nghiệp và Môi trường"),
    ("Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường"),
    ("Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"),
    ("Bộ Lao động - Thương binh và Xã hội", "Bộ Nội vụ"),
    ("Bộ Giao thông vận tải", "Bộ Xây dựng"),
    ("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"),
    ("Ủy ban Dân tộc", "Bộ Dân tộc và Tôn giáo"),
];

/// A name as the page compares it: the folded words of each part written
/// without spaces run together ("KH&CN" → "khcn"), the parts joined by one
/// space, and "và" left out ("Sở Tài nguyên và Môi trường" → "so tai
/// nguyen moi truong"). Empty when the name has no word.
pub fn key(name: &str) -> String {
    let (mut exact, mut folded) = (String::new(), String::new());
    let mut parts: Vec<String> = Vec::new();
    for part in name.split(char::is_whitespace) {
        let mut joined = String::new();
        for_each_word(part, |word, _| {
            forms_into(word, &mut exact, &mut folded);
            joined.push_str(&folded);
        });
        if !joined.is_empty() && joined != "va" {
            parts.push(joined);
        }
    }
    parts.join(" ")
}

/// The table the search page reads: key → what it stands for, sorted by
/// key. The project's synonyms take precedence over the built-in ones;
/// a former name of an agency stands for the agency. A longer name that
/// contains a built-in abbreviation's meaning is also reachable by the
/// abbreviation ("Sở TN&MT" as well as "Sở Tài nguyên và Môi trường").
pub fn table(catalog: &Catalog) -> Vec<(String, String)> {
    let mut table: BTreeMap<String, String> = BTreeMap::new();
    let abbreviations: Vec<(String, String)> = ABBREVIATIONS.iter().map(|(a, m)| (key(a), key(m))).collect();
    let add_name = |table: &mut BTreeMap<String, String>, name: &str, means: &str| {
        let name_key = key(name);
        for (short, long) in &abbreviations {
            if let Some(shortened) = replace_words(&name_key, long, short) {
                table.insert(shortened, means.to_string());
            }
        }
        table.insert(name_key, means.to_string());
    };
    for (abbreviation, means) in ABBREVIATIONS {
        table.insert(key(abbreviation), (*means).to_string());
    }
    for (former, now) in FORMER_MINISTRIES {
        add_name(&mut table, former, now);
    }
    for agency in catalog.agencies() {
        for former in &agency.former {
            add_name(&mut table, &former.name, &agency.name);
        }
    }
    for synonym in catalog.synonyms() {
        for words in &synonym.words {
            table.insert(key(words), synonym.means.clone());
        }
    }
    table.remove("");
    table.into_iter().collect()
}

/// `key` with the whole words `long` replaced by `short`, if it has them.
fn replace_words(key: &str, long: &str, short: &str) -> Option<String> {
    let padded = format!(" {key} ");
    let found = padded.find(&format!(" {long} "))?;
    let replaced = format!("{}{short}{}", &padded[..found + 1], &padded[found + 1 + long.len()..]);
    Some(replaced.trim().to_string())
}

/// The first parts of the keys of several parts ("so", "bo"): a query
/// with one of them may be a name, so the page loads the table.
pub fn leads(table: &[(String, String)]) -> Vec<String> {
    let mut leads: Vec<String> =
        table.iter().filter_map(|(key, _)| key.split_once(' ').map(|(first, _)| first.to_string())).collect();
    leads.sort();
    leads.dedup();
    leads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_what_the_page_compares() {
        // The same cases are checked against search-understand.js.
        #[derive(serde::Deserialize)]
        struct Vectors {
            name_keys: Vec<(String, String)>,
        }
        let vectors: Vectors = serde_json::from_str(include_str!("../../tests/understanding-vectors.json")).unwrap();
        assert!(vectors.name_keys.len() >= 10);
        for (name, expected) in vectors.name_keys {
            assert_eq!(key(&name), expected, "key of {name:?}");
        }
    }

    #[test]
    fn a_former_name_is_reachable_by_its_abbreviation() {
        assert_eq!(
            replace_words("bo tai nguyen moi truong", "tai nguyen moi truong", "tnmt").as_deref(),
            Some("bo tnmt")
        );
        assert_eq!(replace_words("bo tai chinh", "tai nguyen moi truong", "tnmt"), None);
    }
}
