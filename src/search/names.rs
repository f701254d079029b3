//! Other names readers search by: the common abbreviations of Vietnamese
//! administration and the ministries' names before the 2025 reorganisation
//! (built in), the project's own (`content/synonyms.yaml`), and its
//! agencies' former names (`former` in `content/agencies.yaml`).
//!
//! The search page replaces a run of query words that is one of these keys
//! by what it stands for (the understanding script, `theme/search/understand/`). A key is
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
    ("NĐ", "nghị định"),
    ("QĐ", "quyết định"),
    ("NQ", "nghị quyết"),
];

/// The words people use at home for what the catalog says in the
/// decision's words, by subject: what they type, and the catalog's words
/// it stands for (`words → meaning`, one pair a line). Only the pairs
/// whose meaning the catalog holds reach the page (see [`vocabulary`]); a
/// project adds its own in `content/synonyms.yaml`.
const EVERYDAY: &str = include_str!("vocabulary/everyday.txt");

/// The English of government data for the catalog's words, as
/// [`EVERYDAY`]: "building permit" → "cấp phép xây dựng".
const ENGLISH: &str = include_str!("vocabulary/english.txt");

/// The pairs of a vocabulary file: every line but blank ones and comments
/// ("#"), split at its arrow.
fn pairs(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).filter_map(|line| {
        let (words, means) = line.split_once(" → ")?;
        Some((words.trim(), means.trim()))
    })
}

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
    keys(name).1
}

/// A name as it is written, in the same parts as [`key`] but with each
/// word's exact form ("Sở Tài nguyên" → "sở tài nguyên"): a reader who
/// types a part with its marks means that part ("mỏ" is not "mộ"), so the
/// page compares such a part with this (see `nameFor` in
/// `theme/search/understand/vocabulary.js`).
pub fn written_key(name: &str) -> String {
    keys(name).0
}

/// [`written_key`] and [`key`] at once.
fn keys(name: &str) -> (String, String) {
    let (mut exact, mut folded) = (String::new(), String::new());
    let (mut written, mut parts): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for part in name.split(char::is_whitespace) {
        let (mut joined_exact, mut joined) = (String::new(), String::new());
        for_each_word(part, |word, _| {
            forms_into(word, &mut exact, &mut folded);
            joined_exact.push_str(&exact);
            joined.push_str(&folded);
        });
        if !joined.is_empty() && joined != "va" {
            written.push(joined_exact);
            parts.push(joined);
        }
    }
    (written.join(" "), parts.join(" "))
}

/// The table the search page reads: written key ([`written_key`]) → what
/// it stands for, sorted by that key; the page folds it to compare a part
/// typed without marks. The project's synonyms take precedence over the built-in ones;
/// a former name of an agency stands for the agency. A longer name that
/// contains a built-in abbreviation's meaning is also reachable by the
/// abbreviation ("Sở TN&MT" as well as "Sở Tài nguyên và Môi trường").
pub fn table(catalog: &Catalog) -> Vec<(String, String)> {
    let mut table: BTreeMap<String, String> = BTreeMap::new();
    let abbreviations: Vec<(String, String)> =
        ABBREVIATIONS.iter().map(|(a, m)| (written_key(a), written_key(m))).collect();
    let add_name = |table: &mut BTreeMap<String, String>, name: &str, means: &str| {
        let name_key = written_key(name);
        for (short, long) in &abbreviations {
            if let Some(shortened) = replace_words(&name_key, long, short) {
                table.insert(shortened, means.to_string());
            }
        }
        table.insert(name_key, means.to_string());
    };
    for (abbreviation, means) in ABBREVIATIONS {
        table.insert(written_key(abbreviation), (*means).to_string());
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
            table.insert(written_key(words), synonym.means.clone());
        }
    }
    table.remove("");
    table.into_iter().collect()
}

/// One pair of the built-in vocabulary as the page reads it: the words'
/// written key, what they stand for, and whether they must be typed with
/// their marks (`strict`: folded, they are words of the catalog, "mo than"
/// being "mộ thân" as much as "mỏ than"). Written `[key, means]`, or
/// `[key, means, 1]` when strict.
#[derive(Debug, PartialEq)]
pub struct VocabularyPair {
    pub key: String,
    pub means: String,
    pub strict: bool,
}

