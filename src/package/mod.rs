//! The certification package: build it ([`build`]) and check it (`verify`).
//!
//! Layer: model ← package (which may call [`crate::rules::lint`] on a connector extracted
//! from a solution, in memory) ← cli. Reading is in memory only, under the limits of
//! `safety`; writing happens in the cli, atomically.

pub mod build;
pub(crate) mod compare;
pub(crate) mod safety;
pub(crate) mod verify;
pub(crate) mod xml;
pub(crate) mod zipcheck;
