use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a parameter moved (query, path, header, body, formData)
    ///
    /// ### Why
    /// The value is sent somewhere else; saved flows and the backend disagree.
    ///
    /// ### Example
    /// Before: parameter `filter` with `in: query`.
    /// After: parameter `filter` with `in: header`.
    pub static PARAMETER_LOCATION_CHANGED: DiffRule {
        code: "ParameterLocationChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("The location has been changed for the parameter"),
        source: "BC-03",
    }
}
