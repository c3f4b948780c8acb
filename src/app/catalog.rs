//! The catalog sessions: `connkit explain CODE` and `connkit rules`. Both ask the one
//! registry, [`crate::catalog`]; rendering is [`crate::report::catalog`].

use crate::catalog::{self, CatalogEntry, Family};
use crate::core::Gate;

/// The entry of a code, or the codes that contain it (at most five) when there is none.
pub fn explain(code: &str) -> Result<CatalogEntry, Vec<&'static str>> {
    catalog::find(code).ok_or_else(|| catalog::near(code))
}

/// What `connkit rules` lists: the lint rules (or with `all` every code of every family)
/// of the given gates (none: every gate).
pub fn rules(gates: &[Gate], all: bool) -> Vec<CatalogEntry> {
    let entries: Box<dyn Iterator<Item = CatalogEntry>> = if all {
        Box::new(catalog::all())
    } else {
        Box::new(catalog::family(Family::Lint))
    };
    entries
        .filter(|e| gates.is_empty() || e.gate.is_some_and(|g| gates.contains(&g)))
        .collect()
}

/// What `connkit diff --list-rules` lists: every diff rule.
pub fn diff_rules() -> Vec<CatalogEntry> {
    catalog::family(Family::Diff).collect()
}
