//! `PackageNotSingleAssetsFolder`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The package zip holds exactly one folder (PkgAssets)
    pub static ASSETS_FOLDER: Check {
        code: "PackageNotSingleAssetsFolder",
        id: "PKG-03",
        severity: Severity::Error,
    }
}
