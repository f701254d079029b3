//! The subcommands, one file each: each parses nothing itself (that is
//! `cli`), loads the project through `source`, runs the steps it needs and
//! prints the outcome for a person, in Vietnamese, with the exit code.

pub mod build;
pub mod check;
pub mod diff;
pub mod import;
pub mod init;
pub mod new;
pub mod serve;
