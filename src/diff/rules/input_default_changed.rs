use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// the default value of an input changed or was removed
    ///
    /// ### Why
    /// Flows that relied on the default silently send something else (a change of behaviour).
    /// Adding a default where there was none is not reported.
    ///
    /// ### Example
    /// Before: parameter `filter` with `default: a`.
    /// After: `filter` with `default: b` (or no `default`).
    pub(crate) static INPUT_DEFAULT_CHANGED: DiffRule {
        code: "InputDefaultChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "input",
        source: "BCD-01",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_default_changes() {
        snapshot_reports("InputDefaultChanged", |_, n| {
            set(n, &format!("{FILTER}/default"), Some(json!("b")))
        });
    }

    #[test]
    fn reported_when_a_default_is_removed() {
        assert_reports("InputDefaultChanged", |_, n| {
            set(n, &format!("{FILTER}/default"), None)
        });
    }

    #[test]
    fn not_reported_when_a_default_is_added() {
        assert_does_not_report("InputDefaultChanged", |_, n| {
            set(n, &format!("{GET}/parameters/3/default"), Some(json!(10)))
        });
    }
}
