use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// the HTTP method of an operation changed
    ///
    /// ### Why
    /// (path, method) identifies an operation; a different method is a different request for the
    /// backend.
    ///
    /// ### Example
    /// Before: `CreateItem` at `POST /items`.
    /// After: `CreateItem` at `PUT /items`.
    ///
    /// ### Evidence
    /// A warning. Not seen in any quoted ValidateChange output (which keys operations by
    /// operationId), but the backend receives a different request.
    pub static METHOD_CHANGED: DiffRule {
        code: "MethodChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-01",
    }
}
