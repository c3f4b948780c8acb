use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the type of an input changed
    ///
    /// ### Why
    /// Values saved in flows may no longer be valid. An input that only loses its `type` is not
    /// reported.
    ///
    /// ### Example
    /// Before: body property `note` with `type: string`.
    /// After: `note` with `type: integer`.
    ///
    /// ### Evidence
    /// Breaking. Microsoft's ValidateChange reported it as an error (PR #480).
    pub static INPUT_TYPE_CHANGED: DiffRule {
        code: "InputTypeChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("The type has been changed for the input field"),
        source: "BCI-03",
    }
}
