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
    pub(crate) static DEPRECATED_OPERATION_DELETED: DiffRule {
        code: "DeprecatedOperationDeleted",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        source: "BC-01, VER-03",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_deprecated_operation_is_removed() {
        snapshot_reports("DeprecatedOperationDeleted", |o, n| {
            set(o, "/paths/~1items/post/deprecated", Some(json!(true)));
            set(n, "/paths/~1items", None);
        });
    }

    #[test]
    fn not_reported_when_the_removed_operation_was_not_deprecated() {
        let got = assert_does_not_report("DeprecatedOperationDeleted", |_, n| {
            set(n, "/paths/~1items", None)
        });
        assert!(got.contains(&"OperationDeleted"), "{got:?}");
    }
}
