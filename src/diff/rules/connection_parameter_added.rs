use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a required connection parameter was added (apiProperties.json)
    ///
    /// ### Why
    /// Existing connections do not have it.
    ///
    /// ### Example
    /// Before (apiProperties.json): no connection parameter `apiKey`.
    /// After: `connectionParameters.apiKey: {type: securestring, uiDefinition: {constraints:
    /// {required: "true"}}}` (an `oauthSetting` is always required).
    pub(crate) static CONNECTION_PARAMETER_ADDED: DiffRule {
        code: "ConnectionParameterAdded",
        severity: Breaking,
        gate: Gate::Review,
        area: "properties",
        source: "BCD-03",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_for_a_new_required_connection_parameter() {
        snapshot_props_report("ConnectionParameterAdded", |_, n| {
            set(
                n,
                &format!("{CP}/apiKey"),
                Some(
                    json!({"type": "securestring", "uiDefinition": {"constraints": {"required": "true"}}}),
                ),
            )
        });
    }

    #[test]
    fn not_reported_for_an_optional_one() {
        let got = assert_props_do_not_report("ConnectionParameterAdded", |_, n| {
            set(n, &format!("{CP}/tenant"), Some(json!({"type": "string"})))
        });
        assert!(got.contains(&"OptionalConnectionParameterAdded"), "{got:?}");
    }
}
