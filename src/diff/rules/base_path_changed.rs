use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// basePath changed
    ///
    /// Every operation's URL changes.
    pub static BASE_PATH_CHANGED: DiffRule {
        code: "BasePathChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        microsoft: None,
        source: "BCI-07",
    }
}
