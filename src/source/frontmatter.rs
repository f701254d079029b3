//! Raw YAML structures (front matter and data files), parsed within limits;
//! `yaml_errors` words what goes wrong.
//!
//! The raw structs accept anything well-typed and reject unknown keys
//! (`deny_unknown_fields`), so a typo such as `sectr:` is caught; whether a
//! value makes sense (a known sector, a unique number) is `validate`'s job.
//! Values are wrapped in [`Spanned`] so later diagnostics point at them.

use crate::diagnostics::Diagnostic;
use serde::Deserialize;
use serde_saphyr::{Budget, Options, Spanned};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    pub title: Option<Spanned<String>>,
    pub group: Option<Spanned<String>>,
    pub number: Option<Spanned<i64>>,
    pub sector: Option<Spanned<String>>,
    pub agencies: Option<Spanned<Vec<Spanned<String>>>>,
    pub notes: Option<Spanned<String>>,
    pub slug: Option<Spanned<String>>,
    pub updated: Option<Spanned<String>>,
    /// Why a draft proposes this entry or its change ("lý do"), for the
    /// bảng so sánh only: not part of the decision.
    pub ly_do: Option<Spanned<String>>,
    /// The fields kept exactly as the signed decision writes them
    /// (`title`, `notes`): exempt from style findings.
    pub verbatim: Option<Vec<Spanned<String>>>,
    /// The words people type for the entry's subject ("sổ đỏ"): found by
    /// the search and published with the data, not part of the decision.
    pub keywords: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSector {
    pub slug: Spanned<String>,
    pub name: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAgency {
    pub slug: Spanned<String>,
    pub name: Spanned<String>,
    pub short_name: Option<String>,
    pub website: Option<Spanned<String>>,
    /// Names the agency had before a reorganisation, or of agencies whose
    /// duties it took over: readers still search by them.
    #[serde(default)]
    pub former: Vec<RawFormerName>,
    /// For an agency that no longer exists: the slug of the agency that
    /// took over its duties.
    pub successor: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFormerName {
    pub name: Spanned<String>,
    /// The year the name ended.
    pub until: Option<Spanned<i64>>,
}

/// One item of `content/synonyms.yaml`: words readers type (abbreviations,
/// everyday names) for what the catalog writes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSynonym {
    pub words: Spanned<Vec<Spanned<String>>>,
    pub means: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecision {
    pub title: String,
    pub issuer: String,
    pub place: String,
    pub year: u32,
    pub signer: String,
    #[serde(default)]
    pub signer_title: Vec<String>,
    pub replaces: Option<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
}

/// Limits that keep a hostile or mistaken file (an alias bomb, thousands of
/// nested lists) from costing unbounded time or memory.
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_aliases = 100;
    budget.max_anchors = 100;
    budget.max_depth = 16;
    budget.max_nodes = 20_000;
    budget.max_events = 100_000;
    budget.max_total_scalar_bytes = 2 * 1024 * 1024;
    budget.max_documents = 1;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    options
}

/// Parses YAML that starts at line `first_line` of `file`; an error becomes
/// one diagnostic with a file-absolute position.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(yaml: &str, file: &str, first_line: usize) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(yaml, options())
        .map_err(|e| super::yaml_errors::yaml_diagnostic(&e, yaml, file, first_line))
}

#[cfg(test)]
mod tests {
    use super::super::yaml_errors::file_position;
    use super::*;
    use crate::diagnostics::Position;

    #[test]
    fn a_valid_entry_parses_with_positions() {
        let raw: RawEntry =
            parse_yaml("title: CSDL X\ngroup: A\nnumber: 3\nagencies:\n  - so-y-te\n", "x.md", 2).unwrap();
        assert_eq!(raw.number.as_ref().unwrap().value, 3);
        let agencies = raw.agencies.unwrap().value;
        assert_eq!(file_position(&agencies[0].referenced, 2).unwrap(), Position::new(6, 5));
    }
}
