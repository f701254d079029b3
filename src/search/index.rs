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
struct TermEntry {
    forms: Vec<String>,
    postings: Vec<u32>,
}

/// The index as a script for the site.
pub fn build_index(catalog: &Catalog) -> String {
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
    format!("window.DANHMUC_SEARCH_INDEX = {json};\n")
}
