use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// an operation is newly deprecated
    ///
    /// ### Why
    /// Deprecation is the documented, non-breaking way to retire an operation: existing flows keep
    /// working, the designer hides it. Append '(deprecated)' to summary and description.
    ///
    /// ### Example
    /// Before: `GetItem` with no `deprecated`.
    /// After: `GetItem` with `deprecated: true`.
    pub static OPERATION_DEPRECATED: DiffRule {
        code: "OperationDeprecated",
        severity: Info,
        gate: Gate::Advice,
        area: "operation",
        microsoft: None,
        source: "BCI-05, VER-03",
    }
}
