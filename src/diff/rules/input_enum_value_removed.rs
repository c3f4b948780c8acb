use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// a value was removed from an input's enum
    ///
    /// ### Why
    /// Flows that chose the removed value become invalid.
    ///
    /// ### Example
    /// Before: parameter `filter` with `enum: [a, b]`.
    /// After: `filter` with `enum: [a]`.
    pub(crate) static INPUT_ENUM_VALUE_REMOVED: DiffRule {
        code: "InputEnumValueRemoved",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "input",
        microsoft: Some("An enum value has been removed from the input field"),
        source: "BC-06",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_input_enum_loses_a_value() {
        snapshot_reports("InputEnumValueRemoved", |_, n| {
            set(n, &format!("{FILTER}/enum"), Some(json!(["a"])))
        });
    }

    #[test]
    fn not_reported_when_the_values_are_reordered() {
        assert_does_not_report("InputEnumValueRemoved", |_, n| {
            set(n, &format!("{FILTER}/enum"), Some(json!(["b", "a"])))
        });
    }
}
