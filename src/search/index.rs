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

use super::tokenize::{for_each_word, forms_into};
use crate::model::{Catalog, Group};
use crate::output::Sink;
use serde::Serialize;
use std::collections::HashMap;

pub const INDEX_PATH: &str = "assets/search-index.js";
/// In a sharded index, what the filters need of every document.
pub const FILTERS_PATH: &str = "assets/search/filters.js";
/// In a sharded index, the other names readers search by (see
/// [`super::names`]), loaded only for a query that may use one.
pub const NAMES_PATH: &str = "assets/search/names.js";

/// The names of a sharded index's files, one definition: the build writes
/// them, and the manifest hands the same patterns to `search.js`, which
/// puts a file's numbers where `{}` stands, in order.
mod file {
    pub const TERMS: &str = "assets/search/k{}.js";
    pub const SHARD: &str = "assets/search/p{}.js";
    pub const POSITIONS: &str = "assets/search/p{}-{}.js";
    pub const FORMS: &str = "assets/search/f{}-{}.js";
    pub const TEXTS: &str = "assets/search/t{}.js";

    /// `pattern` with `numbers` in place of its `{}`, in order.
    pub fn name(pattern: &str, numbers: &[usize]) -> String {
        let mut name = String::with_capacity(pattern.len() + 8);
        let mut pieces = pattern.split("{}");
        name.push_str(pieces.next().unwrap_or(""));
        for (piece, number) in pieces.zip(numbers) {
            name.push_str(&number.to_string());
            name.push_str(piece);
        }
        name
    }
}

/// The patterns of the file names, as the manifest gives them.
#[derive(Serialize)]
struct FileNames {
    terms: &'static str,
    shard: &'static str,
    positions: &'static str,
    forms: &'static str,
    texts: &'static str,
    filters: &'static str,
    names: &'static str,
}

const FILE_NAMES: FileNames = FileNames {
    terms: file::TERMS,
    shard: file::SHARD,
    positions: file::POSITIONS,
    forms: file::FORMS,
    texts: file::TEXTS,
    filters: FILTERS_PATH,
    names: NAMES_PATH,
};

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
    /// Other names readers search by: [key, what it stands for].
    names: Vec<(String, String)>,
    /// The first words of the names of several words (see [`Manifest`]).
    name_leads: Vec<String>,
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

impl<'a> Doc<'a> {
    fn of(entry: &'a crate::model::Entry) -> Doc<'a> {
        Doc {
            url: crate::urls::entry_page(entry.slug.as_str()),
            title: &entry.title,
            group: if entry.group == Group::A { 0 } else { 1 },
            number: entry.number,
            sector: entry.sector.0,
            agencies: entry.agencies.iter().map(|a| a.0).collect(),
        }
    }
}

#[derive(Default)]
pub(crate) struct TermEntry {
    forms: Vec<String>,
    postings: Postings,
}

/// A term's postings (doc, field, position, form quadruples, added in
/// order), encoded as they are added: the compact string shards store, and
/// 3–4 bytes a posting instead of 16 while the index is built, which is
/// most of the memory a large catalog's index takes.
///
/// Per posting three numbers: the document as a delta from the previous
/// posting's, `field + 8 × form` (one character in the usual case of the
/// first form), and the position as a delta within the same document and
/// field; each in base-64 VLQ (5 bits per character, as source maps).
/// `search.js` decodes it back to the same quadruples.
#[derive(Default)]
struct Postings {
    encoded: String,
    /// The last posting added: doc, field, position.
    last: Option<(u32, u32, u32)>,
    count: usize,
    /// Documents the term is in (postings are added in document order).
    docs: u32,
}

impl Postings {
    fn push(&mut self, doc: u32, field: u32, position: u32, form: u32) {
        let (last_doc, last_field, last_position) = self.last.unwrap_or((0, u32::MAX, 0));
        if self.last.is_none() || doc != last_doc {
            self.docs += 1;
        }
        vlq(&mut self.encoded, doc - last_doc);
        vlq(&mut self.encoded, field + 8 * form);
        vlq(
            &mut self.encoded,
            if doc == last_doc && field == last_field { position - last_position } else { position },
        );
        self.last = Some((doc, field, position));
        self.count += 1;
    }

