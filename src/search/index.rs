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
use crate::model::{Catalog, Group};
use crate::output::Sink;
use serde::Serialize;
use std::collections::HashMap;

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

/// Entries read into one partial index (see [`build_index`]).
const ANALYSIS_CHUNK: usize = 256;
/// Partial indexes made side by side before they are merged.
const CHUNKS_AT_ONCE: usize = 8;
// A partial index writes whole text chunks.
const _: () = assert!(ANALYSIS_CHUNK.is_multiple_of(TEXT_CHUNK));

type Terms = HashMap<String, TermEntry, foldhash::fast::RandomState>;

impl TermEntry {
    /// The index of `form` among this term's exact forms, added if new.
    fn form_index(&mut self, form: String) -> usize {
        match self.forms.iter().position(|f| *f == form) {
            Some(i) => i,
            None => {
                self.forms.push(form);
                self.forms.len() - 1
            }
        }
    }
}

/// The index of a run of consecutive entries, and their fields' text
/// (unless it was written out as text chunks of a sharded index).
struct ChunkIndex {
    terms: Terms,
    texts: Vec<[String; 8]>,
}

impl ChunkIndex {
    fn new(catalog: &Catalog, entries: &[crate::model::Entry], first_doc: u32, chunks_to: Option<&dyn Sink>) -> Self {
        let mut terms = Terms::default();
        let mut texts = Vec::with_capacity(entries.len());
        for (doc, entry) in (first_doc..).zip(entries) {
            let agencies: Vec<&str> = entry.agencies.iter().map(|a| catalog.agency(*a).name.as_str()).collect();
            let plain = &entry.sections.plain;
            let fields: [String; 8] = [
                entry.title.clone(),
                catalog.sector(entry.sector).name.clone(),
                agencies.join("; "),
                entry.notes.clone().unwrap_or_default(),
                plain.purpose.clone(),
                plain.scope.clone(),
                plain.collection.clone(),
                plain.sharing.clone(),
            ];
            for (field, text) in fields.iter().enumerate() {
                for token in tokenize(text) {
                    let term = terms.entry(token.folded).or_default();
                    let form = term.form_index(token.exact) as u32;
                    term.postings.extend([doc, field as u32, token.position, form]);
                }
            }
            texts.push(fields);
        }
        if let Some(sink) = chunks_to {
            for (c, (entries, texts)) in entries.chunks(TEXT_CHUNK).zip(texts.chunks(TEXT_CHUNK)).enumerate() {
                let rows: Vec<(String, &str, u32, &[String; 8])> = entries
                    .iter()
                    .zip(texts)
                    .map(|(e, text)| {
                        (crate::render::views::entry_url(e.slug.as_str()), e.title.as_str(), e.number, text)
                    })
                    .collect();
                let json = serde_json::to_string(&rows).expect("text chunk serializes");
                let c = first_doc as usize / TEXT_CHUNK + c;
                sink.add(
                    &format!("assets/search/t{c}.js"),
                    format!("DanhmucSearch.addTexts({c}, {json});\n").into_bytes(),
                );
            }
            texts.clear();
        }
        ChunkIndex { terms, texts }
    }
}

/// The index files for the site: one script, or (when `sharded`) a
/// manifest plus postings shards and text chunks, all scripts so that they
/// load from file:// too.
pub fn build_index(catalog: &Catalog, sharded: bool, sink: &dyn Sink) {
    use rayon::prelude::*;
    // Each chunk of entries is read into an index of its own on every core;
    // the chunk indexes are then merged in document order, so postings stay
    // sorted. Merging costs per distinct word of a chunk, not per word. A
    // few chunks at a time, so their words are not all held at once.
    let mut terms: Terms = Terms::default();
    let mut texts = Vec::new();
    for (w, window) in catalog.entries().chunks(ANALYSIS_CHUNK * CHUNKS_AT_ONCE).enumerate() {
        let first = w * ANALYSIS_CHUNK * CHUNKS_AT_ONCE;
        let chunks: Vec<ChunkIndex> = window
            .par_chunks(ANALYSIS_CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                ChunkIndex::new(catalog, chunk, (first + c * ANALYSIS_CHUNK) as u32, sharded.then_some(sink))
            })
            .collect();
        for chunk in chunks {
            for (term, local) in chunk.terms {
                let global = terms.entry(term).or_default();
                let forms: Vec<u32> = local.forms.into_iter().map(|form| global.form_index(form) as u32).collect();
                global
                    .postings
                    .extend(local.postings.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2], forms[p[3] as usize]]));
            }
            texts.extend(chunk.texts);
        }
    }
    let docs: Vec<Doc> = catalog
        .entries()
        .iter()
        .map(|entry| Doc {
            url: crate::render::views::entry_url(entry.slug.as_str()),
            title: &entry.title,
            group: if entry.group == Group::A { 0 } else { 1 },
            number: entry.number,
            sector: entry.sector.0,
            agencies: entry.agencies.iter().map(|a| a.0).collect(),
        })
        .collect();
    let mut sorted: Vec<(String, TermEntry)> = terms.into_iter().collect();
    sorted.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    if sharded {
        return sharded_index(catalog, docs, sorted, sink);
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
    sink.add(INDEX_PATH, format!("window.DANHMUC_SEARCH_INDEX = {json};\n").into_bytes());
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

fn sharded_index(catalog: &Catalog, docs: Vec<Doc>, sorted: Vec<(String, TermEntry)>, sink: &dyn Sink) {
    use rayon::prelude::*;
    // Terms are cut into shards in order (cheap); the shards are then
    // written on every core. (Text chunks were written while indexing.)
    let mut shards: Vec<std::ops::Range<usize>> = Vec::new();
    let mut shard_of = Vec::with_capacity(sorted.len());
    let (mut first, mut size) = (0, 0);
    for (t, (_, entry)) in sorted.iter().enumerate() {
        let bytes = entry.postings.len() * 4 + entry.forms.iter().map(String::len).sum::<usize>();
        if size + bytes > SHARD_BYTES && t > first {
            shards.push(first..t);
            (first, size) = (t, 0);
        }
        shard_of.push(shards.len() as u32);
        size += bytes;
    }
    if first < sorted.len() {
        shards.push(first..sorted.len());
    }
    #[derive(Serialize)]
    struct Shard {
        first: usize,
        forms: Vec<String>,
        postings: Vec<String>,
    }
    shards.par_iter().enumerate().for_each(|(k, range)| {
        let terms = &sorted[range.clone()];
        let shard = Shard {
            first: range.start,
            forms: terms.iter().map(|(_, t)| t.forms.join("|")).collect(),
            postings: terms.iter().map(|(_, t)| encode_postings(&t.postings)).collect(),
        };
        let json = serde_json::to_string(&shard).expect("shard serializes");
        sink.add(&format!("assets/search/p{k}.js"), format!("DanhmucSearch.addShard({k}, {json});\n").into_bytes());
    });
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
    sink.add(INDEX_PATH, format!("window.DANHMUC_SEARCH_INDEX = {json};\n").into_bytes());
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
