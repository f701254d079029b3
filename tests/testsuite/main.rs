//! Integration tests: the real `danhmuc` binary on copies of the real
//! catalog and on small broken variants of it.

mod build;
mod catalog_json;
mod check;
mod cli;
mod common;
pub mod comparison;
mod dates;
mod decision;
mod docx;
mod fixtures;
mod glossary;
mod guide;
mod hostile_text;
mod import;
mod init;
mod keywords;
mod links;
mod names;
mod new;
mod odd_inputs;
mod open_data;
mod output;
mod outside;
mod province;
mod publish;
mod scenario;
mod schema;
mod serve;
pub mod versions;
