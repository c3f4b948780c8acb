use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a trigger changed between webhook (x-ms-notification-content) and polling
    ///
    /// Existing flows registered a webhook or poll on the old mechanism.
    pub static TRIGGER_MECHANISM_CHANGED: DiffRule {
        code: "TriggerMechanismChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        microsoft: None,
        source: "BCI-04",
    }
}
