use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a required connection parameter was added (apiProperties.json)
    ///
    /// ### Why
    /// Existing connections do not have it.
    ///
    /// ### Example
    /// Before (apiProperties.json): no connection parameter `apiKey`.
    /// After: `connectionParameters.apiKey: {type: securestring, uiDefinition: {constraints:
    /// {required: "true"}}}` (an `oauthSetting` is always required).
    pub static CONNECTION_PARAMETER_ADDED: DiffRule {
        code: "ConnectionParameterAdded",
        severity: Breaking,
        gate: Gate::Review,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
