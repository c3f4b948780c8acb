use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a connection parameter became required
    ///
    /// Existing connections that left it empty are invalid.
    pub static CONNECTION_PARAMETER_MADE_REQUIRED: DiffRule {
        code: "ConnectionParameterMadeRequired",
        severity: Breaking,
        gate: Gate::Review,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
