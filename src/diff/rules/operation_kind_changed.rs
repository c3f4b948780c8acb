use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an operation switched between action and trigger (x-ms-trigger added or removed)
    ///
    /// Actions and triggers are used in different places of a flow; the existing uses cannot follow
    /// the switch.
    pub static OPERATION_KIND_CHANGED: DiffRule {
        code: "OperationKindChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-04",
    }
}
