use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// an input's enum was removed (any value accepted now)
    ///
    /// ### Why
    /// Accepting more values is safe.
    ///
    /// ### Example
    /// Before: parameter `filter` with `enum: [a, b]`.
    /// After: `filter` with no `enum`.
    pub static INPUT_ENUM_REMOVED: DiffRule {
        code: "InputEnumRemoved",
        severity: Info,
        gate: Gate::Advice,
        area: "input",
        microsoft: None,
        source: "BCD-05",
    }
}
