use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// the success response moved to another status code
    ///
    /// Output paths are keyed by status code (responses/<code>/schema/…): dynamic content
    /// references change.
    pub static RESPONSE_STATUS_CHANGED: DiffRule {
        code: "ResponseStatusChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "output",
        microsoft: None,
        source: "BCI-08",
    }
}
