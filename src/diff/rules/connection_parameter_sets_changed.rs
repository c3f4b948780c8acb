use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// connectionParameterSets (multi-auth) added, removed or a set renamed
    ///
    /// ### Why
    /// Existing connections were made with one of the old sets. Sets are compared by name.
    ///
    /// ### Example
    /// Before (apiProperties.json): no `connectionParameterSets`.
    /// After: `connectionParameterSets.values: [{name: oauth, …}]` (or a set renamed or removed).
    pub(crate) static CONNECTION_PARAMETER_SETS_CHANGED: DiffRule {
        code: "ConnectionParameterSetsChanged",
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
    fn reported_when_parameter_sets_are_added() {
        snapshot_props_report("ConnectionParameterSetsChanged", |_, n| {
            set(
                n,
                "/properties/connectionParameterSets",
                Some(json!({"uiDefinition": {}, "values": [{"name": "oauth", "parameters": {}}]})),
            )
        });
    }

    #[test]
    fn not_reported_when_a_set_keeps_its_name() {
        assert_props_do_not_report("ConnectionParameterSetsChanged", |o, n| {
            let sets = |label: &str| json!({"uiDefinition": {}, "values": [{"name": "oauth", "uiDefinition": {"displayName": label}, "parameters": {}}]});
            set(
                o,
                "/properties/connectionParameterSets",
                Some(sets("OAuth")),
            );
            set(
                n,
                "/properties/connectionParameterSets",
                Some(sets("Sign in")),
            );
        });
    }
}
