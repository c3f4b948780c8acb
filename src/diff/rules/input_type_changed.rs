use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the type of an input changed
    ///
    /// ### Why
    /// Values saved in flows may no longer be valid. An input that loses its `type` counts as a
    /// change of type, as it does for Microsoft's validator.
    ///
    /// ### Example
    /// Before: body property `note` with `type: string`.
    /// After: `note` with `type: integer`.
    ///
    /// ### Evidence
    /// Breaking. Microsoft's ValidateChange reported it as an error on PR #480, at
    /// `…/schema/data/type`, for a body property that only lost its `"type": "object"`: a
    /// dropped `type` is reported, as for outputs (PR #3151).
    pub(crate) static INPUT_TYPE_CHANGED: DiffRule {
        code: "InputTypeChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("The type has been changed for the input field"),
        source: "BCI-03",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_type_of_a_body_property_changes() {
        snapshot_reports("InputTypeChanged", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/note/type"),
                Some(json!("integer")),
            )
        });
    }

    #[test]
    fn reported_when_an_input_only_loses_its_type() {
        // PR #480: `…/schema/data/type`, an object property that lost `"type": "object"`.
        assert_reports("InputTypeChanged", |_, n| {
            set(n, &format!("{NEWITEM}/properties/note/type"), None)
        });
    }

    #[test]
    fn not_reported_when_only_the_format_changes() {
        let got = assert_does_not_report("InputTypeChanged", |_, n| {
            set(
                n,
                &format!("{GET}/parameters/3/format"),
                Some(json!("int64")),
            )
        });
        assert!(got.contains(&"InputFormatChanged"), "{got:?}");
    }
}
