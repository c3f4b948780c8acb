use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// connectionParameterSets (multi-auth) added, removed or a set renamed
    ///
    /// ### Why
    /// Existing connections were made with one of the old sets. Sets are compared by name.
    ///
    /// ### Example
    /// Before (apiProperties.json): no `connectionParameterSets`.
    /// After: `connectionParameterSets.values: [{name: oauth, …}]` (or a set renamed or removed).
    pub static CONNECTION_PARAMETER_SETS_CHANGED: DiffRule {
        code: "ConnectionParameterSetsChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
