//! `PackagePolicyTemplatesMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The policy template instances inside the solution equal the pull request's apiProperties.json
    pub static POLICIES_MISMATCH: Check {
        code: "PackagePolicyTemplatesMismatch",
        id: "-",
        severity: Severity::Error,
    }
}
