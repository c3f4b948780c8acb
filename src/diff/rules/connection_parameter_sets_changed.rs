use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// connectionParameterSets (multi-auth) added, removed or a set renamed
    ///
    /// Existing connections were made with one of the old sets.
    pub static CONNECTION_PARAMETER_SETS_CHANGED: DiffRule {
        code: "ConnectionParameterSetsChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
