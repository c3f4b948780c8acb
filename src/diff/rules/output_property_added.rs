use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a new output property
    ///
    /// ### Why
    /// Adding outputs is safe.
    ///
    /// ### Example
    /// Before: response schema `Item` without `created`.
    /// After: `Item` has a property `created`.
    pub static OUTPUT_PROPERTY_ADDED: DiffRule {
        code: "OutputPropertyAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "output",
        microsoft: None,
        source: "BCD-05",
    }
}
