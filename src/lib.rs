//! connkit: offline checks for Microsoft Power Platform custom connectors.
//!
//! Layers, one way only: [`model`] (load a connector, parse leniently, keep positions,
//! resolve `$ref`) ← [`rules`] (and [`scripts`], script.csx's syntax) ← [`report`] ← [`cli`]. Everything printed goes through [`safe`].

// Output goes through `cli::print` / `safe_eprintln!` (redaction, control characters).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod baseline;
pub mod catalog;
pub mod changed;
pub mod cli;
pub mod config;
pub mod convert;
pub mod core;
pub mod diff;
pub mod fix;
pub mod fsx;
pub mod lsp;
pub mod model;
pub mod package;
pub mod report;
pub mod rules;
pub mod safe;
pub mod scripts;
pub mod submit;
pub mod suppress;
