//! `PackageConnectionParametersMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The connection parameters inside the solution equal the pull request's apiProperties.json
    pub static PARAMETERS_MISMATCH: Check {
        code: "PackageConnectionParametersMismatch",
        id: "-",
        severity: Severity::Error,
    }
}
