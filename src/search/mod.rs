//! Full-text search: the tokenizer shared with the browser, and the index
//! written at build time.
//!
//! Search must find "CSDL Đất đai" from `dat dai`, `ĐẤT ĐAI` or `dất đai`,
//! so words are compared folded (no diacritics, lower case), while the
//! exact form is kept to rank a match with the reader's diacritics first.
//! The same tokenizer is implemented in `theme/search/text.js`;
//! `tests/search-vectors.json` holds cases that both test suites check.
//! The index format is described in `docs/search.md`.

mod encode;
mod index;
pub mod names;
pub mod places;
mod shards;

mod tokenize;

pub use index::{INDEX_PATH, Layout, SHARD_ABOVE, build_index};
pub use tokenize::{for_each_word, forms_into};
