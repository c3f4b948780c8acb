use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// host changed
    ///
    /// Every request goes to another server; existing connections may not be valid there.
    pub static HOST_CHANGED: DiffRule {
        code: "HostChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        microsoft: None,
        source: "BCI-07",
    }
}
