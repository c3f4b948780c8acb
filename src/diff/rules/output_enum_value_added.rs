use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a value was added to an output's enum
    ///
    /// ### Why
    /// Flows with a switch over the old values do not handle the new one.
    ///
    /// ### Example
    /// Before: response property `status` with `enum: [open, closed]`.
    /// After: `status` with `enum: [open, closed, archived]`.
    pub(crate) static OUTPUT_ENUM_VALUE_ADDED: DiffRule {
        code: "OutputEnumValueAdded",
        severity: Warning,
        gate: Gate::Platform,
        area: "output",
        source: "BCD-01",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_output_enum_gains_a_value() {
        snapshot_reports("OutputEnumValueAdded", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/status/enum"),
                Some(json!(["open", "closed", "archived"])),
            )
        });
    }

    #[test]
    fn not_reported_when_the_values_are_reordered() {
        assert_does_not_report("OutputEnumValueAdded", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/status/enum"),
                Some(json!(["closed", "open"])),
            )
        });
    }
}
