use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// all authentication was removed
    ///
    /// ### Why
    /// Existing connections were made with credentials the connector no longer describes.
    ///
    /// ### Example
    /// Before: `securityDefinitions: {oauth: {type: oauth2, …}}`.
    /// After: no `securityDefinitions` (or an empty one).
    pub(crate) static SECURITY_DEFINITION_REMOVED: DiffRule {
        code: "SecurityDefinitionRemoved",
        severity: Breaking,
        gate: Gate::Review,
        area: "connector",
        source: "BCI-06",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_all_authentication_is_removed() {
        snapshot_reports("SecurityDefinitionRemoved", |_, n| {
            set(n, "/securityDefinitions", None)
        });
    }

    #[test]
    fn not_reported_when_authentication_is_replaced() {
        let got = assert_does_not_report("SecurityDefinitionRemoved", |_, n| {
            set(
                n,
                "/securityDefinitions",
                Some(json!({"key": {"type": "apiKey", "in": "header", "name": "X-Key"}})),
            )
        });
        assert!(got.contains(&"AuthenticationTypeChanged"), "{got:?}");
    }
}
