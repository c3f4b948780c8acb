//! `PackageIconMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The icon inside the solution equals the pull request's icon.png
    pub static ICON_MISMATCH: Check {
        code: "PackageIconMismatch",
        id: "-",
        severity: Severity::Warning,
    }
}
