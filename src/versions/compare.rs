//! What changed between two catalogs: entries added, removed, renamed
//! (their slug changed, their text mostly not), and per entry that is in
//! both, each field that changed, with a word-level difference.
//!
//! Entries are matched by slug: a pinned slug (`slug:` in the front matter)
//! keeps an entry's identity through a change of title. An entry removed
//! and one added whose words are mostly the same are reported as one
//! renamed entry, with how alike they are.

use crate::model::fields::{self, Field};
use crate::model::{Catalog, Entry};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How alike (shared words over all words, see [`likeness`]) a removed and
/// an added entry must be to count as one entry renamed.
pub const RENAMED_AT: f64 = 0.6;

/// An entry as a report names it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntryRef {
    pub slug: String,
    /// "A.18"
    pub reference: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Renamed {
    pub from: EntryRef,
    pub to: EntryRef,
    /// Shared words over all words of the two, 0 to 1.
    pub likeness: f64,
}

/// One field of an entry that changed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FieldChange {
    /// Its row of the field table: reports say its label, the JSON its
    /// key (title, group, number, sector, agencies, notes, purpose, scope,
    /// collection, sharing).
    #[serde(serialize_with = "key_of")]
    pub field: Field,
    pub before: String,
    pub after: String,
}

/// A field as the JSON report names it: its front matter's key.
fn key_of<S: serde::Serializer>(field: &Field, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(field.key)
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Changed {
    pub entry: EntryRef,
    pub fields: Vec<FieldChange>,
}

/// The changes from one catalog to another.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub added: Vec<EntryRef>,
    pub removed: Vec<EntryRef>,
    pub renamed: Vec<Renamed>,
    /// Entries in both (renamed ones included), in the new catalog's order.
    pub changed: Vec<Changed>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.renamed.is_empty() && self.changed.is_empty()
    }

    /// The changes in the words of the decisions (docs/thuat-ngu.md):
    /// "bổ sung 2 CSDL, đưa 1 CSDL ra khỏi Danh mục, sửa đổi 3 CSDL",
    /// counts of zero left out; "không thay đổi CSDL nào" when nothing
    /// changed. An entry whose name changed counts once, as "đổi tên",
    /// whatever else changed in it; "sửa đổi" counts the others changed.
    pub fn summary(&self) -> String {
        let mut renamed: HashSet<&str> = self.renamed.iter().map(|r| r.to.slug.as_str()).collect();
        for c in &self.changed {
            if c.fields.iter().any(|f| f.field == fields::TITLE) {
                renamed.insert(c.entry.slug.as_str());
            }
        }
        let changed = self.changed.iter().filter(|c| !renamed.contains(c.entry.slug.as_str())).count();
        let parts: Vec<String> = [
            (self.added.len(), "bổ sung {} CSDL"),
            (self.removed.len(), "đưa {} CSDL ra khỏi Danh mục"),
            (renamed.len(), "đổi tên {} CSDL"),
            (changed, "sửa đổi {} CSDL"),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, words)| words.replacen("{}", &count.to_string(), 1))
        .collect();
        if parts.is_empty() { "không thay đổi CSDL nào".to_string() } else { parts.join(", ") }
    }
}

fn entry_ref(entry: &Entry) -> EntryRef {
    EntryRef { slug: entry.slug.to_string(), reference: entry.reference(), title: entry.title.clone() }
}

/// The fields compared, with their values in `catalog`: text as a reader
/// sees it (sector and agencies by name).
fn fields(catalog: &Catalog, entry: &Entry) -> [(Field, String); 10] {
    let plain = &entry.sections.plain;
    let agencies: Vec<&str> = entry.agencies.iter().map(|&a| catalog.agency(a).name.as_str()).collect();
    let field = |field: Field, value: String| (field, value);
    [
        field(fields::TITLE, entry.title.clone()),
        field(fields::GROUP, entry.group.code().to_string()),
        field(fields::NUMBER, entry.number.to_string()),
        field(fields::SECTOR, catalog.sector(entry.sector).name.clone()),
        field(fields::AGENCIES, agencies.join("; ")),
        field(fields::NOTES, entry.notes.clone().unwrap_or_default()),
        field(fields::PURPOSE, plain.purpose.clone()),
        field(fields::SCOPE, plain.scope.clone()),
        field(fields::COLLECTION, plain.collection.clone()),
        field(fields::SHARING, plain.sharing.clone()),
    ]
}