    /// The postings again as (doc, field, position, form), in order.
    fn quads(&self) -> impl Iterator<Item = [u32; 4]> + '_ {
        let mut numbers = vlq_numbers(&self.encoded);
        let (mut doc, mut field, mut position) = (0u32, u32::MAX, 0u32);
        std::iter::from_fn(move || {
            let delta = numbers.next()?;
            let (packed, at) = (numbers.next().expect("field"), numbers.next().expect("position"));
            let same_doc = delta == 0;
            doc += delta;
            let new_field = packed % 8;
            position = if same_doc && new_field == field { position + at } else { at };
            field = new_field;
            Some([doc, field, position, packed / 8])
        })
    }

    /// Back to flattened quadruples, for the single-file index.
    fn decode(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.count * 4);
        self.quads().for_each(|q| out.extend(q));
        out
    }

    /// The postings with their positions and forms apart (see
    /// [`Layout::Sharded`]): per posting two VLQ numbers, the document
    /// delta and the field, or for a term of several postings per
    /// document their counts (see [`counted_postings`]); per field, the
    /// positions of that field's postings in the same order, each a delta
    /// from the previous one in the same document (written by [`dense`],
    /// not VLQ); and per exact form, which postings are of that form (see
    /// [`bits`]), none when the term has one form.
    fn positions_apart(&self) -> Apart {
        let counted = self.count >= COUNTED_FROM * self.docs as usize;
        // Pairs; or, if counted, the documents and per field each one's
        // count of postings.
        let mut pairs = String::with_capacity(if counted { 0 } else { self.encoded.len() / 2 });
        let (mut docs, mut counts): (Vec<u32>, [Vec<u32>; 8]) = Default::default();
        let mut positions: [String; 8] = Default::default();
        // Per field, its postings' forms in order.
        let mut forms_by_field: [Vec<u32>; 8] = Default::default();
        let mut last_doc = 0;
        // Per field, the last posting's document and position.
        let mut last: [Option<(u32, u32)>; 8] = [None; 8];
        for [doc, field, position, form] in self.quads() {
            if counted {
                if docs.last() != Some(&doc) {
                    docs.push(doc);
                    counts.iter_mut().for_each(|c| c.push(0));
                }
                *counts[field as usize].last_mut().expect("a count per document") += 1;
            } else {
                vlq(&mut pairs, doc - last_doc);
                vlq(&mut pairs, field);
            }
            forms_by_field[field as usize].push(form);
            last_doc = doc;
            let f = field as usize;
            let delta = match last[f] {
                Some((d, p)) if d == doc => position - p,
                _ => position,
            };
            dense(&mut positions[f], delta);
            last[f] = Some((doc, position));
        }
        let in_field_order = || forms_by_field.iter().flatten().copied();
        let form_count = in_field_order().max().map_or(0, |f| f as usize + 1);
        let forms = match form_count {
            0 | 1 => Vec::new(),
            n => (0..n as u32).map(|form| bits(in_field_order().map(|f| f == form))).collect(),
        };
        let postings = if counted { counted_postings(&docs, &counts) } else { pairs };
        Apart { postings, counted, positions, forms }
    }
}

/// A frequent term with at least this many postings per document on
/// average is written by counts ([`counted_postings`]).
const COUNTED_FROM: usize = 3;

/// A frequent term's postings without positions, by counts: the number of
/// documents, each document's distance from the one before (less one),
/// then field by field, each document's count of postings there, all
/// written by [`dense`]. For the few terms found several times in nearly
/// every entry ("cơ sở dữ liệu" at 10,000 entries: 4 to 7 postings per
/// entry) this is 6 to 9 % smaller in gzip than a pair per posting; for
/// terms of about one posting per entry, 10 to 20 % larger. Chosen at
/// three postings per document on average, which at 10,000 entries comes
/// within 0.03 % of the better of the two for every frequent term.
fn counted_postings(docs: &[u32], counts: &[Vec<u32>; 8]) -> String {
    let mut out = String::with_capacity(docs.len() * 9 + 4);
    dense(&mut out, docs.len() as u32);
    let mut next = 0;
    for &doc in docs {
        dense(&mut out, doc - next);
        next = doc + 1;
    }
    for count in counts.iter().flatten() {
        dense(&mut out, *count);
    }
    out
}

/// A frequent term's postings, apart: see [`Postings::positions_apart`].
struct Apart {
    /// Pairs, or counts if `counted`.
    postings: String,
    counted: bool,
    positions: [String; 8],
    /// Per exact form, which of the term's postings, taken field by field
    /// (the order of the position files), are of that form.
    forms: Vec<String>,
}

