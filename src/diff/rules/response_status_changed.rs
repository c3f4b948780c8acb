use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// the success response moved to another status code
    ///
    /// ### Why
    /// Output paths are keyed by status code (`responses/<code>/schema/…`): dynamic content
    /// references change.
    ///
    /// ### Example
    /// Before: `GetItem` answers `200`.
    /// After: `GetItem` answers `202` (and no longer `200`).
    pub(crate) static RESPONSE_STATUS_CHANGED: DiffRule {
        code: "ResponseStatusChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "output",
        source: "BCI-08",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_success_response_moves() {
        snapshot_reports("ResponseStatusChanged", |_, n| {
            let r = n.pointer(&format!("{GET}/responses/200")).unwrap().clone();
            set(n, &format!("{GET}/responses/200"), None);
            set(n, &format!("{GET}/responses/202"), Some(r));
        });
    }

    #[test]
    fn not_reported_when_a_success_response_is_added_beside_it() {
        assert_does_not_report("ResponseStatusChanged", |_, n| {
            set(
                n,
                &format!("{GET}/responses/202"),
                Some(json!({"description": "Accepted"})),
            )
        });
    }
}
