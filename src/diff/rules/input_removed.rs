use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a parameter or body property was removed
    ///
    /// ### Why
    /// Microsoft's versioning policy lists removing parameters as breaking: flows that set it send
    /// a value the API no longer accepts.
    ///
    /// ### Example
    /// Before: body schema `NewItem` has a property `note`.
    /// After: `NewItem` has no `note`.
    ///
    /// ### Evidence
    /// A warning. Microsoft's ValidateChange has never been quoted reporting a removed input: in
    /// PR #3656 its list showed RequiredInputAdded and OutputPropertyDeleted next to a case-renamed
    /// input, and no removal.
    pub(crate) static INPUT_REMOVED: DiffRule {
        code: "InputRemoved",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        source: "BCI-02, BCD-01",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_body_property_is_removed() {
        snapshot_reports("InputRemoved", |_, n| {
            set(n, &format!("{NEWITEM}/properties/note"), None)
        });
    }

    #[test]
    fn reported_when_a_parameter_is_removed() {
        assert_reports("InputRemoved", |_, n| set(n, FILTER, None));
    }

    #[test]
    fn not_reported_when_a_parameter_only_moves() {
        let got = assert_does_not_report("InputRemoved", |_, n| {
            set(n, &format!("{FILTER}/in"), Some(json!("header")))
        });
        assert!(got.contains(&"ParameterLocationChanged"), "{got:?}");
    }
}