/// Yes-or-no values, six to a character of [`VLQ_DIGITS`], the first in
/// the highest bit; the last character padded with zeros. For a frequent
/// term's forms: a word typed with diacritics needs to know which
/// postings are of its form, and nothing of the others ("sở" needs none
/// of "số"); field by field, runs such as the agencies' "Sở" compress to
/// almost nothing (at 10,000 entries, the three forms `cơ sở dữ` needs
/// take 15 KB gzip, where every posting's form index took 31 KB).
fn bits(values: impl Iterator<Item = bool>) -> String {
    let mut out = String::new();
    let (mut digit, mut count) = (0, 0);
    for value in values {
        digit = digit << 1 | u8::from(value);
        count += 1;
        if count == 6 {
            out.push(VLQ_DIGITS[digit as usize] as char);
            (digit, count) = (0, 0);
        }
    }
    if count > 0 {
        out.push(VLQ_DIGITS[(digit << (6 - count)) as usize] as char);
    }
    out
}

/// How the index is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One script with everything: small catalogs.
    Single,
    /// A manifest and parts loaded on demand (see `docs/search.md`). A term
    /// found in more than `positions_apart_above` entries has its postings
    /// without positions in its shard, and its positions in one file per
    /// shard and field: a query of frequent words then loads positions only
    /// for the fields that can still change its first results.
    Sharded { positions_apart_above: u32 },
}

/// Above this many entries the index is split into shards (see
/// `docs/search.md`); below, one small file is simpler and faster.
pub const SHARD_ABOVE: usize = 300;
/// Entries per text chunk of a sharded index (titles, URLs, snippet text).
/// One: results are scattered, so a bigger chunk mostly brings texts of
/// entries that are not shown (chunks of 4: 34 KB more for a typed query
/// at 10,000 entries, for 0.8 s less of a 100,000-entry build).
pub const TEXT_CHUNK: usize = 1;
/// Target raw size of a postings shard; a frequent term gets one alone.
const SHARD_BYTES: usize = 48 * 1024;

/// Entries read into one partial index (see [`build_index`]).
const ANALYSIS_CHUNK: usize = 256;
/// Partial indexes made side by side before they are merged.
const CHUNKS_AT_ONCE: usize = 8;
// A partial index writes whole text chunks.
const _: () = assert!(ANALYSIS_CHUNK.is_multiple_of(TEXT_CHUNK));

type Terms<T> = HashMap<String, T, foldhash::fast::RandomState>;
type LocalMap<T> = hashbrown::HashMap<String, T, foldhash::fast::RandomState>;

/// A term in a partial index: postings as plain quadruples (doc, field,
/// position, form), forms numbered within the chunk.
#[derive(Default)]
struct LocalTerm {
    forms: Vec<String>,
    postings: Vec<u32>,
}

/// The index of `form` among a term's exact `forms`, copied in if new.
fn form_index(forms: &mut Vec<String>, form: &str) -> usize {
    match forms.iter().position(|f| f == form) {
        Some(i) => i,
        None => {
            forms.push(form.to_string());
            forms.len() - 1
        }
    }
}

/// The index of a run of consecutive entries, and their fields' text
/// (unless it was written out as text chunks of a sharded index).
struct ChunkIndex {
    /// Folded terms in the order the chunk met them.
    terms: Vec<(String, LocalTerm)>,
    texts: Vec<[String; 8]>,
}

