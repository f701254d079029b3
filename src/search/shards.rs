//! The sharded layout of the search index, for large catalogs (see
//! `docs/search.md`, "Large catalogs: the sharded index"): postings cut
//! into shards of consecutive terms, a frequent term's positions and forms
//! in files of their own, terms in blocks by first letter, what the filters
//! need, and the other names, each a script that `search.js` loads when a
//! query needs it. The manifest that names them is written with the single
//! file's index (`index.rs`); the text chunks while entries are indexed.

use super::encode::{FIELD_COUNT, TermEntry, script_call};
use crate::model::Catalog;
use crate::output::Sink;
use rayon::prelude::*;
use serde::Serialize;
use std::ops::Range;

/// In a sharded index, what the filters need of every document.
pub(super) const FILTERS_PATH: &str = "assets/search/filters.js";
/// In a sharded index, the other names readers search by (see
/// [`super::names`]), loaded only for a query that may use one.
pub(super) const NAMES_PATH: &str = "assets/search/names.js";

/// The names of a sharded index's files, one definition: the build writes
/// them, and the manifest hands the same patterns to `search.js`, which
/// puts a file's numbers where `{}` stands, in order.
pub(super) mod file {
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
pub(super) struct FileNames {
    terms: &'static str,
    shard: &'static str,
    positions: &'static str,
    forms: &'static str,
    texts: &'static str,
    filters: &'static str,
    names: &'static str,
}

pub(super) const FILE_NAMES: FileNames = FileNames {
    terms: file::TERMS,
    shard: file::SHARD,
    positions: file::POSITIONS,
    forms: file::FORMS,
    texts: file::TEXTS,
    filters: FILTERS_PATH,
    names: NAMES_PATH,
};

/// Target raw size of a postings shard; a frequent term gets one alone.
const SHARD_BYTES: usize = 48 * 1024;

/// What the manifest says of the files [`write`] wrote.
pub(super) struct Written {
    /// Per block: the first UTF-16 code unit its terms share, its first
    /// term and how many terms it has.
    pub(super) blocks: Vec<(u16, usize, usize)>,
    /// Per postings shard, its first term.
    pub(super) shard_first: Vec<usize>,
    /// The other names readers search by.
    pub(super) names: Vec<(String, String)>,
}

/// Writes the files of a sharded index but its manifest and text chunks:
/// `sorted` holds the terms in the manifest's order, `filters` per
/// document its group, sector and agencies. A term found in more than
/// `positions_apart_above` documents is kept apart (see [`is_apart`]).
pub(super) fn write(
    catalog: &Catalog,
    filters: &[(usize, usize, &[usize])],
    sorted: &[(String, TermEntry)],
    positions_apart_above: u32,
    sink: &dyn Sink,
) -> Written {
    // Terms are cut into shards in order (cheap); the shards are then
    // written on every core. (Text chunks were written while indexing.)
    let shards = cut_into_shards(sorted);
    shards.par_iter().enumerate().for_each(|(k, range)| {
        write_shard(k, range.clone(), &sorted[range.clone()], positions_apart_above, sink);
    });
    sink.add(
        FILTERS_PATH,
        script_call(format_args!("DanhmucSearch.addFilters("), &crate::json::to_string(&filters), ");\n"),
    );
    let blocks = term_blocks(sorted);
    blocks.par_iter().enumerate().for_each(|(b, &(_, first, count))| {
        write_term_block(b, first, &sorted[first..first + count], positions_apart_above, sink);
    });
    let names = super::names::table(catalog);
    sink.add(NAMES_PATH, script_call(format_args!("DanhmucSearch.addNames("), &crate::json::to_string(&names), ");\n"));
    Written { blocks, shard_first: shards.iter().map(|r| r.start).collect(), names }
}

/// A term kept apart: the shards write its positions and forms in files
/// of their own, and its term block names its forms.
fn is_apart(term: &TermEntry, positions_apart_above: u32) -> bool {
    term.postings.docs > positions_apart_above
}

/// Consecutive terms of about [`SHARD_BYTES`] each.
fn cut_into_shards(sorted: &[(String, TermEntry)]) -> Vec<Range<usize>> {
    let mut shards = Vec::new();
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
    shards
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

/// Shard `k`, the terms `range` (`terms`): its postings, and the files of
/// the positions and forms of its terms apart.
fn write_shard(
    k: usize,
    range: Range<usize>,
    terms: &[(String, TermEntry)],
    positions_apart_above: u32,
    sink: &dyn Sink,
) {
    let mut shard = Shard {
        first: range.start,
        forms: terms.iter().map(|(_, t)| t.forms.join("|")).collect(),
        postings: Vec::with_capacity(terms.len()),
        apart: Vec::new(),
        counted: Vec::new(),
    };
    // Per field, the positions of each term apart (aligned with `apart`).
    let mut positions: [Vec<String>; FIELD_COUNT] = Default::default();
    for (i, (_, term)) in terms.iter().enumerate() {
        if !is_apart(term, positions_apart_above) {
            shard.postings.push(term.postings.encoded.as_str().into());
            continue;
        }
        let apart = term.postings.positions_apart();
        shard.postings.push(apart.postings.into());
        shard.apart.push(i);
        if apart.counted {
            shard.counted.push(i);
        }
        for (field, text) in positions.iter_mut().zip(apart.positions) {
            field.push(text);
        }
        write_forms(range.start + i, &apart.forms, sink);
    }
    let json = crate::json::to_string(&shard);
    sink.add(&file::name(file::SHARD, &[k]), script_call(format_args!("DanhmucSearch.addShard({k}, "), &json, ");\n"));
    write_positions(k, &positions, !shard.apart.is_empty(), sink);
}

/// A file per form of term `t`, fetched only for a word with that form
/// (term ids are global: a word's block names its forms).
fn write_forms(t: usize, forms: &[String], sink: &dyn Sink) {
    for (form, text) in forms.iter().enumerate() {
        sink.add(
            &file::name(file::FORMS, &[t, form]),
            format!("DanhmucSearch.addForm({t}, {form}, \"{text}\");\n").into_bytes(),
        );
    }
}

/// Shard `k`'s position files, one per field that has positions.
fn write_positions(k: usize, positions: &[Vec<String>; FIELD_COUNT], has_apart: bool, sink: &dyn Sink) {
    for (f, texts) in positions.iter().enumerate() {
        // The titles' file is there whenever the shard has terms apart,
        // so that the page can fetch it with the shard (see search.js).
        let titles_of_apart = f == 0 && has_apart;
        if !titles_of_apart && texts.iter().all(String::is_empty) {
            continue;
        }
        let json = crate::json::to_string(texts);
        sink.add(
            &file::name(file::POSITIONS, &[k, f]),
            script_call(format_args!("DanhmucSearch.addPositions({k}, {f}, "), &json, ");\n"),
        );
    }
}

/// Terms by first letter: a query needs only the blocks of its words'
/// first letters (the titles' numbers alone are most terms of a large
/// catalog, and most queries have none). Per block: the first UTF-16 code
/// unit its terms share, its first term and how many terms it has.
fn term_blocks(sorted: &[(String, TermEntry)]) -> Vec<(u16, usize, usize)> {
    let mut blocks: Vec<(u16, usize, usize)> = Vec::new();
    for (t, (term, _)) in sorted.iter().enumerate() {
        let unit = term.encode_utf16().next().unwrap_or(0);
        match blocks.last_mut() {
            Some((last, _, count)) if *last == unit => *count += 1,
            _ => blocks.push((unit, t, 1)),
        }
    }
    blocks
}

#[derive(Serialize)]
struct TermBlock<'a> {
    first: usize,
    terms: Vec<&'a str>,
    df: Vec<u32>,
    /// The forms of the terms apart that have several ([offset in the
    /// block, forms joined by `|`]): a word with diacritics picks its
    /// forms' files by their index before the shard arrives.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    forms: Vec<(usize, String)>,
}

/// Term block `b`, the terms from `first` on (`terms`), with how many
/// documents contain each.
fn write_term_block(
    b: usize,
    first: usize,
    terms: &[(String, TermEntry)],
    positions_apart_above: u32,
    sink: &dyn Sink,
) {
    let block = TermBlock {
        first,
        terms: terms.iter().map(|(term, _)| term.as_str()).collect(),
        df: terms.iter().map(|(_, t)| t.postings.docs).collect(),
        forms: terms
            .iter()
            .enumerate()
            .filter(|(_, (_, t))| is_apart(t, positions_apart_above) && t.forms.len() > 1)
            .map(|(i, (_, t))| (i, t.forms.join("|")))
            .collect(),
    };
    let json = crate::json::to_string(&block);
    sink.add(&file::name(file::TERMS, &[b]), script_call(format_args!("DanhmucSearch.addTerms({b}, "), &json, ");\n"));
}
