//! connkit: offline checks for Microsoft Power Platform custom connectors.
//!
//! Most people use the `connkit` command. The crate also offers a small library, the
//! public items below; everything else is `pub(crate)` and may change in any release
//! (`cargo doc --document-private-items` documents it for contributors, and
//! docs/architecture.md draws the layers).
//!
//! | to | use |
//! |---|---|
//! | load a connector folder or one definition | [`model::Connector::load_dir`], [`model::Connector::load_file`], [`model::discover::discover`] (every connector under a path) |
//! | lint it | [`rules::lint`] with a [`rules::Profile`] and [`rules::LintOptions`] → [`rules::Finding`]s; [`suppress`] applies inline and configured suppressions |
//! | read `connkit.toml` | [`config::parse`], [`config::resolve_profile`] |
//! | compare two revisions | [`diff::diff`] of two [`diff::Side`]s → [`diff::DiffReport`] |
//! | every code connkit reports, with its documentation | [`catalog::all`], [`catalog::markdown`] |
//! | convert OpenAPI 3 / Swagger 2.0 into a connector | [`convert::convert`], [`convert::init::scaffold`] |
//! | build a certification package | [`package::build::build_certification`] |
//! | parse `script.csx` | [`scripts::parse`] |
//! | render the designer preview | [`app::preview::run`], [`report::preview::render`] |
//! | run the language server or the CLI | [`lsp::serve`], [`cli::main`] |
//!
//! Items marked *for connkit's own benchmarks and tests* (the steps of a lint, the language
//! server's workspace, HTTP clients) are public so that `examples/` and `tests/` can measure
//! them, and carry no stability promise.
//!
//! ```
//! use connkit::model::Connector;
//! use connkit::rules::{self, LintOptions, Profile, Severity};
//!
//! let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
//!     .join("connectors/certified-connectors/ContosoTasks");
//! let connector = Connector::load_dir(&dir, "ContosoTasks".into());
//! let findings = rules::lint(&connector, Profile::Certified, &LintOptions::default());
//! assert!(findings.iter().all(|f| f.severity != Severity::Error));
//! ```
//!
//! Layers, one way only: `core` ← [`model`] ← the jobs ([`rules`], [`diff`], [`package`],
//! [`submit`], [`convert`], `policies`, [`scripts`], `contract`, `preview`) ← [`catalog`] ←
//! [`report`] ← [`app`] ← [`lsp`] ← [`cli`]. Everything printed goes through `safe`.

// Output goes through `report::out::print` / `safe_eprintln!` (redaction, control characters).
#![deny(clippy::print_stdout, clippy::print_stderr)]
// A `pub` item must be reachable from the crate root: the surface above, nothing by accident.
#![warn(unreachable_pub)]

pub mod app;
pub(crate) mod baseline;
pub mod catalog;
pub(crate) mod changed;
pub mod cli;
pub mod config;
pub(crate) mod contract;
pub mod convert;
pub(crate) mod core;
pub mod diff;
pub(crate) mod fix;
pub(crate) mod fsx;
pub mod lsp;
pub mod model;
pub mod package;
pub(crate) mod policies;
pub(crate) mod preview;
pub mod report;
pub mod rules;
pub(crate) mod safe;
pub mod scripts;
pub mod submit;
pub mod suppress;
