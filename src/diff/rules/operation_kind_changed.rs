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
    pub(crate) static OPERATION_KIND_CHANGED: DiffRule {
        code: "OperationKindChanged",
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
    fn reported_when_a_trigger_becomes_an_action() {
        snapshot_reports("OperationKindChanged", |_, n| {
            set(n, "/paths/~1poll/get/x-ms-trigger", None)
        });
    }

    #[test]
    fn not_reported_when_a_trigger_stays_a_trigger() {
        let got = assert_does_not_report("OperationKindChanged", |_, n| {
            set(n, "/paths/~1poll/get/x-ms-trigger", Some(json!("single")))
        });
        assert!(got.contains(&"TriggerCardinalityChanged"), "{got:?}");
    }
}
