use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a documented response status was removed
    ///
    /// Clients lose the description of that response.
    pub static RESPONSE_REMOVED: DiffRule {
        code: "ResponseRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "output",
        microsoft: None,
        source: "BCI-08",
    }
}
