use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// x-ms-trigger changed between single and batch
    ///
    /// ### Why
    /// A batch trigger fires once per array, a single trigger once per item: flows built on one
    /// shape break.
    ///
    /// ### Example
    /// Before: `OnNew` with `x-ms-trigger: batch`.
    /// After: `OnNew` with `x-ms-trigger: single`.
    pub static TRIGGER_CARDINALITY_CHANGED: DiffRule {
        code: "TriggerCardinalityChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-04",
    }
}
