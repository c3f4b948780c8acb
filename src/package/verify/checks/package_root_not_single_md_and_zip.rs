//! `PackageRootNotSingleMdAndZip`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The outer zip's root holds no folders, exactly one .md (intro.md) and exactly one .zip (the package)
    pub static ROOT_LAYOUT: Check {
        code: "PackageRootNotSingleMdAndZip",
        id: "PKG-02",
        severity: Severity::Error,
    }
}
