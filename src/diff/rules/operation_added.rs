use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a new operation
    ///
    /// Adding an operation is safe.
    pub static OPERATION_ADDED: DiffRule {
        code: "OperationAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "operation",
        microsoft: None,
        source: "BCD-05",
    }
}
