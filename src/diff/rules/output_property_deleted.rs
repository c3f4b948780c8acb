use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a property of a response or notification schema was removed
    ///
    /// ### Why
    /// Flows that use the output as dynamic content break.
    ///
    /// ### Example
    /// Before: response schema `Item` has a property `size`.
    /// After: `Item` has no `size`.
    pub static OUTPUT_PROPERTY_DELETED: DiffRule {
        code: "OutputPropertyDeleted",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The output field has been deleted"),
        source: "BC-09",
    }
}
