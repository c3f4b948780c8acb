use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a connection parameter was removed
    ///
    /// ### Why
    /// Existing connections carry a value nothing uses; policies or scripts that read it break.
    ///
    /// ### Example
    /// Before (apiProperties.json): connection parameter `region`.
    /// After: no `region`.
    pub static CONNECTION_PARAMETER_REMOVED: DiffRule {
        code: "ConnectionParameterRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
