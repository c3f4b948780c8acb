use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a required connection parameter was added (apiProperties.json)
    ///
    /// Existing connections do not have it.
    pub static CONNECTION_PARAMETER_ADDED: DiffRule {
        code: "ConnectionParameterAdded",
        severity: Breaking,
        gate: Gate::Review,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
