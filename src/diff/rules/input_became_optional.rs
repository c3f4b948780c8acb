use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a required input became optional
    ///
    /// ### Why
    /// Relaxing a requirement is safe.
    ///
    /// ### Example
    /// Before: body schema `NewItem` with `required: [name]`.
    /// After: `NewItem` with `required: []`.
    pub static INPUT_BECAME_OPTIONAL: DiffRule {
        code: "InputBecameOptional",
        severity: Info,
        gate: Gate::Advice,
        area: "input",
        microsoft: None,
        source: "BCD-05",
    }
}
