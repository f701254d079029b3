//! The subcommands. Each is a thin driver over the library pipeline.

pub mod build;
pub mod check;
pub mod diff;
pub mod import;
pub mod init;
pub mod new;
pub mod serve;
