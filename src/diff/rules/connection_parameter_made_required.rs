use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a connection parameter became required
    ///
    /// ### Why
    /// Existing connections that left it empty are invalid.
    ///
    /// ### Example
    /// Before (apiProperties.json): `region` with `uiDefinition.constraints.required: "false"`.
    /// After: `region` with `uiDefinition.constraints.required: "true"`.
    pub(crate) static CONNECTION_PARAMETER_MADE_REQUIRED: DiffRule {
        code: "ConnectionParameterMadeRequired",
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
    fn reported_when_a_connection_parameter_becomes_required() {
        snapshot_props_report("ConnectionParameterMadeRequired", |_, n| {
            set(
                n,
                &format!("{CP}/region/uiDefinition/constraints/required"),
                Some(json!("true")),
            )
        });
    }

    #[test]
    fn not_reported_for_an_oauth_setting_which_was_already_required() {
        assert_props_do_not_report("ConnectionParameterMadeRequired", |_, n| {
            set(
                n,
                &format!("{CP}/token/uiDefinition/constraints/required"),
                Some(json!("true")),
            )
        });
    }
}
