//! `PackageMissingSolutionKind`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The package holds a connector solution, a flow solution and (with --plugin) an AI plugin solution
    pub static MISSING_KIND: Check {
        code: "PackageMissingSolutionKind",
        id: "PKG-08",
        severity: Severity::Error,
    }
}
