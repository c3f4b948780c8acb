use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the type of an output changed
    ///
    /// ### Why
    /// Expressions and later steps that use the output expect the old type. An output that loses
    /// its `type` (an enum-only schema) counts as a type change.
    ///
    /// ### Example
    /// Before: response property `size` with `type: integer`.
    /// After: `size` with `type: string`.
    ///
    /// ### Evidence
    /// Microsoft's ValidateChange reported a `type: string` output that became `{enum: [...]}`
    /// without a type as a type change (PR #3151).
    pub(crate) static OUTPUT_TYPE_CHANGED: DiffRule {
        code: "OutputTypeChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "output",
        microsoft: Some("The type has been changed for the output field"),
        source: "BC-10",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_type_of_a_response_property_changes() {
        snapshot_reports("OutputTypeChanged", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/size/type"),
                Some(json!("string")),
            )
        });
    }

    #[test]
    fn not_reported_when_only_the_format_changes() {
        let got = assert_does_not_report("OutputTypeChanged", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/id/format"),
                Some(json!("uuid")),
            )
        });
        assert!(got.contains(&"OutputFormatChanged"), "{got:?}");
    }

    #[test]
    fn a_string_output_becoming_an_enum_without_type_is_an_output_type_change() {
        // PR #3151: `{type: string}` → `{enum: [...]}`, reported at `…/items/type/type`.
        let old = base();
        let mut new = base();
        set(
            &mut new,
            &format!("{ITEM}/properties/id"),
            Some(json!({"enum": ["a", "b"]})),
        );
        let r = diff(&side(&old, None), &side(&new, None));
        let c = r
            .changes
            .iter()
            .find(|c| c.rule.code == "OutputTypeChanged")
            .expect("OutputTypeChanged");
        assert_eq!(c.severity(), DiffSeverity::Breaking);
        assert_eq!(c.rule.gate, crate::core::Gate::Pipeline);
        // An input losing its type is an input type change (PR #480), not an output one.
        let mut new_in = base();
        set(
            &mut new_in,
            &format!("{NEWITEM}/properties/note"),
            Some(json!({"enum": ["x"]})),
        );
        let got = codes(&old, &new_in);
        assert!(got.contains(&"InputTypeChanged"), "{got:?}");
        assert!(!got.contains(&"OutputTypeChanged"), "{got:?}");
    }
}
