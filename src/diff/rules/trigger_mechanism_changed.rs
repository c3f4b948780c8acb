use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a trigger changed between webhook (x-ms-notification-content) and polling
    ///
    /// ### Why
    /// Existing flows registered a webhook or poll on the old mechanism.
    ///
    /// ### Example
    /// Before: `OnItem`'s path item has `x-ms-notification-content` (a webhook trigger).
    /// After: the path item has no `x-ms-notification-content` (a polling trigger).
    pub(crate) static TRIGGER_MECHANISM_CHANGED: DiffRule {
        code: "TriggerMechanismChanged",
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
    fn reported_when_a_webhook_becomes_polling() {
        snapshot_reports("TriggerMechanismChanged", |_, n| {
            set(n, "/paths/~1hooks/x-ms-notification-content", None)
        });
    }

    #[test]
    fn not_reported_when_the_webhook_only_changes_its_payload() {
        assert_does_not_report("TriggerMechanismChanged", |_, n| {
            set(
                n,
                "/paths/~1hooks/x-ms-notification-content/schema",
                Some(json!({"type": "object"})),
            )
        });
    }
}
