use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// basePath changed
    ///
    /// ### Why
    /// Every operation's URL changes. A trailing `/` is no change, and a missing `basePath` is `/`.
    ///
    /// ### Example
    /// Before: `basePath: /v1`.
    /// After: `basePath: /v2`.
    pub static BASE_PATH_CHANGED: DiffRule {
        code: "BasePathChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        microsoft: None,
        source: "BCI-07",
    }
}
