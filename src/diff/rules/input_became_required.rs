use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// an optional input became required
    ///
    /// ### Why
    /// Flows that left it empty now fail. A path parameter is always required, so marking one
    /// `required: true` is no change.
    ///
    /// ### Example
    /// Before: query parameter `filter` with `required: false`.
    /// After: `filter` with `required: true`.
    pub static INPUT_BECAME_REQUIRED: DiffRule {
        code: "InputBecameRequired",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("The input field has been changed from optional to required"),
        source: "BC-05",
    }
}
