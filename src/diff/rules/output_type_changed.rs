use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the type of an output changed
    ///
    /// Expressions and later steps that use the output expect the old type.
    pub static OUTPUT_TYPE_CHANGED: DiffRule {
        code: "OutputTypeChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The type has been changed for the output field"),
        source: "BC-10",
    }
}
