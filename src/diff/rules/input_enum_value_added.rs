use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// a value was added to an input's enum
    ///
    /// ### Why
    /// Accepting more values is safe.
    ///
    /// ### Example
    /// Before: parameter `filter` with `enum: [a, b]`.
    /// After: `filter` with `enum: [a, b, c]`.
    pub(crate) static INPUT_ENUM_VALUE_ADDED: DiffRule {
        code: "InputEnumValueAdded",
        severity: Info,
        gate: Gate::Advice,
        area: "input",
        source: "BCD-05",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_input_enum_gains_a_value() {
        snapshot_reports("InputEnumValueAdded", |_, n| {
            set(n, &format!("{FILTER}/enum"), Some(json!(["a", "b", "c"])))
        });
    }

    #[test]
    fn not_reported_when_the_values_are_reordered() {
        assert_does_not_report("InputEnumValueAdded", |_, n| {
            set(n, &format!("{FILTER}/enum"), Some(json!(["b", "a"])))
        });
    }
}
