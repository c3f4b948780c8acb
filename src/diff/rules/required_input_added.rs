use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a new required parameter or required body property
    ///
    /// ### Why
    /// Existing flows do not send the new value and fail validation. Make it optional, give it a
    /// default, or add a new revision.
    ///
    /// ### Example
    /// Before: body schema `NewItem` with `required: [name]`.
    /// After: `NewItem` has a new property `owner` and `required: [name, owner]`.
    pub static REQUIRED_INPUT_ADDED: DiffRule {
        code: "RequiredInputAdded",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("A new required input field has been added"),
        source: "BC-04",
    }
}
