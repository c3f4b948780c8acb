use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// authentication was added to a connector that had none
    ///
    /// ### Why
    /// Existing connections have no credentials.
    ///
    /// ### Example
    /// Before: no `securityDefinitions`.
    /// After: `securityDefinitions: {oauth: {type: oauth2, …}}`.
    pub static SECURITY_DEFINITION_ADDED: DiffRule {
        code: "SecurityDefinitionAdded",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        microsoft: None,
        source: "BCD-03",
    }
}
