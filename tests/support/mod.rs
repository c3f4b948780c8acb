//! Shared test helpers.

pub mod fake;
