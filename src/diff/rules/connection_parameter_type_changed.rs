use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the type of a connection parameter changed
    ///
    /// ### Why
    /// Changes how the connection is made (e.g. securestring to oauthSetting is an authentication
    /// change).
    ///
    /// ### Example
    /// Before (apiProperties.json): `region` with `type: string`.
    /// After: `region` with `type: securestring`.
    pub(crate) static CONNECTION_PARAMETER_TYPE_CHANGED: DiffRule {
        code: "ConnectionParameterTypeChanged",
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
    fn reported_when_the_type_changes() {
        snapshot_props_report("ConnectionParameterTypeChanged", |_, n| {
            set(n, &format!("{CP}/region/type"), Some(json!("securestring")))
        });
    }

    #[test]
    fn not_reported_when_only_the_ui_definition_changes() {
        assert_props_do_not_report("ConnectionParameterTypeChanged", |_, n| {
            set(
                n,
                &format!("{CP}/region/uiDefinition/displayName"),
                Some(json!("Region")),
            )
        });
    }
}
