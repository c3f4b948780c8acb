//! connkit: offline checks for Microsoft Power Platform custom connectors.
//!
//! Layers, one way only: [`core`] ← [`model`] (load a connector, parse leniently, keep
//! positions, resolve `$ref`, build an operation's request) ← the jobs ([`rules`], [`diff`],
//! [`package`], [`submit`], [`convert`], [`policies`] (policy templates), [`scripts`]
//! (script.csx's syntax), [`contract`] (responses against the definition), [`preview`]) ←
//! [`catalog`] ← [`report`] ← [`app`] (one session per command) ← [`lsp`] ← [`cli`];
//! docs/architecture.md draws it. Everything printed goes through [`safe`].

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
