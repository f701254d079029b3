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

/// The words people use at home, and in English, for what the catalog
/// says in the decision's words: what they type, and the catalog's words
/// it stands for. Only the pairs whose meaning the catalog holds reach the
/// page (see [`vocabulary`]); a project adds its own in
/// `content/synonyms.yaml`.
const VOCABULARY: &[(&str, &str)] = &[
    // Everyday Vietnamese.
    ("sổ hồng", "giấy chứng nhận"),
    ("sổ đỏ", "giấy chứng nhận"),
    ("tiêm phòng", "tiêm chủng"),
    ("chích ngừa", "tiêm chủng"),
    ("rác thải", "chất thải rắn"),
    ("rác", "chất thải rắn"),
    ("lũ lụt", "thiên tai"),
    ("bão lũ", "thiên tai"),
    ("sạt lở", "thiên tai"),
    ("mực nước", "thủy văn"),
    ("mất việc", "thất nghiệp"),
    ("tìm việc", "việc làm"),
    ("xin việc", "việc làm"),
    ("điểm thi", "kết quả học tập"),
    ("học bạ", "kết quả học tập"),
    ("bảng điểm", "kết quả học tập"),
    ("khám bệnh", "khám chữa bệnh"),
    ("bệnh án", "hồ sơ sức khỏe"),
    ("xây nhà", "cấp phép xây dựng"),
    ("giấy phép xây nhà", "cấp phép xây dựng"),
    ("mộ liệt sĩ", "liệt sĩ"),
    ("thương binh", "người có công"),
    ("nhà xã hội", "nhà ở xã hội"),
    ("chợ", "thương mại"),
    ("hàng giả", "thương mại"),
    ("đi làm ở nước ngoài", "đi làm việc ở nước ngoài"),
    ("xuất khẩu lao động", "đi làm việc ở nước ngoài"),
    ("lao động nước ngoài", "người nước ngoài"),
    ("khách du lịch", "du lịch"),
    ("lễ hội", "sự kiện"),
    ("cây xanh", "hạ tầng kỹ thuật đô thị"),
    ("thoát nước", "hạ tầng kỹ thuật đô thị"),
    ("đèn đường", "hạ tầng kỹ thuật đô thị"),
    ("nuôi tôm", "nuôi trồng thủy sản"),
    ("nuôi cá", "nuôi trồng thủy sản"),
    ("tàu cá", "thủy sản"),
    ("trồng rừng", "lâm nghiệp"),
    ("gỗ", "lâm nghiệp"),
    ("mỏ", "khoáng sản"),
    ("mỏ than", "khoáng sản"),
    ("cát", "khoáng sản"),
    ("than", "khoáng sản"),
    ("gia súc", "chăn nuôi"),
    ("gia cầm", "chăn nuôi"),
    ("từ thiện", "quỹ"),
    ("nhãn hiệu", "sở hữu công nghiệp"),
    ("bằng sáng chế", "sở hữu công nghiệp"),
    ("sáng chế", "sở hữu công nghiệp"),
    ("thực phẩm sạch", "an toàn thực phẩm"),
    ("điện thoại", "thuê bao điện thoại"),
    ("sim điện thoại", "thuê bao điện thoại"),
    ("sóng điện thoại", "viễn thông"),
    ("cán bộ", "cán bộ công chức viên chức"),
    ("công chức", "cán bộ công chức viên chức"),
    ("thôn xóm", "thôn tổ dân phố"),
    // English.
    ("building permit", "cấp phép xây dựng"),
    ("construction permit", "cấp phép xây dựng"),
    ("land registry", "đất đai"),
    ("land", "đất đai"),
    ("cadastre", "đất đai"),
    ("housing", "nhà ở"),
    ("real estate", "bất động sản"),
    ("property", "bất động sản"),
    ("health insurance", "bảo hiểm y tế"),
    ("social insurance", "bảo hiểm xã hội"),
    ("unemployment benefits", "bảo hiểm thất nghiệp"),
    ("unemployment insurance", "bảo hiểm thất nghiệp"),
    ("unemployment", "thất nghiệp"),
    ("vaccination", "tiêm chủng"),
    ("immunization", "tiêm chủng"),
    ("vaccine", "tiêm chủng"),
    ("medical records", "hồ sơ sức khỏe điện tử"),
    ("health records", "hồ sơ sức khỏe điện tử"),
    ("hospital", "khám chữa bệnh"),
    ("healthcare", "y tế"),
    ("health", "y tế"),
    ("disease", "phòng bệnh"),
    ("work permit", "giấy phép lao động"),
    ("foreign workers", "người nước ngoài"),
    ("labour", "lao động"),
    ("labor", "lao động"),
    ("jobs", "việc làm"),
    ("employment", "việc làm"),
    ("mining license", "khoáng sản"),
    ("mining", "khoáng sản"),
    ("minerals", "khoáng sản"),
    ("coal", "khoáng sản"),
    ("trademark", "sở hữu công nghiệp"),
    ("patent", "sở hữu công nghiệp"),
    ("intellectual property", "sở hữu công nghiệp"),
    ("tourism", "du lịch"),
    ("tourist", "du lịch"),
    ("tourist arrivals", "khách du lịch"),
    ("urban planning", "quy hoạch"),
    ("planning", "quy hoạch"),
    ("zoning", "quy hoạch"),
    ("food safety", "an toàn thực phẩm"),
    ("food traceability", "nguồn gốc thực phẩm"),
    ("traceability", "nguồn gốc"),
    ("food", "thực phẩm"),
    ("natural disaster", "thiên tai"),
    ("disaster", "thiên tai"),
    ("early warning", "cảnh báo"),
    ("flood", "thiên tai"),
    ("storm", "thiên tai"),
    ("official gazette", "công báo"),
    ("gazette", "công báo"),
    ("war martyrs", "liệt sĩ"),
    ("martyrs", "liệt sĩ"),
    ("cemetery", "nghĩa trang"),
    ("veterans", "người có công"),
    ("education", "giáo dục"),
    ("school", "giáo dục"),
    ("students", "học sinh"),
    ("environment", "môi trường"),
    ("environmental monitoring", "quan trắc môi trường"),
    ("monitoring", "quan trắc"),
    ("air quality", "quan trắc môi trường"),
    ("water quality", "quan trắc môi trường"),
    ("pollution", "ô nhiễm"),
    ("waste", "chất thải"),
    ("solid waste", "chất thải rắn"),
    ("agriculture", "nông nghiệp"),
    ("forestry", "lâm nghiệp"),
    ("fisheries", "thủy sản"),
    ("aquaculture", "nuôi trồng thủy sản"),
    ("livestock", "chăn nuôi"),
    ("crops", "trồng trọt"),
    ("industrial zone", "khu công nghiệp"),
    ("industrial park", "khu công nghiệp"),
    ("economic zone", "khu kinh tế"),
    ("investment", "đầu tư"),
    ("investment projects", "dự án đầu tư"),
    ("business registration", "đăng ký kinh doanh"),
    ("business", "doanh nghiệp"),
    ("enterprise", "doanh nghiệp"),
    ("companies", "doanh nghiệp"),
    ("trade", "thương mại"),
    ("e-commerce", "thương mại điện tử"),
    ("consumer protection", "bảo vệ người tiêu dùng"),
    ("market", "thương mại"),
    ("transport", "giao thông"),
    ("traffic", "giao thông"),
    ("roads", "giao thông"),
    ("telecommunications", "viễn thông"),
    ("telecom", "viễn thông"),
    ("mobile subscribers", "thuê bao điện thoại"),
    ("digital transformation", "chuyển đổi số"),
    ("science and technology", "khoa học công nghệ"),
    ("research projects", "đề tài khoa học"),
    ("civil servants", "cán bộ công chức viên chức"),
    ("public employees", "viên chức"),
    ("officials", "cán bộ"),
    ("organization chart", "tổ chức bộ máy"),
    ("training", "đào tạo"),
    ("associations", "hội"),
    ("ngo", "tổ chức phi chính phủ"),
    ("charity", "quỹ"),
    ("foundations", "quỹ"),
    ("culture", "văn hóa"),
    ("sports", "thể thao"),
    ("events", "sự kiện"),
    ("statistics", "thống kê"),
    ("population", "dân cư"),
    ("villages", "thôn"),
    ("hamlets", "thôn"),
    ("administrative units", "đơn vị hành chính"),
    ("base map", "bản đồ nền"),
    ("gis", "bản đồ"),
    ("map", "bản đồ"),
    ("water", "nước"),
    ("bay", "vịnh"),
    ("ha long bay", "vịnh hạ long"),
    ("dna", "adn"),
    ("legal documents", "văn bản quy phạm pháp luật"),
    ("complaints", "khiếu nại"),
    ("public services", "dịch vụ công"),
    ("administrative procedures", "thủ tục hành chính"),
    ("ethnic minorities", "dân tộc thiểu số"),
    ("social protection", "bảo trợ xã hội"),
    ("poverty", "nghèo"),
    ("infrastructure", "hạ tầng"),
    ("urban infrastructure", "hạ tầng kỹ thuật đô thị"),
    ("construction", "xây dựng"),
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
    keys(name).1
}

