use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// a documented response status was removed
    ///
    /// ### Why
    /// Clients lose the description of that response. A removed response that had a schema is
    /// `OutputSchemaRemoved`.
    ///
    /// ### Example
    /// Before: `GetItem` documents a `404` response without a schema.
    /// After: `GetItem` has no `404` response.
    pub(crate) static RESPONSE_REMOVED: DiffRule {
        code: "ResponseRemoved",
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
    fn reported_when_a_response_without_schema_is_removed() {
        snapshot_reports("ResponseRemoved", |_, n| {
            set(n, &format!("{GET}/responses/404"), None)
        });
    }

    #[test]
    fn not_reported_when_the_removed_response_had_a_schema() {
        let got = assert_does_not_report("ResponseRemoved", |_, n| {
            set(n, &format!("{GET}/responses/200"), None)
        });
        assert!(got.contains(&"OutputSchemaRemoved"), "{got:?}");
    }
}
