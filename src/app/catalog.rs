//! The catalog sessions: `connkit explain CODE` and `connkit rules`. Both ask the one
//! registry, [`crate::catalog`]; rendering is [`crate::report::catalog`].

use crate::catalog::{self, CatalogEntry, Family};
use crate::core::Gate;

/// The entry of a code, or the codes that contain it (at most five) when there is none.
pub(crate) fn explain(code: &str) -> Result<Explained, Vec<&'static str>> {
    if let Some(entry) = catalog::find(code) {
        return Ok(Explained::Code(entry));
    }
    if let Some(t) = crate::policies::catalog::find(code) {
        return Ok(Explained::Template(t));
    }
    Err(catalog::near(code))
}

/// What `connkit explain NAME` found: a code of any family, or a policy template id
/// (`connkit explain setheader` cites the template's page).
#[derive(Debug)]
pub(crate) enum Explained {
    Code(CatalogEntry),
    Template(&'static crate::policies::catalog::Template),
}

/// What `connkit rules` lists: the lint rules (or with `all` every code of every family)
/// of the given gates (none: every gate).
pub(crate) fn rules(gates: &[Gate], all: bool) -> Vec<CatalogEntry> {
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
pub(crate) fn diff_rules() -> Vec<CatalogEntry> {
    catalog::family(Family::Diff).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explain_finds_a_code_of_any_family_once_and_suggests_near_codes() {
        for (code, family) in [
            ("OperationIdNotUnique", Family::Lint),
            ("operationdeleted", Family::Diff),
            ("PackageDefinitionMismatch", Family::Package),
        ] {
            let Ok(Explained::Code(e)) = explain(code) else {
                panic!("{code}")
            };
            assert_eq!(e.family, family, "{code}");
            assert!(e.code.eq_ignore_ascii_case(code));
        }
        // A policy template id is explained too.
        assert!(matches!(explain("setheader"), Ok(Explained::Template(_))));
        let near = explain("OperationId").unwrap_err();
        assert!(!near.is_empty() && near.len() <= 5, "{near:?}");
        assert!(near.iter().all(|c| c.contains("OperationId")), "{near:?}");
        assert!(explain("NoSuchCodeAnywhere").unwrap_err().is_empty());
    }

    #[test]
    fn rules_lists_lint_rules_by_gate_or_every_code() {
        let all_lint = rules(&[], false);
        assert!(all_lint.iter().all(|e| e.family == Family::Lint));
        let pipeline = rules(&[Gate::Pipeline], false);
        assert!(!pipeline.is_empty() && pipeline.len() < all_lint.len());
        assert!(pipeline.iter().all(|e| e.gate == Some(Gate::Pipeline)));
        let every = rules(&[], true);
        assert!(every.len() > all_lint.len());
        assert!(every.iter().any(|e| e.family == Family::Package));
        assert!(diff_rules().iter().all(|e| e.family == Family::Diff));
    }
}
