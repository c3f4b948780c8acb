use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an operation used by x-ms-dynamic-values/-schema/-list/-tree/-properties was removed
    ///
    /// ### Why
    /// The dropdown or dynamic schema that called it stops working in existing flows and in the
    /// designer.
    ///
    /// ### Example
    /// Before: body property `kind` has `x-ms-dynamic-values: {operationId: ListKinds}` and
    /// `ListKinds` exists.
    /// After: `ListKinds` is gone (the `x-ms-dynamic-values` still names it).
    pub static DYNAMIC_TARGET_REMOVED: DiffRule {
        code: "DynamicTargetRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-08",
    }
}
