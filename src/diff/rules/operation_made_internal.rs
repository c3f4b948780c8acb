use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an operation became x-ms-visibility: internal
    ///
    /// ### Why
    /// Internal operations are hidden from makers; flows using it keep it but nobody can add it
    /// again.
    ///
    /// ### Example
    /// Before: `GetItem` with no `x-ms-visibility`.
    /// After: `GetItem` with `x-ms-visibility: internal`.
    pub(crate) static OPERATION_MADE_INTERNAL: DiffRule {
        code: "OperationMadeInternal",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        source: "BCI-05",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_operation_becomes_internal() {
        snapshot_reports("OperationMadeInternal", |_, n| {
            set(
                n,
                &format!("{GET}/x-ms-visibility"),
                Some(json!("internal")),
            )
        });
    }

    #[test]
    fn not_reported_for_advanced_visibility() {
        assert_does_not_report("OperationMadeInternal", |_, n| {
            set(
                n,
                &format!("{GET}/x-ms-visibility"),
                Some(json!("advanced")),
            )
        });
    }
}
