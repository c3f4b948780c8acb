use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// an input that accepted any value now has an enum
    ///
    /// ### Why
    /// Values outside the new list, accepted before, are now rejected.
    ///
    /// ### Example
    /// Before: body property `note` with `type: string` and no `enum`.
    /// After: `note` with `enum: [x]`.
    pub(crate) static INPUT_ENUM_ADDED: DiffRule {
        code: "InputEnumAdded",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("A list of enum values has been added to the input field"),
        source: "BC-07",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_input_gets_an_enum() {
        snapshot_reports("InputEnumAdded", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/note/enum"),
                Some(json!(["x"])),
            )
        });
    }

    #[test]
    fn not_reported_when_an_output_gets_an_enum() {
        assert_does_not_report("InputEnumAdded", |_, n| {
            set(n, &format!("{ITEM}/properties/id/enum"), Some(json!(["x"])))
        });
    }
}