impl serde::Serialize for VocabularyPair {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(if self.strict { 3 } else { 2 }))?;
        seq.serialize_element(&self.key)?;
        seq.serialize_element(&self.means)?;
        if self.strict {
            seq.serialize_element(&1)?;
        }
        seq.end()
    }
}

/// The built-in vocabulary the search page reads with its other names,
/// sorted by written key: only the pairs whose meaning's words are all
/// words of the catalog as written (`forms_of`, given a folded word, its
/// exact forms in the catalog), so that a query is never expanded to words
/// no entry has ("căn cước" is not "cán cuộc"); and whose own words are not all the catalog's as written, so that
/// what the catalog says itself ("tàu cá", "khí thải", "mỏ") is searched
/// as it is; unless it begins with the name of one of the project's
/// `places`, which the page would otherwise read as the place ("an sinh
/// xã hội" is not "xã hội" in the commune of An Sinh). Words the catalog
/// has only once folded ("mỏ than": "thân") must be typed with their
/// marks, and are left out if they have none ("than").
pub fn vocabulary<'a>(forms_of: impl Fn(&str) -> Option<&'a [String]>, places: &[String]) -> Vec<VocabularyPair> {
    let places: Vec<String> = places.iter().map(|place| format!("{} ", key(place))).collect();
    let mut table: BTreeMap<String, VocabularyPair> = BTreeMap::new();
    let as_written = |folded: &str, exact: &str| forms_of(folded).is_some_and(|forms| forms.iter().any(|f| f == exact));
    for (words, means) in pairs(EVERYDAY).chain(pairs(ENGLISH)) {
        let (word_key, written, meaning) = (key(words), written_key(words), key(means));
        if meaning.is_empty() || !meaning.split(' ').zip(written_key(means).split(' ')).all(|(f, e)| as_written(f, e)) {
            continue;
        }
        let parts = || word_key.split(' ').zip(written.split(' '));
        let after_place = places.iter().any(|place| word_key.starts_with(place.as_str()));
        if parts().all(|(folded, exact)| as_written(folded, exact)) && !after_place {
            continue;
        }
        // A place's name is typed without marks as often as with them.
        let strict = !after_place && parts().all(|(folded, _)| forms_of(folded).is_some());
        // Without marks to type, such words cannot be told from the catalog's.
        if strict && written == word_key {
            continue;
        }
        table.insert(written.clone(), VocabularyPair { key: written, means: (*means).to_string(), strict });
    }
    table.into_values().collect()
}

/// Where the page finds the built-in vocabulary: a file the understanding
/// script loads when it runs, so that a plain query never pays for it.
pub const VOCABULARY_PATH: &str = "assets/search-vocabulary.js";

/// Writes [`VOCABULARY_PATH`] for a catalog whose terms are `sorted`
/// (folded, sorted by UTF-16 code units, as the index writes them), each
/// with its exact forms; with the names of its `places`, if it declares
/// any (`src/search/places.rs`): what understanding a query needs beyond
/// the index, in the one file it loads.
pub(super) fn write_vocabulary(
    sorted: &[(String, super::encode::TermEntry)],
    places: &[String],
    sink: &dyn crate::output::Sink,
) {
    let forms_of = |word: &str| {
        let found = sorted.binary_search_by(|(term, _)| term.encode_utf16().cmp(word.encode_utf16())).ok()?;
        Some(&sorted[found].1.forms[..])
    };
    let json = crate::json::to_string(&vocabulary(forms_of, places));
    let mut script =
        super::encode::script_call(format_args!("DanhmucSearch.understanding.addVocabulary("), &json, ");\n");
    if !places.is_empty() {
        let places = crate::json::to_string(&places);
        script.extend(super::encode::script_call(
            format_args!("DanhmucSearch.understanding.addPlaces("),
            &places,
            ");\n",
        ));
    }
    sink.add(VOCABULARY_PATH, script);
}

