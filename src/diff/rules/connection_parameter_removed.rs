use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a connection parameter was removed
    ///
    /// ### Why
    /// Existing connections carry a value nothing uses; policies or scripts that read it break.
    ///
    /// ### Example
    /// Before (apiProperties.json): connection parameter `region`.
    /// After: no `region`.
    pub(crate) static CONNECTION_PARAMETER_REMOVED: DiffRule {
        code: "ConnectionParameterRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "properties",
        source: "BCD-03",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_connection_parameter_is_removed() {
        snapshot_props_report("ConnectionParameterRemoved", |_, n| {
            set(n, &format!("{CP}/region"), None)
        });
    }
}
