use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an operation switched between action and trigger (x-ms-trigger added or removed)
    ///
    /// ### Why
    /// Actions and triggers are used in different places of a flow; the existing uses cannot follow
    /// the switch.
    ///
    /// ### Example
    /// Before: `OnNew` with `x-ms-trigger: batch` (a trigger).
    /// After: `OnNew` without `x-ms-trigger` (an action).
    pub static OPERATION_KIND_CHANGED: DiffRule {
        code: "OperationKindChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-04",
    }
}
