use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// an input that accepted any value now has an enum
    ///
    /// ### Why
    /// Values outside the new list, accepted before, are now rejected.
    ///
    /// ### Example
    /// Before: body property `note` with `type: string` and no `enum`.
    /// After: `note` with `enum: [x]`.
    pub static INPUT_ENUM_ADDED: DiffRule {
        code: "InputEnumAdded",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("A list of enum values has been added to the input field"),
        source: "BC-07",
    }
}
