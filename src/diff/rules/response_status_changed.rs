use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// the success response moved to another status code
    ///
    /// ### Why
    /// Output paths are keyed by status code (responses/<code>/schema/…): dynamic content
    /// references change.
    ///
    /// ### Example
    /// Before: `GetItem` answers `200`.
    /// After: `GetItem` answers `202` (and no longer `200`).
    pub static RESPONSE_STATUS_CHANGED: DiffRule {
        code: "ResponseStatusChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "output",
        microsoft: None,
        source: "BCI-08",
    }
}
