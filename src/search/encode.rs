//! How the search index's terms become the text of its files: a term's
//! postings as base-64 VLQ deltas (the single file has them decoded back to
//! quadruples), a frequent term's postings with its positions and forms
//! apart, the denser digits of position files, a bit per posting for each
//! form, and an index file as the call of a script. `search.js` reads what
//! these write (`theme/search/decode.js`, `sharded-positions.js`); the
//! tests here check the round trip, the JavaScript tests the other side.

/// How many searchable fields a posting may name (`index::FIELDS`).
pub(super) const FIELD_COUNT: usize = 9;

/// [`FIELD_COUNT`] as postings number fields.
const FIELDS: u32 = FIELD_COUNT as u32;

/// A term of the index: its exact forms (postings refer to them by
/// index) and its postings.
#[derive(Default)]
pub(super) struct TermEntry {
    pub(super) forms: Vec<String>,
    pub(super) postings: Postings,
}

/// A term's postings (doc, field, position, form quadruples, added in
/// order), encoded as they are added: the compact string shards store, and
/// 3–4 bytes a posting instead of 16 while the index is built, which is
/// most of the memory a large catalog's index takes.
///
/// Per posting three numbers: the document as a delta from the previous
/// posting's, `field + 9 × form` (one character in the usual case of the
/// first form), and the position as a delta within the same document and
/// field; each in base-64 VLQ (5 bits per character, as source maps).
/// `search.js` decodes it back to the same quadruples.
#[derive(Default)]
pub(super) struct Postings {
    pub(super) encoded: String,
    /// The last posting added: doc, field, position.
    last: Option<(u32, u32, u32)>,
    pub(super) count: usize,
    /// Documents the term is in (postings are added in document order).
    pub(super) docs: u32,
}

impl Postings {
    pub(super) fn push(&mut self, doc: u32, field: u32, position: u32, form: u32) {
        let (last_doc, last_field, last_position) = self.last.unwrap_or((0, u32::MAX, 0));
        if self.last.is_none() || doc != last_doc {
            self.docs += 1;
        }
        vlq(&mut self.encoded, doc - last_doc);
        vlq(&mut self.encoded, field + FIELDS * form);
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
            let new_field = packed % FIELDS;
            position = if same_doc && new_field == field { position + at } else { at };
            field = new_field;
            Some([doc, field, position, packed / FIELDS])
        })
    }

    /// Back to flattened quadruples, for the single-file index.
    pub(super) fn decode(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.count * 4);
        self.quads().for_each(|q| out.extend(q));
        out
    }

    /// The postings with their positions and forms apart (see
    /// `Layout::Sharded`): per posting two VLQ numbers, the document
    /// delta and the field, or for a term of several postings per
    /// document their counts (see [`counted_postings`]); per field, the
    /// positions of that field's postings in the same order, each a delta
    /// from the previous one in the same document (written by [`dense`],
    /// not VLQ); and per exact form, which postings are of that form (see
    /// [`bits`]), none when the term has one form.
    pub(super) fn positions_apart(&self) -> Apart {
        let counted = self.count >= COUNTED_FROM * self.docs as usize;
        // Pairs; or, if counted, the documents and per field each one's
        // count of postings.
        let mut pairs = String::with_capacity(if counted { 0 } else { self.encoded.len() / 2 });
        let (mut docs, mut counts): (Vec<u32>, [Vec<u32>; FIELD_COUNT]) = Default::default();
        let mut positions: [String; FIELD_COUNT] = Default::default();
        // Per field, its postings' forms in order.
        let mut forms_by_field: [Vec<u32>; FIELD_COUNT] = Default::default();
        let mut last_doc = 0;
        // Per field, the last posting's document and position.
        let mut last: [Option<(u32, u32)>; FIELD_COUNT] = [None; FIELD_COUNT];
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
fn counted_postings(docs: &[u32], counts: &[Vec<u32>; FIELD_COUNT]) -> String {
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
pub(super) struct Apart {
    /// Pairs, or counts if `counted`.
    pub(super) postings: String,
    pub(super) counted: bool,
    pub(super) positions: [String; FIELD_COUNT],
    /// Per exact form, which of the term's postings, taken field by field
    /// (the order of the position files), are of that form.
    pub(super) forms: Vec<String>,
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

/// An index file: `head`, the JSON, `tail`, allocated once at its size
/// (`format!` grows its buffer as the JSON, often kilobytes, comes in).
pub(super) fn script_call(head: std::fmt::Arguments<'_>, json: &str, tail: &str) -> Vec<u8> {
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
        // 0,0,3 | 0,0,2 | 2,13,40 (4 + 9 × 1) — 40 needs two digits (8 + 32, then 1).
        assert_eq!(postings.encoded, "AADAACCNoB");
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
            let (field, position, form) = ((seed >> 8) % FIELDS, seed % 5000, (seed >> 20) % 4);
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
            let (mut field, form) = ((seed >> 8) % FIELDS, (seed >> 20) % 3);
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
            assert_eq!(numbers.len(), 1 + (1 + FIELD_COUNT) * n);
            let mut doc = 0;
            for i in 0..n {
                doc += numbers[1 + i];
                for field in 0..FIELD_COUNT {
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
            let in_field_order = (0..FIELDS).flat_map(|f| rebuilt.iter().enumerate().filter(move |(_, q)| q[1] == f));
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
        (0..50).for_each(|doc| one_form.push(doc, doc % FIELDS, 3, 0));
        assert!(one_form.positions_apart().forms.is_empty());
    }
}
