use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// host changed
    ///
    /// ### Why
    /// Every request goes to another server; existing connections may not be valid there. Host
    /// names are compared case-insensitively.
    ///
    /// ### Example
    /// Before: `host: api.contoso.com`.
    /// After: `host: api2.contoso.com`.
    pub(crate) static HOST_CHANGED: DiffRule {
        code: "HostChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "connector",
        source: "BCI-07",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_host_changes() {
        snapshot_reports("HostChanged", |_, n| {
            set(n, "/host", Some(json!("api2.contoso.com")))
        });
    }

    #[test]
    fn not_reported_when_only_the_case_changes() {
        assert_does_not_report("HostChanged", |_, n| {
            set(n, "/host", Some(json!("API.Contoso.com")))
        });
    }
}
