use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// x-ms-api-annotation.family changed for an existing operation
    ///
    /// ### Why
    /// The family links the revisions of one operation; changing it breaks the designer's upgrade
    /// path. Adding a family to an operation that had none is not reported.
    ///
    /// ### Example
    /// Before: `GetItem` with `x-ms-api-annotation: {family: GetItem}`.
    /// After: `GetItem` with `x-ms-api-annotation: {family: Other}`.
    pub static FAMILY_CHANGED: DiffRule {
        code: "ApiAnnotationFamilyChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-09",
    }
}
