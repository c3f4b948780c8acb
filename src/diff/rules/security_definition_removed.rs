use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// all authentication was removed
    ///
    /// ### Why
    /// Existing connections were made with credentials the connector no longer describes.
    ///
    /// ### Example
    /// Before: `securityDefinitions: {oauth: {type: oauth2, …}}`.
    /// After: no `securityDefinitions` (or an empty one).
    pub static SECURITY_DEFINITION_REMOVED: DiffRule {
        code: "SecurityDefinitionRemoved",
        severity: Breaking,
        gate: Gate::Review,
        area: "connector",
        microsoft: None,
        source: "BCI-06",
    }
}
