use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// x-ms-trigger changed between single and batch
    ///
    /// ### Why
    /// A batch trigger fires once per array, a single trigger once per item: flows built on one
    /// shape break.
    ///
    /// ### Example
    /// Before: `OnNew` with `x-ms-trigger: batch`.
    /// After: `OnNew` with `x-ms-trigger: single`.
    pub(crate) static TRIGGER_CARDINALITY_CHANGED: DiffRule {
        code: "TriggerCardinalityChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        source: "BCI-04",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_batch_becomes_single() {
        snapshot_reports("TriggerCardinalityChanged", |_, n| {
            set(n, "/paths/~1poll/get/x-ms-trigger", Some(json!("single")))
        });
    }

    #[test]
    fn not_reported_when_the_trigger_becomes_an_action() {
        let got = assert_does_not_report("TriggerCardinalityChanged", |_, n| {
            set(n, "/paths/~1poll/get/x-ms-trigger", None)
        });
        assert!(got.contains(&"OperationKindChanged"), "{got:?}");
    }
}
