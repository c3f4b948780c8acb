use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a value was added to an input's enum
    ///
    /// ### Why
    /// Accepting more values is safe.
    ///
    /// ### Example
    /// Before: parameter `filter` with `enum: [a, b]`.
    /// After: `filter` with `enum: [a, b, c]`.
    pub static INPUT_ENUM_VALUE_ADDED: DiffRule {
        code: "InputEnumValueAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "input",
        microsoft: None,
        source: "BCD-05",
    }
}
