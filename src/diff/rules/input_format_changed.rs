use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// the format of an input changed
    ///
    /// ### Why
    /// Values saved in flows may no longer be valid (e.g. date vs date-time). When the type changes
    /// too, only `InputTypeChanged` is reported.
    ///
    /// ### Example
    /// Before: parameter `top` with `type: integer, format: int32`.
    /// After: `top` with `type: integer, format: int64`.
    pub(crate) static INPUT_FORMAT_CHANGED: DiffRule {
        code: "InputFormatChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        source: "BCI-03",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_format_of_a_parameter_changes() {
        snapshot_reports("InputFormatChanged", |_, n| {
            set(
                n,
                &format!("{GET}/parameters/3/format"),
                Some(json!("int64")),
            )
        });
    }

    #[test]
    fn not_reported_when_the_type_changes_too() {
        let got = assert_does_not_report("InputFormatChanged", |_, n| {
            set(
                n,
                &format!("{GET}/parameters/3/type"),
                Some(json!("string")),
            );
            set(
                n,
                &format!("{GET}/parameters/3/format"),
                Some(json!("date")),
            );
        });
        assert!(got.contains(&"InputTypeChanged"), "{got:?}");
    }
}
