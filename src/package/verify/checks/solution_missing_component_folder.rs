//! `SolutionMissingComponentFolder`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// A solution has the folders its components need (Connector/, Workflows/, aiplugins/, aipluginoperations/)
    pub static SOLUTION_FOLDERS: Check {
        code: "SolutionMissingComponentFolder",
        id: "PKG-07",
        severity: Severity::Error,
    }
}
