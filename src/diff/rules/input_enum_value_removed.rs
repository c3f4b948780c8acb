use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a value was removed from an input's enum
    ///
    /// ### Why
    /// Flows that chose the removed value become invalid.
    ///
    /// ### Example
    /// Before: parameter `filter` with `enum: [a, b]`.
    /// After: `filter` with `enum: [a]`.
    pub static INPUT_ENUM_VALUE_REMOVED: DiffRule {
        code: "InputEnumValueRemoved",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("An enum value has been removed from the input field"),
        source: "BC-06",
    }
}
