use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a new optional parameter or body property
    ///
    /// ### Why
    /// Usually safe (Microsoft: 'consider carefully').
    ///
    /// ### Example
    /// Before: body schema `NewItem` without `extra`.
    /// After: `NewItem` has an optional property `extra`.
    pub(crate) static OPTIONAL_INPUT_ADDED: DiffRule {
        code: "OptionalInputAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "input",
        source: "BCD-05",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_for_a_new_optional_body_property() {
        snapshot_reports("OptionalInputAdded", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/extra"),
                Some(json!({"type": "string"})),
            )
        });
    }

    #[test]
    fn not_reported_when_the_new_input_is_required() {
        let got = assert_does_not_report("OptionalInputAdded", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/extra"),
                Some(json!({"type": "string"})),
            );
            set(
                n,
                &format!("{NEWITEM}/required"),
                Some(json!(["name", "extra"])),
            );
        });
        assert!(got.contains(&"RequiredInputAdded"), "{got:?}");
    }
}
