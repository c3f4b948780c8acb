use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a media type was removed from consumes
    ///
    /// ### Why
    /// Requests sent with the removed content type are no longer described as accepted.
    ///
    /// ### Example
    /// Before: `CreateItem` consumes `application/json` (from the document's `consumes`).
    /// After: `CreateItem` has `consumes: [text/plain]`.
    pub static CONSUMES_NARROWED: DiffRule {
        code: "ConsumesNarrowed",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-07",
    }
}
