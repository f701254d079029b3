//! The search index written at build time, `assets/search-index.js`.
//!
//! An inverted index over folded words: a sorted term list (so the browser
//! finds prefixes by binary search) and, for each term, its postings
//! (document, field, word position, exact form). Positions let the browser
//! rank words standing next to each other ("môi trường") above words far
//! apart; exact forms let it rank the reader's diacritics first. The plain
//! text of each field is included for result snippets. The file is a
//! script that assigns a global, so it loads from file:// as well as from a
//! server. Built from the model, never from rendered HTML.

use super::tokenize;
use crate::markdown::to_plain_text;
use crate::model::{Catalog, Group};
use serde::Serialize;
use std::collections::BTreeMap;

pub const INDEX_PATH: &str = "assets/search-index.js";

/// Searchable fields, in the order the index stores them. The browser
/// weighs them (a title match counts most).
pub const FIELDS: [&str; 8] = ["title", "sector", "agencies", "notes", "purpose", "scope", "collection", "sharing"];

#[derive(Serialize)]
struct Index<'a> {
    version: u32,
    fields: [&'static str; 8],
    groups: Vec<[&'static str; 2]>,
    sectors: Vec<[&'a str; 2]>,
    agencies: Vec<[&'a str; 2]>,
    docs: Vec<Doc<'a>>,
    /// Per document, the plain text of each field.
    text: Vec<[String; 8]>,
    /// Folded terms, sorted by UTF-16 code units as JavaScript compares.
    terms: Vec<String>,
    /// Per term, its exact forms joined by `|`; postings refer to them by index.
    forms: Vec<String>,
    /// Per term, flattened quadruples: doc, field, position, form.
    postings: Vec<Vec<u32>>,
}

#[derive(Serialize)]
struct Doc<'a> {
    url: String,
    title: &'a str,
    group: usize,
    number: u32,
    sector: usize,
    agencies: Vec<usize>,
}

#[derive(Default)]
pub(crate) struct TermEntry {
    forms: Vec<String>,
    postings: Vec<u32>,
}

/// Above this many entries the index is split into shards (see
/// `docs/search.md`); below, one small file is simpler and faster.
pub const SHARD_ABOVE: usize = 300;
/// Entries per text chunk of a sharded index (titles, URLs, snippet text).
pub const TEXT_CHUNK: usize = 2;
/// Target raw size of a postings shard; a frequent term gets one alone.
const SHARD_BYTES: usize = 48 * 1024;

/// The index files for the site: one script, or (when `sharded`) a
/// manifest plus postings shards and text chunks, all scripts so that they
/// load from file:// too.
pub fn build_index(catalog: &Catalog, sharded: bool) -> Vec<(String, String)> {
    let mut terms: BTreeMap<String, TermEntry> = BTreeMap::new();
    let mut docs = Vec::with_capacity(catalog.entries().len());
    let mut texts = Vec::with_capacity(catalog.entries().len());
    for (doc, entry) in catalog.entries().iter().enumerate() {
        let sector = catalog.sector(entry.sector);
        let agencies: Vec<&str> = entry.agencies.iter().map(|a| catalog.agency(*a).name.as_str()).collect();
        let fields: [String; 8] = [
            entry.title.clone(),
            sector.name.clone(),
            agencies.join("; "),
            entry.notes.clone().unwrap_or_default(),
            to_plain_text(&entry.sections.purpose),
            to_plain_text(&entry.sections.scope),
            to_plain_text(&entry.sections.collection),
            to_plain_text(&entry.sections.sharing),
        ];
        for (field, text) in fields.iter().enumerate() {
            for token in tokenize(text) {
                let term = terms.entry(token.folded).or_default();
                let form = match term.forms.iter().position(|f| *f == token.exact) {
                    Some(i) => i,
                    None => {
                        term.forms.push(token.exact);
                        term.forms.len() - 1
                    }
                };
                term.postings.extend([doc as u32, field as u32, token.position, form as u32]);
            }
        }
        docs.push(Doc {
            url: crate::render::views::entry_url(entry.slug.as_str()),
            title: &entry.title,
            group: if entry.group == Group::A { 0 } else { 1 },
            number: entry.number,
            sector: entry.sector.0,
            agencies: entry.agencies.iter().map(|a| a.0).collect(),
        });
        texts.push(fields);
    }
    let mut sorted: Vec<(String, TermEntry)> = terms.into_iter().collect();
    sorted.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    if sharded {
        return sharded_index(catalog, docs, texts, sorted);
    }
    let index = Index {
        version: 1,
        fields: FIELDS,
        groups: Group::ALL.iter().map(|g| [g.code(), g.name()]).collect(),
        sectors: catalog.sectors().iter().map(|s| [s.slug.as_str(), s.name.as_str()]).collect(),
        agencies: catalog.agencies().iter().map(|a| [a.slug.as_str(), a.name.as_str()]).collect(),
        docs,
        text: texts,
        forms: sorted.iter().map(|(_, t)| t.forms.join("|")).collect(),
        postings: sorted.iter().map(|(_, t)| t.postings.clone()).collect(),
        terms: sorted.into_iter().map(|(term, _)| term).collect(),
    };
    let json = serde_json::to_string(&index).expect("index serializes");
    vec![(INDEX_PATH.to_string(), format!("window.DANHMUC_SEARCH_INDEX = {json};\n"))]
}

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    sharded: bool,
    fields: [&'static str; 8],
    groups: Vec<[&'static str; 2]>,
    sectors: Vec<[&'a str; 2]>,
    agencies: Vec<[&'a str; 2]>,
    /// Per document, what filters need: [group, sector, [agencies]].
    docs: Vec<(usize, usize, Vec<usize>)>,
    terms: Vec<String>,
    /// Per term, how many documents contain it (to choose prefix
    /// completions while typing).
    df: Vec<u32>,
    /// Per term, the postings shard that holds it.
    shard: Vec<u32>,
    text_chunk: usize,
}

const VLQ_DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Postings (doc, field, position, form quadruples, sorted) as a compact
/// string for shards: per posting three numbers, the document as a delta
/// from the previous posting's, `field + 8 × form` (one character in the
/// usual case of the first form), and the position as a delta within the
/// same document and field; each in base-64 VLQ (5 bits per character, as
/// source maps). `search.js` decodes it back to the same quadruples.
fn encode_postings(postings: &[u32]) -> String {
    let mut out = String::with_capacity(postings.len() * 2);
    let (mut doc, mut field, mut position) = (0u32, u32::MAX, 0u32);
    for p in postings.chunks_exact(4) {
        let same_place = p[0] == doc && p[1] == field;
        vlq(&mut out, p[0] - doc);
        vlq(&mut out, p[1] + 8 * p[3]);
        vlq(&mut out, if same_place { p[2] - position } else { p[2] });
        (doc, field, position) = (p[0], p[1], p[2]);
    }
    out
}

fn vlq(out: &mut String, mut n: u32) {
    loop {
        let mut digit = n & 31;
        n >>= 5;
        if n > 0 {
            digit |= 32;
        }
        out.push(VLQ_DIGITS[digit as usize] as char);
        if n == 0 {
            return;
        }
    }
}

fn sharded_index(
    catalog: &Catalog,
    docs: Vec<Doc>,
    texts: Vec<[String; 8]>,
    sorted: Vec<(String, TermEntry)>,
) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut shard_of = Vec::with_capacity(sorted.len());
    let mut shard: Vec<usize> = Vec::new();
    let mut size = 0;
    let flush = |shard: &mut Vec<usize>, files: &mut Vec<(String, String)>| {
        if shard.is_empty() {
            return;
        }
        let k = files.len();
        let forms: Vec<String> = shard.iter().map(|&t| sorted[t].1.forms.join("|")).collect();
        let postings: Vec<String> = shard.iter().map(|&t| encode_postings(&sorted[t].1.postings)).collect();
        let data = serde_json::json!({ "first": shard[0], "forms": forms, "postings": postings });
        files.push((format!("assets/search/p{k}.js"), format!("DanhmucSearch.addShard({k}, {data});\n")));
        shard.clear();
    };
    for (t, (_, entry)) in sorted.iter().enumerate() {
        let bytes = entry.postings.len() * 4 + entry.forms.iter().map(String::len).sum::<usize>();
        if size + bytes > SHARD_BYTES && !shard.is_empty() {
            flush(&mut shard, &mut files);
            size = 0;
        }
        shard_of.push(files.len() as u32);
        shard.push(t);
        size += bytes;
    }
    flush(&mut shard, &mut files);
    for (c, chunk) in docs.chunks(TEXT_CHUNK).zip(texts.chunks(TEXT_CHUNK)).enumerate() {
        let rows: Vec<serde_json::Value> = chunk
            .0
            .iter()
            .zip(chunk.1)
            .map(|(doc, text)| serde_json::json!([doc.url, doc.title, doc.number, text]))
            .collect();
        files.push((
            format!("assets/search/t{c}.js"),
            format!("DanhmucSearch.addTexts({c}, {});\n", serde_json::Value::Array(rows)),
        ));
    }
    let manifest = Manifest {
        version: 2,
        sharded: true,
        fields: FIELDS,
        groups: Group::ALL.iter().map(|g| [g.code(), g.name()]).collect(),
        sectors: catalog.sectors().iter().map(|s| [s.slug.as_str(), s.name.as_str()]).collect(),
        agencies: catalog.agencies().iter().map(|a| [a.slug.as_str(), a.name.as_str()]).collect(),
        docs: docs.iter().map(|d| (d.group, d.sector, d.agencies.clone())).collect(),
        df: sorted
            .iter()
            .map(|(_, t)| {
                let mut count = 0;
                let mut last = u32::MAX;
                for doc in t.postings.iter().step_by(4) {
                    if *doc != last {
                        count += 1;
                        last = *doc;
                    }
                }
                count
            })
            .collect(),
        terms: sorted.into_iter().map(|(term, _)| term).collect(),
        shard: shard_of,
        text_chunk: TEXT_CHUNK,
    };
    let json = serde_json::to_string(&manifest).expect("manifest serializes");
    files.push((INDEX_PATH.to_string(), format!("window.DANHMUC_SEARCH_INDEX = {json};\n")));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_encode_compactly_with_deltas() {
        // doc 0 field 0 positions 3, 5; doc 2 field 4 position 40 (form 1)
        let encoded = encode_postings(&[0, 0, 3, 0, 0, 0, 5, 0, 2, 4, 40, 1]);
        // 0,0,3 | 0,0,2 | 2,12,40 — 40 needs two digits (8 + 32, then 1).
        assert_eq!(encoded, "AADAACCMoB");
    }
}
