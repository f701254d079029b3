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
//!
//! This file reads the entries into terms and writes the first file (the
//! whole index, or a large catalog's manifest); how postings become text
//! is in `encode.rs`, the other files of a large catalog in `shards.rs`.

use super::encode::{FIELD_COUNT, TermEntry, script_call};
use super::shards::{self, FILE_NAMES, FileNames, file};
use super::tokenize::{for_each_word, forms_into};
use crate::model::{Catalog, Group};
use crate::output::Sink;
use serde::Serialize;
use std::collections::HashMap;

pub const INDEX_PATH: &str = "assets/search-index.js";

/// Searchable fields, in the order the index stores them. The browser
/// weighs them (a title match counts most, then the keywords). The
/// keywords come last: they were added after the others, and the other
/// fields keep their numbers.
pub const FIELDS: [&str; FIELD_COUNT] =
    ["title", "sector", "agencies", "notes", "purpose", "scope", "collection", "sharing", "keywords"];

#[derive(Serialize)]
struct Index<'a> {
    version: u32,
    fields: [&'static str; FIELD_COUNT],
    groups: Vec<[&'static str; 2]>,
    sectors: Vec<[&'a str; 2]>,
    agencies: Vec<[&'a str; 2]>,
    docs: Vec<Doc<'a>>,
    /// Per document, the plain text of each field.
    text: Vec<[String; FIELD_COUNT]>,
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
    texts: Vec<[String; FIELD_COUNT]>,
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
        // One after another, as the agencies: a phrase typed whole stands
        // together in its keyword.
        let keywords: Vec<String> = entries.iter().map(|e| e.keywords.join("; ")).collect();
        // For text chunks: per entry, the texts of the fields after the
        // first three.
        let mut snippets: Vec<[&str; 6]> = Vec::new();
        for ((doc, entry), keywords) in (first_doc..).zip(entries).zip(&keywords) {
            let agencies: Vec<&str> = entry.agencies.iter().map(|a| catalog.agency(*a).name.as_str()).collect();
            let agencies = agencies.join("; ");
            let plain = &entry.sections.plain;
            let rest = [
                entry.notes.as_deref().unwrap_or_default(),
                plain.purpose.as_str(),
                plain.scope.as_str(),
                plain.collection.as_str(),
                plain.sharing.as_str(),
                keywords.as_str(),
            ];
            let fields: [&str; FIELD_COUNT] = [
                &entry.title,
                &catalog.sector(entry.sector).name,
                &agencies,
                rest[0],
                rest[1],
                rest[2],
                rest[3],
                rest[4],
                rest[5],
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
                type Row<'a> = (String, &'a str, u32, &'a [&'a str; 6], usize, usize, Vec<usize>);
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
    super::names::write_vocabulary(&sorted, catalog.places(), sink);
    if let Layout::Sharded { positions_apart_above } = layout {
        return write_sharded(catalog, &docs, &sorted, positions_apart_above, sink);
    }
    let names = super::names::table(catalog);
    let name_leads = leads(&names, catalog.places(), &sorted);
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
        name_leads,
        names,
    };
    let json = crate::json::to_string(&index);
    sink.add(INDEX_PATH, script_call(format_args!("window.DANHMUC_SEARCH_INDEX = "), &json, ";\n"));
}

/// The first words of the other names of several words and of the places
/// made of catalog words (see `names::leads`, `places::leads`), sorted.
fn leads(names: &[(String, String)], places: &[String], sorted: &[(String, TermEntry)]) -> Vec<String> {
    let is_term = |w: &str| sorted.binary_search_by(|(term, _)| term.encode_utf16().cmp(w.encode_utf16())).is_ok();
    let mut leads = super::names::leads(names);
    leads.extend(super::places::leads(places, is_term));
    leads.sort();
    leads.dedup();
    leads
}

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    sharded: bool,
    fields: [&'static str; FIELD_COUNT],
    groups: Vec<[&'static str; 2]>,
    sectors: Vec<[&'a str; 2]>,
    agencies: Vec<[&'a str; 2]>,
    /// How many documents there are. What filters need per document is in
    /// [`shards::FILTERS_PATH`], loaded only when a filter is set.
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
    /// Per group, the number of its first document (documents are in the
    /// decision's order): where the page looks for an entry's code ("A.5")
    /// without loading every entry's number.
    group_starts: Vec<usize>,
    /// Terms in more than this many entries have their positions apart.
    positions_apart_above: u32,
    /// The names of the index's other files.
    files: FileNames,
    /// The first words of the other names of several words ("so", "bo")
    /// and the first two of the places made of catalog words ("ha long"):
    /// a query with one is understood, and loads [`shards::NAMES_PATH`].
    name_leads: Vec<String>,
}

/// A sharded index: its parts (see [`shards::write`]), then the manifest
/// that names them.
fn write_sharded(
    catalog: &Catalog,
    docs: &[Doc],
    sorted: &[(String, TermEntry)],
    positions_apart_above: u32,
    sink: &dyn Sink,
) {
    // Per document, what filters need: [group, sector, [agencies]].
    let filters: Vec<(usize, usize, &[usize])> = docs.iter().map(|d| (d.group, d.sector, &d.agencies[..])).collect();
    let written = shards::write(catalog, &filters, sorted, positions_apart_above, sink);
    let manifest = Manifest {
        version: 9,
        sharded: true,
        fields: FIELDS,
        groups: Group::ALL.iter().map(|g| [g.code(), g.name()]).collect(),
        sectors: catalog.sectors().iter().map(|s| [s.slug.as_str(), s.name.as_str()]).collect(),
        agencies: catalog.agencies().iter().map(|a| [a.slug.as_str(), a.name.as_str()]).collect(),
        doc_count: docs.len(),
        term_count: sorted.len(),
        blocks: written.blocks,
        shard_first: written.shard_first,
        text_chunk: TEXT_CHUNK,
        group_starts: (0..Group::ALL.len()).map(|g| docs.partition_point(|d| d.group < g)).collect(),
        positions_apart_above,
        files: FILE_NAMES,
        name_leads: leads(&written.names, catalog.places(), sorted),
    };
    let json = crate::json::to_string(&manifest);
    sink.add(INDEX_PATH, script_call(format_args!("window.DANHMUC_SEARCH_INDEX = "), &json, ";\n"));
}