/// `key` with the whole words `long` replaced by `short`, if it has them.
fn replace_words(key: &str, long: &str, short: &str) -> Option<String> {
    let padded = format!(" {key} ");
    let found = padded.find(&format!(" {long} "))?;
    let replaced = format!("{}{short}{}", &padded[..found + 1], &padded[found + 1 + long.len()..]);
    Some(replaced.trim().to_string())
}

/// The first parts of the keys of several parts ("so", "bo"), folded: a
/// query with one of them may be a name, so the page loads the table.
pub fn leads(table: &[(String, String)]) -> Vec<String> {
    let mut leads: Vec<String> =
        table.iter().filter_map(|(key, _)| key.split_once(' ').map(|(first, _)| crate::text::fold(first))).collect();
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
            written_keys: Vec<(String, String)>,
        }
        let vectors: Vectors = serde_json::from_str(include_str!("../../tests/understanding-vectors.json")).unwrap();
        assert!(vectors.name_keys.len() >= 10);
        for (name, expected) in vectors.name_keys {
            assert_eq!(key(&name), expected, "key of {name:?}");
        }
        assert!(vectors.written_keys.len() >= 4);
        for (name, expected) in vectors.written_keys {
            assert_eq!(written_key(&name), expected, "written key of {name:?}");
        }
    }

    /// Guards against the vocabulary sending a query to words no entry
    /// has, or replacing words the catalog says itself; and against a pair
    /// whose words the catalog has once folded ("mỏ than": "mộ", "thân")
    /// taking those words when typed without marks.
    #[test]
    fn the_vocabulary_expands_only_to_words_the_catalog_holds() {
        let held: Vec<(&str, Vec<String>)> = [
            ("giay", "giấy"),
            ("phep", "phép"),
            ("xay", "xây"),
            ("dung", "dựng"),
            ("cap", "cấp"),
            ("thien", "thiên"),
            ("tai", "tai"),
            ("tau", "tàu"),
            ("ca", "cá"),
            ("mo", "mộ"),
            ("than", "thân"),
            ("khoang", "khoáng"),
            ("san", "sản"),
            ("an", "an"),
            ("sinh", "sinh"),
            ("xa", "xã"),
            ("hoi", "hội"),
            ("nguoi", "người"),
            ("co", "có"),
            ("cong", "công"),
        ]
        .into_iter()
        .map(|(t, f)| (t, vec![f.to_string()]))
        .collect();
        let table = vocabulary(|w| held.iter().find(|(t, _)| *t == w).map(|(_, f)| &f[..]), &["An Sinh".to_string()]);
        let get = |k: &str| table.iter().find(|p| p.key == k).map(|p| (p.means.as_str(), p.strict));
        assert_eq!(get("building permit"), Some(("cấp phép xây dựng", false)));
        assert_eq!(get("disaster"), Some(("thiên tai", false)));
        // "nông nghiệp" is not held here: no pair leads to it.
        assert_eq!(get("agriculture"), None);
        // "tàu cá" is the catalog's own words: searched as typed.
        assert_eq!(get("tàu cá"), None);
        // So are "an sinh xã hội"'s, but they begin with a place's name:
        // the pair tells the page they are not the place.
        assert_eq!(get("an sinh xã hội"), Some(("người có công", false)));
        // "mỏ than" only with its marks: "mo than" may be "mộ thân".
        assert_eq!(get("mỏ than"), Some(("khoáng sản", true)));
        assert_eq!(get("than"), None);
    }

    /// Guards against a line of the vocabulary files that the build would
    /// skip without a word (no arrow), a pair written twice, and the
    /// vocabulary shrinking below what it covers.
    #[test]
    fn every_line_of_the_vocabulary_is_one_pair() {
        let mut seen = std::collections::HashSet::new();
        for text in [EVERYDAY, ENGLISH] {
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let (words, means) = line.split_once(" → ").unwrap_or_else(|| panic!("no arrow: {line}"));
                assert!(!key(words).is_empty() && !key(means).is_empty(), "{line}");
                assert!(seen.insert(written_key(words)), "twice: {line}");
            }
        }
        assert!(pairs(EVERYDAY).count() >= 300, "{}", pairs(EVERYDAY).count());
        assert!(pairs(ENGLISH).count() >= 200, "{}", pairs(ENGLISH).count());
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
