use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// an input became x-ms-visibility: internal without a default
    ///
    /// ### Why
    /// An internal input is hidden from makers; without a default nothing fills it. An input made
    /// internal with a default is not reported.
    ///
    /// ### Example
    /// Before: body property `note` with no `x-ms-visibility` and no `default`.
    /// After: `note` with `x-ms-visibility: internal`, still no `default`.
    pub(crate) static INPUT_MADE_INTERNAL: DiffRule {
        code: "InputMadeInternal",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        source: "BCI-05",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_an_input_without_default_becomes_internal() {
        snapshot_reports("InputMadeInternal", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/note/x-ms-visibility"),
                Some(json!("internal")),
            )
        });
    }

    #[test]
    fn not_reported_when_the_input_has_a_default() {
        // `filter` has `default: a`.
        assert_does_not_report("InputMadeInternal", |_, n| {
            set(
                n,
                &format!("{FILTER}/x-ms-visibility"),
                Some(json!("internal")),
            )
        });
    }
}
