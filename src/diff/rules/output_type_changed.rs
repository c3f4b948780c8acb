use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the type of an output changed
    ///
    /// ### Why
    /// Expressions and later steps that use the output expect the old type. An output that loses
    /// its `type` (an enum-only schema) counts as a type change.
    ///
    /// ### Example
    /// Before: response property `size` with `type: integer`.
    /// After: `size` with `type: string`.
    ///
    /// ### Evidence
    /// Microsoft's ValidateChange reported a `type: string` output that became `{enum: [...]}`
    /// without a type as a type change (PR #3151).
    pub static OUTPUT_TYPE_CHANGED: DiffRule {
        code: "OutputTypeChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The type has been changed for the output field"),
        source: "BC-10",
    }
}
