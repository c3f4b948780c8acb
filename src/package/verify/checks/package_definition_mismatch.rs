//! `PackageDefinitionMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The definition inside the solution equals the pull request's apiDefinition.swagger.json
    pub static DEFINITION_MISMATCH: Check {
        code: "PackageDefinitionMismatch",
        id: "-",
        severity: Severity::Error,
    }
}
