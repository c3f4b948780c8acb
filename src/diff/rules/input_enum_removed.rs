use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Info;

crate::declare_code! {
    /// an input's enum was removed (any value accepted now)
    ///
    /// ### Why
    /// Accepting more values is safe.
    ///
    /// ### Example
    /// Before: parameter `filter` with `enum: [a, b]`.
    /// After: `filter` with no `enum`.
    pub(crate) static INPUT_ENUM_REMOVED: DiffRule {
        code: "InputEnumRemoved",
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
    fn reported_when_an_input_loses_its_enum() {
        snapshot_reports("InputEnumRemoved", |_, n| {
            set(n, &format!("{FILTER}/enum"), None)
        });
    }

    #[test]
    fn not_reported_when_an_output_loses_its_enum() {
        let got = assert_does_not_report("InputEnumRemoved", |_, n| {
            set(n, &format!("{ITEM}/properties/status/enum"), None)
        });
        assert!(got.contains(&"OutputEnumRemoved"), "{got:?}");
    }
}
