//! `PackageContainsOsJunk`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// __MACOSX/ or .DS_Store entries (macOS Finder zips); only the artifacts may be present
    pub static OS_JUNK: Check {
        code: "PackageContainsOsJunk",
        id: "-",
        severity: Severity::Warning,
    }
}
