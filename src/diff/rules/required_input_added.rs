use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a new required parameter or required body property
    ///
    /// ### Why
    /// Existing flows do not send the new value and fail validation. Make it optional, give it a
    /// default, or add a new revision.
    ///
    /// ### Example
    /// Before: body schema `NewItem` with `required: [name]`.
    /// After: `NewItem` has a new property `owner` and `required: [name, owner]`.
    pub(crate) static REQUIRED_INPUT_ADDED: DiffRule {
        code: "RequiredInputAdded",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("A new required input field has been added"),
        source: "BC-04",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_for_a_new_required_body_property() {
        snapshot_reports("RequiredInputAdded", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/owner"),
                Some(json!({"type": "string"})),
            );
            set(
                n,
                &format!("{NEWITEM}/required"),
                Some(json!(["name", "owner"])),
            );
        });
    }

    #[test]
    fn not_reported_when_the_new_required_input_has_a_default() {
        let got = assert_does_not_report("RequiredInputAdded", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/owner"),
                Some(json!({"type": "string", "default": "me"})),
            );
            set(
                n,
                &format!("{NEWITEM}/required"),
                Some(json!(["name", "owner"])),
            );
        });
        assert!(got.contains(&"RequiredInputAddedWithDefault"), "{got:?}");
    }
}
