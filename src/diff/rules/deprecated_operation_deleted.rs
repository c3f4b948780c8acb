use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an operation that was already deprecated has been removed
    ///
    /// ### Why
    /// Removing an operation that was marked `deprecated: true` follows the documented deprecation
    /// path (30 days' notice); existing flows that still use it will stop working, so confirm the
    /// notice was given.
    ///
    /// ### Example
    /// Before: `CreateItem` with `deprecated: true`.
    /// After: `CreateItem` is gone. (Without `deprecated: true` it is `OperationDeleted`.)
    pub static DEPRECATED_OPERATION_DELETED: DiffRule {
        code: "DeprecatedOperationDeleted",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BC-01, VER-03",
    }
}
