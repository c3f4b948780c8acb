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
    pub(crate) static DYNAMIC_TARGET_REMOVED: DiffRule {
        code: "DynamicTargetRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        source: "BCI-08",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_operation_behind_dynamic_values_is_removed() {
        snapshot_reports("DynamicTargetRemoved", |_, n| {
            set(n, "/paths/~1kinds", None)
        });
    }

    #[test]
    fn not_reported_when_the_operation_using_it_is_removed() {
        // CreateItem's body uses ListKinds; removing CreateItem leaves ListKinds in place.
        assert_does_not_report("DynamicTargetRemoved", |_, n| {
            set(n, "/paths/~1items", None)
        });
    }
}
