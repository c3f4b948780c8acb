use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a new output property
    ///
    /// ### Why
    /// Adding outputs is safe.
    ///
    /// ### Example
    /// Before: response schema `Item` without `created`.
    /// After: `Item` has a property `created`.
    pub(crate) static OUTPUT_PROPERTY_ADDED: DiffRule {
        code: "OutputPropertyAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "output",
        source: "BCD-05",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_for_a_new_response_property() {
        snapshot_reports("OutputPropertyAdded", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/created"),
                Some(json!({"type": "string"})),
            )
        });
    }

    #[test]
    fn not_reported_for_a_new_body_property() {
        let got = assert_does_not_report("OutputPropertyAdded", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/created"),
                Some(json!({"type": "string"})),
            )
        });
        assert!(got.contains(&"OptionalInputAdded"), "{got:?}");
    }
}