impl ChunkIndex {
    fn new(catalog: &Catalog, entries: &[crate::model::Entry], first_doc: u32, chunks_to: Option<&dyn Sink>) -> Self {
        let mut terms: Vec<(String, LocalTerm)> = Vec::new();
        // Where each folded term is in `terms`; and per word as written,
        // its term and form: a word's forms are made, and its term looked
        // up, the first time the chunk meets it only.
        let mut slots = LocalMap::<usize>::default();
        let mut words = LocalMap::<(u32, u32)>::default();
        let (mut exact, mut folded) = (String::new(), String::new());
        let mut texts = Vec::new();
        // For text chunks: per entry, the texts of the fields after the
        // first three.
        let mut snippets: Vec<[&str; 5]> = Vec::new();
        for (doc, entry) in (first_doc..).zip(entries) {
            let agencies: Vec<&str> = entry.agencies.iter().map(|a| catalog.agency(*a).name.as_str()).collect();
            let agencies = agencies.join("; ");
            let plain = &entry.sections.plain;
            let rest = [
                entry.notes.as_deref().unwrap_or_default(),
                plain.purpose.as_str(),
                plain.scope.as_str(),
                plain.collection.as_str(),
                plain.sharing.as_str(),
            ];
            let fields: [&str; 8] = [
                &entry.title,
                &catalog.sector(entry.sector).name,
                &agencies,
                rest[0],
                rest[1],
                rest[2],
                rest[3],
                rest[4],
            ];
            for (field, text) in fields.iter().enumerate() {
                for_each_word(text, |word, position| {
                    let (slot, form) = match words.get(word) {
                        Some(&found) => found,
                        None => {
                            forms_into(word, &mut exact, &mut folded);
                            let slot = *slots.entry_ref(folded.as_str()).or_insert_with(|| {
                                terms.push((folded.clone(), LocalTerm::default()));
                                terms.len() - 1
                            });
                            let form = form_index(&mut terms[slot].1.forms, &exact) as u32;
                            words.insert(word.to_string(), (slot as u32, form));
                            (slot as u32, form)
                        }
                    };
                    terms[slot as usize].1.postings.extend([doc, field as u32, position, form]);
                });
            }
            match chunks_to {
                Some(_) => snippets.push(rest),
                None => texts.push(fields.map(str::to_string)),
            }
        }
        if let Some(sink) = chunks_to {
            for (c, (entries, texts)) in entries.chunks(TEXT_CHUNK).zip(snippets.chunks(TEXT_CHUNK)).enumerate() {
                // What a result shows: address, title, number, the texts of
                // the fields after the first three (for snippets), group,
                // sector and agencies. The first three fields (title, sector
                // and agency names) are rebuilt from these by search.js.
                type Row<'a> = (String, &'a str, u32, &'a [&'a str; 5], usize, usize, Vec<usize>);
                let rows: Vec<Row> = entries
                    .iter()
                    .zip(texts)
                    .map(|(e, text)| {
                        let d = Doc::of(e);
                        (d.url, d.title, d.number, text, d.group, d.sector, d.agencies)
                    })
                    .collect();
                let json = crate::json::to_string(&rows);
                let c = first_doc as usize / TEXT_CHUNK + c;
                sink.add(
                    &file::name(file::TEXTS, &[c]),
                    script_call(format_args!("DanhmucSearch.addTexts({c}, "), &json, ");\n"),
                );
            }
        }
        ChunkIndex { terms, texts }
    }
}

