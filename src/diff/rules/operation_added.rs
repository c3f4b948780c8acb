use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a new operation
    ///
    /// ### Why
    /// Adding an operation is safe.
    ///
    /// ### Example
    /// Before: no operation `Other`.
    /// After: `GET /other` with `operationId: Other`.
    pub static OPERATION_ADDED: DiffRule {
        code: "OperationAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "operation",
        microsoft: None,
        source: "BCD-05",
    }
}
