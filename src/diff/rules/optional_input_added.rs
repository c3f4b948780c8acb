use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a new optional parameter or body property
    ///
    /// ### Why
    /// Usually safe (Microsoft: 'consider carefully').
    ///
    /// ### Example
    /// Before: body schema `NewItem` without `extra`.
    /// After: `NewItem` has an optional property `extra`.
    pub static OPTIONAL_INPUT_ADDED: DiffRule {
        code: "OptionalInputAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "input",
        microsoft: None,
        source: "BCD-05",
    }
}
