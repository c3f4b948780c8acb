use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// x-ms-api-annotation.revision changed for an existing operation
    ///
    /// A new revision should be a new operation (new operationId and path); an existing operation
    /// keeps its revision.
    pub static REVISION_CHANGED: DiffRule {
        code: "ApiAnnotationRevisionChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-09",
    }
}
