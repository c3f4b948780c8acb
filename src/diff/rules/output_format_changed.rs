use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the format of an output changed (e.g. uuid added)
    ///
    /// ### Why
    /// Later steps that use the output may read its value differently. When the type changes too,
    /// only `OutputTypeChanged` is reported.
    ///
    /// ### Example
    /// Before: response property `id` with `type: string` and no `format`.
    /// After: `id` with `format: uuid`.
    ///
    /// ### Evidence
    /// Microsoft's validator reports any format change of an output field, also adding one (BC-11).
    pub(crate) static OUTPUT_FORMAT_CHANGED: DiffRule {
        code: "OutputFormatChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The type format has been changed for the output field"),
        source: "BC-11",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_format_is_added_to_an_output() {
        snapshot_reports("OutputFormatChanged", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/id/format"),
                Some(json!("uuid")),
            )
        });
    }

    #[test]
    fn not_reported_when_the_type_changes_too() {
        let got = assert_does_not_report("OutputFormatChanged", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/size"),
                Some(json!({"type": "string"})),
            )
        });
        assert!(got.contains(&"OutputTypeChanged"), "{got:?}");
    }
}
