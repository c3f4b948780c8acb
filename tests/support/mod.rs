//! Shared test helpers.

pub mod fake;
pub mod pkg;