/// A name as it is written, in the same parts as [`key`] but with each
/// word's exact form ("Sở Tài nguyên" → "sở tài nguyên"): a reader who
/// types a part with its marks means that part ("mỏ" is not "mộ"), so the
/// page compares such a part with this (see `nameFor` in
/// `src/search/js/understand/vocabulary.js`).
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
/// words of the catalog (`forms_of`, given a folded word, its exact forms
/// in the catalog), so that a query is never expanded to words no entry
/// has; and whose own words are not all the catalog's as written, so that
/// what the catalog says itself ("tàu cá", "khí thải", "mỏ") is searched
/// as it is. Words the catalog has only once folded ("mỏ than": "thân")
/// must be typed with their marks, and are left out if they have none
/// ("than").
pub fn vocabulary<'a>(forms_of: impl Fn(&str) -> Option<&'a [String]>) -> Vec<VocabularyPair> {
    let mut table: BTreeMap<String, VocabularyPair> = BTreeMap::new();
    for (words, means) in VOCABULARY {
        let (word_key, written, meaning) = (key(words), written_key(words), key(means));
        if meaning.is_empty() || !meaning.split(' ').all(|w| forms_of(w).is_some()) {
            continue;
        }
        let parts = || word_key.split(' ').zip(written.split(' '));
        if parts().all(|(folded, exact)| forms_of(folded).is_some_and(|forms| forms.iter().any(|f| f == exact))) {
            continue;
        }
        let strict = parts().all(|(folded, _)| forms_of(folded).is_some());
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
/// with its exact forms.
pub(super) fn write_vocabulary(sorted: &[(String, super::encode::TermEntry)], sink: &dyn crate::output::Sink) {
    let forms_of = |word: &str| {
        let found = sorted.binary_search_by(|(term, _)| term.encode_utf16().cmp(word.encode_utf16())).ok()?;
        Some(&sorted[found].1.forms[..])
    };
    let json = crate::json::to_string(&vocabulary(forms_of));
    sink.add(
        VOCABULARY_PATH,
        super::encode::script_call(format_args!("DanhmucSearch.understanding.addVocabulary("), &json, ");\n"),
    );
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
        ]
        .into_iter()
        .map(|(t, f)| (t, vec![f.to_string()]))
        .collect();
        let table = vocabulary(|w| held.iter().find(|(t, _)| *t == w).map(|(_, f)| &f[..]));
        let get = |k: &str| table.iter().find(|p| p.key == k).map(|p| (p.means.as_str(), p.strict));
        assert_eq!(get("building permit"), Some(("cấp phép xây dựng", false)));
        assert_eq!(get("disaster"), Some(("thiên tai", false)));
        // "nông nghiệp" is not held here: no pair leads to it.
        assert_eq!(get("agriculture"), None);
        // "tàu cá" is the catalog's own words: searched as typed.
        assert_eq!(get("tàu cá"), None);
        // "mỏ than" only with its marks: "mo than" may be "mộ thân".
        assert_eq!(get("mỏ than"), Some(("khoáng sản", true)));
        assert_eq!(get("than"), None);
        assert!(VOCABULARY.len() >= 150, "{}", VOCABULARY.len());
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
