//! `PackageAssetsWrongSolutionCount`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The assets folder has no sub-folders and exactly 2 solution zips (3 with an AI plugin)
    pub static ASSETS_CONTENT: Check {
        code: "PackageAssetsWrongSolutionCount",
        id: "PKG-04",
        severity: Severity::Error,
    }
}
