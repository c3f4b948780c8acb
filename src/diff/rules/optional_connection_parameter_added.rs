use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// an optional connection parameter was added
    ///
    /// ### Why
    /// Safe for existing connections.
    ///
    /// ### Example
    /// Before (apiProperties.json): no connection parameter `tenant`.
    /// After: `connectionParameters.tenant: {type: string}` (not required).
    pub(crate) static OPTIONAL_CONNECTION_PARAMETER_ADDED: DiffRule {
        code: "OptionalConnectionParameterAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "properties",
        source: "BCD-05",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_for_a_new_optional_connection_parameter() {
        snapshot_props_report("OptionalConnectionParameterAdded", |_, n| {
            set(n, &format!("{CP}/tenant"), Some(json!({"type": "string"})))
        });
    }

    #[test]
    fn not_reported_for_an_oauth_setting_which_is_always_required() {
        let got = assert_props_do_not_report("OptionalConnectionParameterAdded", |_, n| {
            set(
                n,
                &format!("{CP}/token2"),
                Some(json!({"type": "oauthSetting"})),
            )
        });
        assert!(got.contains(&"ConnectionParameterAdded"), "{got:?}");
    }
}
