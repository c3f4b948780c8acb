use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a scheme (http/https) was removed
    ///
    /// ### Why
    /// Requests over the removed scheme are no longer described.
    ///
    /// ### Example
    /// Before: `schemes: [http, https]`.
    /// After: `schemes: [https]`.
    pub static SCHEME_REMOVED: DiffRule {
        code: "SchemeRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        microsoft: None,
        source: "BCI-07",
    }
}
