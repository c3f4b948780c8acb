use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// an optional connection parameter was added
    ///
    /// ### Why
    /// Safe for existing connections.
    ///
    /// ### Example
    /// Before (apiProperties.json): no connection parameter `tenant`.
    /// After: `connectionParameters.tenant: {type: string}` (not required).
    pub static OPTIONAL_CONNECTION_PARAMETER_ADDED: DiffRule {
        code: "OptionalConnectionParameterAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "properties",
        microsoft: None,
        source: "BCD-05",
    }
}
