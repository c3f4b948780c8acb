use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a connection parameter became required
    ///
    /// ### Why
    /// Existing connections that left it empty are invalid.
    ///
    /// ### Example
    /// Before (apiProperties.json): `region` with `uiDefinition.constraints.required: "false"`.
    /// After: `region` with `uiDefinition.constraints.required: "true"`.
    pub static CONNECTION_PARAMETER_MADE_REQUIRED: DiffRule {
        code: "ConnectionParameterMadeRequired",
        severity: Breaking,
        gate: Gate::Review,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