/// The folded words of an entry's text, with how often each occurs.
fn words(catalog: &Catalog, entry: &Entry) -> HashMap<String, u32> {
    let mut counts = HashMap::new();
    for (_, text) in fields(catalog, entry) {
        crate::search::for_each_word(&text, |word, _| {
            *counts.entry(crate::text::fold(&word.to_lowercase())).or_insert(0) += 1;
        });
    }
    counts
}

/// Shared words over all words of two entries (each word as often as the
/// entry that has it fewer times), 0 to 1.
pub fn likeness(a: &HashMap<String, u32>, b: &HashMap<String, u32>) -> f64 {
    let shared: u32 = a.iter().map(|(w, &n)| n.min(*b.get(w).unwrap_or(&0))).sum();
    let all: u32 = a.values().sum::<u32>() + b.values().sum::<u32>() - shared;
    if all == 0 { 1.0 } else { f64::from(shared) / f64::from(all) }
}

/// The changes from `old` to `new`.
pub fn compare(old: &Catalog, new: &Catalog) -> Changes {
    let old_by_slug: HashMap<&str, &Entry> = old.entries().iter().map(|e| (e.slug.as_str(), e)).collect();
    let new_slugs: HashSet<&str> = new.entries().iter().map(|e| e.slug.as_str()).collect();
    let removed: Vec<&Entry> = old.entries().iter().filter(|e| !new_slugs.contains(e.slug.as_str())).collect();
    let added: Vec<&Entry> = new.entries().iter().filter(|e| !old_by_slug.contains_key(e.slug.as_str())).collect();

    // Renamed: the most alike pairs of a removed and an added entry first.
    let removed_words: Vec<_> = removed.iter().map(|e| words(old, e)).collect();
    let added_words: Vec<_> = added.iter().map(|e| words(new, e)).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in removed_words.iter().enumerate() {
        for (j, b) in added_words.iter().enumerate() {
            let alike = likeness(a, b);
            if alike >= RENAMED_AT {
                pairs.push((alike, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut from_taken, mut to_taken) = (HashSet::new(), HashSet::new());
    let mut renamed_to: HashMap<&str, (&Entry, f64)> = HashMap::new();
    let mut changes = Changes::default();
    for (alike, i, j) in pairs {
        if from_taken.contains(&i) || to_taken.contains(&j) {
            continue;
        }
        from_taken.insert(i);
        to_taken.insert(j);
        renamed_to.insert(added[j].slug.as_str(), (removed[i], alike));
        changes.renamed.push(Renamed {
            from: entry_ref(removed[i]),
            to: entry_ref(added[j]),
            likeness: (alike * 100.0).floor() / 100.0,
        });
    }
    changes.renamed.sort_by(|a, b| a.to.reference.cmp(&b.to.reference).then(a.to.slug.cmp(&b.to.slug)));
    changes.removed =
        removed.iter().enumerate().filter(|(i, _)| !from_taken.contains(i)).map(|(_, e)| entry_ref(e)).collect();
    changes.added =
        added.iter().enumerate().filter(|(j, _)| !to_taken.contains(j)).map(|(_, e)| entry_ref(e)).collect();

    for entry in new.entries() {
        let before = match old_by_slug.get(entry.slug.as_str()) {
            Some(before) => *before,
            None => match renamed_to.get(entry.slug.as_str()) {
                Some((before, _)) => *before,
                None => continue,
            },
        };
        let fields: Vec<FieldChange> = fields(old, before)
            .into_iter()
            .zip(fields(new, entry))
            .filter(|((_, a), (_, b))| a != b)
            .map(|((field, before), (_, after))| FieldChange { field, before, after })
            .collect();
        if !fields.is_empty() {
            changes.changed.push(Changed { entry: entry_ref(entry), fields });
        }
    }
    changes
}

/// A piece of a word-level difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    Same,
    Removed,
    Added,
}

/// The word-level difference between two texts: runs of words kept,
/// removed and added, in order. Words are Unicode words (a Vietnamese
/// syllable is one), so "cấp phép" → "cấp giấy phép" adds one word.
pub fn word_diff(before: &str, after: &str) -> Vec<(Piece, String)> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::configure().algorithm(similar::Algorithm::Patience).diff_unicode_words(before, after);
    let mut pieces: Vec<(Piece, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let piece = match change.tag() {
            ChangeTag::Equal => Piece::Same,
            ChangeTag::Delete => Piece::Removed,
            ChangeTag::Insert => Piece::Added,
        };
        match pieces.last_mut() {
            Some((last, text)) if *last == piece => text.push_str(change.value()),
            _ => pieces.push((piece, change.value().to_string())),
        }
    }
    // A space between two changes belongs to both: kept once, as same.
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, title: &str) -> EntryRef {
        EntryRef { slug: slug.to_string(), reference: "A.1".to_string(), title: title.to_string() }
    }

    fn changed(slug: &str, field: Field) -> Changed {
        Changed {
            entry: entry(slug, "CSDL"),
            fields: vec![FieldChange { field, before: "a".into(), after: "b".into() }],
        }
    }

    /// Guards against the developer's tally "thêm 1, bỏ 1, đổi địa chỉ 0,
    /// sửa 1": the decisions' words, no count of zero, and an entry whose
    /// name changed counted once.
    #[test]
    fn the_summary_speaks_as_the_decisions_and_leaves_out_zeros() {
        assert_eq!(Changes::default().summary(), "không thay đổi CSDL nào");
        let changes = Changes {
            added: vec![entry("a", "CSDL A"), entry("b", "CSDL B")],
            removed: vec![entry("c", "CSDL C")],
            renamed: vec![Renamed { from: entry("d", "CSDL D"), to: entry("e", "CSDL E"), likeness: 0.8 }],
            changed: vec![changed("e", fields::TITLE), changed("f", fields::SCOPE), changed("g", fields::TITLE)],
        };
        assert_eq!(changes.summary(), "bổ sung 2 CSDL, đưa 1 CSDL ra khỏi Danh mục, đổi tên 2 CSDL, sửa đổi 1 CSDL");
        let only_edits = Changes { changed: vec![changed("f", fields::SCOPE)], ..Changes::default() };
        assert_eq!(only_edits.summary(), "sửa đổi 1 CSDL");
    }

    #[test]
    fn a_word_added_is_one_word_added() {
        let pieces = word_diff("CSDL cấp phép xây dựng", "CSDL cấp giấy phép xây dựng");
        let added: Vec<&str> = pieces.iter().filter(|(p, _)| *p == Piece::Added).map(|(_, t)| t.trim()).collect();
        let removed = pieces.iter().filter(|(p, _)| *p == Piece::Removed).count();
        assert_eq!(added, ["giấy"]);
        assert_eq!(removed, 0);
        let joined: String = pieces.iter().filter(|(p, _)| *p != Piece::Removed).map(|(_, t)| t.as_str()).collect();
        assert_eq!(joined, "CSDL cấp giấy phép xây dựng");
    }

    #[test]
    fn likeness_counts_shared_words() {
        let count = |text: &str| {
            let mut m = HashMap::new();
            for w in text.split(' ') {
                *m.entry(w.to_string()).or_insert(0) += 1;
            }
            m
        };
        assert_eq!(likeness(&count("a b c d"), &count("a b c d")), 1.0);
        assert_eq!(likeness(&count("a b c d"), &count("a b c e")), 0.6);
        assert_eq!(likeness(&count("a b"), &count("c d")), 0.0);
    }
}
