//! connkit: offline checks for Microsoft Power Platform custom connectors.
//!
//! Layers, one way only: [`model`] (load a connector, parse leniently, keep positions,
//! resolve `$ref`, build an operation's request) ← [`policies`] (policy templates: catalog,
//! expressions, simulator) ← [`rules`] ← [`report`] ← [`cli`]. Everything printed goes
//! through [`safe`].
//! resolve `$ref`) ← [`rules`] (and [`scripts`], script.csx's syntax) ← [`report`] ← [`cli`]. Everything printed goes through [`safe`].

// Output goes through `cli::print` / `safe_eprintln!` (redaction, control characters).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod baseline;
pub mod catalog;
pub mod changed;
pub mod cli;
pub mod config;
pub mod contract;
pub mod convert;
pub mod core;
pub mod diff;
pub mod fix;
pub mod fsx;
pub mod lsp;
pub mod model;
pub mod package;
pub mod policies;
pub mod preview;
pub mod report;
pub mod rules;
pub mod safe;
pub mod scripts;
pub mod submit;
pub mod suppress;
