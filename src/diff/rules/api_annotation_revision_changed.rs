use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// x-ms-api-annotation.revision changed for an existing operation
    ///
    /// ### Why
    /// A new revision should be a new operation (new operationId and path); an existing operation
    /// keeps its revision. A missing revision counts as 1.
    ///
    /// ### Example
    /// Before: `GetItem` with `x-ms-api-annotation: {revision: 1}`.
    /// After: `GetItem` with `x-ms-api-annotation: {revision: 2}`.
    pub static REVISION_CHANGED: DiffRule {
        code: "ApiAnnotationRevisionChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-09",
    }
}