/// The index files for the site: one script, or (when `sharded`) a
/// manifest plus postings shards and text chunks, all scripts so that they
/// load from file:// too.
pub fn build_index(catalog: &Catalog, layout: Layout, sink: &dyn Sink) {
    let sharded = layout != Layout::Single;
    use rayon::prelude::*;
    // Each chunk of entries is read into an index of its own on every core;
    // the chunk indexes are then merged in document order, so postings stay
    // sorted. Merging costs per distinct word of a chunk, not per word. A
    // few chunks at a time, so their words are not all held at once.
    let mut terms = Terms::<TermEntry>::default();
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
                let forms: Vec<u32> =
                    local.forms.iter().map(|form| form_index(&mut global.forms, form) as u32).collect();
                for p in local.postings.chunks_exact(4) {
                    global.postings.push(p[0], p[1], p[2], forms[p[3] as usize]);
                }
            }
            texts.extend(chunk.texts);
        }
    }
    let docs: Vec<Doc> = catalog.entries().iter().map(Doc::of).collect();
    let mut sorted: Vec<(String, TermEntry)> = terms.into_iter().collect();
    sorted.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    if let Layout::Sharded { positions_apart_above } = layout {
        return sharded_index(catalog, docs, sorted, positions_apart_above, sink);
    }
    let names = super::names::table(catalog);
    let index = Index {
        version: 1,
        fields: FIELDS,
        groups: Group::ALL.iter().map(|g| [g.code(), g.name()]).collect(),
        sectors: catalog.sectors().iter().map(|s| [s.slug.as_str(), s.name.as_str()]).collect(),
        agencies: catalog.agencies().iter().map(|a| [a.slug.as_str(), a.name.as_str()]).collect(),
        docs,
        text: texts,
        forms: sorted.iter().map(|(_, t)| t.forms.join("|")).collect(),
        postings: sorted.iter().map(|(_, t)| t.postings.decode()).collect(),
        terms: sorted.into_iter().map(|(term, _)| term).collect(),
        name_leads: super::names::leads(&names),
        names,
    };
    let json = crate::json::to_string(&index);
    sink.add(INDEX_PATH, script_call(format_args!("window.DANHMUC_SEARCH_INDEX = "), &json, ";\n"));
}

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    sharded: bool,
    fields: [&'static str; 8],
    groups: Vec<[&'static str; 2]>,
    sectors: Vec<[&'a str; 2]>,
    agencies: Vec<[&'a str; 2]>,
    /// How many documents there are. What filters need per document is in
    /// [`FILTERS_PATH`], loaded only when a filter is set.
    doc_count: usize,
    /// How many terms there are. The terms themselves, with how many
    /// documents contain each (to choose prefix completions while typing),
    /// are in blocks by their first letter (see [`TermBlock`]).
    term_count: usize,
    /// Per block: the first UTF-16 code unit its terms share, its first
    /// term and how many terms it has.
    blocks: Vec<(u16, usize, usize)>,
    /// Per postings shard, its first term (shards hold consecutive terms).
    shard_first: Vec<usize>,
    text_chunk: usize,
    /// Terms in more than this many entries have their positions apart.
    positions_apart_above: u32,
    /// The names of the index's other files.
    files: FileNames,
    /// The first words of the other names of several words ("so", "bo"):
    /// a query with one loads [`NAMES_PATH`].
    name_leads: Vec<String>,
}

/// An index file: `head`, the JSON, `tail`, allocated once at its size
/// (`format!` grows its buffer as the JSON, often kilobytes, comes in).
fn script_call(head: std::fmt::Arguments<'_>, json: &str, tail: &str) -> Vec<u8> {
    use std::io::Write as _;
    let mut out = Vec::with_capacity(json.len() + tail.len() + 48);
    out.write_fmt(head).expect("writing to memory cannot fail");
    out.extend_from_slice(json.as_bytes());
    out.extend_from_slice(tail.as_bytes());
    out
}

const VLQ_DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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

/// The numbers [`vlq`] wrote into `text`, in order.
fn vlq_numbers(text: &str) -> impl Iterator<Item = u32> + '_ {
    let mut digits = text.bytes().map(|b| VLQ_DIGITS.iter().position(|d| *d == b).expect("VLQ digit") as u32);
    std::iter::from_fn(move || {
        let (mut n, mut shift) = (0, 0);
        loop {
            let digit = digits.next()?;
            n |= (digit & 31) << shift;
            shift += 5;
            if digit < 32 {
                return Some(n);
            }
        }
    })
}

/// The digits of [`dense`]: every printable ASCII character that a JSON
/// string holds as itself (all but `"` and `\`), 93 in all.
const DENSE_DIGITS: &[u8; 93] =
    b" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
/// Numbers below this take one digit of [`dense`].
const DENSE_ONE: u32 = 88;
/// The radix of the digits after the first of a longer number.
const DENSE_BASE: u32 = DENSE_DIGITS.len() as u32 - DENSE_ONE;

/// Writes `n` in a mixed radix where one character holds any number below
/// [`DENSE_ONE`] (VLQ: below 32), for the position files: a long field's
/// positions run to a few hundred, and gzip codes a number that is one
/// character better than one cut in two (10 % smaller files at 10,000
/// entries). A larger number is a digit `DENSE_ONE + r` (r below
/// [`DENSE_BASE`], 5) and then `(n - that digit) / DENSE_BASE`, written the
/// same way.
fn dense(out: &mut String, mut n: u32) {
    while n >= DENSE_ONE {
        let digit = DENSE_ONE + (n - DENSE_ONE) % DENSE_BASE;
        out.push(DENSE_DIGITS[digit as usize] as char);
        n = (n - digit) / DENSE_BASE;
    }
    out.push(DENSE_DIGITS[n as usize] as char);
}

/// The numbers [`dense`] wrote into `text`, in order.
#[cfg(test)]
fn dense_numbers(text: &str) -> impl Iterator<Item = u32> + '_ {
    let mut digits = text.bytes().map(|b| DENSE_DIGITS.iter().position(|d| *d == b).expect("dense digit") as u32);
    std::iter::from_fn(move || {
        let (mut n, mut scale) = (0, 1);
        loop {
            let digit = digits.next()?;
            n += digit * scale;
            if digit < DENSE_ONE {
                return Some(n);
            }
            scale *= DENSE_BASE;
        }
    })
}

fn sharded_index(
    catalog: &Catalog,
    docs: Vec<Doc>,
    sorted: Vec<(String, TermEntry)>,
    positions_apart_above: u32,
    sink: &dyn Sink,
) {
    use rayon::prelude::*;
    // A term kept apart: the shards write its positions and forms in files
    // of their own, and its term block names its forms.
    let apart = |term: &TermEntry| term.postings.docs > positions_apart_above;
    // Terms are cut into shards in order (cheap); the shards are then
    // written on every core. (Text chunks were written while indexing.)
    let mut shards: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut first, mut size) = (0, 0);
    for (t, (_, entry)) in sorted.iter().enumerate() {
        // Sized by the postings' raw size (16 bytes each), as before they
        // were encoded while building: the same shards as ever.
        let bytes = entry.postings.count * 16 + entry.forms.iter().map(String::len).sum::<usize>();
        if size + bytes > SHARD_BYTES && t > first {
            shards.push(first..t);
            (first, size) = (t, 0);
        }
        size += bytes;
    }
    if first < sorted.len() {
        shards.push(first..sorted.len());
    }
    #[derive(Serialize)]
    struct Shard<'a> {
        first: usize,
        forms: Vec<String>,
        postings: Vec<std::borrow::Cow<'a, str>>,
        /// The terms (offsets in the shard) whose postings are pairs, their
        /// positions being in the shard's position files.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        apart: Vec<usize>,
        /// Those of `apart` written by counts instead of pairs.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        counted: Vec<usize>,
    }
    shards.par_iter().enumerate().for_each(|(k, range)| {
        let terms = &sorted[range.clone()];
        let mut shard = Shard {
            first: range.start,
            forms: terms.iter().map(|(_, t)| t.forms.join("|")).collect(),
            postings: Vec::with_capacity(terms.len()),
            apart: Vec::new(),
            counted: Vec::new(),
        };
        // Per field, the positions of each term apart (aligned with
        // `apart`).
        let mut positions: [Vec<String>; 8] = Default::default();
        for (i, (_, term)) in terms.iter().enumerate() {
            if apart(term) {
                let apart = term.postings.positions_apart();
                shard.postings.push(apart.postings.into());
                shard.apart.push(i);
                if apart.counted {
                    shard.counted.push(i);
                }
                for (field, text) in positions.iter_mut().zip(apart.positions) {
                    field.push(text);
                }
                // A file per form, fetched only for a word with that form
                // (term ids are global: a word's block names its forms).
                let t = range.start + i;
                for (form, text) in apart.forms.iter().enumerate() {
                    sink.add(
                        &file::name(file::FORMS, &[t, form]),
                        format!("DanhmucSearch.addForm({t}, {form}, \"{text}\");\n").into_bytes(),
                    );
                }
            } else {
                shard.postings.push(term.postings.encoded.as_str().into());
            }
        }
        let json = crate::json::to_string(&shard);
        sink.add(
            &file::name(file::SHARD, &[k]),
            script_call(format_args!("DanhmucSearch.addShard({k}, "), &json, ");\n"),
        );
        for (f, texts) in positions.iter().enumerate() {
            // The titles' file is there whenever the shard has terms apart,
            // so that the page can fetch it with the shard (see search.js).
            let titles_of_apart = f == 0 && !shard.apart.is_empty();
            if !titles_of_apart && texts.iter().all(String::is_empty) {
                continue;
            }
            let json = crate::json::to_string(texts);
            sink.add(
                &file::name(file::POSITIONS, &[k, f]),
                script_call(format_args!("DanhmucSearch.addPositions({k}, {f}, "), &json, ");\n"),
            );
        }
    });
    // Per document, what filters need: [group, sector, [agencies]].
    let filters: Vec<(usize, usize, &[usize])> = docs.iter().map(|d| (d.group, d.sector, &d.agencies[..])).collect();
    let json = crate::json::to_string(&filters);
    sink.add(FILTERS_PATH, script_call(format_args!("DanhmucSearch.addFilters("), &json, ");\n"));
    // Terms by first letter: a query needs only the blocks of its words'
    // first letters (the titles' numbers alone are most terms of a large
    // catalog, and most queries have none).
    #[derive(Serialize)]
    struct TermBlock<'a> {
        first: usize,
        terms: Vec<&'a str>,
        df: Vec<u32>,
        /// The forms of the terms apart that have several ([offset in
        /// the block, forms joined by `|`]): a word with diacritics picks
        /// its forms' files by their index before the shard arrives.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        forms: Vec<(usize, String)>,
    }
    let mut blocks: Vec<(u16, usize, usize)> = Vec::new();
    for (t, (term, _)) in sorted.iter().enumerate() {
        let unit = term.encode_utf16().next().unwrap_or(0);
        match blocks.last_mut() {
            Some((last, _, count)) if *last == unit => *count += 1,
            _ => blocks.push((unit, t, 1)),
        }
    }
    blocks.par_iter().enumerate().for_each(|(b, &(_, first, count))| {
        let terms = &sorted[first..first + count];
        let block = TermBlock {
            first,
            terms: terms.iter().map(|(term, _)| term.as_str()).collect(),
            df: terms.iter().map(|(_, t)| t.postings.docs).collect(),
            forms: terms
                .iter()
                .enumerate()
                .filter(|(_, (_, t))| apart(t) && t.forms.len() > 1)
                .map(|(i, (_, t))| (i, t.forms.join("|")))
                .collect(),
        };
        let json = crate::json::to_string(&block);
        sink.add(
            &file::name(file::TERMS, &[b]),
            script_call(format_args!("DanhmucSearch.addTerms({b}, "), &json, ");\n"),
        );
    });
    let names = super::names::table(catalog);
    sink.add(NAMES_PATH, script_call(format_args!("DanhmucSearch.addNames("), &crate::json::to_string(&names), ");\n"));
    let manifest = Manifest {
        version: 9,
        sharded: true,
        fields: FIELDS,
        groups: Group::ALL.iter().map(|g| [g.code(), g.name()]).collect(),
        sectors: catalog.sectors().iter().map(|s| [s.slug.as_str(), s.name.as_str()]).collect(),
        agencies: catalog.agencies().iter().map(|a| [a.slug.as_str(), a.name.as_str()]).collect(),
        doc_count: docs.len(),
        term_count: sorted.len(),
        blocks,
        shard_first: shards.iter().map(|r| r.start).collect(),
        text_chunk: TEXT_CHUNK,
        positions_apart_above,
        files: FILE_NAMES,
        name_leads: super::names::leads(&names),
    };
    let json = crate::json::to_string(&manifest);
    sink.add(INDEX_PATH, script_call(format_args!("window.DANHMUC_SEARCH_INDEX = "), &json, ";\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_encode_compactly_with_deltas() {
        // doc 0 field 0 positions 3, 5; doc 2 field 4 position 40 (form 1)
        let quads = [0, 0, 3, 0, 0, 0, 5, 0, 2, 4, 40, 1];
        let mut postings = Postings::default();
        for p in quads.chunks_exact(4) {
            postings.push(p[0], p[1], p[2], p[3]);
        }
        // 0,0,3 | 0,0,2 | 2,12,40 — 40 needs two digits (8 + 32, then 1).
        assert_eq!(postings.encoded, "AADAACCMoB");
        assert_eq!(postings.decode(), quads);
        assert_eq!(postings.docs, 2);
    }

    #[test]
    fn postings_decode_to_what_was_added() {
        let mut seed = 7u32;
        let mut quads = Vec::new();
        let (mut doc, mut postings) = (0, Postings::default());
        for _ in 0..2000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            doc += (seed >> 16) % 3;
            let (field, position, form) = ((seed >> 8) % 8, seed % 5000, (seed >> 20) % 4);
            // Within one document and field, positions only grow.
            let position = match quads.chunks_exact(4).last() {
                Some(&[d, f, p, _]) if d == doc && f == field => p + position % 50,
                _ => position,
            };
            quads.extend([doc, field, position, form]);
            postings.push(doc, field, position, form);
        }
        assert_eq!(postings.decode(), quads);
    }

    #[test]
    fn dense_numbers_round_trip_and_stay_plain_json() {
        let numbers: Vec<u32> = (0..2000).chain([87, 88, 92, 93, 527, 65_535, 1 << 20, u32::MAX - 1]).collect();
        let mut text = String::new();
        numbers.iter().for_each(|&n| dense(&mut text, n));
        assert_eq!(dense_numbers(&text).collect::<Vec<_>>(), numbers);
        // The position of a long field's word takes one character.
        assert_eq!(text.chars().take(DENSE_ONE as usize).count(), DENSE_ONE as usize);
        assert!(text.starts_with(" !#"));
        // No digit needs escaping in the JSON of a position file.
        let digits = std::str::from_utf8(DENSE_DIGITS).unwrap();
        assert_eq!(serde_json::to_string(digits).unwrap(), format!("\"{digits}\""));
    }

    #[test]
    fn positions_apart_give_back_every_posting() {
        // About two postings per document (pairs), then about eight
        // (counts).
        for (docs_every, counted) in [(2, false), (8, true)] {
            positions_apart_give_back(docs_every, counted);
        }
    }

    fn positions_apart_give_back(docs_every: u32, counted: bool) {
        let mut seed = 11u32;
        let (mut quads, mut postings, mut doc) = (Vec::new(), Postings::default(), 0);
        for _ in 0..3000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            doc += u32::from((seed >> 16).is_multiple_of(docs_every));
            let (mut field, form) = ((seed >> 8) % 8, (seed >> 20) % 3);
            // Within a document, fields come in order.
            if let Some(q) = quads.last().filter(|q: &&[u32; 4]| q[0] == doc && q[1] > field) {
                field = q[1];
            }
            let position = match quads.iter().rev().find(|q: &&[u32; 4]| q[0] == doc && q[1] == field) {
                Some(q) => q[2] + 1 + seed % 40,
                None => seed % 300,
            };
            quads.push([doc, field, position, form]);
            postings.push(doc, field, position, form);
        }
        let apart = postings.positions_apart();
        let Apart { postings: pairs, positions: by_field, forms, .. } = &apart;
        assert_eq!(apart.counted, counted);
        let mut rebuilt: Vec<[u32; 4]> = Vec::new();
        if counted {
            // The documents, then per field each one's count.
            let numbers: Vec<u32> = dense_numbers(pairs).collect();
            let n = numbers[0] as usize;
            assert_eq!(numbers.len(), 1 + 9 * n);
            let mut doc = 0;
            for i in 0..n {
                doc += numbers[1 + i];
                for field in 0..8 {
                    let count = numbers[1 + n + field * n + i];
                    (0..count).for_each(|_| rebuilt.push([doc, field as u32, u32::MAX, u32::MAX]));
                }
                doc += 1;
            }
        } else {
            // Pairs: document delta and field, one per posting.
            let numbers: Vec<u32> = vlq_numbers(pairs).collect();
            assert_eq!(numbers.len(), quads.len() * 2);
            let mut doc = 0;
            rebuilt = numbers
                .chunks_exact(2)
                .map(|p| {
                    doc += p[0];
                    [doc, p[1], u32::MAX, u32::MAX]
                })
                .collect();
        }
        assert_eq!(rebuilt.len(), quads.len());
        // Per form, one bit per posting, field by field.
        assert_eq!(forms.len(), 3);
        let bits_of = |text: &str| -> Vec<bool> {
            let digit = |b: u8| VLQ_DIGITS.iter().position(|d| *d == b).expect("a digit");
            text.bytes().flat_map(|b| (0..6).rev().map(move |i| digit(b) >> i & 1 == 1)).collect()
        };
        for (form, text) in forms.iter().enumerate() {
            let bits = bits_of(text);
            assert_eq!(bits.len(), quads.len().div_ceil(6) * 6);
            assert!(bits[quads.len()..].iter().all(|b| !b), "padding is zeros");
            let in_field_order = (0..8).flat_map(|f| rebuilt.iter().enumerate().filter(move |(_, q)| q[1] == f));
            let marked: Vec<usize> =
                in_field_order.map(|(i, _)| i).zip(bits).filter(|(_, b)| *b).map(|(i, _)| i).collect();
            for i in marked {
                assert_eq!(rebuilt[i][3], u32::MAX, "posting {i} has two forms");
                rebuilt[i][3] = form as u32;
            }
        }
        // Each field's positions, in the order of that field's postings.
        for (field, text) in by_field.iter().enumerate() {
            let mut numbers = dense_numbers(text);
            let mut last: Option<(u32, u32)> = None;
            for q in rebuilt.iter_mut().filter(|q| q[1] == field as u32) {
                let n = numbers.next().expect("a position per posting");
                q[2] = match last {
                    Some((d, p)) if d == q[0] => p + n,
                    _ => n,
                };
                last = Some((q[0], q[2]));
            }
            assert_eq!(numbers.next(), None, "field {field} has positions left over");
        }
        assert_eq!(rebuilt, quads);
        // Apart, a frequent term's postings shrink to about half.
        assert!(pairs.len() * 10 < postings.encoded.len() * 6, "{} of {}", pairs.len(), postings.encoded.len());
    }

    #[test]
    fn a_term_of_one_form_has_no_forms_apart() {
        // A term of one form has no forms to store.
        let mut one_form = Postings::default();
        (0..50).for_each(|doc| one_form.push(doc, doc % 8, 3, 0));
        assert!(one_form.positions_apart().forms.is_empty());
    }
}
