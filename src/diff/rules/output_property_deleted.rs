use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a property of a response or notification schema was removed
    ///
    /// ### Why
    /// Flows that use the output as dynamic content break.
    ///
    /// ### Example
    /// Before: response schema `Item` has a property `size`.
    /// After: `Item` has no `size`.
    pub(crate) static OUTPUT_PROPERTY_DELETED: DiffRule {
        code: "OutputPropertyDeleted",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The output field has been deleted"),
        source: "BC-09",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_response_property_is_removed() {
        snapshot_reports("OutputPropertyDeleted", |_, n| {
            set(n, &format!("{ITEM}/properties/size"), None)
        });
    }

    #[test]
    fn not_reported_when_a_body_property_is_removed() {
        let got = assert_does_not_report("OutputPropertyDeleted", |_, n| {
            set(n, &format!("{NEWITEM}/properties/note"), None)
        });
        assert!(got.contains(&"InputRemoved"), "{got:?}");
    }
}
