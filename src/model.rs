//! The validated catalog: what every later step (render, search, exports)
//! reads. Nothing here can be inconsistent: sectors and agencies are
//! referred to by typed indices that `validate` checked, and entries are
//! kept in the decision's order (group, then number).

use serde::Serialize;
use std::fmt;

pub mod appendix;
pub mod fields;

/// The two groups of the decision's appendix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Group {
    A,
    B,
}

impl Group {
    pub const ALL: [Group; 2] = [Group::A, Group::B];

    pub fn code(self) -> &'static str {
        match self {
            Group::A => "A",
            Group::B => "B",
        }
    }

    /// Lower-case code used in URLs (`nhom/a/`).
    pub fn slug(self) -> &'static str {
        match self {
            Group::A => "a",
            Group::B => "b",
        }
    }

    /// The group's heading in the decision.
    pub fn name(self) -> &'static str {
        match self {
            Group::A => "Nhóm CSDL do bộ, ngành trung ương triển khai",
            Group::B => "Nhóm CSDL do tỉnh triển khai",
        }
    }

    pub fn parse(text: &str) -> Option<Group> {
        match text.trim() {
            "A" | "a" => Some(Group::A),
            "B" | "b" => Some(Group::B),
            _ => None,
        }
    }
}

/// A URL slug: lowercase ASCII letters, digits and hyphens.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Wraps `text` if it is a valid slug.
    pub fn new(text: &str) -> Option<Slug> {
        crate::text::is_valid_slug(text).then(|| Slug(text.to_string()))
    }

    pub fn from_title(title: &str) -> Option<Slug> {
        Slug::new(&crate::text::slugify(title))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SectorId(pub usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AgencyId(pub usize);

#[derive(Debug, Clone)]
pub struct Sector {
    pub slug: Slug,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Agency {
    pub slug: Slug,
    pub name: String,
    pub short_name: Option<String>,
    pub website: Option<String>,
    /// Earlier names (or agencies whose duties it took over), oldest
    /// declared first.
    pub former: Vec<FormerName>,
    /// For an agency that no longer exists: the one that took over its
    /// duties.
    pub successor: Option<AgencyId>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct FormerName {
    pub name: String,
    /// The year the name ended, when known.
    pub until: Option<u32>,
}

/// Words readers type for what the catalog writes (`content/synonyms.yaml`).
#[derive(Debug, Clone)]
pub struct Synonym {
    pub words: Vec<String>,
    pub means: String,
}

/// The four fixed section headings, in order: the appendix's four long
/// columns. Here rather than in `validate`, which checks them, because
/// `source` writes them too (`danhmuc new`, `danhmuc import`).
pub const SECTION_HEADINGS: [&str; 4] = fields::section_headings();

/// The four long columns of the appendix, as Markdown source.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    pub purpose: String,
    pub scope: String,
    pub collection: String,
    pub sharing: String,
    /// The same four as plain text, made once: search, descriptions and
    /// the data exports all need it.
    pub plain: PlainSections,
}

/// [`Sections`] without markup (`markdown::to_plain_text`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainSections {
    pub purpose: String,
    pub scope: String,
    pub collection: String,
    pub sharing: String,
}

impl Sections {
    /// The four sections: each one's Markdown and its plain text.
    pub fn new(sections: [(String, String); 4]) -> Self {
        let [purpose, scope, collection, sharing] = sections;
        let plain = PlainSections { purpose: purpose.1, scope: scope.1, collection: collection.1, sharing: sharing.1 };
        Sections { purpose: purpose.0, scope: scope.0, collection: collection.0, sharing: sharing.0, plain }
    }
}

/// One shared database (CSDL) of the catalog.
#[derive(Debug, Clone)]
pub struct Entry {
    pub slug: Slug,
    pub title: String,
    pub group: Group,
    /// TT: the number within its group.
    pub number: u32,
    pub sector: SectorId,
    pub agencies: Vec<AgencyId>,
    /// "Ghi chú", often the legal basis.
    pub notes: Option<String>,
    pub sections: Sections,
    /// Free Markdown after the four sections.
    pub extra: String,
    /// Last update: the front matter's `updated`, else the file's last git
    /// commit; None when neither is known (never the build time).
    pub updated: Option<IsoDate>,
    /// Path of the source file relative to the project root, `/`-separated.
    pub source_path: String,
    /// The front matter's `ly_do`: why a draft proposes the entry or its
    /// change, shown only in the bảng so sánh (never in the appendix or the
    /// data files: it is not part of the decision).
    pub reason: Option<String>,
    /// The front matter's `keywords`: the words people type for the
    /// entry's subject ("sổ đỏ", "bằng lái"), for the search and the open
    /// data; not part of the decision (never in the appendix or its Word
    /// document).
    pub keywords: Vec<String>,
}

impl Entry {
    /// "A.18": group and number, as editors and the decision refer to it.
    pub fn reference(&self) -> String {
        format!("{}.{}", self.group.code(), self.number)
    }
}

/// The decision that issues the catalog, shown as a page of its own.
#[derive(Debug, Clone)]
pub struct Decision {
    pub title: String,
    pub issuer: String,
    pub place: String,
    pub year: u32,
    /// None until the decision is signed and configured.
    pub number: Option<String>,
    pub date: Option<IsoDate>,
    pub signer: String,
    pub signer_title: Vec<String>,
    pub replaces: Option<String>,
    pub recipients: Vec<String>,
    /// The body in its parts: legal bases and articles.
    pub text: DecisionText,
    pub source_path: String,
}

/// The decision's body read into its parts (`source::decision`), which the
/// decision page and the Word document lay out each in its own way.
#[derive(Debug, Clone, Default)]
pub struct DecisionText {
    /// The legal bases ("Căn cứ …", "Theo đề nghị …"), each a block of
    /// Markdown, in order.
    pub bases: Vec<String>,
    pub articles: Vec<Article>,
}

/// One article ("Điều") of the decision.
#[derive(Debug, Clone)]
pub struct Article {
    pub number: u32,
    /// Its heading after the number ("Tổ chức thực hiện"), often empty.
    pub heading: String,
    /// Its text, Markdown.
    pub text: String,
}

impl Article {
    /// "Điều 2. Tổ chức thực hiện", or "Điều 1." for an article without a
    /// heading.
    pub fn title(&self) -> String {
        if self.heading.is_empty() {
            format!("Điều {}.", self.number)
        } else {
            format!("Điều {}. {}", self.number, self.heading)
        }
    }
}

impl Decision {
    /// The decision's number and date once it is issued; None while it is
    /// a draft ([`Issued::of`]).
    pub fn issued(&self) -> Option<Issued> {
        Issued::of(self.number.as_deref(), self.date)
    }

    /// A decision without number and date is still a draft.
    pub fn is_draft(&self) -> bool {
        self.issued().is_none()
    }
}

/// What makes a decision issued: its number and its date, both given
/// (`[decision]` in danhmuc.toml, `[[versions]]` for the older ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub number: String,
    pub date: IsoDate,
}

impl Issued {
    /// The one draft rule: a decision is issued once it has both a number
    /// and a date, and a draft without either. Pages, data files, the
    /// Word documents, the versions, `diff` and `check` all ask here,
    /// whether or not the decision's text (`content/quyet-dinh.md`) is
    /// there.
    pub fn of(number: Option<&str>, date: Option<IsoDate>) -> Option<Issued> {
        Some(Issued { number: number?.to_string(), date: date? })
    }

    /// "Quyết định số 2609/QĐ-UBND ngày 17/9/2024": the decision cited in
    /// a list, a table or a sentence.
    pub fn citation(&self) -> String {
        cite_decision(&self.number, self.date)
    }

    /// "Quyết định số 2609/QĐ-UBND ngày 17 tháng 9 năm 2024": the
    /// decision named in a heading.
    pub fn heading(&self) -> String {
        name_decision(&self.number, self.date)
    }
}

/// A version of the catalog as lists, tables, links, the feed and reports
/// name it: its decision cited, or "Dự thảo".
pub fn version_title(issued: Option<&Issued>) -> String {
    issued.map_or_else(|| DRAFT.to_string(), Issued::citation)
}

/// A version of the catalog at the head of its own page and of the bảng
/// so sánh: its decision named, or "Dự thảo".
pub fn version_heading(issued: Option<&Issued>) -> String {
    issued.map_or_else(|| DRAFT.to_string(), Issued::heading)
}

/// What a version whose decision is not issued is called.
pub const DRAFT: &str = "Dự thảo";

/// "Quyết định số 2609/QĐ-UBND": a decision by its number alone (the
/// decision's own page).
pub fn decision_by_number(number: &str) -> String {
    format!("Quyết định số {number}")
}

/// "Quyết định số 2609/QĐ-UBND ngày 17/9/2024": a decision cited in a
/// list, a table or a sentence.
pub fn cite_decision(number: &str, date: IsoDate) -> String {
    format!("{} ngày {}", decision_by_number(number), date.short())
}

/// "Quyết định số 2609/QĐ-UBND ngày 17 tháng 9 năm 2024": a decision named
/// in a heading.
pub fn name_decision(number: &str, date: IsoDate) -> String {
    format!("{} {}", decision_by_number(number), date.long())
}

/// A calendar date (YYYY-MM-DD), without time zone or clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl IsoDate {
    pub fn parse(text: &str) -> Option<IsoDate> {
        let mut parts = text.trim().splitn(3, '-');
        let year: u32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(IsoDate { year, month, day })
    }

    /// "ngày 08 tháng 01 năm 2027": a date in a document's running text and
    /// headers, as Nghị định 30/2020/NĐ-CP writes it.
    pub fn long(&self) -> String {
        format!("ngày {:02} tháng {} năm {}", self.day, self.month_text(), self.year)
    }

    /// "ngày … tháng … năm 2027": [`IsoDate::long`] left blank for the day
    /// and month, where a draft's date is written in by hand once signed.
    pub fn blank_in(year: u32) -> String {
        format!("ngày … tháng … năm {year}")
    }

    /// "08/01/2027": a date in citations, tables, lists and the feed's text.
    pub fn short(&self) -> String {
        format!("{:02}/{}/{}", self.day, self.month_text(), self.year)
    }

    /// Nghị định 30/2020/NĐ-CP (Phụ lục I): a day below 10 and the months 1
    /// and 2 take a leading zero; the months 3 to 12 do not ("tháng 6").
    fn month_text(&self) -> String {
        if self.month <= 2 { format!("{:02}", self.month) } else { self.month.to_string() }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The whole validated catalog.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// In the decision's order: group A then B, each by number.
    entries: Vec<Entry>,
    /// In declaration order (`content/sectors.yaml`).
    sectors: Vec<Sector>,
    /// In declaration order (`content/agencies.yaml`).
    agencies: Vec<Agency>,
    decision: Option<Decision>,
    /// Its decision's number and date once issued, whether or not the
    /// decision's text is in the project; None for a draft.
    issued: Option<Issued>,
    synonyms: Vec<Synonym>,
    /// The names of places in its area (`content/places.yaml`), as written.
    places: Vec<String>,
}

impl Catalog {
    /// Builds a catalog; entries are sorted into the decision's order.
    /// Callers (validation) guarantee that every id is in range.
    pub fn new(
        mut entries: Vec<Entry>,
        sectors: Vec<Sector>,
        agencies: Vec<Agency>,
        decision: Option<Decision>,
    ) -> Self {
        entries.sort_by(|a, b| (a.group, a.number, &a.slug).cmp(&(b.group, b.number, &b.slug)));
        Catalog { entries, sectors, agencies, decision, issued: None, synonyms: Vec::new(), places: Vec::new() }
    }

    /// The catalog as issued by the decision `issued` (None: a draft).
    pub fn with_issued(self, issued: Option<Issued>) -> Self {
        Catalog { issued, ..self }
    }

    /// Its decision's number and date once issued; None for a draft.
    pub fn issued(&self) -> Option<&Issued> {
        self.issued.as_ref()
    }

    /// Whether the catalog is a draft ([`Issued::of`]).
    pub fn is_draft(&self) -> bool {
        self.issued.is_none()
    }

    /// The catalog with the other names readers search by.
    pub fn with_synonyms(self, synonyms: Vec<Synonym>) -> Self {
        Catalog { synonyms, ..self }
    }

    pub fn synonyms(&self) -> &[Synonym] {
        &self.synonyms
    }

    /// The catalog with the names of the places in its area: a query that
    /// names one is about that place, not only about entries that say it.
    pub fn with_places(self, places: Vec<String>) -> Self {
        Catalog { places, ..self }
    }

    pub fn places(&self) -> &[String] {
        &self.places
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Replaces the entry at `index` by a new version of itself (same slug,
    /// group, number and file, so the order and the link targets are
    /// unchanged).
    pub fn replace_entry(&mut self, index: usize, entry: Entry) {
        let old = &self.entries[index];
        debug_assert!(old.slug == entry.slug && old.number == entry.number && old.source_path == entry.source_path);
        self.entries[index] = entry;
    }

    /// Whether any entry has a last-update date (the feed needs one).
    pub fn has_dated_entries(&self) -> bool {
        self.entries.iter().any(|e| e.updated.is_some())
    }

    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }

    pub fn agencies(&self) -> &[Agency] {
        &self.agencies
    }

    pub fn decision(&self) -> Option<&Decision> {
        self.decision.as_ref()
    }

    pub fn sector(&self, id: SectorId) -> &Sector {
        &self.sectors[id.0]
    }

    pub fn agency(&self, id: AgencyId) -> &Agency {
        &self.agencies[id.0]
    }

    pub fn sector_ids(&self) -> impl Iterator<Item = SectorId> + '_ {
        (0..self.sectors.len()).map(SectorId)
    }

    pub fn agency_ids(&self) -> impl Iterator<Item = AgencyId> + '_ {
        (0..self.agencies.len()).map(AgencyId)
    }

    pub fn entries_in_group(&self, group: Group) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.group == group)
    }

    /// The sectors that hold entries of `group`, in the order the decision
    /// lists them (by their first entry's number), each with the indices of
    /// its entries in [`Catalog::entries`].
    pub fn sectors_in_group(&self, group: Group) -> Vec<(SectorId, Vec<usize>)> {
        let mut sections: Vec<(SectorId, Vec<usize>)> = Vec::new();
        for (index, entry) in self.entries.iter().enumerate().filter(|(_, e)| e.group == group) {
            match sections.iter_mut().find(|(id, _)| *id == entry.sector) {
                Some((_, list)) => list.push(index),
                None => sections.push((entry.sector, vec![index])),
            }
        }
        sections
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_checked() {
        assert_eq!(IsoDate::parse("2026-06-01").map(|d| d.to_string()), Some("2026-06-01".into()));
        assert!(IsoDate::parse("2024-02-29").is_some());
        for bad in ["2025-02-29", "2026-13-01", "26-1-1", "hôm nay", "2026-06"] {
            assert!(IsoDate::parse(bad).is_none(), "{bad}");
        }
    }

    /// Guards the one way dates reach a reader: a day below 10 and the
    /// months 1 and 2 padded (Nghị định 30/2020/NĐ-CP), never ISO.
    #[test]
    fn dates_read_as_vietnamese_documents_write_them() {
        let date = |text| IsoDate::parse(text).unwrap();
        assert_eq!(date("2027-01-08").long(), "ngày 08 tháng 01 năm 2027");
        assert_eq!(date("2027-01-08").short(), "08/01/2027");
        assert_eq!(date("2026-02-28").short(), "28/02/2026");
        assert_eq!(date("2026-06-01").long(), "ngày 01 tháng 6 năm 2026");
        assert_eq!(date("2024-09-17").short(), "17/9/2024");
        assert_eq!(date("2025-10-08").long(), "ngày 08 tháng 10 năm 2025");
        assert_eq!(date("2025-12-31").short(), "31/12/2025");
        assert_eq!(IsoDate::blank_in(2027), "ngày … tháng … năm 2027");
        // Machines still read ISO.
        assert_eq!(date("2027-01-08").to_string(), "2027-01-08");
    }

    /// Guards the one draft rule and the one way a version is named: a
    /// number without a date (or a date without a number) is a draft.
    #[test]
    fn a_decision_is_issued_with_both_its_number_and_its_date() {
        let date = IsoDate::parse("2024-09-17");
        let issued = Issued::of(Some("2609/QĐ-UBND"), date);
        assert_eq!(issued.as_ref().map(Issued::citation).as_deref(), Some("Quyết định số 2609/QĐ-UBND ngày 17/9/2024"));
        assert_eq!(version_heading(issued.as_ref()), "Quyết định số 2609/QĐ-UBND ngày 17 tháng 9 năm 2024");
        assert_eq!(version_title(issued.as_ref()), "Quyết định số 2609/QĐ-UBND ngày 17/9/2024");
        for (number, date) in [(Some("2609/QĐ-UBND"), None), (None, date), (None, None)] {
            assert_eq!(Issued::of(number, date), None);
            assert_eq!(version_title(Issued::of(number, date).as_ref()), "Dự thảo");
        }
    }

    #[test]
    fn groups_parse_from_front_matter() {
        assert_eq!(Group::parse("A"), Some(Group::A));
        assert_eq!(Group::parse(" b "), Some(Group::B));
        assert_eq!(Group::parse("C"), None);
    }
}
