//! `PackageEntryBackslashSeparator`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// Zip entry names use '\' separators (Windows PowerShell Compress-Archive); write '/'
    pub static BACKSLASH: Check {
        code: "PackageEntryBackslashSeparator",
        id: "-",
        severity: Severity::Warning,
    }
}
