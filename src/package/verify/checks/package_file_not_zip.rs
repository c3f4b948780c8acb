//! `PackageFileNotZip`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The package must be an existing .zip file, not a folder
    pub static FILE_NOT_ZIP: Check {
        code: "PackageFileNotZip",
        id: "PKG-01",
        severity: Severity::Error,
    }
}
