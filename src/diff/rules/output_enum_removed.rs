use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an output lost its enum list
    ///
    /// ### Why
    /// Flows that compare the output against the listed values can no longer rely on them.
    ///
    /// ### Example
    /// Before: response property `status` with `enum: [open, closed]`.
    /// After: `status` with no `enum`.
    ///
    /// ### Evidence
    /// A warning. No quoted ValidateChange list contains a removed output enum.
    pub(crate) static OUTPUT_ENUM_REMOVED: DiffRule {
        code: "OutputEnumRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "output",
        source: "BC-08",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_output_loses_its_enum() {
        snapshot_reports("OutputEnumRemoved", |_, n| {
            set(n, &format!("{ITEM}/properties/status/enum"), None)
        });
    }

    #[test]
    fn not_reported_when_the_enum_only_loses_a_value() {
        assert_does_not_report("OutputEnumRemoved", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/status/enum"),
                Some(json!(["open"])),
            )
        });
    }
}
