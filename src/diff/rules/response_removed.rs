use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a documented response status was removed
    ///
    /// ### Why
    /// Clients lose the description of that response. A removed response that had a schema is
    /// `OutputSchemaRemoved`.
    ///
    /// ### Example
    /// Before: `GetItem` documents a `404` response without a schema.
    /// After: `GetItem` has no `404` response.
    pub static RESPONSE_REMOVED: DiffRule {
        code: "ResponseRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "output",
        microsoft: None,
        source: "BCI-08",
    }
}
