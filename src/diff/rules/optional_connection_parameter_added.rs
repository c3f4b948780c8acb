use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// an optional connection parameter was added
    ///
    /// Safe for existing connections.
    pub static OPTIONAL_CONNECTION_PARAMETER_ADDED: DiffRule {
        code: "OptionalConnectionParameterAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "properties",
        microsoft: None,
        source: "BCD-05",
    }
}
