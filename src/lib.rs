//! connkit: offline checks for Microsoft Power Platform custom connectors.
//!
//! Layers, one way only: [`model`] (load a connector, parse leniently, keep positions,
//! resolve `$ref`) ← [`rules`] ← [`report`] ← [`cli`].

pub mod cli;
pub mod convert;
pub mod fix;
pub mod model;
pub mod report;
pub mod rules;
