//! `SolutionMissingRootFiles`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// A solution zip has [Content_Types].xml, customizations.xml and solution.xml at its root
    pub static SOLUTION_FILES: Check {
        code: "SolutionMissingRootFiles",
        id: "PKG-05",
        severity: Severity::Error,
    }
}
